import type { CliIo } from './io';
import { EXIT_UNUSABLE } from './io';

/** `club-alternance verifier` — placeholder until issue 3 lands. */
export async function runVerify(_args: string[], io: CliIo): Promise<number> {
  io.err('La commande « verifier » arrive bientôt.');
  return EXIT_UNUSABLE;
}
