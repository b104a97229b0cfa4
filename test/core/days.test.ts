import {
  ageOn,
  bucketedOffsets,
  checkedOffsets,
  dayFromIso,
  dayFromYmd,
  intlOffsetMinutes,
  isoOfDay,
  longFrenchDate,
  weekdayOf,
  ymdOfDay,
  midnightInTimeZone,
  minusCalendarMonths,
  DateCellReader,
  OFFSET_CHECK_INSTANTS,
  type OffsetSource,
} from '../../src/core/days';

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

  it('gives the completed years of the calendar dates (born 29/02, leap years, before birth)', () => {
    const reference = (birth: number, on: number): number => {
      const b = ymdOfDay(birth);
      const r = ymdOfDay(on);
      return r.year - b.year - (r.month < b.month || (r.month === b.month && r.day < b.day) ? 1 : 0);
    };
    const leapBirth = dayFromYmd(2004, 2, 29)!;
    expect(ageOn(leapBirth, dayFromYmd(2022, 2, 28)!)).toBe(17);
    expect(ageOn(leapBirth, dayFromYmd(2022, 3, 1)!)).toBe(18);
    for (let birth = dayFromYmd(1899, 12, 25)!; birth < dayFromYmd(2101, 1, 1)!; birth += 367) {
      for (let on = birth - 400; on < birth + 40_000; on += 97) expect(ageOn(birth, on)).toBe(reference(birth, on));
    }
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

describe('offset sources (Intl checked against another source)', () => {
  const REUNION = 'Indian/Reunion';
  /** Midnight 2018-03-06 in La Réunion (UTC+4, no summer time). */
  const reunionMidnight = new Date(Date.UTC(2018, 2, 5, 20));
  /** What an Intl without time-zone data would say: Paris offsets for every zone. */
  const lyingIntl: OffsetSource = (_tz, ms) => intlOffsetMinutes('Europe/Paris', ms);

  it('reads a Date cell with the offsets it is given', () => {
    expect(isoOfDay(new DateCellReader(REUNION, () => 240).dayOf(reunionMidnight)!)).toBe('2018-03-06');
  });

  it('is one day off in La Réunion when Intl falls back to Paris offsets', () => {
    expect(isoOfDay(new DateCellReader(REUNION, lyingIntl).dayOf(reunionMidnight)!)).toBe('2018-03-05');
  });

  it('keeps Intl when the reference agrees at every sample instant', () => {
    // UTC+4 today; in 1899 (a sample instant too: Sheets' time cells), local mean time.
    const reference: OffsetSource = (tz, ms) => (ms < Date.UTC(1912, 0, 1) ? intlOffsetMinutes(tz, ms) : 240);
    expect(checkedOffsets(REUNION, intlOffsetMinutes, reference)).toEqual({ source: intlOffsetMinutes, agreed: true });
  });

  it('uses the reference instead when Intl disagrees, which gives the right day', () => {
    const reference: OffsetSource = () => 240;
    const check = checkedOffsets(REUNION, lyingIntl, reference);
    expect([check.agreed, isoOfDay(new DateCellReader(REUNION, check.source).dayOf(reunionMidnight)!)]).toEqual([
      false,
      '2018-03-06',
    ]);
  });

  it('asks the reference once per sample instant, whatever is read afterwards', () => {
    let calls = 0;
    const reference: OffsetSource = (tz, ms) => {
      calls++;
      return intlOffsetMinutes(tz, ms);
    };
    const source = checkedOffsets('Europe/Paris', intlOffsetMinutes, reference).source;
    const reader = new DateCellReader('Europe/Paris', source);
    for (let d = 0; d < 2_000; d++) reader.dayOf(new Date(Date.UTC(1990, 0, 1) + d * 86_400_000));
    expect(calls).toBe(OFFSET_CHECK_INSTANTS.length);
  });

  it('caches a source per 28 days: far fewer calls than the 10 000 distinct days read', () => {
    let calls = 0;
    const source = bucketedOffsets((tz, ms) => {
      calls++;
      return intlOffsetMinutes(tz, ms);
    });
    const reader = new DateCellReader('Europe/Paris', source);
    for (let d = 0; d < 10_000; d++) reader.dayOf(midnightInTimeZone(dayFromYmd(1990, 1, 1)! + d, 'Europe/Paris'));
    expect(calls).toBeLessThan(2_000);
  });

  it('writes midnight with the offsets it is given', () => {
    expect(midnightInTimeZone(dayFromIso('2018-03-06')!, REUNION, () => 240).toISOString()).toBe('2018-03-05T20:00:00.000Z');
  });
});

describe('minusCalendarMonths (SPEC §4: D minus 6 calendar months)', () => {
  const minus6 = (iso: string) => isoOfDay(minusCalendarMonths(dayFromIso(iso)!, 6));

  it('keeps the day of the month', () => {
    expect(minus6('2018-10-30')).toBe('2018-04-30');
  });

  it('goes back across a year', () => {
    expect(minus6('2018-03-06')).toBe('2017-09-06');
  });

  it('takes the last day of February when the day does not exist (31/08 → 28/02)', () => {
    expect(minus6('2018-08-31')).toBe('2018-02-28');
  });

  it('takes 29/02 in a leap year', () => {
    expect(minus6('2020-08-31')).toBe('2020-02-29');
  });

  it('takes the 30th for a month of 30 days', () => {
    expect(isoOfDay(minusCalendarMonths(dayFromIso('2018-05-31')!, 1))).toBe('2018-04-30');
  });
});

describe('dates written in full', () => {
  it('names the weekday and the month, and writes the first of the month "1er"', () => {
    expect(longFrenchDate(dayFromYmd(2018, 10, 30) as number)).toBe('mardi 30 octobre 2018');
    expect(longFrenchDate(dayFromYmd(2018, 11, 1) as number)).toBe('jeudi 1er novembre 2018');
    expect(longFrenchDate(dayFromYmd(2018, 10, 24) as number)).toBe('mercredi 24 octobre 2018');
  });

  it('gives the weekday of days before and after the serial epoch as Date does', () => {
    for (const [y, m, d] of [
      [1899, 12, 30],
      [1899, 1, 1],
      [2024, 2, 29],
      [2100, 3, 1],
    ]) {
      expect(weekdayOf(dayFromYmd(y, m, d) as number)).toBe(new Date(Date.UTC(y, m - 1, d)).getUTCDay());
    }
  });
});
