/**
 * `npm start [-- chemin/export.xlsx]`: the add-on running locally (SPEC §8).
 * Bundled by scripts/build-node.mjs into build/preview.js.
 */
import { basename } from 'node:path';
import type { MemoryWorkbook } from '../adapters/memory';
import { readXlsx } from '../adapters/xlsx';
import { Day, dayFromIso } from '../core/days';
import { UserError, userMessageOf } from '../core/errors';
import { PREVIEW } from '../i18n/fr/preview';
import { DEFAULT_PORT, RunningPreview, startPreview } from './app';
import { findProjectRoot } from './assets';
import { DEMO_OPEN_SESSION, generateDemoWorkbook } from './demo';

export interface PreviewIo {
  out(line: string): void;
  err(line: string): void;
}

export interface ParsedArgs {
  help: boolean;
  file: string | null;
}

/** Arguments after `npm start --`. Throws a UserError (French message). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let file: string | null = null;
  let help = false;
  for (const a of argv) {
    if (a === '--aide' || a === '--help' || a === '-h') help = true;
    else if (a.startsWith('-') && a.length > 1) throw new UserError(PREVIEW.unknownOption(a), 'INVALID_INPUT');
    else if (file !== null) throw new UserError(PREVIEW.tooManyArguments, 'INVALID_INPUT');
    else file = a;
  }
  return { help, file };
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new UserError(PREVIEW.badPort(value), 'INVALID_INPUT');
  return n;
}

export function parseToday(value: string | undefined): (() => Day) | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const day = dayFromIso(value.trim());
  if (day === null) throw new UserError(PREVIEW.badToday(value), 'INVALID_INPUT');
  return () => day;
}

/** Opens the workbook: the demo, or an .xlsx export (never written to). */
export async function openWorkbook(file: string | null): Promise<MemoryWorkbook> {
  if (file === null) return generateDemoWorkbook();
  if (!/\.xlsx$/i.test(file)) throw new UserError(PREVIEW.notXlsx(basename(file)), 'INVALID_INPUT');
  try {
    return await readXlsx(file);
  } catch (e) {
    // A file that cannot be read says why in French (XlsxReadError); anything else is unexpected.
    throw new UserError(PREVIEW.cannotOpen(userMessageOf(e) ?? PREVIEW.unexpected), 'WORKBOOK_UNUSABLE', { cause: e });
  }
}

/** Starts the preview; resolves to null (after printing a French message) when it cannot. */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: PreviewIo,
): Promise<{ code: number; running: RunningPreview | null }> {
  let args: ParsedArgs;
  let port: number;
  let today: (() => Day) | undefined;
  try {
    args = parseArgs(argv);
    port = parsePort(env.PORT);
    today = parseToday(env.APERCU_AUJOURDHUI);
  } catch (e) {
    io.err(userMessageOf(e) ?? PREVIEW.unexpected);
    return { code: 2, running: null };
  }
  if (args.help) {
    io.out(PREVIEW.usage);
    return { code: 0, running: null };
  }
  let workbook: MemoryWorkbook;
  try {
    workbook = await openWorkbook(args.file);
  } catch (e) {
    io.err(userMessageOf(e) ?? PREVIEW.unexpected);
    return { code: 2, running: null };
  }
  // The demo lives on the day of its last 2018 workshop (unless APERCU_AUJOURDHUI says otherwise).
  let simulatedToday = today === undefined ? null : env.APERCU_AUJOURDHUI!.trim();
  if (today === undefined && args.file === null) {
    simulatedToday = DEMO_OPEN_SESSION;
    today = parseToday(DEMO_OPEN_SESSION);
  }
  let running: RunningPreview;
  try {
    running = await startPreview(
      { workbook, root: findProjectRoot(__dirname), sourcePath: args.file, today, simulatedToday },
      port,
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EADDRINUSE' ? PREVIEW.portInUse(port) : PREVIEW.listenFailed(code ?? PREVIEW.unexpected));
    return { code: 1, running: null };
  }
  io.out(PREVIEW.started(running.url));
  io.out(args.file === null ? PREVIEW.startedDemo : PREVIEW.startedFile(basename(args.file)));
  return { code: 0, running };
}

if (require.main === module) {
  const io: PreviewIo = { out: (l) => console.log(l), err: (l) => console.error(l) };
  main(process.argv.slice(2), process.env, io).then(({ code, running }) => {
    if (!running) {
      process.exitCode = code;
      return;
    }
    const stop = (): void => {
      running.close().then(() => {
        io.out(PREVIEW.stopped);
        process.exit(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
