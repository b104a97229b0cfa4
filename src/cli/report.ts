/**
 * `club-alternance bilan <classeur.xlsx> --annee AAAA [--json] [--sortie bilan.html]` (SPEC §7):
 * the indicators of SPEC §6 as a French table, as JSON, or as a self-contained HTML report.
 * The input file is only read, never written.
 */
import type { MemoryWorkbook } from '../adapters/memory';
import { readXlsx, XlsxReadError } from '../adapters/xlsx';
import { todayIn } from '../core/days';
import { cellText, ReportLayout } from '../core/report-layout';
import { findTabName, PARTICIPANTS } from '../core/schema';
import { forCli, REPORT } from '../i18n/fr/report';
import { assertReportable, hasData, MAX_YEAR, MIN_YEAR, parseYear, reportLayoutFor } from '../app/report';
import { readModel } from '../app/read';
import { inputProblem } from './input';
import { CLI_TIME_ZONE, CliIo, cliArguments, EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE } from './io';
import { checkOutputPath, outputErrorLine, writeOutputFile } from './output';
import { renderHtmlReport } from './html-report';

export interface ReportArgs {
  file: string;
  year: number;
  json: boolean;
  output: string | null;
  /** `--remplacer`: an existing output may be replaced (never the input). */
  replace: boolean;
}

/** Parses the arguments; a string is the French message of an unusable command line. */
export function parseReportArgs(args: string[]): ReportArgs | string {
  let file: string | null = null;
  let yearText: string | null = null;
  let json = false;
  let output: string | null = null;
  let replace = false;
  for (const { name, raw: a, value: next } of cliArguments(args)) {
    if (name === '--annee' || name === '--année') {
      yearText = next();
      if (yearText === null) return REPORT.cli.missingYear;
    } else if (name === '--json') json = true;
    else if (name === '--sortie') {
      output = next()?.trim() ?? null;
      if (!output) return REPORT.cli.missingOutput;
    } else if (name === '--remplacer') replace = true;
    else if (a.startsWith('-') && a.length > 1) return REPORT.cli.unknownOption(a);
    else if (file === null) file = a;
    else return REPORT.cli.extraArgument(a);
  }
  if (file === null) return REPORT.cli.missingFile;
  if (yearText === null) return REPORT.cli.missingYear;
  const year = parseYear(yearText);
  if (year === null) return REPORT.cli.badYear(yearText, MIN_YEAR, MAX_YEAR);
  return { file, year, json, output, replace };
}

/** The report as a readable French text table. */
export function renderTextReport(layout: ReportLayout): string {
  const out: string[] = [layout.organisation, layout.title, layout.generated];
  for (const n of layout.notes) out.push('', n);
  for (const t of layout.tables) {
    const lines = [t.header, ...t.rows.map((r) => r.map((v, i) => cellText(v, t.roles[i])))];
    const widths = t.header.map((_, c) => Math.max(...lines.map((l) => String(l[c] ?? '').length)));
    out.push('');
    lines.forEach((l, k) => {
      const cells = l.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c])));
      out.push(cells.join('  ').trimEnd());
      if (k === 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '));
    });
  }
  out.push('', ...qualityLines(layout));
  return `${out.join('\n')}\n`;
}

/** The report's last part, "Qualité des données": one line per count with its fix, then its sentences. */
function qualityLines(layout: ReportLayout): string[] {
  const q = layout.quality;
  const out = [q.title, '-'.repeat(q.title.length)];
  for (const [label, count, fix] of q.rows) out.push(`${label}\u00a0: ${cellText(count, 'value')} — ${fix}`);
  out.push('', q.summary, ...q.notes);
  return out;
}

export interface ReportOptions {
  /** Current instant (tests fix it). */
  now?: () => Date;
}

export async function runReport(args: string[], io: CliIo, options: ReportOptions = {}): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(REPORT.cli.usage);
    return EXIT_OK;
  }
  const parsed = parseReportArgs(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return EXIT_UNUSABLE;
  }
  const { file, year, json, output, replace } = parsed;
  const problem = inputProblem(file, REPORT.cli.notXlsx);
  if (problem !== null) {
    io.err(problem);
    return EXIT_UNUSABLE;
  }
  const outputOptions = { replace, inputPath: file, extension: '.html' };
  if (output !== null) {
    try {
      checkOutputPath(output, outputOptions);
    } catch (e) {
      io.err(outputErrorLine(e, output));
      return EXIT_UNUSABLE;
    }
  }
  let workbook: MemoryWorkbook;
  try {
    workbook = await readXlsx(file);
  } catch (e) {
    io.err(e instanceof XlsxReadError ? e.message : REPORT.cli.notXlsx(file));
    return EXIT_UNUSABLE;
  }
  if (findTabName(workbook.sheetNames(), PARTICIPANTS.name) === null) {
    io.err(REPORT.cli.noParticipants(file));
    return EXIT_UNUSABLE;
  }
  const model = readModel(workbook);
  try {
    assertReportable(model);
  } catch (e) {
    io.err(forCli((e as Error).message));
    return EXIT_UNUSABLE;
  }
  const today = todayIn(CLI_TIME_ZONE, (options.now ?? (() => new Date()))());
  const { layout, current } = reportLayoutFor(model, year, today, 'cli');
  if (!hasData(current.indicators)) {
    // As the menu: no report for a year without any beneficiary, session or attendance.
    io.err(REPORT.noData(year));
    return EXIT_ERRORS;
  }

  if (output !== null) {
    try {
      await writeOutputFile(output, renderHtmlReport(layout), outputOptions);
    } catch (e) {
      io.err(outputErrorLine(e, output));
      return EXIT_UNUSABLE;
    }
  }
  if (json) io.out(JSON.stringify(current.indicators, null, 2));
  else if (output !== null) io.out(REPORT.cli.written(output));
  else io.out(renderTextReport(layout));
  if (json && output !== null) io.err(REPORT.cli.written(output));
  return EXIT_OK;
}
