/**
 * Cell value parsing (SPEC §2.2). Every function takes any cell value and returns a value or
 * a typed problem; none throws.
 */
import { DateCellReader, Day, dayFromYmd, DEFAULT_TIME_ZONE, frenchDate } from './days';
import { ListDefinition, yesNoOf } from './lists';
import { cleanText, normalizeKey } from './text';

/** What a spreadsheet or an .xlsx reader gives for a cell. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type Parsed<T> =
  | { readonly status: 'blank' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'invalid'; readonly text: string };

export const BLANK: Parsed<never> = Object.freeze({ status: 'blank' });
export function ok<T>(value: T): Parsed<T> {
  return { status: 'ok', value };
}
/** An unreadable value, its text cut to 80 characters. */
export function invalidValue(text: string): Parsed<never> {
  return { status: 'invalid', text: text.length > 80 ? `${text.slice(0, 77)}…` : text };
}

/** The value of a parse result, or null when blank or invalid. */
export function valueOf<T>(p: Parsed<T>): T | null {
  return p.status === 'ok' ? p.value : null;
}

/**
 * True for a Date, whatever realm created it (Apps Script stand-ins and vm contexts give
 * Dates from another realm, for which `instanceof Date` is false).
 */
export function isDateValue(v: unknown): v is Date {
  // Most cells are strings and numbers: the type test first, then the prototype chain.
  if (typeof v !== 'object' || v === null) return false;
  if (v instanceof Date) return true;
  // Dates of another realm: their prototype, once recognised, is compared directly.
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && proto === foreignDatePrototype) return true;
  if (Object.prototype.toString.call(v) !== '[object Date]') return false;
  if (proto !== null && Object.prototype.toString.call(proto) === '[object Object]') foreignDatePrototype = proto;
  return true;
}
/** Date.prototype of the last other realm whose Date was seen (Apps Script stand-ins, vm contexts). */
let foreignDatePrototype: object | null = null;

/** Cell → cleaned text ('' for blank). Numbers are written without exponent noise. */
export function textOf(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cleanText(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'VRAI' : 'FAUX';
  if (isDateValue(cell)) return Number.isNaN(cell.getTime()) ? '' : textOfDateCell(cell);
  return cleanText(String(cell));
}

/** A Date cell in a text column: its calendar day in Paris, as JJ/MM/AAAA. */
const parisDates = new DateCellReader(DEFAULT_TIME_ZONE);
function textOfDateCell(d: Date): string {
  const day = parisDates.dayOf(d);
  return day === null ? '' : frenchDate(day);
}

export function isBlank(cell: CellValue): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') return cell.trim() === '';
  return false;
}

export function parseText(cell: CellValue): Parsed<string> {
  const t = textOf(cell);
  return t === '' ? BLANK : ok(t);
}

/** Two-digit years follow the spreadsheets' rule: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SERIAL_MIN = 1; // 1899-12-31
const SERIAL_MAX = 2_958_465; // 9999-12-31
/** Date cells are read from 1800-01-01 on, like text dates. */
const DATE_CELL_MIN = -36_522; // 1800-01-01

function dayOfSerial(n: number): Day | null {
  if (!Number.isFinite(n) || n < SERIAL_MIN || n > SERIAL_MAX) return null;
  return Math.floor(n);
}

/** Text date → Day, or null. */
export function dayOfText(text: string): Day | null {
  let m = DMY.exec(text);
  if (m) return dayFromYmd(fullYear(m[4]), Number(m[3]), Number(m[1]));
  m = YMD.exec(text);
  if (m) return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d+(\.\d+)?$/.test(text)) return dayOfSerial(Number(text));
  return null;
}

/**
 * Shared results for days (results are never mutated): fewer allocations on big sheets. A
 * direct-mapped table, one slot per day modulo 8 192: an array read instead of a hash look-up.
 */
const OK_DAY_SLOTS = 8192;
const okDays: ({ readonly status: 'ok'; readonly value: Day } | undefined)[] = new Array(OK_DAY_SLOTS).fill(undefined);
/** The (shared) result of a readable day. */
export function parsedDay(d: Day): Parsed<Day> {
  const slot = d & (OK_DAY_SLOTS - 1);
  const hit = okDays[slot];
  if (hit !== undefined && hit.value === d) return hit;
  const p = { status: 'ok', value: d } as const;
  okDays[slot] = p;
  return p;
}

export function parseDate(cell: CellValue, dates: DateCellReader): Parsed<Day> {
  if (isDateValue(cell)) {
    const d = dates.dayOf(cell);
    return d === null || d < DATE_CELL_MIN || d > SERIAL_MAX ? invalidValue(String(cell)) : parsedDay(d);
  }
  if (typeof cell === 'number') {
    const d = dayOfSerial(cell);
    return d === null ? invalidValue(String(cell)) : ok(d);
  }
  const t = textOf(cell);
  if (t === '') return BLANK;
  const d = dayOfText(t);
  return d === null ? invalidValue(t) : ok(d);
}

const yesNoCache = new Map<string, Parsed<boolean>>();

export function parseYesNo(cell: CellValue): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'string') {
    let hit = yesNoCache.get(cell);
    if (!hit) {
      hit = yesNoOfText(textOf(cell));
      if (yesNoCache.size < LIST_CACHE_LIMIT) yesNoCache.set(cell, hit);
    }
    return hit;
  }
  return yesNoOfText(textOf(cell));
}

function yesNoOfText(t: string): Parsed<boolean> {
  if (t === '') return BLANK;
  const v = yesNoOf(normalizeKey(t));
  return v === undefined ? invalidValue(t) : ok(v);
}

/** Results of list look-ups by raw text (a column repeats a handful of spellings). */
const listCache = new WeakMap<ListDefinition<string>, Map<string, Parsed<string>>>();
const LIST_CACHE_LIMIT = 5_000;

export function parseList<T extends string>(cell: CellValue, list: ListDefinition<T>): Parsed<T> {
  if (typeof cell === 'string') {
    let cache = listCache.get(list);
    if (!cache) listCache.set(list, (cache = new Map()));
    const hit = cache.get(cell);
    if (hit) return hit as Parsed<T>;
    const parsed = lookUpList(textOf(cell), list);
    if (cache.size < LIST_CACHE_LIMIT) cache.set(cell, parsed);
    return parsed;
  }
  return lookUpList(textOf(cell), list);
}

function lookUpList<T extends string>(t: string, list: ListDefinition<T>): Parsed<T> {
  if (t === '') return BLANK;
  const v = list.lookup.get(normalizeKey(t));
  return v === undefined ? invalidValue(t) : ok(v);
}

/** Shared results for the small whole numbers of number cells (durations, ages): no object per cell. */
const SMALL_INTEGERS: Parsed<number>[] = Array.from({ length: 128 }, (_, n) => ok(n));

/** A number, possibly written as text with a French decimal comma. */
export function parseNumber(cell: CellValue): Parsed<number> {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 0 && cell < SMALL_INTEGERS.length && !Object.is(cell, -0)) return SMALL_INTEGERS[cell];
    return Number.isFinite(cell) ? ok(cell) : invalidValue(String(cell));
  }
  const t = textOf(cell);
  if (t === '') return BLANK;
  const s = t.replace(/\s/g, '').replace(',', '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return invalidValue(t);
  return ok(Number(s));
}

export function parseInteger(cell: CellValue): Parsed<number> {
  const p = parseNumber(cell);
  if (p.status !== 'ok') return p;
  return Number.isInteger(p.value) ? p : invalidValue(textOf(cell));
}

/**
 * Identity of an ID for uniqueness and look-ups: case and surrounding spaces ignored, and one
 * leading apostrophe (`'00101` in a plain-text cell, left there by an earlier save that wrote
 * the apostrophe meant for an ordinary cell: the same person as `00101`).
 */
export function idKey(cell: CellValue): string {
  const t = textOf(cell);
  return (t.charCodeAt(0) === APOSTROPHE ? t.slice(1).trim() : t).toLowerCase();
}
const APOSTROPHE = 39;
