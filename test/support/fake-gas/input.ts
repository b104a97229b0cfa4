/**
 * How Sheets (fr_FR spreadsheet) takes a string typed in a cell: `=…` is a formula (and `+…`/`-…`
 * that is not a number too); numeric-looking strings are numbers ('0123' → 123, '1,5' → 1.5,
 * '1e5', '50%' → 0.5, '(12)' → -12, '12 €'); date-looking strings are dates at midnight in the
 * spreadsheet's zone ('05/03/2018', '2018-03-05', '5 mars 2018', 'Mar 1 2016', '12:30');
 * TRUE/FALSE/VRAI/FAUX are booleans. A leading apostrophe keeps the text (and is not part of
 * it); in a cell formatted '@' (plain text) the string is kept exactly, apostrophe included.
 */
import { SERIAL_ZERO_UTC, validYmd, wallClockToInstant } from './dates';
import type { FakeCell } from './types';

export type ParsedInput = { kind: 'formula'; formula: string } | { kind: 'value' | 'date'; value: FakeCell };

/** What a string typed in a cell becomes; `plainText` when the cell's number format is '@'. */
export function parseInput(text: string, plainText: boolean, timeZone: string): ParsedInput {
  if (plainText) return { kind: 'value', value: text };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  const trimmed = text.trim();
  const number = parseNumber(trimmed);
  if (number !== null) return { kind: 'value', value: number };
  if (/^[+-]\S/.test(text)) return { kind: 'formula', formula: `=${text}` };
  if (/^(true|vrai)$/i.test(trimmed)) return { kind: 'value', value: true };
  if (/^(false|faux)$/i.test(trimmed)) return { kind: 'value', value: false };
  const paren = /^\((.+)\)$/.exec(trimmed);
  const negative = paren ? parseNumber(paren[1]) : null;
  if (negative !== null) return { kind: 'value', value: -negative };
  const date = parseDateText(trimmed, timeZone);
  if (date !== null) return { kind: 'date', value: date };
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    const wall = SERIAL_ZERO_UTC + ((Number(time[1]) * 60 + Number(time[2])) * 60 + Number(time[3] ?? 0)) * 1000;
    return { kind: 'date', value: new Date(wallClockToInstant(wall, timeZone)) };
  }
  return { kind: 'value', value: text };
}

/** '0123', '1,5', '1 439', '1e5', '50%', '12 €', '$3' → the number; null when not a number. */
export function parseNumber(text: string): number | null {
  const unsigned = text.replace(/^([+-]?)[$€£]\s*/, '$1');
  let match = /^([+-]?)(\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d+))?(?:[eE]([+-]?\d+))?\s*(%|€|\$)?$/.exec(unsigned);
  if (!match) {
    match = /^([+-]?)()[.,](\d+)()\s*(%)?$/.exec(unsigned);
    if (!match) return null;
  }
  const [, sign, integer, fraction, exponent, unit] = match;
  const number = Number(`${sign}${(integer || '0').replace(/\D/g, '')}.${fraction ?? '0'}${exponent ? `e${exponent}` : ''}`);
  if (!Number.isFinite(number)) return null;
  return unit === '%' ? number / 100 : number;
}

const MONTH_NAMES = [
  ['jan', 'janv', 'january', 'janvier'],
  ['feb', 'fev', 'fevr', 'february', 'fevrier'],
  ['mar', 'march', 'mars'],
  ['apr', 'avr', 'april', 'avril'],
  ['may', 'mai'],
  ['jun', 'june', 'juin'],
  ['jul', 'juil', 'july', 'juillet'],
  ['aug', 'august', 'aout'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'decembre'],
];

/** 'mars', 'Mar', 'février' → 1..12; null when not a month name. */
function monthOf(word: string): number | null {
  const plain = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const index = MONTH_NAMES.findIndex((names) => names.includes(plain));
  return index < 0 ? null : index + 1;
}

/** Two-digit years: 00–29 → 20xx, 30–99 → 19xx. */
function fullYear(digits: string): number {
  return digits.length === 2 ? (Number(digits) < 30 ? 2000 : 1900) + Number(digits) : Number(digits);
}

/** A date typed in a cell, as midnight in the zone; null when the text is not a valid date. */
export function parseDateText(text: string, timeZone: string): Date | null {
  let year: number;
  let month: number;
  let day: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (match) {
    day = Number(match[1]);
    month = Number(match[2]);
    year = fullYear(match[3]);
  } else if ((match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text))) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  } else {
    // Month names, French or English: '5 mars 2018', 'Mar 1 2016', 'March 1, 2016', 'mars 2018'.
    const named =
      /^(\d{1,2})(?:er)?\s+([\p{L}]+)\.?,?\s+(\d{4}|\d{2})$/u.exec(text)?.slice(1) ??
      (() => {
        const monthFirst = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(text);
        return monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : undefined;
      })() ??
      (() => {
        const monthYear = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(text);
        return monthYear ? ['1', monthYear[1], monthYear[2]] : undefined;
      })();
    if (!named) return null;
    const monthNumber = monthOf(named[1]);
    if (monthNumber === null) return null;
    day = Number(named[0]);
    month = monthNumber;
    year = fullYear(named[2]);
  }
  if (!validYmd(year, month, day)) return null;
  return new Date(wallClockToInstant(Date.UTC(year, month - 1, day), timeZone));
}
