/**
 * Phones as Sheets gives them (SPEC §2.2): `0612345678` typed in an ordinary cell becomes the
 * number 612345678, and `33612345678` the number 33612345678. Such numbers are French phones
 * that lost their 0 (or their +): shown and dialled with it everywhere (sidebar, Parcours, call
 * list, documents). Other phones are shown as written.
 */
import { BLANK, type CellValue, ok, type Parsed, parseText } from './values';

/** Digits of a French mobile or landline in pairs: '0612345678' → '06 12 34 56 78'. */
function pairs(tenDigits: string): string {
  return tenDigits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/**
 * The phone as shown to the team: a 9-digit number → `06 12 34 56 78`; an 11-digit number
 * starting with 33 → `+33 6 12 34 56 78`; anything else as written (text cleaned); null when
 * blank.
 */
export function displayPhone(cell: CellValue): string | null {
  if (typeof cell === 'number' && Number.isInteger(cell)) {
    if (cell >= 100_000_000 && cell <= 999_999_999) return pairs(`0${cell}`);
    if (cell >= 33_100_000_000 && cell <= 33_999_999_999)
      return `+33 ${String(cell).slice(2, 3)} ${pairs(String(cell).slice(3))}`;
  }
  const parsed = parseText(cell);
  return parsed.status === 'ok' ? parsed.value : null;
}

/** `Téléphone` read for a participant: the text shown (displayPhone), blank when empty. */
export function parsePhone(cell: CellValue): Parsed<string> {
  const shown = displayPhone(cell);
  return shown === null ? BLANK : ok(shown);
}

/** The `tel:` address of a phone (digits and a leading +, its 0 given back); null when blank. */
export function dialPhone(cell: CellValue): string | null {
  const shown = displayPhone(cell);
  if (shown === null) return null;
  const digits = shown.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits === '' ? null : `tel:${digits}`;
}
