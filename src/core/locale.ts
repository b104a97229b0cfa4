/**
 * The spreadsheet's locale (SPEC §3, LOCALE_NOT_FRENCH): Sheets reads the dates staff type
 * according to it, so a locale other than French (`en_US`) reads `06/03/2018` as 3 June.
 * Only Sheets has a locale; an .xlsx file has none and gets no issue.
 */
import type { Issue } from '../shared/api';
import { SHEETS_TEXT } from '../i18n/fr/sheets';

/** True for `fr`, `fr_FR`, `fr_BE`, `fr-CA`… */
export function isFrenchLocale(locale: string): boolean {
  return /^fr(?:[_-]|$)/i.test(locale.trim());
}

/** The one workbook-level warning when the locale is known and not French; null otherwise. */
export function localeIssue(locale: string | undefined): Issue | null {
  if (locale === undefined || locale.trim() === '' || isFrenchLocale(locale)) return null;
  return {
    sheet: '',
    row: 0,
    column: null,
    header: null,
    severity: 'warning',
    code: 'LOCALE_NOT_FRENCH',
    message: SHEETS_TEXT.localeNotFrench(locale.trim()),
  };
}
