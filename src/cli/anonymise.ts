/**
 * `club-alternance anonymiser <classeur.xlsx> --sortie <copie.xlsx> [--avant AAAA-MM-JJ]`
 * (SPEC §7, §11): the anonymisation on an export, written to a new file. The input is only
 * read; an existing output, or the input itself, is refused. Prints the count, never a name.
 * Default cutoff: today (Europe/Paris) minus `Durée de conservation (années)` of `Paramètres`.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { MemoryWorkbook } from '../adapters/memory';
import { readXlsx, writeXlsx, XlsxReadError } from '../adapters/xlsx';
import { anonymisationTargets } from '../core/anonymisation';
import { Day, dayFromIso } from '../core/days';
import { findTabName, PARTICIPANTS } from '../core/schema';
import { PRIVACY } from '../i18n/fr/privacy';
import { applyAnonymisation } from '../app/privacy';
import { readModel } from '../app/read';
import { CliIo, cliArguments, EXIT_OK, EXIT_UNUSABLE, samePath } from './io';
import { CLI_TIME_ZONE, todayInParis } from './verify';

const CLI_TEXT = PRIVACY.cli;

export interface AnonymiseArgs {
  file: string;
  output: string;
  cutoff: Day | null;
}

/** Parses the arguments; a string is the French message of an unusable command line. */
export function parseAnonymiseArgs(args: string[]): AnonymiseArgs | string {
  let file: string | null = null;
  let output: string | null = null;
  let cutoff: Day | null = null;
  for (const { name, raw: a, value: next } of cliArguments(args)) {
    if (name === '--sortie') {
      output = next();
      if (output === null || output.trim() === '') return CLI_TEXT.missingOutput;
    } else if (name === '--avant') {
      const text = next() ?? '';
      cutoff = dayFromIso(text.trim());
      if (cutoff === null) return CLI_TEXT.badCutoff(text);
    } else if (a.startsWith('-') && a.length > 1) return CLI_TEXT.unknownOption(a);
    else if (file === null) file = a;
    else return CLI_TEXT.extraArgument(a);
  }
  if (file === null) return CLI_TEXT.missingFile;
  if (output === null) return CLI_TEXT.missingOutput;
  return { file, output, cutoff };
}

export async function runAnonymise(args: string[], io: CliIo, today: Day = todayInParis()): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(CLI_TEXT.usage);
    return EXIT_OK;
  }
  const parsed = parseAnonymiseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${CLI_TEXT.usage}`);
    return EXIT_UNUSABLE;
  }
  const { file, output, cutoff } = parsed;
  if (!existsSync(file)) {
    io.err(CLI_TEXT.notFound(file));
    return EXIT_UNUSABLE;
  }
  if (samePath(output, file)) {
    io.err(CLI_TEXT.sameAsInput(output));
    return EXIT_UNUSABLE;
  }
  if (existsSync(output)) {
    io.err(CLI_TEXT.outputExists(output));
    return EXIT_UNUSABLE;
  }
  if (extname(output).toLowerCase() !== '.xlsx') {
    io.err(CLI_TEXT.notXlsxOutput(output));
    return EXIT_UNUSABLE;
  }
  let workbook: MemoryWorkbook;
  try {
    workbook = await readXlsx(file, CLI_TIME_ZONE);
  } catch (e) {
    io.err(e instanceof XlsxReadError ? e.message : CLI_TEXT.notXlsx(file));
    return EXIT_UNUSABLE;
  }
  if (findTabName(workbook.sheetNames(), PARTICIPANTS.name) === null) {
    io.err(CLI_TEXT.noParticipants(file));
    return EXIT_UNUSABLE;
  }
  const model = readModel(workbook);
  const targets = anonymisationTargets(model, today, cutoff ?? undefined);
  const result = applyAnonymisation(workbook, model, targets, today);
  try {
    // Written only if still absent (a file created meanwhile is not overwritten).
    if (existsSync(output)) {
      io.err(CLI_TEXT.outputExists(output));
      return EXIT_UNUSABLE;
    }
    await writeXlsx(workbook, output);
  } catch {
    io.err(CLI_TEXT.cannotWrite(output));
    return EXIT_UNUSABLE;
  }
  io.out(
    result.anonymised === 0
      ? CLI_TEXT.none(targets.plan.cutoff, output)
      : CLI_TEXT.result(result.anonymised, targets.plan.cutoff, output),
  );
  return EXIT_OK;
}
