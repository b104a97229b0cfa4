/**
 * `club-alternance emargement <classeur.xlsx> --date AAAA-MM-JJ --sortie <feuille.html>`
 * (SPEC §7, §12): the feuille d'émargement of that date as a self-contained HTML file to print,
 * made by the same code as the dialog in Sheets. Any date, after today included; a date with no
 * session and nobody listed: one French line, exit 1.
 */
import { Day, dayFromIso } from '../core/days';
import { signInSheetData } from '../core/documents/data';
import { renderSignInSheet } from '../core/documents/sign-in-sheet';
import { DOCUMENTS_TEXT } from '../i18n/fr/documents';
import { DocumentCommand, runDocumentCommand } from './document-command';
import type { CliIo } from './io';
import { todayInParis } from './verify';

export const SIGN_IN_COMMAND: DocumentCommand = {
  usage: DOCUMENTS_TEXT.cli.usageSignIn,
  keyOption: '--date',
  missingKey: DOCUMENTS_TEXT.cli.missingDate,
  checkKey: (key) => (dayFromIso(key.trim()) === null ? DOCUMENTS_TEXT.dateInvalid(key) : null),
  build(model, key) {
    const data = signInSheetData(model, dayFromIso(key.trim()) as Day);
    return { html: renderSignInSheet(data), written: (output) => DOCUMENTS_TEXT.cli.writtenSignIn(output, data.people.length) };
  },
};

export function runSignInSheet(args: string[], io: CliIo, today: Day = todayInParis()): Promise<number> {
  return runDocumentCommand(SIGN_IN_COMMAND, args, io, today);
}
