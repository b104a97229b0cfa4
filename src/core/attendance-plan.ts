/**
 * Attendance save, its writes (SPEC §4, §5): on the model read under the lock, the plan that
 * upserts the day's `Séances` row and its `Présences` rows, in a constant number of
 * operations whatever the number of rows; src/app/apply-plan.ts runs it.
 */
import { midnightInTimeZone } from './days';
import { displayName } from './attendance';
import type { NormalizedSave, SaveEntry } from './attendance-input';
import { Result, failure } from './errors';
import { ATTENDANCE_STATUS, AttendanceStatus } from './lists';
import { ATTENDANCE, AttendanceColumn, SESSIONS, SessionColumn, TabDefinition, headerOf } from './schema';
import { CellValue, isBlank, parseList, textOf } from './values';
import { attendanceRecordsOf } from './workbook';
import type { Participant, Table, WholeWorkbookModel } from './workbook';
import { WriteOp, rowRuns } from './write-plan';
import { ATTENDANCE_TEXT } from '../i18n/fr/attendance';

export interface SavePlan {
  ops: WriteOp[];
  sessionCreated: boolean;
  /** The day's existing `Séances` row got a new theme, animateur or lieu. */
  sessionUpdated: boolean;
  written: number;
  unchanged: number;
}

/** Where a tab stands for writing: its name, header row and 0-based columns. */
export interface TabLayout<K extends string> {
  sheet: string;
  /** True when the header row must be written (absent or empty tab). */
  writeHeader: boolean;
  /** Tab absent: insert it first. */
  insert: boolean;
  headerRow: number;
  columns: Partial<Record<K, number>>;
  /** First free row (1-based) after the tab's data range. */
  nextRow: number;
  /** Width of the data range (0-based index of the first free column). */
  width: number;
}

function isEmptyTab(values: CellValue[][]): boolean {
  for (const r of values) for (const c of r) if (!isBlank(c)) return false;
  return true;
}

/**
 * A tab absent or without a single value is (re)created with its canonical headers; a tab
 * with content but no recognised header row, or without a required column, is refused.
 */
function layoutOf<K extends string>(table: Table<K>, canonical: readonly K[]): Result<TabLayout<K>> {
  const def: TabDefinition<K> = table.definition;
  const fresh = (insert: boolean, sheet: string): Result<TabLayout<K>> => {
    const columns: Partial<Record<K, number>> = {};
    canonical.forEach((k, i) => (columns[k] = i));
    return { ok: true, value: { sheet, writeHeader: true, insert, headerRow: 1, columns, nextRow: 2, width: canonical.length } };
  };
  if (table.sheetName === null) return fresh(true, def.name);
  if (table.headerRow === null) {
    if (isEmptyTab(table.values)) return fresh(false, table.sheetName);
    return failure(ATTENDANCE_TEXT.tabWithoutHeader(table.sheetName), 'WORKBOOK_UNUSABLE');
  }
  for (const c of def.columns) {
    if (c.required && table.columns[c.key] === undefined) {
      return failure(ATTENDANCE_TEXT.tabColumnMissing(table.sheetName, c.header), 'WORKBOOK_UNUSABLE');
    }
  }
  return {
    ok: true,
    value: {
      sheet: table.sheetName,
      writeHeader: false,
      insert: false,
      headerRow: table.headerRow,
      columns: { ...table.columns },
      nextRow: table.values.length + 1,
      width: table.width,
    },
  };
}

/** The participant's ID as written in Participants: a number stays a number, text is cleaned. */
function idCellOf(model: WholeWorkbookModel, p: Participant): CellValue {
  const c = model.participants.columns.id;
  const raw = c === undefined ? undefined : model.participants.values[p.row - 1]?.[c];
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : p.id;
}

const SESSION_KEYS: readonly SessionColumn[] = ['date', 'theme', 'facilitator', 'place', 'comment'];
const ATTENDANCE_KEYS: readonly AttendanceColumn[] = ['date', 'participantId', 'participantName', 'status'];

interface SessionWrite {
  ops: WriteOp[];
  sessionCreated: boolean;
  sessionUpdated: boolean;
}

/** The new session row: the date and the given fields, over the span of their columns. */
function newSessionRow(layout: TabLayout<SessionColumn>, dateCell: CellValue, given: [SessionColumn, string | null][]): WriteOp {
  const cells = new Map<number, CellValue>();
  cells.set(layout.columns.date!, dateCell);
  for (const [key, value] of given) if (value !== null) cells.set(layout.columns[key]!, value);
  const cols = [...cells.keys()];
  const min = Math.min(...cols);
  const max = Math.max(...cols);
  const line: CellValue[] = [];
  for (let c = min; c <= max; c++) line.push(cells.has(c) ? cells.get(c)! : '');
  return { kind: 'write', sheet: layout.sheet, row: layout.nextRow, col: min + 1, values: [line] };
}

/**
 * Séances: the day's first row gets the given theme/animateur/lieu (a missing optional column
 * is added at the end of the header row), or a row is appended (the tab is created when absent).
 */
export function planSessionWrite(
  model: WholeWorkbookModel,
  save: NormalizedSave,
  layout: TabLayout<SessionColumn>,
  dateCell: CellValue,
): SessionWrite {
  const ops: WriteOp[] = [];
  if (layout.insert) ops.push({ kind: 'insertSheet', sheet: layout.sheet });
  const given: [SessionColumn, string | null][] = [
    ['theme', save.theme],
    ['facilitator', save.facilitator],
    ['place', save.place],
  ];
  const addedHeaders = new Map<number, CellValue>();
  for (const [key, value] of given) {
    if (value !== null && layout.columns[key] === undefined) {
      layout.columns[key] = layout.width;
      addedHeaders.set(layout.width, headerOf(SESSIONS, key));
      layout.width++;
    }
  }
  if (layout.writeHeader) {
    const header = SESSION_KEYS.map((k) => headerOf(SESSIONS, k));
    const row: CellValue[] = header.map(() => '');
    row[layout.columns.date!] = dateCell;
    for (const [key, value] of given) if (value !== null) row[layout.columns[key]!] = value;
    ops.push({ kind: 'write', sheet: layout.sheet, row: 1, col: 1, values: [header, row] });
    return { ops, sessionCreated: true, sessionUpdated: false };
  }
  ops.push(...rowRuns(layout.sheet, layout.headerRow, addedHeaders));
  const existing = model.sessionRecords.find((s) => s.date.status === 'ok' && s.date.value === save.day);
  if (!existing) {
    ops.push(newSessionRow(layout, dateCell, given));
    return { ops, sessionCreated: true, sessionUpdated: false };
  }
  const cells = new Map<number, CellValue>();
  const current = model.sessions.values[existing.row - 1] ?? [];
  for (const [key, value] of given) {
    const c = layout.columns[key]!;
    if (value !== null && textOf(current[c]) !== value) cells.set(c, value);
  }
  ops.push(...rowRuns(layout.sheet, existing.row, cells));
  return { ops, sessionCreated: false, sessionUpdated: cells.size > 0 };
}

/** Existing `Présences` rows of the day, by idKey, for the IDs of the save. */
function rowsOfDay(model: WholeWorkbookModel, save: NormalizedSave): Map<string, number[]> {
  const rowsByKey = new Map<string, number[]>();
  const keys = new Set(save.entries.map((e) => e.idKey));
  for (const a of attendanceRecordsOf(model)) {
    if (a.date.status !== 'ok' || a.date.value !== save.day || !keys.has(a.idKey)) continue;
    let rows = rowsByKey.get(a.idKey);
    if (!rows) rowsByKey.set(a.idKey, (rows = []));
    rows.push(a.row);
  }
  return rowsByKey;
}

/** Status updates written cell by cell (one call per distinct status), other cells untouched. */
function statusUpdateOp(sheet: string, statusCol: number, updates: Map<number, AttendanceStatus>): WriteOp {
  const cells = [...updates].map(([row, value]) => ({ row, col: statusCol + 1, value }));
  return { kind: 'writeCells', sheet, cells };
}

/** All appended rows (and the header of a fresh tab) in one rectangle. */
function appendOp(
  model: WholeWorkbookModel,
  layout: TabLayout<AttendanceColumn>,
  appends: readonly SaveEntry[],
  index: ReadonlyMap<string, Participant>,
  dateCell: CellValue,
): WriteOp {
  const owned = ATTENDANCE_KEYS.filter((k) => layout.columns[k] !== undefined).map((k) => layout.columns[k]!);
  const min = Math.min(...owned);
  const max = Math.max(...owned);
  const lines: CellValue[][] = [];
  if (layout.writeHeader) lines.push(ATTENDANCE_KEYS.map((k) => headerOf(ATTENDANCE, k)));
  for (const e of appends) {
    const p = index.get(e.idKey)!;
    const line: CellValue[] = new Array(max - min + 1).fill('');
    const put = (key: AttendanceColumn, v: CellValue): void => {
      const c = layout.columns[key];
      if (c !== undefined) line[c - min] = v;
    };
    put('date', dateCell);
    put('participantId', idCellOf(model, p));
    put('participantName', displayName(p));
    put('status', e.status);
    lines.push(line);
  }
  return { kind: 'write', sheet: layout.sheet, row: layout.writeHeader ? 1 : layout.nextRow, col: min + 1, values: lines };
}

interface AttendanceWrites {
  ops: WriteOp[];
  written: number;
  unchanged: number;
}

/**
 * Présences: every existing row of (day, ID) whose status differs is updated (duplicates
 * included, consistently), other entries are appended; updates in one call, appends in one.
 */
export function planAttendanceWrites(
  model: WholeWorkbookModel,
  save: NormalizedSave,
  layout: TabLayout<AttendanceColumn>,
  index: ReadonlyMap<string, Participant>,
  dateCell: CellValue,
): AttendanceWrites {
  const ops: WriteOp[] = [];
  if (layout.insert) ops.push({ kind: 'insertSheet', sheet: layout.sheet });
  const rowsByKey = layout.writeHeader ? new Map<string, number[]>() : rowsOfDay(model, save);
  const statusCol = layout.columns.status!;
  const updates = new Map<number, AttendanceStatus>();
  const appends: SaveEntry[] = [];
  let written = 0;
  let unchanged = 0;
  for (const e of save.entries) {
    const rows = rowsByKey.get(e.idKey);
    if (!rows) {
      appends.push(e);
      written++;
      continue;
    }
    let changed = false;
    for (const r of rows) {
      const current = parseList(model.attendance.values[r - 1]?.[statusCol], ATTENDANCE_STATUS);
      if (current.status !== 'ok' || current.value !== e.status) {
        updates.set(r, e.status);
        changed = true;
      }
    }
    if (changed) written++;
    else unchanged++;
  }
  if (updates.size > 0) ops.push(statusUpdateOp(layout.sheet, statusCol, updates));
  if (appends.length > 0 || layout.writeHeader) ops.push(appendOp(model, layout, appends, index, dateCell));
  return { ops, written, unchanged };
}

/**
 * The writes of a validated save on the model read under the lock: planSessionWrite then
 * planAttendanceWrites. Constant number of operations whatever the number of rows.
 */
export function planSave(
  model: WholeWorkbookModel,
  save: NormalizedSave,
  index: ReadonlyMap<string, Participant>,
): Result<SavePlan> {
  const sessionsLayout = layoutOf(model.sessions, SESSION_KEYS);
  if (!sessionsLayout.ok) return sessionsLayout;
  const attendanceLayout = layoutOf(model.attendance, ATTENDANCE_KEYS);
  if (!attendanceLayout.ok) return attendanceLayout;
  const dateCell = midnightInTimeZone(save.day, model.timeZone, model.offsets);
  const session = planSessionWrite(model, save, sessionsLayout.value, dateCell);
  const attendance = planAttendanceWrites(model, save, attendanceLayout.value, index, dateCell);
  return {
    ok: true,
    value: {
      ops: [...session.ops, ...attendance.ops],
      sessionCreated: session.sessionCreated,
      sessionUpdated: session.sessionUpdated,
      written: attendance.written,
      unchanged: attendance.unchanged,
    },
  };
}
