/**
 * `club-alternance anonymiser <classeur.xlsx> --sortie <copie.xlsx> [--avant AAAA-MM-JJ]`
 * [--remplacer] (SPEC §7, §11): the anonymisation on an export, written to a new file. The
 * input is only read; the input itself (even through a link) is refused, an existing output
 * too unless --remplacer. A workbook whose headers are not found, or a cutoff after today, is
 * refused before anything is written. Prints the count, never a name.
 * Default cutoff: today (Europe/Paris) minus `Durée de conservation (années)` of `Paramètres`.
 */
import type { MemoryWorkbook } from '../adapters/memory';
import { readXlsx, writeXlsx, XlsxReadError } from '../adapters/xlsx';
import type { WholeWorkbookModel } from '../core/workbook';
import { anonymisationTargets } from '../core/anonymisation';
import { Day, dayFromIso, isoOfDay } from '../core/days';
import { findTabName, PARTICIPANTS } from '../core/schema';
import { impossibleDay } from '../i18n/fr/checks';
import { PRIVACY } from '../i18n/fr/privacy';
import { applyAnonymisation } from '../app/privacy';
import { readModel } from '../app/read';
import { inputProblem } from './input';
import { CliIo, cliArguments, EXIT_OK, EXIT_UNUSABLE } from './io';
import { checkOutputPath, outputErrorLine, writeOutputWith } from './output';
import { CLI_TIME_ZONE, todayInParis } from './verify';

const CLI_TEXT = PRIVACY.cli;

export interface AnonymiseArgs {
  file: string;
  output: string;
  cutoff: Day | null;
  /** `--remplacer`: an existing output may be replaced (never the input). */
  replace: boolean;
}

/** Parses the arguments; a string is the French message of an unusable command line. */
export function parseAnonymiseArgs(args: string[]): AnonymiseArgs | string {
  let file: string | null = null;
  let output: string | null = null;
  let cutoff: Day | null = null;
  let replace = false;
  for (const { name, raw: a, value: next } of cliArguments(args)) {
    if (name === '--sortie') {
      output = next()?.trim() ?? null;
      if (!output) return CLI_TEXT.missingOutput;
    } else if (name === '--avant') {
      const text = next()?.trim() ?? '';
      if (text === '') return CLI_TEXT.missingCutoff;
      cutoff = dayFromIso(text);
      if (cutoff === null) {
        // Written AAAA-MM-JJ, but that day does not exist (2019-02-30): say so.
        const reason = /^\d{4}-\d{1,2}-\d{1,2}$/.test(text) ? impossibleDay(text) : null;
        return reason === null ? CLI_TEXT.badCutoff(text) : CLI_TEXT.impossibleCutoff(text, reason);
      }
    } else if (name === '--remplacer') replace = true;
    else if (a.startsWith('-') && a.length > 1) return CLI_TEXT.unknownOption(a);
    else if (file === null) file = a;
    else return CLI_TEXT.extraArgument(a);
  }
  if (file === null) return CLI_TEXT.missingFile;
  if (output === null) return CLI_TEXT.missingOutput;
  return { file, output, cutoff, replace };
}

export async function runAnonymise(args: string[], io: CliIo, today: Day = todayInParis()): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(CLI_TEXT.usage);
    return EXIT_OK;
  }
  const parsed = parseAnonymiseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed} ${CLI_TEXT.usage}`);
    return EXIT_UNUSABLE;
  }
  const { file, output, cutoff, replace } = parsed;
  if (cutoff !== null && cutoff > today) {
    io.err(CLI_TEXT.futureCutoff(isoOfDay(cutoff)));
    return EXIT_UNUSABLE;
  }
  const problem = inputProblem(file);
  if (problem !== null) {
    io.err(problem);
    return EXIT_UNUSABLE;
  }
  const outputOptions = { replace, inputPath: file, extension: '.xlsx' };
  try {
    checkOutputPath(output, outputOptions);
  } catch (e) {
    io.err(outputErrorLine(e, output));
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
  const unusable = tabWithoutHeader(model);
  if (unusable !== null) {
    io.err(CLI_TEXT.noHeader(file, unusable));
    return EXIT_UNUSABLE;
  }
  const targets = anonymisationTargets(model, today, cutoff ?? undefined);
  const result = applyAnonymisation(workbook, model, targets, today);
  try {
    await writeOutputWith(output, outputOptions, (temp) => writeXlsx(workbook, temp));
  } catch (e) {
    io.err(outputErrorLine(e, output));
    return EXIT_UNUSABLE;
  }
  io.out(
    result.anonymised === 0
      ? CLI_TEXT.none(targets.plan.cutoff, output)
      : CLI_TEXT.result(result.anonymised, targets.plan.cutoff, output),
  );
  return EXIT_OK;
}

/** The tab whose header row is not found although it holds rows (names would stay), or null. */
function tabWithoutHeader(model: WholeWorkbookModel): string | null {
  const p = model.participants;
  if (p.headerRow === null || p.columns.id === undefined) return p.sheetName ?? PARTICIPANTS.name;
  const a = model.attendance;
  const holdsRows = a.values.some((line) => line.some((v) => v !== '' && v !== null));
  if (a.sheetName !== null && holdsRows && (a.headerRow === null || a.columns.participantId === undefined)) return a.sheetName;
  return null;
}
