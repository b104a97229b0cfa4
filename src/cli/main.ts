/** `club-alternance` command line (SPEC §7): parses the command and delegates. */
import { CliIo, EXIT_OK, EXIT_UNUSABLE, processIo } from './io';
import { runReport } from './report';
import { runVerify } from './verify';

export const USAGE = `Usage :
  club-alternance verifier <classeur.xlsx> [--json]
  club-alternance bilan <classeur.xlsx> --annee AAAA [--json] [--sortie bilan.html]`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'verifier') return await runVerify(rest, io);
    if (command === 'bilan') return await runReport(rest, io);
    if (command === '--help' || command === '-h' || command === 'aide') {
      io.out(USAGE);
      return EXIT_OK;
    }
    io.err(command ? `Commande inconnue : « ${command} ».\n${USAGE}` : USAGE);
    return EXIT_UNUSABLE;
  } catch (e) {
    io.err(`Erreur inattendue : ${(e as Error).message}`);
    return EXIT_UNUSABLE;
  }
}
