/**
 * The rows of the annual report's tables (pure): what each row counts for Y and Y−1, its
 * masking under the confidentiality threshold, and the text of a value. report-layout.ts
 * places these tables in the tab's grid.
 */
import { percent } from './indicators';
import type { Indicators } from '../shared/api';
import { REPORT } from '../i18n/fr/report';
import { REPORT_HOURS } from '../i18n/fr/hours';
import { sortDistricts } from './report-parts';
import type { ColumnRole, KeyFigureId, LayoutValue, TableId } from './report-layout';

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

export function signed(n: number): string {
  if (n === 0) return '0';
  return `${n > 0 ? '+' : '−'}${frenchNumber(Math.abs(n))}`;
}

export type RowKind = 'people' | 'count' | 'rate' | 'mean';

export interface Side {
  value: number | null;
  /** Share column (percent), undefined when the row has none. */
  share?: number | null;
  masked: boolean;
}

export interface RowSpec {
  /** Set on the key figures the menu's summary quotes. */
  id?: KeyFigureId;
  label: string;
  kind: RowKind;
  current: Side;
  previous: Side;
}

export class Masker {
  constructor(readonly threshold: number | null) {}
  isMasked(n: number | null): boolean {
    return this.threshold !== null && n !== null && n >= 1 && n < this.threshold;
  }
  text(): string {
    return REPORT.masked(this.threshold ?? 0);
  }
}

/** The values a row shows, year by year. */
export function rowCells(spec: RowSpec, masker: Masker, previousEmpty: boolean): LayoutValue[] {
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

export type Getter = (i: Indicators) => number;
export type NullableGetter = (i: Indicators) => number | null;

/** The kinds of rows, each built for both years with the same masking. */
export class RowBuilder {
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

export interface TableSpec {
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
export function tableSpecs(current: Indicators, previous: Indicators, masker: Masker): TableSpec[] {
  const rows = new RowBuilder(current, previous, masker);
  return [
    keyFiguresTable(rows),
    ...breakdownTables(rows, current, previous),
    attendanceTable(rows),
    hoursTable(rows),
    outcomesTable(rows),
  ];
}
