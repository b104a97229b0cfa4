/**
 * `npm start [-- chemin/export.xlsx]`: the add-on running locally (SPEC §8).
 * Bundled by scripts/build-node.mjs into build/preview.js.
 */
import { basename } from 'node:path';
import type { MemoryWorkbook } from '../adapters/memory';
import { readXlsx, XlsxReadError } from '../adapters/xlsx';
import { Day, dayFromIso } from '../core/days';
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

/** Arguments after `npm start --`. Throws an Error with a French message. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let file: string | null = null;
  let help = false;
  for (const a of argv) {
    if (a === '--aide' || a === '--help' || a === '-h') help = true;
    else if (a.startsWith('-') && a.length > 1) throw new Error(PREVIEW.unknownOption(a));
    else if (file !== null) throw new Error(PREVIEW.tooManyArguments);
    else file = a;
  }
  return { help, file };
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 0 || n > 65535) throw new Error(PREVIEW.badPort(value));
  return n;
}

export function parseToday(value: string | undefined): (() => Day) | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const day = dayFromIso(value.trim());
  if (day === null) throw new Error(PREVIEW.badToday(value));
  return () => day;
}

/** Opens the workbook: the demo, or an .xlsx export (never written to). */
export async function openWorkbook(file: string | null): Promise<MemoryWorkbook> {
  if (file === null) return generateDemoWorkbook();
  if (!/\.xlsx$/i.test(file)) throw new Error(PREVIEW.notXlsx(basename(file)));
  try {
    return await readXlsx(file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new Error(PREVIEW.cannotOpen(e.message));
    throw new Error(PREVIEW.cannotOpen(e instanceof Error ? e.message : String(e)));
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
    io.err((e as Error).message);
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
    io.err((e as Error).message);
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
    running = await startPreview({ workbook, root: findProjectRoot(__dirname), sourcePath: args.file, today, simulatedToday }, port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EADDRINUSE' ? PREVIEW.portInUse(port) : PREVIEW.listenFailed((e as Error).message));
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
