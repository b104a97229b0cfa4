/**
 * `club-alternance verifier <classeur.xlsx> [--json]` (SPEC §7): the checks of §3 on an .xlsx
 * export. Reads the file only (never writes to it). Exit 0: no error (warnings allowed);
 * 1: errors; 2: unusable input, with one French line on stderr.
 */
import type { MemoryWorkbook } from '../adapters/memory';
import { XlsxReadError, readXlsx } from '../adapters/xlsx';
import { CHECKED_TABS, checkWorkbook, countBySeverity } from '../core/checks';
import { Day, todayIn } from '../core/days';
import { columnLetters } from '../shared/issues';
import { readModel } from '../app/read';
import type { TableLayout, WorkbookModel } from '../core/workbook';
import type { CheckReport, Issue } from '../shared/api';
import { VERIFY_CLI } from '../i18n/fr/checks';
import { inputProblem } from './input';
import { CLI_TIME_ZONE, CliIo, EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE } from './io';

export { CLI_TIME_ZONE };

/** Today's calendar day in Europe/Paris. */
export function todayInParis(now: Date = new Date()): Day {
  return todayIn(CLI_TIME_ZONE, now);
}

class UsageError extends Error {}

function parseArgs(args: string[]): { path: string; json: boolean } {
  let json = false;
  const paths: string[] = [];
  for (const a of args) {
    if (a === '--json') json = true;
    else if (a.startsWith('-') && a.length > 1) throw new UsageError(VERIFY_CLI.unknownOption(a));
    else if (a.trim() !== '') paths.push(a);
  }
  if (paths.length === 0) throw new UsageError(VERIFY_CLI.missingPath);
  if (paths.length > 1) throw new UsageError(VERIFY_CLI.tooManyPaths);
  return { path: paths[0], json };
}

/**
 * The letter of each issue's column in the user's sheet, by tab and canonical header, worked
 * out once per column (none for a missing column or a whole row).
 */
function columnLettersOf(model: WorkbookModel): (issue: Issue) => string | null {
  const tables = new Map<string, TableLayout<string>>();
  for (const t of [model.participants, model.sessions, model.attendance] as TableLayout<string>[])
    tables.set(t.definition.name, t);
  const known = new Map<string, string | null>();
  return (issue) => {
    if (issue.column === null) return null;
    const key = `${issue.sheet}\u0000${issue.column}`;
    let letter = known.get(key);
    if (letter === undefined) {
      const table = tables.get(issue.sheet);
      const def = table?.definition.columns.find((c) => c.header === issue.column);
      const index = def && table ? table.columns[def.key] : undefined;
      known.set(key, (letter = index === undefined || issue.code === 'MISSING_COLUMN' ? null : columnLetters(index + 1)));
    }
    return letter;
  };
}

/**
 * French text report grouped by tab then row, ending with a summary line. Each issue gives its
 * row, and its column's letter and header as written when `model` is given.
 */
export function formatText(result: CheckReport, model?: WorkbookModel): string {
  const letterOf = model ? columnLettersOf(model) : () => null;
  const lines: string[] = [];
  const byTab = new Map<string, Issue[]>();
  for (const i of result.issues) {
    const list = byTab.get(i.sheet);
    if (list) list.push(i);
    else byTab.set(i.sheet, [i]);
  }
  const order = [...CHECKED_TABS, ...[...byTab.keys()].filter((k) => !(CHECKED_TABS as readonly string[]).includes(k))];
  for (const tab of order) {
    const issues = byTab.get(tab);
    if (!issues) continue;
    const { errors, warnings } = countBySeverity(issues);
    lines.push(VERIFY_CLI.tabHeading(tab, errors, warnings));
    for (const i of issues) {
      const letter = i.header === null ? null : letterOf(i);
      const column = letter === null ? null : { letter, header: i.header! };
      lines.push(`  ${VERIFY_CLI.issueLine(i.sheet, i.row, column, i.severity, i.message)}`);
    }
    lines.push('');
  }
  const { errors, warnings } = countBySeverity(result.issues);
  lines.push(VERIFY_CLI.summary(result.rowsChecked, errors, warnings));
  return lines.join('\n');
}

export async function runVerify(args: string[], io: CliIo, today: Day = todayInParis()): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(VERIFY_CLI.usage);
    return EXIT_OK;
  }
  let options: { path: string; json: boolean };
  try {
    options = parseArgs(args);
  } catch (e) {
    io.err((e as Error).message);
    return EXIT_UNUSABLE;
  }
  const { path, json } = options;
  const problem = inputProblem(path);
  if (problem !== null) {
    io.err(problem);
    return EXIT_UNUSABLE;
  }
  let workbook: MemoryWorkbook;
  try {
    workbook = await readXlsx(path, CLI_TIME_ZONE);
  } catch (e) {
    io.err(e instanceof XlsxReadError ? e.message : VERIFY_CLI.notXlsx(path));
    return EXIT_UNUSABLE;
  }
  const model = readModel(workbook);
  if (model.participants.sheetName === null) {
    io.err(VERIFY_CLI.noParticipants(path));
    return EXIT_UNUSABLE;
  }
  const result = checkWorkbook(model, today);
  io.out(json ? JSON.stringify({ rowsChecked: result.rowsChecked, issues: result.issues }, null, 2) : formatText(result, model));
  return countBySeverity(result.issues).errors > 0 ? EXIT_ERRORS : EXIT_OK;
}
