/**
 * Run before every test file (jest `setupFilesAfterEnv`).
 *
 * - fast-check: one seed per run, from FC_SEED when given, else drawn at random. On a failure,
 *   fast-check's message shows `seed` and `path`; replay it with
 *   `FC_SEED=<seed> npx jest <file> -t '<test name>'`.
 * - builders: the default participant IDs restart at T-0001 before each test.
 */
import fc from 'fast-check';
import { resetParticipantIds } from './builders';

function seedOf(text: string | undefined): number {
  if (text !== undefined && text.trim() !== '') {
    const seed = Number(text);
    if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${text}`);
    return seed;
  }
  return (Math.random() * 0x1_0000_0000) | 0;
}

export const FC_SEED = seedOf(process.env.FC_SEED);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: FC_SEED });

beforeEach(() => resetParticipantIds());
