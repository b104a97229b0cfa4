/**
 * The annual report's layout (pure): from the figures of Y and Y−1 and the confidentiality
 * threshold, the tables every output shows (tab "Bilan AAAA", HTML report, CLI table), the
 * sheet grid with its grouped formats and the charts. Aggregates only: no name ever enters it.
 */
import type { CellFormat, ChartSpec } from './port';
import { frenchDate, type Day } from './days';
import type { YearFigures } from './indicators';
import type { Indicators } from '../shared/api';
import { reportTabName } from './schema';
import { Masker, TableSpec, cellText, rowCells, tableSpecs } from './report-rows';

export { cellText, frenchNumber } from './report-rows';
import { REPORT } from '../i18n/fr/report';
import { REPORT_HOURS } from '../i18n/fr/hours';
import type { DataQuality } from './data-quality';
import { type QualityPart, type ReportPlace, qualityPart, reportOpening } from './report-parts';

/** What a cell shows: a number, a text ('< 5', '—', '+3') or nothing (''). */
export type LayoutValue = number | string;

/** How a column's numbers read: counts/means, shares (percent), changes (already text). */
export type ColumnRole = 'label' | 'value' | 'share' | 'change';

export type TableId =
  | 'key'
  | 'districts'
  | 'communes'
  | 'ages'
  | 'levels'
  | 'attendance'
  | 'hours'
  | 'outcomes'
  | 'sexByAge'
  | 'months';

export interface ReportTable {
  id: TableId;
  title: string;
  header: string[];
  roles: ColumnRole[];
  rows: LayoutValue[][];
  /** 1-based sheet row of the table's header row in the tab. */
  sheetRow: number;
}

export interface ReportChart {
  id: 'communes' | 'outcomes' | 'months';
  type: ChartSpec['type'];
  title: string;
  labels: string[];
  /** One series per year shown; null = masked or unknown (not drawn). */
  series: { name: string; values: (number | null)[]; display: string[] }[];
  spec: ChartSpec;
}

export interface FormatRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  format: CellFormat;
}

/** The key figures quoted by the menu's summary, found by name rather than by cell position. */
export type KeyFigureId = 'beneficiaries' | 'plannedPlaces' | 'fillRate' | 'minors' | 'qpv' | 'positive';

/** What a key figure shows for year Y: its value and its share, as the report's cells (masked alike). */
export interface KeyFigure {
  value: LayoutValue;
  share: LayoutValue;
}

export interface ReportLayout {
  year: number;
  sheetName: string;
  /** `Structure` (Paramètres; default "Mission locale"): the report's first line. */
  organisation: string;
  /** The programme and the year: the report's second line. */
  title: string;
  generated: string;
  /**
   * Warnings for the menu's summary (rows excluded, columns missing). The report itself never
   * opens on them: they are in its last part, `quality`.
   */
  warnings: string[];
  /** Notes (confidentiality threshold, no previous year). */
  notes: string[];
  tables: ReportTable[];
  charts: ReportChart[];
  /** The whole tab, one rectangle written in one call. */
  grid: LayoutValue[][];
  /** Format rectangles: their number depends on the layout, never on the data size. */
  formats: FormatRange[];
  columnWidths: { col: number; width: number }[];
  /** Year Y's key figures, the same cells as the "Chiffres clés" table. */
  keyFigures: Record<KeyFigureId, KeyFigure>;
  /** The last part, "Qualité des données", and its header row in the tab. */
  quality: QualityPart & { sheetRow: number };
}

export interface ReportInput {
  current: YearFigures;
  previous: YearFigures;
  /** Seuil de confidentialité N (counts 1..N−1 are masked), or null. */
  threshold: number | null;
  generatedOn: Day;
  /** Extra warnings (e.g. missing columns), for the menu's summary. */
  warnings?: string[];
  /** `Structure` of Paramètres (default "Mission locale"). */
  organisation?: string;
  /** What the figures of Y could not use (data-quality.ts); none when absent. */
  quality?: DataQuality;
  /** Required Participants columns that are absent (their headers). */
  missingColumns?: string[];
  /** Where the report is read, for the fixes it gives: Sheets (default) or the CLI. */
  place?: ReportPlace;
}

export const GRID_WIDTH = 6;
const CHART_COLUMN = GRID_WIDTH + 2;
const CHART_WIDTH = 520;
const CHART_HEIGHT = 320;
/** Rows a chart covers (default row height 21 px), to keep charts from overlapping. */
const CHART_ROWS = Math.ceil(CHART_HEIGHT / 21) + 1;
export const FIRST_TABLE_ROW = 6;

// ---------------------------------------------------------------------------------------
// Grid

/** The tab's rows, GRID_WIDTH cells each. */
class Grid {
  readonly rows: LayoutValue[][] = [];

  /** 1-based sheet row of the next line. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  line(cells: LayoutValue[] = []): void {
    const row = new Array<LayoutValue>(GRID_WIDTH).fill('');
    cells.forEach((c, i) => (row[i] = c));
    this.rows.push(row);
  }
}

/** The warnings and notes shown above the tables. */
function headerTexts(input: ReportInput, previousEmpty: boolean): { warnings: string[]; notes: string[] } {
  const current = input.current.indicators;
  const warnings: string[] = [];
  if (current.excludedRows > 0) warnings.push(REPORT.excludedWarning(current.excludedRows));
  warnings.push(...(input.warnings ?? []));
  const notes: string[] = [REPORT.ageNote];
  if (input.threshold !== null) notes.push(REPORT.thresholdNote(input.threshold));
  if (previousEmpty) notes.push(REPORT.noPreviousYear(current.year - 1));
  return { warnings, notes };
}

/** Lays the tables of counts out in the grid; returns them with their key figures. */
function layCountTables(
  grid: Grid,
  specs: TableSpec[],
  year: number,
  masker: Masker,
  previousEmpty: boolean,
): { tables: ReportTable[]; keyFigures: Partial<Record<KeyFigureId, KeyFigure>> } {
  const yearHeader = [String(year), REPORT.columns.share, String(year - 1), REPORT.columns.share, REPORT.columns.change];
  const roles: ColumnRole[] = ['label', 'value', 'share', 'value', 'share', 'change'];
  const tables: ReportTable[] = [];
  const keyFigures: Partial<Record<KeyFigureId, KeyFigure>> = {};
  for (const spec of specs) {
    const sheetRow = grid.nextRow;
    const header = [spec.title, ...yearHeader];
    const rows = spec.rows.map((r) => rowCells(r, masker, previousEmpty));
    spec.rows.forEach((r, k) => {
      if (r.id) keyFigures[r.id] = { value: rows[k][1], share: rows[k][2] };
    });
    grid.line(header);
    for (const r of rows) grid.line(r);
    grid.line();
    tables.push({ id: spec.id, title: spec.title, header, roles, rows, sheetRow });
  }
  return { tables, keyFigures };
}

/**
 * Sex by age band of year Y (SPEC §6 sexByAge), a cross table: one row per age band, one
 * column per sex and the band's total (ageBands). Counts of people: masked under the
 * confidentiality threshold. Laid out after the tables with share columns (no "%" format).
 */
function laySexByAgeTable(grid: Grid, current: Indicators, masker: Masker): ReportTable {
  const labels = REPORT.rows;
  const columns = REPORT_HOURS.columns;
  const cell = (n: number): LayoutValue => (masker.isMasked(n) ? masker.text() : n);
  const bands: [string, keyof Indicators['ageBands']][] = [
    [labels.under18, 'under18'],
    [labels.from18to21, '18to21'],
    [labels.from22to25, '22to25'],
    [labels.from26, '26plus'],
    [labels.ageUnknown, 'unknown'],
  ];
  const { F, H, unknown } = current.sexByAge;
  const rows: LayoutValue[][] = bands.map(([label, k]) => [
    label,
    cell(F[k]),
    cell(H[k]),
    cell(unknown[k]),
    cell(current.ageBands[k]),
  ]);
  const title = REPORT_HOURS.tables.sexByAge(current.year);
  const header = [title, columns.women, columns.men, columns.sexUnknown, columns.total];
  const sheetRow = grid.nextRow;
  grid.line(header);
  for (const r of rows) grid.line(r);
  grid.line();
  return { id: 'sexByAge', title, header, roles: ['label', 'value', 'value', 'value', 'value'], rows, sheetRow };
}

/** Presences per month (attendance marks: not counts of people, never masked). */
function layMonthsTable(grid: Grid, input: ReportInput, previousEmpty: boolean): ReportTable {
  const year = input.current.indicators.year;
  const sheetRow = grid.nextRow;
  const header = [REPORT.tables.months, String(year), String(year - 1)];
  const rows: LayoutValue[][] = REPORT.months.map((m, k) => [
    m,
    input.current.presencesByMonth[k],
    previousEmpty ? REPORT.notAvailable : input.previous.presencesByMonth[k],
  ]);
  grid.line(header);
  for (const r of rows) grid.line(r);
  return { id: 'months', title: REPORT.tables.months, header, roles: ['label', 'value', 'value'], rows, sheetRow };
}

// ---------------------------------------------------------------------------------------
// Charts

/** Charts placed beside the tables they draw, one below the other (never overlapping). */
class ChartPlacer {
  readonly charts: ReportChart[] = [];
  private nextFreeRow = FIRST_TABLE_ROW;

  add(
    id: ReportChart['id'],
    type: ChartSpec['type'],
    title: string,
    table: ReportTable,
    numRows: number,
    seriesCols: number[],
  ): void {
    const anchorRow = Math.max(table.sheetRow, this.nextFreeRow);
    this.nextFreeRow = anchorRow + CHART_ROWS;
    const rows = table.rows.slice(0, numRows);
    this.charts.push({
      id,
      type,
      title,
      labels: rows.map((r) => String(r[0])),
      series: seriesCols.map((c) => ({
        name: table.header[c],
        values: rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : null)),
        display: rows.map((r) => cellText(r[c], table.roles[c])),
      })),
      spec: {
        type,
        title,
        range: { row: table.sheetRow, col: 1, numRows: numRows + 1, numCols: Math.max(...seriesCols) + 1 },
        anchor: { row: anchorRow, col: CHART_COLUMN },
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      },
    });
  }
}

function buildCharts(tables: ReportTable[], year: number, previousEmpty: boolean): ReportChart[] {
  const table = (id: TableId): ReportTable => tables.find((t) => t.id === id)!;
  const placer = new ChartPlacer();
  const communes = table('communes');
  placer.add('communes', 'bar', REPORT.charts.communes(year), communes, communes.rows.length, [1]);
  placer.add('outcomes', 'pie', REPORT.charts.outcomes(year), table('outcomes'), 6, [1]);
  placer.add('months', 'column', REPORT.charts.months(year), table('months'), 12, previousEmpty ? [1] : [1, 2]);
  return placer.charts;
}

// ---------------------------------------------------------------------------------------
// Formats (grouped: a fixed number of rectangles)

function buildFormats(tables: ReportTable[], lastShareRow: number, lastRow: number): FormatRange[] {
  const formats: FormatRange[] = [
    // The opening: Structure, the programme and the year, then how the figures were made.
    { row: 1, col: 1, numRows: 1, numCols: 1, format: { bold: true, fontSize: 14 } },
    { row: 2, col: 1, numRows: 1, numCols: 1, format: { bold: true, fontSize: 12 } },
    { row: 3, col: 1, numRows: 2, numCols: 1, format: { italic: true, fontColor: '#5f6368' } },
  ];
  for (const t of tables) {
    formats.push({
      row: t.sheetRow,
      col: 1,
      numRows: 1,
      numCols: t.header.length,
      format: { bold: true, background: '#e8f0fe' },
    });
  }
  const first = FIRST_TABLE_ROW;
  formats.push(
    { row: first, col: 3, numRows: lastShareRow - first + 1, numCols: 1, format: { numberFormat: '0" %"' } },
    { row: first, col: 5, numRows: lastShareRow - first + 1, numCols: 1, format: { numberFormat: '0" %"' } },
    { row: first, col: 2, numRows: lastRow - first + 1, numCols: GRID_WIDTH - 1, format: { horizontalAlignment: 'right' } },
  );
  return formats;
}

function columnWidths(): { col: number; width: number }[] {
  const widths = [{ col: 1, width: 400 }];
  for (let c = 2; c <= GRID_WIDTH; c++) widths.push({ col: c, width: c === GRID_WIDTH ? 90 : 70 });
  return widths;
}

// ---------------------------------------------------------------------------------------
// First and last parts (SPEC §6): the opening, and "Qualité des données"

/** Rows 1 to FIRST_TABLE_ROW − 1: Structure, the programme and the year, the generation line, the notes. */
function layOpening(grid: Grid, lines: string[]): void {
  for (const line of lines) grid.line([line]);
  while (grid.nextRow < FIRST_TABLE_ROW) grid.line();
}

const NO_QUALITY: DataQuality = {
  excludedRows: 0,
  ageUnknown: 0,
  attendance: { unknownId: 0, unknownStatus: 0, unreadableDate: 0 },
  sessionsWithoutTimes: 0,
};

function qualityOf(input: ReportInput): QualityPart {
  const quality = input.quality ?? { ...NO_QUALITY, excludedRows: input.current.indicators.excludedRows };
  return qualityPart(quality, input.missingColumns ?? [], input.place ?? 'sheets');
}

/** The last part, after a blank row: its table (what was left out, how many, how to fix it), then its sentences. */
function layQuality(grid: Grid, part: QualityPart): QualityPart & { sheetRow: number } {
  grid.line();
  const sheetRow = grid.nextRow;
  grid.line(part.header);
  for (const r of part.rows) grid.line(r);
  grid.line();
  grid.line([part.summary]);
  for (const n of part.notes) grid.line([n]);
  return { ...part, sheetRow };
}

/** The last part's formats: its header row like the tables', its counts on the right. */
function qualityFormats(q: QualityPart & { sheetRow: number }): FormatRange[] {
  return [
    { row: q.sheetRow, col: 1, numRows: 1, numCols: q.header.length, format: { bold: true, background: '#e8f0fe' } },
    { row: q.sheetRow + 1, col: 2, numRows: q.rows.length, numCols: 1, format: { horizontalAlignment: 'right' } },
  ];
}

// ---------------------------------------------------------------------------------------

export function buildReportLayout(input: ReportInput): ReportLayout {
  const current = input.current.indicators;
  const previous = input.previous.indicators;
  const year = current.year;
  const masker = new Masker(input.threshold);
  const previousEmpty = previous.beneficiaries === 0 && previous.attendance.sessions === 0;
  const { warnings, notes } = headerTexts(input, previousEmpty);
  const opening = reportOpening(input.organisation, year);
  const title = opening.programme;
  const generated = REPORT.generatedOn(frenchDate(input.generatedOn));

  const grid = new Grid();
  layOpening(grid, [opening.organisation, title, generated, notes.join(' ')]);
  const { tables, keyFigures } = layCountTables(grid, tableSpecs(current, previous, masker), year, masker, previousEmpty);
  const lastShareRow = grid.rows.length;
  tables.push(laySexByAgeTable(grid, current, masker));
  tables.push(layMonthsTable(grid, input, previousEmpty));
  const lastTableRow = grid.rows.length;
  const quality = layQuality(grid, qualityOf(input));

  return {
    year,
    sheetName: reportTabName(year),
    title,
    generated,
    warnings,
    notes,
    tables,
    charts: buildCharts(tables, year, previousEmpty),
    grid: grid.rows,
    formats: [...buildFormats(tables, lastShareRow, lastTableRow), ...qualityFormats(quality)],
    columnWidths: columnWidths(),
    keyFigures: keyFigures as Record<KeyFigureId, KeyFigure>,
    organisation: opening.organisation,
    quality,
  };
}
