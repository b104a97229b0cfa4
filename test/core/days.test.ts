import { ageOn, dayFromIso, dayFromYmd, isoOfDay, midnightInTimeZone, DateCellReader } from '../../src/core/days';

describe('calendar days', () => {
  it('uses spreadsheet serial numbers (1899-12-30 = 0)', () => {
    expect(dayFromYmd(1899, 12, 30)).toBe(0);
    expect(dayFromYmd(2017, 3, 7)).toBe(42801);
    expect(isoOfDay(42646)).toBe('2016-10-03');
  });

  it('rejects impossible days instead of rolling them over', () => {
    expect(dayFromYmd(2001, 2, 31)).toBeNull();
    expect(dayFromYmd(2001, 2, 29)).toBeNull();
    expect(dayFromYmd(2000, 2, 29)).not.toBeNull();
    expect(dayFromIso('2017-13-01')).toBeNull();
  });

  it('counts an 18th birthday on the day itself as 18 completed years', () => {
    const birth = dayFromYmd(2000, 5, 12)!;
    expect(ageOn(birth, dayFromYmd(2018, 5, 12)!)).toBe(18);
    expect(ageOn(birth, dayFromYmd(2018, 5, 11)!)).toBe(17);
  });

  it('reads a Date cell as the calendar day in the spreadsheet time zone', () => {
    // Midnight in Paris is the previous day in UTC.
    const reader = new DateCellReader('Europe/Paris');
    expect(reader.dayOf(new Date('2017-03-06T23:00:00Z'))).toBe(dayFromYmd(2017, 3, 7));
    expect(reader.dayOf(new Date('2017-07-03T22:00:00Z'))).toBe(dayFromYmd(2017, 7, 4));
    const d = dayFromYmd(2018, 10, 28)!;
    expect(reader.dayOf(midnightInTimeZone(d, 'Europe/Paris'))).toBe(d);
    expect(midnightInTimeZone(dayFromYmd(2018, 7, 1)!, 'Europe/Paris').toISOString()).toBe('2018-06-30T22:00:00.000Z');
  });
});
