/**
 * Indicators and the annual report (SPEC §5, §6, §9): reads each tab once, writes only the
 * generated tab "Bilan AAAA" in a constant number of batch calls. Data tabs are never touched.
 */
import { UserError } from '../core/errors';
import { requireUsableParticipants } from '../core/checks/participants-usable';
import type { Services } from './ports';
import { yearOfDay } from '../core/days';
import { computeYearFigures, YearFigures } from '../core/indicators';
import { buildReportLayout, cellText, type KeyFigureId, ReportLayout } from '../core/report-layout';
import { dataQuality } from '../core/data-quality';
import type { ReportPlace } from '../core/report-parts';
import { PARTICIPANTS, findTabName, headerOf, reportTabName } from '../core/schema';
import { CELL_OK } from '../core/attendance-columns';
import type { WorkbookModel } from '../core/workbook';
import type { AnnualReportResult, Indicators } from '../shared/api';
import { REPORT } from '../i18n/fr/report';
import { readModelInBands, withDocumentLock } from './read';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** A year from the sidebar or the menu: a whole number (or its text) from 1990 to 2100. */
export function parseYear(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d{4}\s*$/.test(value)) n = Number(value);
  else return null;
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

function requireYear(value: unknown): number {
  const year = parseYear(value);
  if (year === null) throw new UserError(REPORT.invalidYearValue(MIN_YEAR, MAX_YEAR), 'INVALID_INPUT');
  return year;
}

/** Throws a French message when the workbook cannot give indicators at all. */
export function assertReportable(model: WorkbookModel): void {
  requireUsableParticipants(model, ['entryDate'], {
    tabMissing: REPORT.noParticipantsTab,
    headerMissing: () => REPORT.noParticipantsTab,
    columnMissing: () => REPORT.noEntryDateColumn,
  });
}

/** Headers of the required Participants columns that are absent (their values count as unknown). */
function missingColumnHeaders(model: WorkbookModel): string[] {
  return model.participants.missing.filter((k) => k !== 'entryDate').map((k) => headerOf(PARTICIPANTS, k));
}

/** Warnings for required Participants columns that are absent (values count as unknown). */
export function missingColumnWarnings(model: WorkbookModel): string[] {
  const headers = missingColumnHeaders(model);
  return headers.length === 0 ? [] : [REPORT.missingColumnsWarning(headers)];
}

export function computeIndicators(services: Services, year: unknown): Indicators {
  const y = requireYear(year);
  const model = readModelInBands(services.workbook);
  assertReportable(model);
  return computeYearFigures(model, y).indicators;
}

/**
 * The layout of year Y's report for a model already read; `place` is where it is read (its
 * fixes name the menu in Sheets, `club-alternance verifier` for the CLI).
 */
export function reportLayoutFor(
  model: WorkbookModel,
  year: number,
  generatedOn: number,
  place: ReportPlace = 'sheets',
): { layout: ReportLayout; current: YearFigures } {
  const current = computeYearFigures(model, year);
  const previous = computeYearFigures(model, year - 1);
  const layout = buildReportLayout({
    current,
    previous,
    threshold: model.settings.confidentialityThreshold,
    generatedOn,
    warnings: missingColumnWarnings(model),
    organisation: model.settings.organisation,
    quality: dataQuality(model, current.indicators),
    missingColumns: missingColumnHeaders(model),
    place,
  });
  return { layout, current };
}

export function hasData(i: Indicators): boolean {
  return (
    i.beneficiaries > 0 || i.attendance.sessions > 0 || i.attendance.presences + i.attendance.absences + i.attendance.excused > 0
  );
}

/** Actual name of the year's report tab when it exists (tab names match loosely). */
export function existingReportTab(sheetNames: string[], year: number): string | null {
  return findTabName(sheetNames, reportTabName(year));
}

/** Writes the layout into the report tab: clear or create, one write, grouped formats, charts. */
function writeReport(services: Services, layout: ReportLayout, existing: string | null): string {
  const wb = services.workbook;
  const sheet = existing ?? layout.sheetName;
  if (existing) wb.clearSheet(sheet);
  else wb.insertSheet(sheet);
  wb.writeValues(sheet, 1, 1, layout.grid);
  for (const f of layout.formats) wb.format(sheet, f.row, f.col, f.numRows, f.numCols, f.format);
  for (const w of layout.columnWidths) wb.setColumnWidth(sheet, w.col, w.width);
  for (const c of layout.charts) wb.addChart(sheet, c.spec);
  wb.select(sheet, 1, 1);
  return sheet;
}

/** Generates year Y's report from a model already read: the one path of the sidebar and the menu. */
function generateFromModel(
  services: Services,
  model: WorkbookModel,
  year: number,
): { result: AnnualReportResult; layout: ReportLayout } {
  assertReportable(model);
  const { layout, current } = reportLayoutFor(model, year, services.today());
  if (!hasData(current.indicators)) throw new UserError(REPORT.noData(year), 'NO_DATA');
  const existing = existingReportTab(model.sheetNames, year);
  const sheetName = withDocumentLock(services, () => writeReport(services, layout, existing));
  return { result: { sheetName, indicators: current.indicators }, layout: { ...layout, sheetName } };
}

/** Server function: (re)generates the tab "Bilan AAAA" (the sidebar asks before replacing). */
export function generateAnnualReport(services: Services, year: unknown): AnnualReportResult {
  const y = requireYear(year);
  return generateFromModel(services, readModelInBands(services.workbook), y).result;
}

/** Years with data (entries, sessions, attendance), most recent first; suggested: the last year with sessions. */
export function reportYearsOf(model: WorkbookModel): { years: number[]; suggested: number | null; existing: number[] } {
  const years = new Set<number>();
  let lastSessionYear: number | null = null;
  const add = (day: number): number | null => {
    const y = yearOfDay(day);
    if (y < MIN_YEAR || y > MAX_YEAR) return null;
    years.add(y);
    return y;
  };
  for (const s of model.sessionRecords) {
    if (s.date.status !== 'ok') continue;
    const y = add(s.date.value);
    if (y !== null && (lastSessionYear === null || y > lastSessionYear)) lastSessionYear = y;
  }
  for (const p of model.participantRecords) if (p.entryDate.status === 'ok') add(p.entryDate.value);
  // 200 000 Présences rows: their typed columns, one year worked out per run of the same day
  // (rows come session by session), no record per row.
  const c = model.attendanceColumns;
  let lastDay = Number.NaN;
  for (let i = 0; i < c.length; i++) {
    if (c.dateState[i] !== CELL_OK || c.day[i] === lastDay) continue;
    lastDay = c.day[i];
    add(lastDay);
  }
  const sorted = [...years].sort((a, b) => b - a);
  const existing = sorted.filter((y) => existingReportTab(model.sheetNames, y) !== null);
  return { years: sorted, suggested: lastSessionYear ?? sorted[0] ?? null, existing };
}

export function getReportYears(services: Services): { years: number[]; suggested: number | null; existing: number[] } {
  return reportYearsOf(readModelInBands(services.workbook));
}

/** Short French summary of a generated report, with the same masking as the report (its key figures, by name). */
export function reportSummary(layout: ReportLayout): string {
  const figures = layout.keyFigures;
  const value = (id: KeyFigureId): string => cellText(figures[id].value, 'value');
  const share = (id: KeyFigureId): string => cellText(figures[id].share, 'share');
  const rows = REPORT.rows;
  const parts = [
    `${rows.beneficiaries}\u00a0: ${value('beneficiaries')}`,
    `${rows.plannedPlaces}\u00a0: ${value('plannedPlaces')}`,
    `${rows.fillRate.split(' (')[0]}\u00a0: ${share('fillRate')}`,
    `${rows.minors}\u00a0: ${value('minors')} (${share('minors')})`,
    `${rows.qpv}\u00a0: ${value('qpv')} (${share('qpv')})`,
    `${rows.positive.split(' (')[0]}\u00a0: ${value('positive')} (${share('positive')})`,
  ];
  return [REPORT.done(layout.sheetName), REPORT.summaryLine(parts), ...layout.warnings].join('\n\n');
}

/** The year the menu's prompt asks for; null when the user cancelled. A refusal is a UserError. */
function askYear(services: Services, suggested: number | null): number | null {
  const answer = services.ui.prompt(
    REPORT.promptTitle,
    REPORT.promptMessage(suggested),
    suggested === null ? undefined : String(suggested),
  );
  if (answer === null) return null;
  const trimmed = answer.trim();
  if (trimmed === '') {
    if (suggested === null) throw new UserError(REPORT.noYearGiven, 'INVALID_INPUT');
    return suggested;
  }
  const year = parseYear(trimmed);
  if (year === null) throw new UserError(REPORT.invalidYear(trimmed, MIN_YEAR, MAX_YEAR), 'INVALID_INPUT');
  return year;
}

/**
 * Menu "Générer le bilan annuel…": asks the year, confirms a replacement, then generates by
 * the same path as the sidebar (generateFromModel) and sums up. Refusals are UserErrors that
 * the menu's top-level catch (api.ts) shows.
 */
export function generateReportFromMenu(services: Services): void {
  const ui = services.ui;
  const model = readModelInBands(services.workbook);
  assertReportable(model);
  const year = askYear(services, reportYearsOf(model).suggested);
  if (year === null) return;
  const existing = existingReportTab(model.sheetNames, year);
  if (existing && !ui.confirm(REPORT.confirmTitle, REPORT.confirmReplace(existing))) {
    ui.alert(REPORT.cancelled);
    return;
  }
  const { layout } = generateFromModel(services, model, year);
  ui.alert(reportSummary(layout));
}
