/** The phone check reads a number the same way as the regular expression of SPEC §3, without copying the text. */
import fc from 'fast-check';
import { isFrenchPhone, isFrenchPhoneText } from '../../src/core/checks/formats';

/** The definition: separators out, then 0 and 9 digits or +33 and 9 digits. */
const reference = (text: string): boolean => /^(?:0\d{9}|\+33\d{9})$/.test(text.replace(/[\s.-]/g, ''));

const SPACES = ['\t', '\n', '\u000b', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a'];
const MORE_SPACES = ['\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const OTHERS = ['+', '.', '-', '3', '0', '6', '9', 'a', '٣', '/', '(', '\u200b', '\u180e'];
const phoneChar = fc.constantFrom(...'0123456789'.split(''), ...SPACES, ...MORE_SPACES, ...OTHERS);

describe('isFrenchPhoneText', () => {
  it.each([
    ['06 12 34 56 78', true],
    ['06.12.34.56.78', true],
    ['+33 6 12 34 56 78', true],
    ['+33-612345678', true],
    ['0612345678\u202f', true],
    ['612345678', false],
    ['+34 6 12 34 56 78', false],
    ['06 12 34 56 7', false],
    ['06 12 34 56 789', false],
    ['33+612345678', false],
    ['', false],
  ])('reads %j as %s', (text, expected) => {
    expect(isFrenchPhoneText(text)).toBe(expected);
  });

  it('agrees with the regular expression on any text made of digits, separators and look-alikes', () => {
    fc.assert(
      fc.property(
        fc.array(phoneChar, { maxLength: 20 }).map((cs) => cs.join('')),
        (text) => {
          expect(isFrenchPhoneText(text)).toBe(reference(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with the regular expression on well-formed numbers with random separators', () => {
    const separator = fc.constantFrom('', ' ', '.', '-', '\u00a0', '\u202f', '/');
    const number = fc.tuple(
      fc.constantFrom('0', '+33', '+3', '33', '00'),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 10 }),
    );
    fc.assert(
      fc.property(number, fc.array(separator, { minLength: 12, maxLength: 12 }), ([lead, digits], seps) => {
        const text = lead + digits.map((d, i) => `${seps[i]}${d}`).join('');
        expect(isFrenchPhoneText(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isFrenchPhone', () => {
  it('accepts a number cell that lost its leading 0', () => {
    expect(isFrenchPhone(612345678)).toBe(true);
  });
});
