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
import { REPORT } from '../i18n/fr/report';

/** What a cell shows: a number, a text ('< 5', '—', '+3') or nothing (''). */
export type LayoutValue = number | string;

/** How a column's numbers read: counts/means, shares (percent), changes (already text). */
export type ColumnRole = 'label' | 'value' | 'share' | 'change';

export type TableId = 'key' | 'districts' | 'communes' | 'ages' | 'levels' | 'attendance' | 'outcomes' | 'months';

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

export interface ReportLayout {
  year: number;
  sheetName: string;
  title: string;
  generated: string;
  /** Visible warnings (rows excluded, columns missing). */
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
}

export interface ReportInput {
  current: YearFigures;
  previous: YearFigures;
  /** Seuil de confidentialité N (counts 1..N−1 are masked), or null. */
  threshold: number | null;
  generatedOn: Day;
  /** Extra warnings (e.g. missing columns), shown with the excluded-rows one. */
  warnings?: string[];
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

function pct(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
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
// Tables

type Getter = (i: Indicators) => number;

export function buildReportLayout(input: ReportInput): ReportLayout {
  const cur = input.current.indicators;
  const prev = input.previous.indicators;
  const year = cur.year;
  const masker = new Masker(input.threshold);
  const previousEmpty = prev.beneficiaries === 0 && prev.attendance.sessions === 0;
  const R = REPORT.rows;

  /** A count of people, with its share of the beneficiaries. */
  const people = (label: string, get: Getter, withShare = true): RowSpec => {
    const side = (i: Indicators): Side => {
      const v = get(i);
      return { value: v, share: withShare ? pct(v, i.beneficiaries) : undefined, masked: masker.isMasked(v) };
    };
    return { label, kind: 'people', current: side(cur), previous: side(prev) };
  };
  /** A rate of SPEC §6 (in the share column), masked with the count it derives from. */
  const rate = (label: string, get: (i: Indicators) => number | null, base: Getter): RowSpec => {
    const side = (i: Indicators): Side => ({ value: null, share: get(i), masked: masker.isMasked(base(i)) });
    return { label, kind: 'rate', current: side(cur), previous: side(prev) };
  };
  const count = (label: string, get: (i: Indicators) => number | null, share?: (i: Indicators) => number | null): RowSpec => {
    const side = (i: Indicators): Side => ({ value: get(i), share: share ? share(i) : undefined, masked: false });
    return { label, kind: 'count', current: side(cur), previous: side(prev) };
  };
  const meanRow = (label: string, get: (i: Indicators) => number | null): RowSpec => {
    const side = (i: Indicators): Side => ({ value: get(i), masked: false });
    return { label, kind: 'mean', current: side(cur), previous: side(prev) };
  };
  /** A count of people masked with the rate of SPEC §6 in the share column. */
  const peopleWithRate = (label: string, get: Getter, rateOf: (i: Indicators) => number | null): RowSpec => {
    const side = (i: Indicators): Side => ({ value: get(i), share: rateOf(i), masked: masker.isMasked(get(i)) });
    return { label, kind: 'people', current: side(cur), previous: side(prev) };
  };

  const keys = (a: Record<string, number>, b: Record<string, number>): string[] => {
    const out = Object.keys(a);
    for (const k of Object.keys(b)) if (!out.includes(k)) out.push(k);
    return out;
  };
  const marked = (i: Indicators): number => i.attendance.presences + i.attendance.absences + i.attendance.excused;

  const districtKeys = keys(cur.qpv.byDistrict, prev.qpv.byDistrict);
  const specs: { id: TableId; title: string; rows: RowSpec[] }[] = [
    {
      id: 'key',
      title: REPORT.tables.key,
      rows: [
        people(R.beneficiaries, (i) => i.beneficiaries, false),
        count(R.plannedPlaces, (i) => i.plannedPlaces),
        rate(R.fillRate, (i) => i.fillRate, (i) => i.beneficiaries),
        people(R.newEntrants, (i) => i.newEntrants),
        people(R.carriedOver, (i) => i.carriedOver),
        peopleWithRate(R.minors, (i) => i.minors.count, (i) => i.minors.percent),
        peopleWithRate(R.qpv, (i) => i.qpv.count, (i) => i.qpv.percent),
        people(R.qpvUnknown, (i) => i.qpv.unknown),
        people(R.women, (i) => i.sex.F),
        people(R.men, (i) => i.sex.H),
        people(R.sexUnknown, (i) => i.sex.unknown),
        peopleWithRate(R.positive, (i) => i.outcomes.positive, (i) => i.outcomes.positiveRate),
      ],
    },
    {
      id: 'districts',
      title: REPORT.tables.districts,
      rows:
        districtKeys.length > 0
          ? districtKeys.map((k) => people(k, (i) => i.qpv.byDistrict[k] ?? 0))
          : [people(R.noDistrict, () => 0)],
    },
    {
      id: 'communes',
      title: REPORT.tables.communes,
      rows: keys(cur.communes, prev.communes).map((k) => people(k, (i) => i.communes[k] ?? 0)),
    },
    {
      id: 'ages',
      title: REPORT.tables.ages,
      rows: [
        people(R.under18, (i) => i.ageBands.under18),
        people(R.from18to21, (i) => i.ageBands['18to21']),
        people(R.from22to25, (i) => i.ageBands['22to25']),
        people(R.from26, (i) => i.ageBands['26plus']),
        people(R.ageUnknown, (i) => i.ageBands.unknown),
      ],
    },
    {
      id: 'levels',
      title: REPORT.tables.levels,
      rows: keys(cur.trainingLevels, prev.trainingLevels).map((k) => people(k, (i) => i.trainingLevels[k] ?? 0)),
    },
    {
      id: 'attendance',
      title: REPORT.tables.attendance,
      rows: [
        count(R.sessions, (i) => i.attendance.sessions),
        count(R.presences, (i) => i.attendance.presences, (i) => i.attendance.presenceRate),
        count(R.absences, (i) => i.attendance.absences, (i) => pct(i.attendance.absences, marked(i))),
        count(R.excused, (i) => i.attendance.excused, (i) => pct(i.attendance.excused, marked(i))),
        meanRow(R.meanPerSession, (i) => i.attendance.meanPerSession),
        meanRow(R.meanSessionsPerBeneficiary, (i) => i.attendance.meanSessionsPerBeneficiary),
      ],
    },
    {
      id: 'outcomes',
      title: REPORT.tables.outcomes,
      rows: [
        people(R.workStudy, (i) => i.outcomes.workStudy),
        people(R.training, (i) => i.outcomes.training),
        people(R.employment, (i) => i.outcomes.employment),
        people(R.dropout, (i) => i.outcomes.dropout),
        people(R.other, (i) => i.outcomes.other),
        people(R.stillSearching, (i) => i.outcomes.stillSearching),
        people(R.apprenticeship, (i) => i.outcomes.apprenticeship),
        people(R.professionalisation, (i) => i.outcomes.professionalisation),
        peopleWithRate(R.positive, (i) => i.outcomes.positive, (i) => i.outcomes.positiveRate),
        meanRow(R.meanContractMonths, (i) => i.outcomes.meanContractMonths),
      ],
    },
  ];

  // Grid ------------------------------------------------------------------------------
  const warnings: string[] = [];
  if (cur.excludedRows > 0) warnings.push(REPORT.excludedWarning(cur.excludedRows));
  warnings.push(...(input.warnings ?? []));
  const notes: string[] = [REPORT.ageNote];
  if (input.threshold !== null) notes.push(REPORT.thresholdNote(input.threshold));
  if (previousEmpty) notes.push(REPORT.noPreviousYear(year - 1));

  const title = REPORT.title(year);
  const generated = REPORT.generatedOn(frenchDate(input.generatedOn));
  const grid: LayoutValue[][] = [];
  const line = (cells: LayoutValue[] = []): void => {
    const row = new Array<LayoutValue>(GRID_WIDTH).fill('');
    cells.forEach((c, i) => (row[i] = c));
    grid.push(row);
  };
  line([title]);
  line([generated]);
  line([warnings.join(' ')]);
  line([notes.join(' ')]);
  line();

  const yearHeader = [String(year), REPORT.columns.share, String(year - 1), REPORT.columns.share, REPORT.columns.change];
  const roles: ColumnRole[] = ['label', 'value', 'share', 'value', 'share', 'change'];
  const tables: ReportTable[] = [];
  for (const spec of specs) {
    const sheetRow = grid.length + 1;
    const header = [spec.title, ...yearHeader];
    const rows = spec.rows.map((r) => rowCells(r, masker, previousEmpty));
    line(header);
    rows.forEach((r) => line(r));
    line();
    tables.push({ id: spec.id, title: spec.title, header, roles, rows, sheetRow });
  }
  const lastShareRow = grid.length;

  // Presences per month (attendance marks: not counts of people, never masked).
  const monthsRow = grid.length + 1;
  const monthHeader = [REPORT.tables.months, String(year), String(year - 1)];
  const monthRows: LayoutValue[][] = REPORT.months.map((m, k) => [
    m,
    input.current.presencesByMonth[k],
    previousEmpty ? REPORT.notAvailable : input.previous.presencesByMonth[k],
  ]);
  line(monthHeader);
  monthRows.forEach((r) => line(r));
  tables.push({ id: 'months', title: REPORT.tables.months, header: monthHeader, roles: ['label', 'value', 'value'], rows: monthRows, sheetRow: monthsRow });

  // Charts ----------------------------------------------------------------------------
  const table = (id: TableId): ReportTable => tables.find((t) => t.id === id)!;
  const charts: ReportChart[] = [];
  let nextFreeRow = FIRST_TABLE_ROW;
  const chart = (
    id: ReportChart['id'],
    type: ChartSpec['type'],
    chartTitle: string,
    t: ReportTable,
    numRows: number,
    seriesCols: number[],
  ): void => {
    const anchorRow = Math.max(t.sheetRow, nextFreeRow);
    nextFreeRow = anchorRow + CHART_ROWS;
    const rows = t.rows.slice(0, numRows);
    charts.push({
      id,
      type,
      title: chartTitle,
      labels: rows.map((r) => String(r[0])),
      series: seriesCols.map((c) => ({
        name: t.header[c],
        values: rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : null)),
        display: rows.map((r) => cellText(r[c], t.roles[c])),
      })),
      spec: {
        type,
        title: chartTitle,
        range: { row: t.sheetRow, col: 1, numRows: numRows + 1, numCols: Math.max(...seriesCols) + 1 },
        anchor: { row: anchorRow, col: CHART_COLUMN },
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      },
    });
  };
  const communes = table('communes');
  chart('communes', 'bar', REPORT.charts.communes(year), communes, communes.rows.length, [1]);
  chart('outcomes', 'pie', REPORT.charts.outcomes(year), table('outcomes'), 6, [1]);
  chart('months', 'column', REPORT.charts.months(year), table('months'), 12, previousEmpty ? [1] : [1, 2]);

  // Formats (grouped: a fixed number of rectangles) ------------------------------------
  const formats: FormatRange[] = [
    { row: 1, col: 1, numRows: 1, numCols: 1, format: { bold: true, fontSize: 14 } },
    { row: 2, col: 1, numRows: 1, numCols: 1, format: { italic: true, fontColor: '#5f6368' } },
    { row: 3, col: 1, numRows: 1, numCols: 1, format: { bold: true, fontColor: '#c5221f' } },
    { row: 4, col: 1, numRows: 1, numCols: 1, format: { italic: true, fontColor: '#5f6368' } },
  ];
  for (const t of tables) {
    formats.push({ row: t.sheetRow, col: 1, numRows: 1, numCols: t.header.length, format: { bold: true, background: '#e8f0fe' } });
  }
  const first = FIRST_TABLE_ROW;
  formats.push(
    { row: first, col: 3, numRows: lastShareRow - first + 1, numCols: 1, format: { numberFormat: '0" %"' } },
    { row: first, col: 5, numRows: lastShareRow - first + 1, numCols: 1, format: { numberFormat: '0" %"' } },
    { row: first, col: 2, numRows: grid.length - first + 1, numCols: GRID_WIDTH - 1, format: { horizontalAlignment: 'right' } },
  );
  const columnWidths = [{ col: 1, width: 400 }];
  for (let c = 2; c <= GRID_WIDTH; c++) columnWidths.push({ col: c, width: c === GRID_WIDTH ? 90 : 70 });

  return {
    year,
    sheetName: reportTabName(year),
    title,
    generated,
    warnings,
    notes,
    tables,
    charts,
    grid,
    formats,
    columnWidths,
  };
}
