/**
 * `Présences` as typed columns (no object per row, for the functions that scan 200 000 rows),
 * read from a whole table or band after band, and the per-row records built from them on demand.
 */
import { Day, DateCellReader } from './days';
import { ATTENDANCE_STATUS, AttendanceStatus } from './lists';
import type { People } from './participants';
import { ATTENDANCE, AttendanceColumn } from './schema';
import { BandedTable, Table, TableLayout, WorkbookSource, locateTable, nonEmptyRows, remembered, widthOf } from './tables';
import {
  BLANK,
  CellValue,
  Parsed,
  idKey,
  invalidValue,
  isDateValue,
  ok,
  parseDate,
  parseList,
  parsedDay,
  textOf,
} from './values';
import type { WorkbookModel } from './workbook';

export interface AttendanceRecord {
  row: number;
  date: Parsed<Day>;
  participantId: string;
  idKey: string;
  status: Parsed<AttendanceStatus>;
}

/**
 * The `Présences` table of a model: whole (readModel: its cells can be read and written), or
 * read in bands (readModelInBands: the figures and the checks, which read the typed columns).
 */
export type AttendanceTable = Table<AttendanceColumn> | BandedTable<AttendanceColumn>;

/** Parse state of a cell in `AttendanceColumns.dateState`. */
export const CELL_BLANK = 0;
export const CELL_OK = 1;
export const CELL_INVALID = 2;
/** `AttendanceColumns.status`: 0 blank, `statusCode(status)`, or this. */
export const STATUS_INVALID = 255;

/** The code of a readable status in `AttendanceColumns.status` (1 + its index in the list). */
export function statusCode(status: AttendanceStatus): number {
  return 1 + ATTENDANCE_STATUS.labels.indexOf(status);
}

/**
 * The `Présences` rows as parallel typed arrays, index i for the i-th non-empty row (same
 * order as `attendanceRecords`): no object per row and nothing for the garbage collector to
 * trace, for the functions that scan 200 000 rows.
 */
export interface AttendanceColumns {
  length: number;
  /** 1-based sheet row. */
  row: Int32Array;
  /** CELL_BLANK, CELL_OK or CELL_INVALID: the Date cell. */
  dateState: Uint8Array;
  /** The day, when `dateState` is CELL_OK (0 otherwise). */
  day: Int32Array;
  /** Index of the row's ID key in `model.people.keys`; -1 when the ID is blank. */
  person: Int32Array;
  /** Index of the row's ID, as written (cleaned), in `idTexts` (one entry per spelling of the cell). */
  idText: Int32Array;
  idTexts: string[];
  /** 0 blank, `statusCode(status)` for a readable one, or STATUS_INVALID. */
  status: Uint8Array;
  /** Text of the unreadable Date and Statut cells, by index (rare). */
  invalidDates: Map<number, string>;
  invalidStatuses: Map<number, string>;
}

const attendanceRecordsCache = new WeakMap<WorkbookModel, AttendanceRecord[]>();

/**
 * One object per `Présences` row (same order as `attendanceColumns`), built on first use and
 * kept with the model: the functions that scan 200 000 rows read the columns instead.
 */
export function attendanceRecordsOf(model: WorkbookModel): AttendanceRecord[] {
  let records = attendanceRecordsCache.get(model);
  if (!records) {
    records = recordsOfColumns(model.attendanceColumns, model.people);
    attendanceRecordsCache.set(model, records);
  }
  return records;
}

/**
 * parseDate for a column where the same few hundred days repeat (Présences): a Date cell's
 * result is remembered by its instant in a small direct-mapped cache (typed array, one slot
 * per day modulo its size), so each of 200 000 cells costs a comparison.
 */
function repeatedDateParser(dates: DateCellReader): (cell: CellValue) => Parsed<Day> {
  const SLOTS = 1024;
  const instants = new Float64Array(SLOTS).fill(Number.NaN);
  const results: Parsed<Day>[] = new Array(SLOTS);
  return (cell) => {
    if (!isDateValue(cell)) return parseDate(cell, dates);
    const ms = cell.getTime();
    const slot = Math.floor(ms / 86_400_000) & (SLOTS - 1);
    if (instants[slot] === ms) return results[slot];
    const parsed = parseDate(cell, dates);
    instants[slot] = ms;
    results[slot] = parsed;
    return parsed;
  };
}

interface StatusCell {
  parsed: Parsed<AttendanceStatus>;
  code: number;
}

function parseStatus(cell: CellValue): StatusCell {
  const parsed = parseList(cell, ATTENDANCE_STATUS);
  const code = parsed.status === 'ok' ? statusCode(parsed.value) : parsed.status === 'blank' ? 0 : STATUS_INVALID;
  return { parsed, code };
}

interface IdCell {
  /** Index in `people.keys`, -1 for a blank ID. */
  person: number;
  /** Index in the columns' `idTexts`. */
  text: number;
}

/**
 * Builds the typed columns of the Présences rows, band after band (one band: every row);
 * IDs not in Participants are added to `people`. Each ID, status and date spelling is
 * worked out once for all bands.
 */
interface AttendanceColumnsBuilder {
  columns: AttendanceColumns;
  people: People;
  dateCol: number;
  idCol: number;
  statusCol: number;
  dateOf: (cell: CellValue) => Parsed<Day>;
  ids: Map<CellValue, IdCell>;
  statuses: Map<CellValue, StatusCell>;
  /** Most rows repeat the status of the row before: compared first, looked up otherwise. */
  lastStatusCell: CellValue;
  lastStatus: StatusCell;
}

/** `rows`: the array the rows' numbers are written to (capacity: every data row). */
function attendanceColumnsBuilder(
  attendance: Table<AttendanceColumn>,
  rows: Int32Array,
  people: People,
  dates: DateCellReader,
): AttendanceColumnsBuilder {
  const n = rows.length;
  const statuses = new Map<CellValue, StatusCell>();
  const b: AttendanceColumnsBuilder = {
    columns: {
      length: 0,
      row: rows,
      dateState: new Uint8Array(n),
      day: new Int32Array(n),
      person: new Int32Array(n),
      idText: new Int32Array(n),
      idTexts: [],
      status: new Uint8Array(n),
      invalidDates: new Map(),
      invalidStatuses: new Map(),
    },
    people,
    dateCol: attendance.columns.date ?? -1,
    idCol: attendance.columns.participantId ?? -1,
    statusCol: attendance.columns.status ?? -1,
    dateOf: repeatedDateParser(dates),
    ids: new Map(),
    statuses,
    lastStatusCell: null,
    lastStatus: remembered(statuses, null, parseStatus),
  };
  knownIds(b);
  return b;
}

/**
 * The participants' IDs as `Présences` mostly spells them (their cleaned text), entered in
 * `b.ids` before the rows: a Map compares strings by content, so each row's ID cell is then
 * found at once, and no ID text or key (two strings) is made again per distinct ID per read.
 * A cell spelled otherwise (other case, spaces, a number) is worked out by idCellOf as before.
 */
function knownIds(b: AttendanceColumnsBuilder): void {
  const participants = b.people.participants;
  const idTexts = b.columns.idTexts;
  for (let k = 0; k < participants.length; k++) {
    const id = participants[k].id;
    if (b.ids.has(id)) continue;
    idTexts.push(id);
    b.ids.set(id, { person: k, text: idTexts.length - 1 }); // participants[k] is people.keys[k]'s
  }
}

/** An ID spelling's person index (a new one for an ID not seen yet) and text index. */
function idCellOf(b: AttendanceColumnsBuilder, cell: CellValue): IdCell {
  let id = b.ids.get(cell);
  if (id === undefined) {
    const key = idKey(cell);
    const people = b.people;
    let person = key === '' ? -1 : people.indexOf.get(key);
    if (person === undefined) {
      people.indexOf.set(key, (person = people.keys.length));
      people.keys.push(key);
    }
    b.columns.idTexts.push(textOf(cell));
    id = { person, text: b.columns.idTexts.length - 1 };
    b.ids.set(cell, id);
  }
  return id;
}

/**
 * Adds the rows `rows.row[from..to)` (1-based sheet rows, already written there) whose cells
 * are `values[row - firstRow]`. The hot loop of model reading (200 000 rows): per row, typed
 * arrays written by index and results found in caches (dates by instant, IDs and statuses by
 * cell); no object, string or closure is made per row, only per distinct spelling.
 */
function addAttendanceRows(b: AttendanceColumnsBuilder, values: CellValue[][], firstRow: number, from: number, to: number): void {
  const c = b.columns;
  const { row, dateState, day, person, idText, status } = c;
  const { dateCol, idCol, statusCol } = b;
  for (let i = from; i < to; i++) {
    const cells = values[row[i] - firstRow];
    if (dateCol >= 0) {
      const date = b.dateOf(cells[dateCol]);
      if (date.status === 'ok') {
        dateState[i] = CELL_OK;
        day[i] = date.value;
      } else if (date.status === 'invalid') {
        dateState[i] = CELL_INVALID;
        c.invalidDates.set(i, date.text);
      }
    }
    const id = idCellOf(b, idCol < 0 ? null : cells[idCol]);
    person[i] = id.person;
    idText[i] = id.text;
    if (statusCol >= 0) {
      const cell = cells[statusCol];
      if (cell !== b.lastStatusCell) {
        b.lastStatus = remembered(b.statuses, cell, parseStatus);
        b.lastStatusCell = cell;
      }
      status[i] = b.lastStatus.code;
      if (b.lastStatus.code === STATUS_INVALID) c.invalidStatuses.set(i, (b.lastStatus.parsed as { text: string }).text);
    }
  }
  c.length = to;
}

/** The columns built, cut to the rows added. */
function finishAttendanceColumns(b: AttendanceColumnsBuilder): AttendanceColumns {
  const c = b.columns;
  const n = c.length;
  if (n === c.row.length) return c;
  return {
    ...c,
    row: c.row.subarray(0, n),
    dateState: c.dateState.subarray(0, n),
    day: c.day.subarray(0, n),
    person: c.person.subarray(0, n),
    idText: c.idText.subarray(0, n),
    status: c.status.subarray(0, n),
  };
}

/** The typed columns of the Présences rows of a table read whole. */
export function attendanceColumnsOf(
  attendance: Table<AttendanceColumn>,
  people: People,
  dates: DateCellReader,
): AttendanceColumns {
  const b = attendanceColumnsBuilder(attendance, attendance.rowNumbers, people, dates);
  addAttendanceRows(b, attendance.values, 1, 0, attendance.rowNumbers.length);
  return finishAttendanceColumns(b);
}

/**
 * `Présences` read in bands: each band's non-empty rows below the header row go straight
 * into the columns, and the band is let go. The header row is searched in the first band
 * (it holds rows 1–5); a tab without one is kept whole, as readTable would.
 */
export function readAttendanceInBands(
  valueBands: NonNullable<WorkbookSource['valueBands']>,
  sheetName: string,
  people: People,
  dates: DateCellReader,
): { table: AttendanceTable; columns: AttendanceColumns } {
  // The first band's layout, with only the rows down to its header row (the band is let go).
  let first: TableLayout<AttendanceColumn> | null = null;
  let builder: AttendanceColumnsBuilder | null = null;
  let kept: CellValue[][] | null = null;
  let width = 0;
  let lastRow = 0;
  valueBands(sheetName, (firstRow, rows, last) => {
    lastRow = last;
    if (first === null) {
      // The first band: its header row, width and non-empty rows come from locateTable.
      const located = locateTable(ATTENDANCE, sheetName, rows);
      width = located.width;
      first = located;
      if (located.headerRow === null) {
        kept = rows.slice();
        return;
      }
      builder = attendanceColumnsBuilder(located, new Int32Array(Math.max(0, last - located.headerRow)), people, dates);
      builder.columns.row.set(located.rowNumbers);
      addAttendanceRows(builder, rows, firstRow, 0, located.rowNumbers.length);
      first = bandedTable(located, rows.slice(0, located.headerRow), width, last, located.rowNumbers);
      return;
    }
    const w = widthOf(rows);
    if (w > width) width = w;
    if (kept !== null) {
      for (const r of rows) kept.push(r);
      return;
    }
    const b = builder!;
    const from = b.columns.length;
    const to = nonEmptyRows(rows, firstRow, first.headerRow!, b.columns.row, from);
    addAttendanceRows(b, rows, firstRow, from, to);
  });
  // Assigned in the callback, which TypeScript's narrowing does not follow.
  const layout = first as TableLayout<AttendanceColumn> | null;
  if (layout === null || kept !== null) {
    // Empty tab, or no header row: the same Table as one whole read.
    const whole = locateTable(ATTENDANCE, sheetName, kept ?? []);
    return { table: whole, columns: attendanceColumnsOf(whole, people, dates) };
  }
  const columns = finishAttendanceColumns(builder!);
  return { table: bandedTable(layout, layout.head, width, lastRow, columns.row), columns };
}

/** The BandedTable of `Présences`: the first band's layout and head rows, the whole tab's size and data rows. */
function bandedTable(
  first: TableLayout<AttendanceColumn>,
  head: CellValue[][],
  width: number,
  lastRow: number,
  rowNumbers: Int32Array,
): BandedTable<AttendanceColumn> {
  // One literal in locateTable's key order, without `values`: every banded table has one shape.
  return {
    definition: first.definition,
    sheetName: first.sheetName,
    headerRow: first.headerRow,
    columns: first.columns,
    missing: first.missing,
    width,
    lastRow,
    kind: 'banded',
    rowNumbers,
    head,
  };
}

/** The Date cell of the i-th Présences row, parsed. */
export function attendanceDateAt(c: AttendanceColumns, i: number): Parsed<Day> {
  const state = c.dateState[i];
  if (state === CELL_OK) return parsedDay(c.day[i]);
  return state === CELL_BLANK ? BLANK : invalidValue(c.invalidDates.get(i) ?? '');
}

/** The Statut cell of the i-th Présences row, parsed. */
export function attendanceStatusAt(c: AttendanceColumns, i: number): Parsed<AttendanceStatus> {
  const code = c.status[i];
  if (code === 0) return BLANK;
  if (code === STATUS_INVALID) return invalidValue(c.invalidStatuses.get(i) ?? '');
  return STATUS_RESULTS[code - 1];
}
const STATUS_RESULTS: Parsed<AttendanceStatus>[] = ATTENDANCE_STATUS.labels.map((l) => ok(l));

/** One record per row of the columns. */
function recordsOfColumns(c: AttendanceColumns, people: People): AttendanceRecord[] {
  const out: AttendanceRecord[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const person = c.person[i];
    out[i] = {
      row: c.row[i],
      date: attendanceDateAt(c, i),
      participantId: c.idTexts[c.idText[i]],
      idKey: person < 0 ? '' : people.keys[person],
      status: attendanceStatusAt(c, i),
    };
  }
  return out;
}
