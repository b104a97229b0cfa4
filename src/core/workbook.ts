/**
 * The workbook model (SPEC §2): its type, and readWorkbook, which reads each tab into typed
 * records (tables.ts locates the tabs, participants.ts, attendance-columns.ts and settings.ts
 * read their rows). Pure: it works on the cell values an adapter read.
 */
import { AttendanceColumns, AttendanceTable, attendanceColumnsOf, readAttendanceInBands } from './attendance-columns';
import { DateCellReader, Day, type OffsetSource } from './days';
import { Participant, People, participantRecordsOf, peopleOf } from './participants';
import { ATTENDANCE, AttendanceColumn, PARTICIPANTS, ParticipantColumn, SESSIONS, SessionColumn, findTabName } from './schema';
import { parseTimeOfDay } from './session-times';
import { Settings, readSettings } from './settings';
import { BandedTable, Table, TableRow, WorkbookSource, cellOf, readTable, tableRows } from './tables';
import { normalizeKey } from './text';
import { Parsed, parseDate, textOf } from './values';

// What the other modules import from here: the model's parts live in the modules above.
export {
  AttendanceColumns,
  AttendanceRecord,
  AttendanceTable,
  CELL_BLANK,
  CELL_INVALID,
  CELL_OK,
  STATUS_INVALID,
  attendanceDateAt,
  attendanceRecordsOf,
  attendanceStatusAt,
  statusCode,
} from './attendance-columns';
export { Participant, People, isAnonymised, situationOf } from './participants';
export {
  DEFAULT_BLANK_LINES,
  DEFAULT_ORGANISATION,
  DEFAULT_RETENTION_YEARS,
  MAX_BLANK_LINES,
  Settings,
  YearSettings,
  readSettings,
} from './settings';
export {
  BandedTable,
  HEADER_SEARCH_ROWS,
  Table,
  TableLayout,
  TableRow,
  WorkbookSource,
  cellOf,
  locateTable,
  tableRows,
} from './tables';

export interface Session {
  row: number;
  date: Parsed<Day>;
  theme: string;
  facilitator: string;
  place: string;
  /** `Début` and `Fin`: minutes since midnight (SPEC §2.2); see sessionTimes for the session's times. */
  start: Parsed<number>;
  end: Parsed<number>;
  comment: string;
}

/**
 * The model of a workbook. `A`, the type of its `Présences` table, says how that tab was read:
 * whole (WholeWorkbookModel, from readModel: its cells can be read and written), in bands
 * (BandedWorkbookModel), or either (WorkbookModel, from readModelInBands: for the functions
 * that read `Présences` only through `attendanceColumns`).
 */
export interface WorkbookModel<A extends AttendanceTable = AttendanceTable> {
  timeZone: string;
  /** How Date cells were turned into days (and how days become Date cells again). */
  offsets: OffsetSource;
  /** The spreadsheet's locale (Sheets only; undefined for an .xlsx file). */
  locale?: string;
  sheetNames: string[];
  participants: Table<ParticipantColumn>;
  sessions: Table<SessionColumn>;
  attendance: A;
  settings: Settings;
  participantRecords: Participant[];
  sessionRecords: Session[];
  attendanceColumns: AttendanceColumns;
  people: People;
  territoryLookup: Map<string, string>;
  districtLookup: Map<string, string>;
}

/** A model whose `Présences` was read whole: the one to read or write its cells. */
export type WholeWorkbookModel = WorkbookModel<Table<AttendanceColumn>>;
/** A model whose `Présences` was read in bands (no cells of its data rows). */
export type BandedWorkbookModel = WorkbookModel<BandedTable<AttendanceColumn>>;

function parsedText(table: Table<string>, row: TableRow, key: string): string {
  return textOf(cellOf(table, row, key));
}

/** Without `valueBands`, every tab is read whole. */
export function readWorkbook(source: WorkbookSource & { valueBands?: undefined }): WholeWorkbookModel;
/** With `valueBands`, `Présences` is read in bands (whole when it has no header row). */
export function readWorkbook(source: WorkbookSource): WorkbookModel;
export function readWorkbook(source: WorkbookSource): WorkbookModel {
  const dates = new DateCellReader(source.timeZone, source.offsets);
  const settings = source.settings ?? readSettings(source, dates);
  // Each tab is read just before its records are built, Présences (the biggest) last: its
  // freshly read cells are then not carried through the allocations of the other tabs.
  const participants = readTable(source, PARTICIPANTS);

  const territoryLookup = new Map<string, string>();
  for (const c of settings.territory) territoryLookup.set(normalizeKey(c), c);
  const districtLookup = new Map<string, string>();
  for (const d of settings.qpvDistricts) districtLookup.set(normalizeKey(d.name), d.name);

  const participantRecords = participantRecordsOf(participants, dates, territoryLookup, districtLookup);

  const sessions = readTable(source, SESSIONS);
  const sessionRecords: Session[] = tableRows(sessions).map((row) => ({
    row: row.row,
    date: parseDate(cellOf(sessions, row, 'date'), dates),
    theme: parsedText(sessions, row, 'theme'),
    facilitator: parsedText(sessions, row, 'facilitator'),
    place: parsedText(sessions, row, 'place'),
    start: parseTimeOfDay(cellOf(sessions, row, 'start'), dates.timeZone, dates.offsets),
    end: parseTimeOfDay(cellOf(sessions, row, 'end'), dates.timeZone, dates.offsets),
    comment: parsedText(sessions, row, 'comment'),
  }));

  const people = peopleOf(participantRecords);

  const attendanceName = findTabName(source.sheetNames, ATTENDANCE.name);
  let attendance: AttendanceTable;
  let columns: AttendanceColumns;
  if (attendanceName !== null && source.valueBands) {
    ({ table: attendance, columns } = readAttendanceInBands(source.valueBands, attendanceName, people, dates));
  } else {
    attendance = readTable(source, ATTENDANCE);
    columns = attendanceColumnsOf(attendance, people, dates);
  }
  const model: WorkbookModel = {
    timeZone: source.timeZone,
    offsets: dates.offsets,
    locale: source.locale,
    sheetNames: source.sheetNames,
    participants,
    sessions,
    attendance,
    settings,
    participantRecords,
    sessionRecords,
    attendanceColumns: columns,
    people,
    territoryLookup,
    districtLookup,
  };
  return model;
}
