/**
 * The printed documents in Sheets (SPEC §5, §12): showSignInSheet(date) and
 * showCertificate(id) open a modal dialog holding the document (its "Imprimer" button calls
 * window.print() inside the dialog); the menu "Imprimer la feuille d'émargement…" first asks
 * for the date in a small dialog. One batch read per tab, never a write, never a log of what
 * the documents hold.
 */
import { certificateData, requireDocumentParticipants, signInSheetData } from '../core/documents/data';
import { defaultSignInSheetDay, renderDateDialog } from '../core/documents/date-dialog';
import { renderCertificate } from '../core/documents/certificate';
import { renderSignInSheet } from '../core/documents/sign-in-sheet';
import { dayFromIso } from '../core/days';
import { UserError } from '../core/errors';
import type { Services } from './ports';
import { SESSIONS } from '../core/schema';
import type { WorkbookModel } from '../core/workbook';
import { DOCUMENTS_TEXT } from '../i18n/fr/documents';
import { readModel } from './read';

/** The documents' dialog: wide enough for an A4 page at screen size. */
export const DOCUMENT_DIALOG = { width: 900, height: 680 } as const;
export const DATE_DIALOG = { width: 400, height: 250 } as const;

function showDialog(services: Services, html: string, title: string, size: { width: number; height: number }): void {
  const ui = services.ui;
  // A programming error (every real UI shows dialogs): the user sees the generic message.
  if (!ui.showDialog) throw new TypeError('This UI cannot show dialogs');
  ui.showDialog(html, title, size);
}

/** The model for a document (every tab read once), Participants usable. */
export function documentModel(services: Services): WorkbookModel {
  const model = readModel(services.workbook);
  requireDocumentParticipants(model);
  return model;
}

/** SPEC §5 showSignInSheet: any date, after today included; the number of people listed. */
export function showSignInSheet(services: Services, date: unknown): { listed: number } {
  if (typeof date !== 'string') throw new UserError(DOCUMENTS_TEXT.dateNotText, 'INVALID_INPUT');
  const day = dayFromIso(date.trim());
  if (day === null) throw new UserError(DOCUMENTS_TEXT.dateInvalid(date), 'INVALID_INPUT');
  const data = signInSheetData(documentModel(services), day);
  showDialog(services, renderSignInSheet(data), DOCUMENTS_TEXT.signIn.dialogTitle, DOCUMENT_DIALOG);
  return { listed: data.people.length };
}

/** SPEC §5 showCertificate: the number of sessions attended. */
export function showCertificate(services: Services, id: unknown): { sessions: number } {
  if (typeof id !== 'string') throw new UserError(DOCUMENTS_TEXT.idNotText, 'INVALID_INPUT');
  if (id.trim() === '') throw new UserError(DOCUMENTS_TEXT.idMissing, 'INVALID_INPUT');
  const data = certificateData(documentModel(services), id, services.today());
  showDialog(services, renderCertificate(data), DOCUMENTS_TEXT.certificate.dialogTitle, DOCUMENT_DIALOG);
  return { sessions: data.sessions.length };
}

/** Menu "Imprimer la feuille d'émargement…": the dialog that asks for the date (reads `Séances` only). */
export function askSignInSheetDate(services: Services): void {
  const model = readModel(services.workbook, [SESSIONS]);
  const day = defaultSignInSheetDay(model, services.today());
  showDialog(services, renderDateDialog(day), DOCUMENTS_TEXT.askDate.title, DATE_DIALOG);
}
