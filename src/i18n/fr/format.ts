/** French number formatting shared by every message (no dependency, same output in Apps Script and Node). */

/** 1439 → "1 439" (thousands grouped with a no-break space U+00A0); decimals with a comma. */
export function frenchNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const [whole, decimals] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** "1 ligne", "1 439 lignes": the count grouped, the noun agreed (French: plural from 2). */
export function countOf(n: number, one: string, many: string): string {
  return `${frenchNumber(n)} ${n >= 2 ? many : one}`;
}

/** A text cut at `max` characters says so: "…" at the end. */
export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Weekday names, index 0 = dimanche (as `Date#getUTCDay`). */
export const WEEKDAY_NAMES: readonly string[] = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
/** Month names, index 0 = janvier. */
export const MONTH_NAMES: readonly string[] = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** A date written in full, as printed: "mardi 30 octobre 2018", "jeudi 1er novembre 2018" (month 1–12, weekday 0 = dimanche). */
export function fullFrenchDate(year: number, month: number, dayOfMonth: number, weekday: number): string {
  const d = dayOfMonth === 1 ? '1er' : String(dayOfMonth);
  return `${WEEKDAY_NAMES[weekday]} ${d} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** A time of day (minutes since midnight) as printed: 840 → "14 h 00", 545 → "9 h 05" (no-break spaces). */
export function formatTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes - h * 60;
  return `${h}\u00a0h\u00a0${String(m).padStart(2, '0')}`;
}

/** Hours with a decimal comma: 2.5 → "2,5 h", 1028 → "1 028 h" (no-break spaces). */
export function formatHours(hours: number): string {
  return `${frenchNumber(hours)}\u00a0h`;
}
