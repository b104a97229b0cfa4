/** `club-alternance` command line (SPEC §7): parses the command and delegates. */
import { isUserError } from '../core/errors';
import { COMMON } from '../i18n/fr/common';
import { CliIo, EXIT_OK, EXIT_UNUSABLE, processIo } from './io';
import { runAnonymise } from './anonymise';
import { runCertificate } from './attestation';
import { runSignInSheet } from './emargement';
import { runDemo } from './demo';
import { runReport } from './report';
import { runVerify } from './verify';

export const USAGE = `Usage\u00a0:
  club-alternance verifier <classeur.xlsx> [--json]
  club-alternance bilan <classeur.xlsx> --annee AAAA [--json] [--sortie bilan.html] [--remplacer]
  club-alternance anonymiser <classeur.xlsx> --sortie <copie.xlsx> [--avant AAAA-MM-JJ] [--remplacer]
  club-alternance emargement <classeur.xlsx> --date AAAA-MM-JJ --sortie <feuille.html> [--remplacer]
  club-alternance attestation <classeur.xlsx> --id <ID> --sortie <attestation.html> [--remplacer]
  club-alternance demo <classeur.xlsx> [--remplacer]`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'verifier') return await runVerify(rest, io);
    if (command === 'bilan') return await runReport(rest, io);
    if (command === 'anonymiser') return await runAnonymise(rest, io);
    if (command === 'emargement') return await runSignInSheet(rest, io);
    if (command === 'attestation') return await runCertificate(rest, io);
    if (command === 'demo' || command === 'démo') return await runDemo(rest, io);
    if (command === '--help' || command === '-h' || command === 'aide') {
      io.out(USAGE);
      return EXIT_OK;
    }
    io.err(command ? `Commande inconnue\u00a0: «\u00a0${command}\u00a0».\n${USAGE}` : USAGE);
    return EXIT_UNUSABLE;
  } catch (e) {
    // A UserError is French by construction; anything else is unexpected: a generic French
    // sentence, never the error's own (English, maybe data-bearing) message.
    io.err(isUserError(e) ? e.message : COMMON.unexpectedError);
    return EXIT_UNUSABLE;
  }
}
