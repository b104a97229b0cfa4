/**
 * The annual report's layout (pure): from the figures of Y and Y−1 and the confidentiality
 * threshold, the tables every output shows (tab "Bilan AAAA", HTML report, CLI table), the
 * sheet grid with its grouped formats and the charts. Aggregates only: no name ever enters it.
 */
import type { CellFormat, ChartSpec } from './port';
import { frenchDate, type Day } from './days';
import { percent, type YearFigures } from './indicators';
import type { Indicators } from '../shared/api';
import { reportTabName } from './schema';
import { REPORT } from '../i18n/fr/report';
import { REPORT_HOURS } from '../i18n/fr/hours';
import type { DataQuality } from './data-quality';
import { type QualityPart, type ReportPlace, qualityPart, reportOpening, sortDistricts } from './report-parts';

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
// Value display

/** French decimal: 18.2 → '18,2'; groups of thousands with `group`. */
export function frenchNumber(n: number, group = ' '): string {
  const [int, dec] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${n < 0 ? '−' : ''}${grouped}${dec ? `,${dec}` : ''}`;
}

/** Text of a layout cell for the HTML report and the CLI table. */
export function cellText(value: LayoutValue, role: ColumnRole, space = ' '): string {
  if (typeof value === 'string') return value;
  if (role === 'share') return `${frenchNumber(value, space)}${space}%`;
  return frenchNumber(value, space);
}

function signed(n: number): string {
  if (n === 0) return '0';
  return `${n > 0 ? '+' : '−'}${frenchNumber(Math.abs(n))}`;
}

type RowKind = 'people' | 'count' | 'rate' | 'mean';

interface Side {
  value: number | null;
  /** Share column (percent), undefined when the row has none. */
  share?: number | null;
  masked: boolean;
}

interface RowSpec {
  /** Set on the key figures the menu's summary quotes. */
  id?: KeyFigureId;
  label: string;
  kind: RowKind;
  current: Side;
  previous: Side;
}

class Masker {
  constructor(readonly threshold: number | null) {}
  isMasked(n: number | null): boolean {
    return this.threshold !== null && n !== null && n >= 1 && n < this.threshold;
  }
  text(): string {
    return REPORT.masked(this.threshold ?? 0);
  }
}

/** The values a row shows, year by year. */
function rowCells(spec: RowSpec, masker: Masker, previousEmpty: boolean): LayoutValue[] {
  const na = REPORT.notAvailable;
  const side = (s: Side, empty: boolean): [LayoutValue, LayoutValue] => {
    if (empty) return [spec.kind === 'rate' ? '' : na, spec.kind === 'rate' || s.share !== undefined ? na : ''];
    let value: LayoutValue;
    if (spec.kind === 'rate') value = '';
    else if (s.value === null) value = na;
    else if (spec.kind === 'people' && s.masked) value = masker.text();
    else value = s.value;
    let share: LayoutValue = '';
    if (s.share !== undefined) share = s.masked || s.share === null ? na : s.share;
    return [value, share];
  };
  const [cv, cs] = side(spec.current, false);
  const [pv, ps] = side(spec.previous, previousEmpty);
  let change: LayoutValue = '';
  const c = spec.current;
  const p = spec.previous;
  if (!previousEmpty && !c.masked && !p.masked) {
    if (spec.kind === 'rate') {
      if (c.share != null && p.share != null) change = REPORT.points(c.share - p.share);
    } else if (c.value !== null && p.value !== null) {
      change = spec.kind === 'mean' ? signed(Math.round((c.value - p.value) * 10) / 10) : signed(c.value - p.value);
    }
  }
  return [spec.label, cv, cs, pv, ps, change];
}

// ---------------------------------------------------------------------------------------
// Row specifications: what each row counts, for Y and Y−1

type Getter = (i: Indicators) => number;
type NullableGetter = (i: Indicators) => number | null;

/** The kinds of rows, each built for both years with the same masking. */
class RowBuilder {
  constructor(
    private readonly current: Indicators,
    private readonly previous: Indicators,
    private readonly masker: Masker,
  ) {}

  private both(label: string, kind: RowKind, side: (i: Indicators) => Side, id?: KeyFigureId): RowSpec {
    return { ...(id ? { id } : {}), label, kind, current: side(this.current), previous: side(this.previous) };
  }

  /** A count of people, with its share of the beneficiaries. */
  people(label: string, get: Getter, withShare = true, id?: KeyFigureId): RowSpec {
    return this.both(
      label,
      'people',
      (i) => {
        const v = get(i);
        return { value: v, share: withShare ? percent(v, i.beneficiaries) : undefined, masked: this.masker.isMasked(v) };
      },
      id,
    );
  }

  /** A rate of SPEC §6 (in the share column), masked with the count it derives from. */
  rate(label: string, get: NullableGetter, base: Getter, id?: KeyFigureId): RowSpec {
    return this.both(label, 'rate', (i) => ({ value: null, share: get(i), masked: this.masker.isMasked(base(i)) }), id);
  }

  /** A count that is not of people (never masked), with an optional share. */
  count(label: string, get: NullableGetter, share?: NullableGetter, id?: KeyFigureId): RowSpec {
    return this.both(label, 'count', (i) => ({ value: get(i), share: share ? share(i) : undefined, masked: false }), id);
  }

  mean(label: string, get: NullableGetter): RowSpec {
    return this.both(label, 'mean', (i) => ({ value: get(i), masked: false }));
  }

  /** A count of people masked with the rate of SPEC §6 in the share column. */
  peopleWithRate(label: string, get: Getter, rateOf: NullableGetter, id?: KeyFigureId): RowSpec {
    return this.both(label, 'people', (i) => ({ value: get(i), share: rateOf(i), masked: this.masker.isMasked(get(i)) }), id);
  }
}

interface TableSpec {
  id: TableId;
  title: string;
  rows: RowSpec[];
}

/** Keys of two years' breakdowns: Y's first, then those only Y−1 has. */
function unionKeys(a: Record<string, number>, b: Record<string, number>): string[] {
  const out = Object.keys(a);
  const seen = new Set(out);
  for (const k of Object.keys(b)) if (!seen.has(k)) out.push(k);
  return out;
}

/**
 * The count of `key` in a breakdown keyed by free text, 0 when absent: own keys only (a
 * district typed `constructor`, `__proto__` or `toString` is a key like any other).
 */
function countOf(counts: Record<string, number>, key: string): number {
  const own = Object.getOwnPropertyDescriptor(counts, key);
  return typeof own?.value === 'number' ? own.value : 0;
}

function markedCount(i: Indicators): number {
  return i.attendance.presences + i.attendance.absences + i.attendance.excused;
}

function keyFiguresTable(rows: RowBuilder): TableSpec {
  const labels = REPORT.rows;
  return {
    id: 'key',
    title: REPORT.tables.key,
    rows: [
      rows.people(labels.beneficiaries, (i) => i.beneficiaries, false, 'beneficiaries'),
      rows.count(labels.plannedPlaces, (i) => i.plannedPlaces, undefined, 'plannedPlaces'),
      rows.rate(
        labels.fillRate,
        (i) => i.fillRate,
        (i) => i.beneficiaries,
        'fillRate',
      ),
      rows.people(labels.newEntrants, (i) => i.newEntrants),
      rows.people(labels.carriedOver, (i) => i.carriedOver),
      rows.peopleWithRate(
        labels.minors,
        (i) => i.minors.count,
        (i) => i.minors.percent,
        'minors',
      ),
      rows.peopleWithRate(
        labels.qpv,
        (i) => i.qpv.count,
        (i) => i.qpv.percent,
        'qpv',
      ),
      rows.people(labels.qpvUnknown, (i) => i.qpv.unknown),
      rows.people(labels.women, (i) => i.sex.F),
      rows.people(labels.men, (i) => i.sex.H),
      rows.people(labels.sexUnknown, (i) => i.sex.unknown),
      rows.peopleWithRate(
        labels.positive,
        (i) => i.outcomes.positive,
        (i) => i.outcomes.positiveRate,
        'positive',
      ),
    ],
  };
}

function breakdownTables(rows: RowBuilder, current: Indicators, previous: Indicators): TableSpec[] {
  const labels = REPORT.rows;
  const districtKeys = sortDistricts(unionKeys(current.qpv.byDistrict, previous.qpv.byDistrict), current.qpv.byDistrict);
  return [
    {
      id: 'districts',
      title: REPORT.tables.districts,
      rows:
        districtKeys.length > 0
          ? districtKeys.map((k) => rows.people(k, (i) => countOf(i.qpv.byDistrict, k)))
          : [rows.people(labels.noDistrict, () => 0)],
    },
    {
      id: 'communes',
      title: REPORT.tables.communes,
      rows: unionKeys(current.communes, previous.communes).map((k) => rows.people(k, (i) => countOf(i.communes, k))),
    },
    {
      id: 'ages',
      title: REPORT.tables.ages,
      rows: [
        rows.people(labels.under18, (i) => i.ageBands.under18),
        rows.people(labels.from18to21, (i) => i.ageBands['18to21']),
        rows.people(labels.from22to25, (i) => i.ageBands['22to25']),
        rows.people(labels.from26, (i) => i.ageBands['26plus']),
        rows.people(labels.ageUnknown, (i) => i.ageBands.unknown),
      ],
    },
    {
      id: 'levels',
      title: REPORT.tables.levels,
      rows: unionKeys(current.trainingLevels, previous.trainingLevels).map((k) =>
        rows.people(k, (i) => countOf(i.trainingLevels, k)),
      ),
    },
  ];
}

function attendanceTable(rows: RowBuilder): TableSpec {
  const labels = REPORT.rows;
  return {
    id: 'attendance',
    title: REPORT.tables.attendance,
    rows: [
      rows.count(labels.sessions, (i) => i.attendance.sessions),
      rows.count(
        labels.presences,
        (i) => i.attendance.presences,
        (i) => i.attendance.presenceRate,
      ),
      rows.count(
        labels.absences,
        (i) => i.attendance.absences,
        (i) => percent(i.attendance.absences, markedCount(i)),
      ),
      rows.count(
        labels.excused,
        (i) => i.attendance.excused,
        (i) => percent(i.attendance.excused, markedCount(i)),
      ),
      rows.mean(labels.meanPerSession, (i) => i.attendance.meanPerSession),
      rows.mean(labels.meanSessionsPerBeneficiary, (i) => i.attendance.meanSessionsPerBeneficiary),
    ],
  };
}

/** Hours of SPEC §6: never masked (they count hours, not people). */
function hoursTable(rows: RowBuilder): TableSpec {
  const labels = REPORT_HOURS.rows;
  return {
    id: 'hours',
    title: REPORT_HOURS.tables.hours,
    rows: [
      rows.mean(labels.delivered, (i) => i.hours.delivered),
      rows.mean(labels.attended, (i) => i.hours.attended),
      rows.mean(labels.perBeneficiary, (i) => i.hours.perBeneficiary),
      rows.count(labels.sessionsWithoutTimes, (i) => i.hours.sessionsWithoutTimes),
    ],
  };
}

function outcomesTable(rows: RowBuilder): TableSpec {
  const labels = REPORT.rows;
  return {
    id: 'outcomes',
    title: REPORT.tables.outcomes,
    rows: [
      rows.people(labels.workStudy, (i) => i.outcomes.workStudy),
      rows.people(labels.training, (i) => i.outcomes.training),
      rows.people(labels.employment, (i) => i.outcomes.employment),
      rows.people(labels.dropout, (i) => i.outcomes.dropout),
      rows.people(labels.other, (i) => i.outcomes.other),
      rows.people(labels.stillSearching, (i) => i.outcomes.stillSearching),
      rows.people(labels.apprenticeship, (i) => i.outcomes.apprenticeship),
      rows.people(labels.professionalisation, (i) => i.outcomes.professionalisation),
      rows.peopleWithRate(
        labels.positive,
        (i) => i.outcomes.positive,
        (i) => i.outcomes.positiveRate,
      ),
      rows.mean(labels.meanContractMonths, (i) => i.outcomes.meanContractMonths),
    ],
  };
}

/** Every table of counts, in the report's order (the months table is laid out apart). */
function tableSpecs(current: Indicators, previous: Indicators, masker: Masker): TableSpec[] {
  const rows = new RowBuilder(current, previous, masker);
  return [
    keyFiguresTable(rows),
    ...breakdownTables(rows, current, previous),
    attendanceTable(rows),
    hoursTable(rows),
    outcomesTable(rows),
  ];
}

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
