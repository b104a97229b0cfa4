/**
 * Date and time-zone helpers of the fake, written independently of src/ so that tests built
 * on the fake do not share the bugs of the code under test.
 */

export const MS_DAY = 86_400_000;
/** Serial day 0 = 1899-12-30, as Date.UTC milliseconds. */
export const SERIAL_ZERO_UTC = Date.UTC(1899, 11, 30);

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of the zone from UTC at `ms`, in minutes (via Intl's longOffset name). */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + (match[4] ? Number(match[4]) / 60 : 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The instant of wall-clock time (UTC fields of `wallMs`) in the zone. */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  let guess = wallMs - zoneOffsetMinutes(timeZone, wallMs) * 60_000;
  guess = wallMs - zoneOffsetMinutes(timeZone, guess) * 60_000;
  return Math.round(guess);
}

export function validYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Wall-clock fields of an instant in the zone. */
function wallClock(ms: number, timeZone: string): Date {
  return new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000);
}

/** True for a Date of any realm (vm contexts included). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True when a number format shows dates or times ('dd/MM/yyyy', 'hh:mm'…), not '@' or 'General'. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === '@') return false;
  const unquoted = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dy]/i.test(unquoted) || /^\[?h+\]?:mm/i.test(unquoted);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Utilities.formatDate: the patterns yyyy yy MM dd HH mm ss and 'quoted literals'. */
export function formatDateIn(date: Date, timeZone: string, pattern: string): string {
  const wall = wallClock(date.getTime(), timeZone);
  const fields: Record<string, string> = {
    yyyy: String(wall.getUTCFullYear()),
    yy: pad(wall.getUTCFullYear() % 100),
    MM: pad(wall.getUTCMonth() + 1),
    dd: pad(wall.getUTCDate()),
    HH: pad(wall.getUTCHours()),
    mm: pad(wall.getUTCMinutes()),
    ss: pad(wall.getUTCSeconds()),
  };
  return pattern.replace(/'([^']*)'|yyyy|yy|MM|dd|HH|mm|ss/g, (token, literal) =>
    literal !== undefined ? literal : fields[token],
  );
}

/** A Date as Sheets gives a date cell: midnight of 'YYYY-MM-DD' in the zone (independent of src/). */
export function sheetsDate(iso: string, timeZone = 'Europe/Paris'): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !validYmd(Number(match[1]), Number(match[2]), Number(match[3]))) throw new Error(`sheetsDate: bad date ${iso}`);
  return new Date(wallClockToInstant(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), timeZone));
}
