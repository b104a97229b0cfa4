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
export const CLI_TIME_ZONE = 'Europe/Paris';

/** Exit codes (SPEC §7). */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;
