/** Leap years (Gregorian rules): what makes 29 February a date, at the module that decides it. */
import { dayFromIso, dayFromYmd, daysInMonth, isLeapYear, isoOfDay, minusCalendarMonths } from '../../src/core/days';

describe('leap years', () => {
  it('follows the century rule: 1900 and 2100 are not leap years, 2000 and 2400 are', () => {
    expect([1900, 2000, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true]);
  });

  it('makes every fourth year a leap year outside centuries', () => {
    expect([2023, 2024, 2025, 2026, 2027, 2028].map(isLeapYear)).toEqual([false, true, false, false, false, true]);
  });

  it('refuses 29/02/2100 and 29/02/1900 as dates, and accepts 29/02/2000', () => {
    expect(dayFromYmd(2100, 2, 29)).toBeNull();
    expect(dayFromYmd(1900, 2, 29)).toBeNull();
    expect(dayFromIso('2100-02-29')).toBeNull();
    const leapDay = dayFromIso('2000-02-29');
    expect(leapDay).not.toBeNull();
    expect(isoOfDay(leapDay!)).toBe('2000-02-29');
    expect(isoOfDay(leapDay! + 1)).toBe('2000-03-01');
  });

  it('gives February 28 days in 2100 and 29 days in 2000', () => {
    expect([daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2024, 2), daysInMonth(2026, 2)]).toEqual([28, 29, 29, 28]);
  });

  it('goes from 31/08/2100 back six months to 28/02/2100, and from 31/08/2000 to 29/02/2000', () => {
    expect(isoOfDay(minusCalendarMonths(dayFromIso('2100-08-31')!, 6))).toBe('2100-02-28');
    expect(isoOfDay(minusCalendarMonths(dayFromIso('2000-08-31')!, 6))).toBe('2000-02-29');
  });
});
