import type { CliIo } from './io';
import { EXIT_UNUSABLE } from './io';

/** `club-alternance bilan` — placeholder until issue 4 lands. */
export async function runReport(_args: string[], io: CliIo): Promise<number> {
  io.err('La commande « bilan » arrive bientôt.');
  return EXIT_UNUSABLE;
}
