/**
 * `club-alternance attestation <classeur.xlsx> --id <ID> --sortie <attestation.html>` (SPEC §7,
 * §12): the attestation de participation of one young person as a self-contained HTML file,
 * made by the same code as the dialog in Sheets ("Fait le" today in Europe/Paris). An unknown,
 * anonymised or repeated ID, or nobody Présent: one French line, exit 1.
 */
import type { Day } from '../core/days';
import { certificateData } from '../core/documents/data';
import { renderCertificate } from '../core/documents/certificate';
import { DOCUMENTS_TEXT } from '../i18n/fr/documents';
import { DocumentCommand, runDocumentCommand } from './document-command';
import type { CliIo } from './io';
import { todayInParis } from './verify';

export const CERTIFICATE_COMMAND: DocumentCommand = {
  usage: DOCUMENTS_TEXT.cli.usageCertificate,
  keyOption: '--id',
  missingKey: DOCUMENTS_TEXT.cli.missingId,
  checkKey: () => null,
  build(model, key, today) {
    const data = certificateData(model, key, today);
    return {
      html: renderCertificate(data),
      written: (output) => DOCUMENTS_TEXT.cli.writtenCertificate(output, data.sessions.length),
    };
  },
};

export function runCertificate(args: string[], io: CliIo, today: Day = todayInParis()): Promise<number> {
  return runDocumentCommand(CERTIFICATE_COMMAND, args, io, today);
}
