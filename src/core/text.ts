/** Text helpers shared by the whole core (no Apps Script globals). */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALNUM = /[^a-z0-9]/g;
const SPACES = /\s+/g;

/** Lower case, accents removed, every non letter/digit removed: `"Date d'entrée "` → `datedentree`. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(NOT_ALNUM, '');
}

/** Tab names: case, accents and surrounding spaces ignored (inner spaces kept, collapsed). */
export function normalizeTabName(name: string): string {
  return name.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(SPACES, ' ').trim();
}

/** Trim and collapse inner white space. */
const NEEDS_CLEANING = /^\s|\s$|\s\s|[^\S ]/;
export function cleanText(text: string): string {
  return NEEDS_CLEANING.test(text) ? text.replace(SPACES, ' ').trim() : text;
}

/** French collation used for every list of people (Nom then Prénom). */
export const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
