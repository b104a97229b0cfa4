import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_TIME_ZONE } from '../core/days';

/** What a CLI command writes to: injectable for tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** The command line reads dates and "today" in the Mission locale's time zone. */
export const CLI_TIME_ZONE = DEFAULT_TIME_ZONE;

/** Exit codes (SPEC §7). */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/** One command-line word: `--name=value` and `--name value` both give `value()`. */
export interface CliArgument {
  /** The word, or the option's name before `=`. */
  name: string;
  /** The word as typed. */
  raw: string;
  /**
   * The option's value: after `=`, else the next word (consumed); null when there is none or
   * when the next word is another option (`--sortie --json`: `--json` is not a file name).
   */
  value(): string | null;
}

/** The words of a command line, one at a time. */
export function* cliArguments(args: readonly string[]): Generator<CliArgument> {
  for (let i = 0; i < args.length; i++) {
    const raw = args[i];
    const eq = raw.indexOf('=');
    const inlineForm = raw.startsWith('--') && eq > 0;
    const inline = inlineForm ? raw.slice(eq + 1) : null;
    yield {
      name: inlineForm ? raw.slice(0, eq) : raw,
      raw,
      value: () => (inline !== null ? inline : i + 1 < args.length && !args[i + 1].startsWith('--') ? args[++i] : null),
    };
  }
}

/** True when two paths name the same file (links resolved when the file exists). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      // The file does not exist (yet): its resolved path is the one it will have.
      return resolve(p);
    }
  };
  return real(a) === real(b);
}
