/**
 * `club-alternance demo <classeur.xlsx> [--remplacer]` (SPEC §7, §8): writes the preview's demo
 * workbook (fictional people, the programme's published 2017 and 2018 figures) to a new file,
 * so that the other commands can be tried on it. An existing file is refused (exit 2) unless
 * `--remplacer`; the file is written whole or not at all (src/cli/output.ts: temporary file,
 * then its name).
 */
import { writeXlsx } from '../adapters/xlsx';
import { DEMO_CLI } from '../i18n/fr/demo';
import { generateDemoWorkbook } from '../preview/demo';
import { CliIo, cliArguments, EXIT_OK, EXIT_UNUSABLE } from './io';
import { checkOutputPath, outputErrorLine, writeOutputWith } from './output';

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
    else if (file === null) file = raw.trim();
    else return DEMO_CLI.extraArgument(raw);
  }
  if (!file) return DEMO_CLI.missingFile;
  return { file, replace };
}

export async function runDemo(args: string[], io: CliIo): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(DEMO_CLI.usage);
    return EXIT_OK;
  }
  const parsed = parseDemoArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed} ${DEMO_CLI.usage}`);
    return EXIT_UNUSABLE;
  }
  const { file, replace } = parsed;
  const options = { replace, extension: '.xlsx' };
  try {
    // Refused before the workbook is built: not .xlsx, an existing file (without --remplacer), a folder.
    checkOutputPath(file, options);
    await writeOutputWith(file, options, (temp) => writeXlsx(generateDemoWorkbook(), temp));
  } catch (e) {
    io.err(outputErrorLine(e, file));
    return EXIT_UNUSABLE;
  }
  io.out(DEMO_CLI.written(file));
  return EXIT_OK;
}
