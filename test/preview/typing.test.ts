/** Text typed in the preview's grid, read as Sheets fr_FR reads it (SPEC §8). */
import { DateCellReader, dayFromIso } from '../../src/core/days';
import { readTypedText } from '../../src/preview/typing';

const TZ = 'Europe/Paris';
const dates = new DateCellReader(TZ);
const dayOf = (v: unknown) => (v instanceof Date ? dates.dayOf(v) : null);

describe('readTypedText', () => {
  it('reads JJ/MM/AAAA, JJ/MM/AA and AAAA-MM-JJ as dates: midnight of that day in the time zone', () => {
    for (const text of ['15/03/2001', '15/3/01', '2001-03-15', ' 15/03/2001 ']) {
      const v = readTypedText(text, TZ);
      expect([text, dayOf(v)]).toEqual([text, dayFromIso('2001-03-15')]);
      expect((v as Date).getTime()).toBe(Date.UTC(2001, 2, 14, 23));
    }
  });

  it('keeps an impossible date as the text typed (Sheets does not invent a day)', () => {
    expect(readTypedText('31/02/2001', TZ)).toBe('31/02/2001');
    expect(readTypedText('3 mars', TZ)).toBe('3 mars');
  });

  it('reads numbers with a decimal comma and grouped thousands; a decimal point stays text', () => {
    expect(readTypedText('12,5', TZ)).toBe(12.5);
    expect(readTypedText('-3', TZ)).toBe(-3);
    expect(readTypedText('1 250,75', TZ)).toBe(1250.75);
    expect(readTypedText('1\u202f250', TZ)).toBe(1250);
    expect(readTypedText('12.5', TZ)).toBe('12.5');
    expect(readTypedText('06 39 98 00 01', TZ)).toBe('06 39 98 00 01');
  });

  it('reads 14h30, 14:30 and 9h as times of day (30/12/1899, as Sheets gives them)', () => {
    const base = new Date(Date.UTC(1899, 11, 30)).getTime();
    for (const [text, minutes] of [
      ['14h30', 870],
      ['14:30', 870],
      ['9h', 540],
    ] as const) {
      const v = readTypedText(text, TZ) as Date;
      expect(dayOf(v)).toBe(0);
      // Paris was 9 min 21 s ahead of UTC in 1899.
      expect([text, Math.round((v.getTime() - base) / 60000)]).toEqual([text, minutes - 9]);
    }
    expect(readTypedText('25h00', TZ)).toBe('25h00');
    expect(readTypedText('14:75', TZ)).toBe('14:75');
  });

  it('keeps text after a leading apostrophe, formulas as text, and empties a blank entry', () => {
    expect(readTypedText("'15/03/2001", TZ)).toBe('15/03/2001');
    expect(readTypedText("'0612", TZ)).toBe('0612');
    expect(readTypedText('=1+1', TZ)).toBe('=1+1');
    expect(readTypedText('   ', TZ)).toBe('');
    expect(readTypedText('', TZ)).toBe('');
    expect(readTypedText('Présent', TZ)).toBe('Présent');
  });

  it('reads VRAI and FAUX (or TRUE and FALSE, any case) as booleans, and keeps them as text after an apostrophe', () => {
    expect(['VRAI', 'faux', 'True', ' FALSE '].map((t) => readTypedText(t, TZ))).toEqual([true, false, true, false]);
    expect(readTypedText("'VRAI", TZ)).toBe('VRAI');
    expect(readTypedText('Vraiment', TZ)).toBe('Vraiment');
  });
});
