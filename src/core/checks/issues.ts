/**
 * The issue list of the checks (SPEC §3): every code with its severity, the tabs in the order
 * issues are listed, the headers as written that issues name, and the MISSING_COLUMN issues
 * of a tab. Shared by the checks of each tab (./participants, ./sessions, ./attendance).
 */
import type { Issue, Severity } from '../../shared/api';
import { CHECK_MESSAGES } from '../../i18n/fr/checks';
import { ATTENDANCE, PARTICIPANTS, SESSIONS, headerLookup, headerOf } from '../schema';
import { normalizeKey } from '../text';
import { CellValue, isBlank, textOf } from '../values';
import type { TableLayout } from '../workbook';

export const CHECK_SEVERITY = {
  MISSING_COLUMN: 'error',
  ID_MISSING: 'error',
  ID_DUPLICATE: 'error',
  NAME_MISSING: 'error',
  DATE_INVALID: 'error',
  BIRTH_DATE_MISSING: 'error',
  ENTRY_DATE_MISSING: 'error',
  DATE_IN_FUTURE: 'error',
  AGE_IMPLAUSIBLE: 'error',
  AGE_OUT_OF_RANGE: 'warning',
  VALUE_NOT_ALLOWED: 'error',
  COMMUNE_MISSING: 'error',
  COMMUNE_OUTSIDE_TERRITORY: 'warning',
  POSTCODE_INVALID: 'error',
  POSTCODE_MISMATCH: 'warning',
  QPV_DISTRICT_MISSING: 'warning',
  QPV_DISTRICT_UNKNOWN: 'warning',
  QPV_INCONSISTENT: 'warning',
  CONTRACT_TYPE_MISSING: 'error',
  CONTRACT_START_MISSING: 'warning',
  CONTRACT_DURATION_INVALID: 'error',
  CONTRACT_AGE_RULE: 'warning',
  CONTRACT_FIELDS_WITHOUT_CONTRACT: 'warning',
  EXIT_BEFORE_ENTRY: 'error',
  OUTCOME_DATE_MISSING: 'warning',
  PHONE_INVALID: 'warning',
  EMAIL_INVALID: 'warning',
  POSSIBLE_DUPLICATE_PERSON: 'warning',
  SESSION_DATE_INVALID: 'error',
  SESSION_DUPLICATE: 'error',
  SESSION_OUTSIDE_SEASON: 'warning',
  SESSION_TIME_INVALID: 'error',
  ATTENDANCE_UNKNOWN_PARTICIPANT: 'error',
  ATTENDANCE_UNKNOWN_SESSION: 'error',
  ATTENDANCE_DUPLICATE: 'error',
  ATTENDANCE_STATUS_INVALID: 'error',
  ATTENDANCE_BEFORE_ENTRY: 'warning',
  ATTENDANCE_AFTER_EXIT: 'warning',
  ATTENDANCE_IN_FUTURE: 'error',
  LOCALE_NOT_FRENCH: 'warning',
  SESSION_UNUSUAL_WEEKDAY: 'warning',
} as const satisfies Record<string, Severity>;

export type CheckCode = keyof typeof CHECK_SEVERITY;
export const CHECK_CODES = Object.keys(CHECK_SEVERITY) as CheckCode[];

/** Tabs in the order issues are listed. */
export const CHECKED_TABS = [PARTICIPANTS.name, SESSIONS.name, ATTENDANCE.name] as const;

/** Tab numbers of IssueList.add, in the order of CHECKED_TABS. */
export const TAB_PARTICIPANTS = 0;
export const TAB_SESSIONS = 1;
export const TAB_ATTENDANCE = 2;
/** The `col` of an issue on a column the sheet does not have: after every column of its row. */
export const ABSENT_COLUMN = Number.MAX_SAFE_INTEGER;

interface Pending {
  tab: number;
  col: number;
  seq: number;
  issue: Issue;
}

/**
 * The header of column `col` (0-based) as written in the user's sheet (SPEC §3 `header`): the
 * text of the table's header row there, else `canonical` (a column that is absent, -1).
 */
export function writtenHeader(table: TableLayout<string>, col: number, canonical: string): string {
  if (table.headerRow === null || col < 0) return canonical;
  const text = textOf(table.head[table.headerRow - 1]?.[col] ?? null);
  return text === '' ? canonical : text;
}

/**
 * The header as written of a table's column (by key), to name it in a message: the canonical
 * header when the column is absent. Compute it once per column, never per row.
 */
export function headerAsWritten<K extends string>(table: TableLayout<K>, key: K): string {
  return writtenHeader(table as TableLayout<string>, table.columns[key] ?? -1, headerOf(table.definition, key));
}

/**
 * Collects issues and sorts them by tab order, row, column position, then emission order.
 * Each issue gets its `header` here, from its column (`col`, 0-based; -1 when absent): the
 * header as written, read once per column of each tab.
 */
export class IssueList {
  private readonly items: Pending[] = [];
  private readonly headers: string[][] = [[], [], []];

  constructor(private readonly tables: readonly TableLayout<string>[]) {}

  /**
   * `col`: the issue's 0-based column in the sheet, -1 for a whole row or a header problem,
   * ABSENT_COLUMN for a column the sheet does not have (its canonical header is then given).
   */
  add(tab: number, row: number, column: string | null, col: number, code: CheckCode, message: string): void {
    this.items.push({
      tab,
      col,
      seq: this.items.length,
      issue: {
        sheet: CHECKED_TABS[tab],
        row,
        column,
        header: column === null ? null : this.headerAt(tab, col, column),
        severity: CHECK_SEVERITY[code],
        code,
        message,
      },
    });
  }

  private headerAt(tab: number, col: number, column: string): string {
    if (col < 0 || col === ABSENT_COLUMN) return column;
    const known = this.headers[tab];
    let header = known[col];
    if (header === undefined) known[col] = header = writtenHeader(this.tables[tab], col, column);
    return header;
  }

  sorted(): Issue[] {
    this.items.sort((a, b) => a.tab - b.tab || a.issue.row - b.issue.row || a.col - b.col || a.seq - b.seq);
    return this.items.map((p) => p.issue);
  }
}

function hasAnyValue(values: CellValue[][]): boolean {
  for (const row of values) for (const c of row) if (!isBlank(c)) return true;
  return false;
}

/**
 * Required columns to report for a table: its `missing` list when the header row was found;
 * otherwise the required columns absent from the best candidate row among rows 1–5.
 */
function missingRequired<K extends string>(table: TableLayout<K>): K[] {
  if (table.headerRow !== null) return table.missing;
  const lookup = headerLookup(table.definition);
  let best = new Set<K>();
  for (let r = 0; r < Math.min(5, table.head.length); r++) {
    const found = new Set<K>();
    for (const cell of table.head[r]) {
      if (typeof cell !== 'string') continue;
      const key = lookup.get(normalizeKey(cell));
      if (key !== undefined) found.add(key);
    }
    if (found.size > best.size) best = found;
  }
  return table.definition.columns.filter((c) => c.required && !best.has(c.key)).map((c) => c.key);
}

/** MISSING_COLUMN issues of a tab (absent tab: only for Participants; headerless tab: only when not empty). */
export function reportMissingColumns<K extends string>(
  table: TableLayout<K>,
  tab: number,
  out: IssueList,
  reportAbsentTab: boolean,
): void {
  const def = table.definition;
  if (table.sheetName === null) {
    if (!reportAbsentTab) return;
    for (const c of def.columns) {
      if (c.required) out.add(tab, 1, c.header, -1, 'MISSING_COLUMN', CHECK_MESSAGES.missingColumnNoTab(c.header, def.name));
    }
    return;
  }
  if (table.headerRow === null) {
    // An empty Séances/Présences tab is fine; an empty Participants tab still needs headers.
    if (!reportAbsentTab && !hasAnyValue(table.head)) return;
    for (const key of missingRequired(table)) {
      const h = headerOf(def, key);
      out.add(tab, 1, h, -1, 'MISSING_COLUMN', CHECK_MESSAGES.missingColumnNoHeaderRow(h, def.name));
    }
    return;
  }
  for (const key of table.missing) {
    const h = headerOf(def, key);
    out.add(tab, table.headerRow, h, -1, 'MISSING_COLUMN', CHECK_MESSAGES.missingColumn(h, def.name, table.headerRow));
  }
}

/** The other rows of a group (at most 5 listed, for messages; the count is rows.length - 1). */
export function othersOf(rows: readonly number[], self: number): number[] {
  const out: number[] = [];
  for (const r of rows) {
    if (r !== self) out.push(r);
    if (out.length === 5) break;
  }
  return out;
}

export function pushGroup<K>(groups: Map<K, number[]>, key: K, row: number): void {
  const g = groups.get(key);
  if (g) g.push(row);
  else groups.set(key, [row]);
}
