/**
 * Calendar days. A `Day` is a spreadsheet serial day number (1899-12-30 = 0), an integer.
 * All arithmetic is done on integers; no Date object ever leaves this file except through
 * the explicit time-zone conversions below.
 */

import { fullFrenchDate } from '../i18n/fr/format';
/** The Mission locale's time zone: the default wherever a workbook or a command gives none. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export type Day = number;
/** 'YYYY-MM-DD' */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01. */
const EPOCH_SERIAL = 25_569;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface Ymd {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

function civilFromDays(z: number): Ymd {
  const packed = packedYmd(z);
  const year = Math.floor(packed / 512);
  const monthDay = packed - year * 512;
  return { year, month: monthDay >> 5, day: monthDay & 31 };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** The day of y-m-d, or null when it does not exist (31/02 is never rolled over). */
export function dayFromYmd(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1800 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day) + EPOCH_SERIAL;
}

export function ymdOfDay(day: Day): Ymd {
  return civilFromDays(day - EPOCH_SERIAL);
}

export function yearOfDay(day: Day): number {
  return civilFromDays(day - EPOCH_SERIAL).year;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoOfDay(day: Day): IsoDate {
  const { year, month, day: d } = ymdOfDay(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** 'JJ/MM/AAAA' for French messages. */
export function frenchDate(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return `${pad(d, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (day 0, 1899-12-30, was a Saturday). */
export function weekdayOf(day: Day): number {
  return (((day + 6) % 7) + 7) % 7;
}

/** The day written in full, as printed documents do: "mardi 30 octobre 2018", "jeudi 1er novembre 2018". */
export function longFrenchDate(day: Day): string {
  const { year, month, day: d } = ymdOfDay(day);
  return fullFrenchDate(year, month, d, weekdayOf(day));
}

/** Strict 'YYYY-MM-DD' → Day, or null. */
export function dayFromIso(iso: unknown): Day | null {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * Completed years at `on` of someone born on `birth` (a birthday on that very day counts).
 * Called once per person by the indicators: numbers only, no Ymd object.
 */
export function ageOn(birth: Day, on: Day): number {
  // y·512 + m·32 + d: the month and day take < 512, so the floored difference / 512 is the
  // difference of years, less one when the month and day of `on` come before those of `birth`.
  return Math.floor((packedYmd(on - EPOCH_SERIAL) - packedYmd(birth - EPOCH_SERIAL)) / 512);
}

/** civilFromDays as one number, y·512 + m·32 + d (same arithmetic, no object). */
function packedYmd(z: number): number {
  z += 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (era * 400 + yoe + (month <= 2 ? 1 : 0)) * 512 + month * 32 + day;
}

export function firstDayOfYear(year: number): Day {
  return daysFromCivil(year, 1, 1) + EPOCH_SERIAL;
}

export function lastDayOfYear(year: number): Day {
  return daysFromCivil(year, 12, 31) + EPOCH_SERIAL;
}

/** Day of a UTC timestamp (the UTC calendar day). */
export function dayOfUtcMillis(ms: number): Day {
  return Math.floor(ms / MS_PER_DAY) + EPOCH_SERIAL;
}

/** UTC midnight of a day, in milliseconds. */
export function utcMillisOfDay(day: Day): number {
  return (day - EPOCH_SERIAL) * MS_PER_DAY;
}

// ---------------------------------------------------------------------------------------
// Time zones. Sheets gives a Date cell as midnight in the spreadsheet's time zone.

const offsetFormatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = offsetFormatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // The runtime does not know this time zone: the EU rule below is used instead.
      f = null;
    }
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** Europe/Paris offset by the EU rule (used only if the runtime has no time-zone data). */
function parisOffsetMinutes(ms: number): number {
  const { year } = ymdOfDay(dayOfUtcMillis(ms));
  const lastSunday = (month: number): number => {
    const last = daysFromCivil(year, month, daysInMonth(year, month));
    const weekday = (((last + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    return (last - weekday) * MS_PER_DAY + 3_600_000; // 01:00 UTC
  };
  return ms >= lastSunday(3) && ms < lastSunday(10) ? 120 : 60;
}

/** Beyond ±8.64e15 ms a Date is invalid. */
const MAX_DATE_MS = 8.64e15;

function exactOffsetMinutes(f: Intl.DateTimeFormat, ms: number): number {
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return Number.NaN;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return Math.round((asUtc - (ms - (ms % 1000))) / 60_000);
}

/**
 * Where offsets come from: a function giving the offset of a time zone from UTC at an
 * instant, in minutes (east positive). The default reads the runtime's Intl data; the Apps
 * Script adapter checks it against Apps Script's own (Utilities.formatDate) once per
 * execution and passes that one instead when they disagree (see checkedOffsets).
 */
export type OffsetSource = (timeZone: string, ms: number) => number;

/**
 * Offsets are cached per 28-day bucket: a bucket holds at most one change of offset (real
 * time zones change twice a year at most), found once by bisection to the minute. This keeps
 * calls of the underlying source to a few hundred for a sheet of 10 000 distinct birth dates.
 */
const BUCKET_MS = 28 * MS_PER_DAY;
interface OffsetBucket {
  before: number;
  after: number;
  /** First instant with the `after` offset. */
  switchAt: number;
}

function bucketFor(
  cache: Map<string, Map<number, OffsetBucket>>,
  timeZone: string,
  exact: OffsetSource,
  index: number,
): OffsetBucket {
  let buckets = cache.get(timeZone);
  if (!buckets) cache.set(timeZone, (buckets = new Map()));
  let b = buckets.get(index);
  if (!b) {
    const start = index * BUCKET_MS;
    const end = start + BUCKET_MS - 60_000;
    const before = exact(timeZone, start);
    const after = exact(timeZone, end);
    let switchAt = end + 60_000;
    if (before !== after) {
      // Bisection on whole minutes: offset(lo) = before, offset(hi) = after.
      let lo = start;
      let hi = end;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (exact(timeZone, mid) === before) lo = mid;
        else hi = mid;
      }
      switchAt = hi;
    }
    b = { before, after, switchAt };
    buckets.set(index, b);
  }
  return b;
}

/** `exact` behind the per-28-day bucket cache (the cache belongs to the returned source). */
export function bucketedOffsets(exact: OffsetSource): OffsetSource {
  const cache = new Map<string, Map<number, OffsetBucket>>();
  return (timeZone, ms) => {
    // Buckets only inside years 1800–9999 (the edges of Date's range stay exact).
    const b = ms > -5.4e12 && ms < 2.5e14 ? bucketFor(cache, timeZone, exact, Math.floor(ms / BUCKET_MS)) : null;
    if (!b || !Number.isFinite(b.before) || !Number.isFinite(b.after)) return exact(timeZone, ms);
    return ms < b.switchAt ? b.before : b.after;
  };
}

function intlExactOffset(timeZone: string, ms: number): number {
  const f = formatterFor(timeZone);
  if (!f) return timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 0 : parisOffsetMinutes(ms);
  return exactOffsetMinutes(f, ms);
}

/** Offsets from the runtime's Intl time-zone data (Europe/Paris rules if it has none). */
export const intlOffsetMinutes: OffsetSource = bucketedOffsets(intlExactOffset);

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (Intl). */
export function timeZoneOffsetMinutes(timeZone: string, ms: number): number {
  return intlOffsetMinutes(timeZone, ms);
}

/**
 * Instants where two sources are compared: noon UTC in mid-winter and mid-summer of years
 * far apart (both sides of the offset changes of most zones), so that a missing or wrong
 * time-zone database shows; and noon on 30/12/1899, the day of Sheets' time cells, when most
 * zones were on local mean time (Paris: UTC+0:09:21), which a source without the zone's
 * history gets wrong.
 */
export const OFFSET_CHECK_INSTANTS: readonly number[] = [
  Date.UTC(1899, 11, 30, 12),
  Date.UTC(1990, 0, 15, 12),
  Date.UTC(1990, 6, 15, 12),
  Date.UTC(2025, 0, 15, 12),
  Date.UTC(2025, 6, 15, 12),
];

/**
 * `primary` when it agrees with `reference` at every sample instant, else `reference` (the
 * whole execution then uses it). Costs one `reference` call per sample.
 */
export function checkedOffsets(
  timeZone: string,
  primary: OffsetSource,
  reference: OffsetSource,
  samples: readonly number[] = OFFSET_CHECK_INSTANTS,
): { source: OffsetSource; agreed: boolean } {
  for (const ms of samples) {
    const expected = reference(timeZone, ms);
    if (Number.isFinite(expected) && primary(timeZone, ms) !== expected) return { source: reference, agreed: false };
  }
  return { source: primary, agreed: true };
}

/**
 * Reads Date cells as calendar days in a time zone, converting each distinct instant once
 * (a sheet holds few distinct dates, many times each).
 */
const CACHE_BITS = 13;
const CACHE_SLOTS = 1 << CACHE_BITS;

export class DateCellReader {
  /**
   * A small direct-mapped cache (instant → day) in typed arrays, one slot per UTC day modulo
   * 8 192 (22 years of consecutive days without collision): no hashing, no number boxed per
   * cell, and neighbouring dates in neighbouring slots.
   */
  private readonly cachedMs = new Float64Array(CACHE_SLOTS).fill(Number.NaN);
  private readonly cachedDay = new Float64Array(CACHE_SLOTS);
  constructor(
    readonly timeZone: string,
    readonly offsets: OffsetSource = intlOffsetMinutes,
  ) {}

  dayOf(date: Date): Day | null {
    const ms = date.getTime();
    if (Number.isNaN(ms)) return null;
    const slot = Math.floor(ms / MS_PER_DAY) & (CACHE_SLOTS - 1);
    let day: Day;
    if (this.cachedMs[slot] === ms) day = this.cachedDay[slot];
    else {
      day = dayOfUtcMillis(ms + this.offsets(this.timeZone, ms) * 60_000);
      this.cachedMs[slot] = ms;
      this.cachedDay[slot] = day;
    }
    // Instants at the very edge of Date's range have no offset (NaN).
    return Number.isFinite(day) ? day : null;
  }
}

/**
 * Today's calendar day in a time zone: the one definition of "today" (Apps Script's services,
 * the command line, the preview). `now` must be a valid Date (the clock's): never day 0.
 * `offsets`: the time-zone offsets (Apps Script passes its workbook's, checked against Utilities).
 */
export function todayIn(timeZone: string, now: Date = new Date(), offsets: OffsetSource = intlOffsetMinutes): Day {
  const ms = now.getTime();
  const day = dayOfUtcMillis(ms + offsets(timeZone, ms) * 60_000);
  if (!Number.isFinite(day)) throw new RangeError('todayIn: invalid clock');
  return day;
}

/** The Date that Sheets would give for `day` at midnight in `timeZone`. */
export function midnightInTimeZone(day: Day, timeZone: string, offsets: OffsetSource = intlOffsetMinutes): Date {
  return wallClockInTimeZone(utcMillisOfDay(day), timeZone, offsets);
}

/**
 * The Date of a wall-clock date and time (the UTC fields of `wallMs`) in `timeZone`: how Sheets
 * gives a date-time or time cell (a time on 30/12/1899, with the zone's offset of then).
 */
export function wallClockInTimeZone(wallMs: number, timeZone: string, offsets: OffsetSource = intlOffsetMinutes): Date {
  let guess = wallMs - offsets(timeZone, wallMs) * 60_000;
  guess = wallMs - offsets(timeZone, guess) * 60_000;
  return new Date(guess);
}

/**
 * `day` minus `months` calendar months (SPEC §4): the same day of the month, or the month's
 * last day when it has no such day (31/08 minus 6 months → 28/02 or 29/02).
 */
export function minusCalendarMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdOfDay(day);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(d, daysInMonth(y, m))) + EPOCH_SERIAL;
}
