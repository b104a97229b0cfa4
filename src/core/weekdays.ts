/**
 * The usual weekday of a year's sessions (SPEC §3 SESSION_UNUSUAL_WEEKDAY, §4 a new session):
 * the weekday of at least 75 % of the year's distinct session dates, when there are at least 4.
 */
import { Day, weekdayOf, yearOfDay } from './days';

/** Fewest distinct session dates of a year for a usual weekday. */
export const USUAL_WEEKDAY_MIN_DATES = 4;
/** Share of those dates that must fall on one weekday. */
export const USUAL_WEEKDAY_SHARE = 0.75;

/** The usual weekday (0 = dimanche … 6 = samedi) of distinct days, or null when there is none. */
export function usualWeekdayOf(days: ReadonlySet<Day>): number | null {
  if (days.size < USUAL_WEEKDAY_MIN_DATES) return null;
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const d of days) counts[weekdayOf(d)]++;
  for (let w = 0; w < 7; w++) if (counts[w] >= USUAL_WEEKDAY_SHARE * days.size) return w;
  return null;
}

/** Distinct session days grouped by year. */
export function daysByYear(days: Iterable<Day>): Map<number, Set<Day>> {
  const out = new Map<number, Set<Day>>();
  for (const d of days) {
    const y = yearOfDay(d);
    let set = out.get(y);
    if (!set) out.set(y, (set = new Set()));
    set.add(d);
  }
  return out;
}

/**
 * The year's usual weekday when `day` is not on it, judged over the year's other session
 * dates (`day` itself left out); null when `day` is on it or the year has no usual weekday.
 */
export function unusualWeekdayFor(day: Day, sessionDays: Iterable<Day>): number | null {
  const year = yearOfDay(day);
  const others = new Set<Day>();
  for (const d of sessionDays) if (d !== day && yearOfDay(d) === year) others.add(d);
  const usual = usualWeekdayOf(others);
  return usual !== null && usual !== weekdayOf(day) ? usual : null;
}
