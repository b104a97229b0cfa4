/**
 * Text typed in the preview's grid, read as Google Sheets (fr_FR) reads it (SPEC §8): a date
 * JJ/MM/AAAA (or JJ/MM/AA, AAAA-MM-JJ) becomes a date, a number with a decimal comma a number,
 * `14h30` (or `14:30`) a time, `VRAI`/`FAUX` a boolean, a leading apostrophe keeps the rest as text. A formula (`=…`)
 * stays text in the preview (nothing is ever evaluated). Anything else is kept as typed.
 */
import { dayFromYmd, midnightInTimeZone } from '../core/days';
import type { CellValue } from '../core/values';

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMBER = /^[+-]?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(,\d+)?$/;
const TIME = /^(\d{1,2})(?:h|:)(\d{2})?(?::(\d{2}))?$/i;

/** Two-digit years as spreadsheets read them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

function dateOf(text: string, timeZone: string): Date | null {
  let m = DMY.exec(text);
  const day = m
    ? dayFromYmd(fullYear(m[3]), Number(m[2]), Number(m[1]))
    : (m = YMD.exec(text))
      ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]))
      : null;
  return day === null ? null : midnightInTimeZone(day, timeZone);
}

/** A time of day as Sheets gives it: that time on 30/12/1899 (day 0) in the workbook's time zone. */
function timeOf(text: string, timeZone: string): Date | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  const seconds = Number(m[3] ?? '0');
  if (m[2] === undefined && !/h$/i.test(text)) return null;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return new Date(midnightInTimeZone(0, timeZone).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

function numberOf(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const n = Number(text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** The value a cell takes when `text` is typed in it. */
export function readTypedText(text: string, timeZone: string): CellValue {
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  if (t === '') return '';
  if (t.startsWith('=')) return text;
  return dateOf(t, timeZone) ?? numberOf(t) ?? timeOf(t, timeZone) ?? booleanOf(t) ?? text;
}

/** VRAI/FAUX (and TRUE/FALSE), any case: a boolean, shown VRAI/FAUX as Sheets does. */
function booleanOf(text: string): boolean | null {
  if (/^(vrai|true)$/i.test(text)) return true;
  if (/^(faux|false)$/i.test(text)) return false;
  return null;
}
