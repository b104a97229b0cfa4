/** todayIn: the one definition of "today" (services, command line, preview). */
import { dayFromIso, todayIn } from '../../src/core/days';
import { todayInParis } from '../../src/cli/verify';

describe('todayIn', () => {
  it('is the calendar day in the given time zone (23:30 UTC is already tomorrow in Paris)', () => {
    expect(todayIn('Europe/Paris', new Date('2018-03-04T23:30:00Z'))).toBe(dayFromIso('2018-03-05'));
  });

  it('is the UTC day in UTC', () => {
    expect(todayIn('UTC', new Date('2018-03-04T23:30:00Z'))).toBe(dayFromIso('2018-03-04'));
  });

  it('refuses an invalid clock rather than falling back to day 0', () => {
    expect(() => todayIn('Europe/Paris', new Date(Number.NaN))).toThrow(RangeError);
  });

  it("is the command line's today, in Europe/Paris", () => {
    const now = new Date('2019-06-30T22:15:00Z');
    expect(todayInParis(now)).toBe(dayFromIso('2019-07-01'));
  });

  it('defaults to the real clock', () => {
    const before = todayIn('Europe/Paris', new Date());
    const today = todayIn('Europe/Paris');
    expect([before, before + 1]).toContain(today);
  });
});
