import { isFrenchPhone } from '../../src/core/checks/formats';
import { dialPhone, displayPhone } from '../../src/core/phones';

describe('phones as Sheets gives them', () => {
  it('shows and dials a 9-digit number as the French number that lost its 0', () => {
    expect(displayPhone(612345678)).toBe('06 12 34 56 78');
    expect(dialPhone(612345678)).toBe('tel:0612345678');
    expect(displayPhone(145678901)).toBe('01 45 67 89 01');
    expect(isFrenchPhone(612345678)).toBe(true);
  });

  it('shows and dials an 11-digit number starting with 33 as +33', () => {
    expect(displayPhone(33612345678)).toBe('+33 6 12 34 56 78');
    expect(dialPhone(33612345678)).toBe('tel:+33612345678');
    expect(isFrenchPhone(33612345678)).toBe(true);
  });

  it('shows other phones as written, and nothing for a blank cell', () => {
    expect(displayPhone(' 06.12.34.56.78 ')).toBe('06.12.34.56.78');
    expect(dialPhone('06.12.34.56.78')).toBe('tel:0612345678');
    expect(displayPhone(12345)).toBe('12345');
    expect(displayPhone(1234567890)).toBe('1234567890');
    expect(isFrenchPhone(12345)).toBe(false);
    expect([displayPhone(''), displayPhone(null), dialPhone('  ')]).toEqual([null, null, null]);
  });
});
