/**
 * `club-alternance demo <classeur.xlsx> [--remplacer]` (SPEC §7, §8): writes the preview's demo
 * workbook (fictional people, the programme's published 2017 and 2018 figures) to a new file,
 * so that the other commands can be tried on it. An existing file is refused (exit 2) unless
 * `--remplacer`; the file is written whole or not at all (temporary file, then its name).
 */
import { linkSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { MemoryWorkbook } from '../adapters/memory';
import { writeXlsx } from '../adapters/xlsx';
import { DEMO_CLI } from '../i18n/fr/demo';
import { generateDemoWorkbook } from '../preview/demo';
import { CliIo, cliArguments, EXIT_OK, EXIT_UNUSABLE } from './io';

export interface DemoArgs {
  file: string;
  replace: boolean;
}

/** Parses the arguments; a string is the French message of an unusable command line. */
export function parseDemoArgs(args: string[]): DemoArgs | string {
  let file: string | null = null;
  let replace = false;
  for (const { name, raw } of cliArguments(args)) {
    if (name === '--remplacer') replace = true;
    else if (raw.startsWith('-') && raw.length > 1) return DEMO_CLI.unknownOption(raw);
    else if (file === null) file = raw;
    else return DEMO_CLI.extraArgument(raw);
  }
  if (file === null || file.trim() === '') return DEMO_CLI.missingFile;
  return { file, replace };
}

type Existing = 'none' | 'file' | 'folder';

function existing(path: string): Existing {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'none';
  }
}

/**
 * Writes the workbook whole beside `output`, then gives it that name: by a rename (replacing
 * the file) with `replace`, else by a hard link, which fails rather than replace a file that
 * appeared meanwhile. Returns false when the name was taken.
 */
export async function writeNewXlsx(workbook: MemoryWorkbook, output: string, replace: boolean): Promise<boolean> {
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeXlsx(workbook, temp);
    if (replace) renameSync(temp, output);
    else linkSync(temp, output);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Renamed (nothing left), or never written.
    }
  }
}

export async function runDemo(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(DEMO_CLI.usage);
    return EXIT_OK;
  }
  const parsed = parseDemoArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${DEMO_CLI.usage}`);
    return EXIT_UNUSABLE;
  }
  const { file, replace } = parsed;
  if (extname(file).toLowerCase() !== '.xlsx') {
    io.err(DEMO_CLI.notXlsx(file));
    return EXIT_UNUSABLE;
  }
  const there = existing(file);
  if (there === 'folder') {
    io.err(DEMO_CLI.isFolder(file));
    return EXIT_UNUSABLE;
  }
  if (there === 'file' && !replace) {
    io.err(DEMO_CLI.exists(file));
    return EXIT_UNUSABLE;
  }
  try {
    if (!(await writeNewXlsx(generateDemoWorkbook(), file, replace))) {
      io.err(DEMO_CLI.exists(file));
      return EXIT_UNUSABLE;
    }
  } catch {
    io.err(DEMO_CLI.cannotWrite(file));
    return EXIT_UNUSABLE;
  }
  io.out(DEMO_CLI.written(file));
  return EXIT_OK;
}
