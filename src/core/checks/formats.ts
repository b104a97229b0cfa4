/**
 * The formats checked in Participants cells: French phone numbers, e-mail addresses and the
 * postal codes of a commune. Called once per row: no regular expression built, no copy of
 * the text (the phone parser reads character codes).
 */
import { POSTCODES_BY_COMMUNE } from '../data/postcodes';
import { normalizeKey } from '../text';
import { CellValue, textOf } from '../values';

const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
/** A postal code's shape: five digits. */
export const FIVE_DIGITS = /^\d{5}$/;

/** A French phone number: 10 digits from 0, or +33 and 9 digits (spaces, dots, dashes allowed). */
export function isFrenchPhone(cell: CellValue): boolean {
  if (typeof cell === 'number') {
    // A number cell lost its leading 0 (0612345678 typed into a spreadsheet → 612345678).
    // 33612345678: +33 typed into an ordinary cell (the + is lost).
    return (
      Number.isInteger(cell) &&
      ((cell >= 100_000_000 && cell <= 999_999_999) || (cell >= 33_100_000_000 && cell <= 33_999_999_999))
    );
  }
  return isFrenchPhoneText(textOf(cell));
}

/** Characters matched by `\s` in a JavaScript regular expression. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `0` and 9 digits, or `+33` and 9 digits, once spaces, dots and dashes are left out: the
 * same as /^(?:0\d{9}|\+33\d{9})$/ on the text without /[\s.-]/g, in one scan without copy.
 */
export function isFrenchPhoneText(text: string): boolean {
  let length = 0;
  let international = false;
  let first = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 45 || isSpaceCode(c)) continue;
    if (length === 0 && c === 43) international = true;
    else if (c < 48 || c > 57) return false;
    else if (international && length <= 2 && c !== 51) return false;
    if (length === 0) first = c;
    if (++length > 12) return false;
  }
  return international ? length === 12 : length === 10 && first === 48;
}

export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

const postcodeCache = new Map<string, readonly string[] | null>();
/** Known postal codes of a commune (any spelling), or null when unknown. */
export function postcodesOf(commune: string): readonly string[] | null {
  let codes = postcodeCache.get(commune);
  if (codes === undefined) {
    const key = normalizeKey(commune);
    // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022, beyond the tsconfig's lib (ES2021).
    const raw = Object.prototype.hasOwnProperty.call(POSTCODES_BY_COMMUNE, key) ? POSTCODES_BY_COMMUNE[key] : undefined;
    codes = raw ? raw.split(' ') : null;
    if (postcodeCache.size > 10_000) postcodeCache.clear();
    postcodeCache.set(commune, codes);
  }
  return codes;
}
