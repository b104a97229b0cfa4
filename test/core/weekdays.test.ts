import { checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { unusualWeekdayFor, usualWeekdayOf } from '../../src/core/weekdays';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const day = (iso: string): number => dayFromIso(iso)!;
const days = (...isos: string[]) => new Set(isos.map(day));
// Tuesdays of 2018 and one Wednesday.
const TUESDAYS = ['2018-10-02', '2018-10-09', '2018-10-16', '2018-10-23'];

describe('the usual weekday of a year (SESSION_UNUSUAL_WEEKDAY, SPEC §3)', () => {
  it('is the weekday of at least 75 % of the distinct dates, when there are at least 4', () => {
    expect(usualWeekdayOf(days(...TUESDAYS))).toBe(2);
    expect(usualWeekdayOf(days(...TUESDAYS.slice(0, 3)))).toBeNull();
    expect(usualWeekdayOf(days(...TUESDAYS.slice(0, 3), '2018-10-24'))).toBe(2); // 3 of 4
    expect(usualWeekdayOf(days(...TUESDAYS.slice(0, 2), '2018-10-24', '2018-10-25'))).toBeNull(); // 2 of 4
  });

  it('judges a new date against the other dates of its year only', () => {
    expect(unusualWeekdayFor(day('2018-10-24'), TUESDAYS.map(day))).toBe(2);
    expect(unusualWeekdayFor(day('2018-10-30'), TUESDAYS.map(day))).toBeNull();
    expect(unusualWeekdayFor(day('2019-10-23'), TUESDAYS.map(day))).toBeNull();
  });
});

describe('SESSION_UNUSUAL_WEEKDAY in the checks', () => {
  const sessions = (isos: string[]) => isos.map((date) => ({ date, theme: 'CV' }));

  it('warns on the session of another weekday, naming both weekdays', () => {
    const model = readModel(
      buildWorkbook({ participants: [participant()], sessions: sessions([...TUESDAYS, '2018-10-24', '2018-10-30']) }),
    );
    const issues = checkWorkbook(model, day('2026-11-26')).issues.filter((i) => i.code === 'SESSION_UNUSUAL_WEEKDAY');
    expect(issues.map((i) => [i.sheet, i.row, i.severity, i.column])).toEqual([['Séances', 6, 'warning', 'Date']]);
    expect(issues[0].message).toContain('mercredi 24 octobre 2018');
    expect(issues[0].message).toContain('le mardi');
  });

  it('says nothing when the year has fewer than 4 session dates or no dominant weekday', () => {
    for (const isos of [
      ['2018-10-02', '2018-10-09', '2018-10-24'],
      ['2018-10-02', '2018-10-09', '2018-10-24', '2018-10-25'],
    ]) {
      const model = readModel(buildWorkbook({ participants: [participant()], sessions: sessions(isos) }));
      expect(checkWorkbook(model, day('2026-11-26')).issues.filter((i) => i.code === 'SESSION_UNUSUAL_WEEKDAY')).toEqual([]);
    }
  });
});
