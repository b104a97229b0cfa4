/** Dates of the "Présences" view: the sidebar refuses a missing date or a date after today (SPEC §4). */
import { ATTENDANCE_TEXT } from '../../../i18n/fr/attendance';
import { dayFromIso, frenchDate } from '../../../core/days';

/** Today on the user's computer, 'YYYY-MM-DD'. */
export function localTodayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Why a date field's value cannot be used, in French; null when it can. */
export function dateProblem(value: string, todayIso: string): string | null {
  const text = value.trim();
  if (text === '') return ATTENDANCE_TEXT.view.dateRequired;
  const day = dayFromIso(text);
  if (day === null) return ATTENDANCE_TEXT.dateInvalid(text);
  if (text > todayIso) return ATTENDANCE_TEXT.view.dateInFuture(frenchDate(day));
  return null;
}

/** 'YYYY-MM-DD' → 'JJ/MM/AAAA' for messages (the text itself when unreadable). */
export function frenchIso(iso: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : frenchDate(day);
}
