/**
 * The checks of the Présences rows (SPEC §3): unknown session or participant, status, dates
 * around entry and exit, and the same person twice on one day. Hot path (200 000 rows and
 * more): the rows are read from the model's typed columns (AttendanceColumns), problems are
 * worked out as bits in one loop with no record, closure or string per row, and texts are
 * built only for the rows that have a problem.
 */
import { CHECK_MESSAGES } from '../../i18n/fr/checks';
import { Day, frenchDate } from '../days';
import { ATTENDANCE, headerOf } from '../schema';
import { AttendanceColumns, CELL_BLANK, CELL_INVALID, CELL_OK, STATUS_INVALID, WorkbookModel } from '../workbook';
import { CheckCode, IssueList, TAB_ATTENDANCE, headerAsWritten, othersOf, reportMissingColumns } from './issues';

/** Problems of one Présences row, as bits (attendanceProblems). */
const ROW_DATE_BLANK = 1;
const ROW_DATE_INVALID = 2;
const ROW_IN_FUTURE = 4;
const ROW_WITHOUT_SESSION = 8;
const ROW_ID_BLANK = 16;
const ROW_ID_UNKNOWN = 32;
const ROW_STATUS_BLANK = 64;
const ROW_STATUS_INVALID = 128;
const ROW_BEFORE_ENTRY = 256;
const ROW_AFTER_EXIT = 512;

/** What checkAttendance knows of the workbook around the Présences rows. */
interface AttendanceContext {
  model: WorkbookModel;
  today: Day;
  dateCol: number;
  idCol: number;
  statusCol: number;
  participantsKnown: boolean;
  sessionsKnown: boolean;
  sessionDays: Set<number>;
  /** Entry and exit days per ID index of a participant (NaN when unreadable). */
  entryDay: Float64Array;
  exitDay: Float64Array;
  /** The headers as written of the Date, ID and Statut columns (for messages). */
  written: { date: string; participantId: string; status: string };
}

const ATTENDANCE_DATE = headerOf(ATTENDANCE, 'date');
const ATTENDANCE_ID = headerOf(ATTENDANCE, 'participantId');
const ATTENDANCE_STATUS = headerOf(ATTENDANCE, 'status');

export function checkAttendance(model: WorkbookModel, today: Day, out: IssueList): void {
  const table = model.attendance;
  reportMissingColumns(table, TAB_ATTENDANCE, out, false);
  if (table.headerRow === null) return;
  const cols = table.columns;
  // Participants by ID index (model.people: the participants' IDs first, first row wins).
  const participantsTable = model.participants;
  const people = model.people.participants;
  const entryDay = new Float64Array(people.length).fill(Number.NaN);
  const exitDay = new Float64Array(people.length).fill(Number.NaN);
  people.forEach((p, k) => {
    if (p.entryDate.status === 'ok') entryDay[k] = p.entryDate.value;
    if (p.exitDate.status === 'ok') exitDay[k] = p.exitDate.value;
  });
  // Session days, unless the Séances tab exists without a usable Date column (reported there).
  const sessionsTable = model.sessions;
  const sessionDays = new Set<number>();
  for (const s of model.sessionRecords) if (s.date.status === 'ok') sessionDays.add(s.date.value);
  const context: AttendanceContext = {
    model,
    today,
    dateCol: cols.date ?? -1,
    idCol: cols.participantId ?? -1,
    statusCol: cols.status ?? -1,
    participantsKnown: participantsTable.headerRow !== null && participantsTable.columns.id !== undefined,
    sessionsKnown:
      sessionsTable.sheetName === null || (sessionsTable.headerRow !== null && sessionsTable.columns.date !== undefined),
    sessionDays,
    entryDay,
    exitDay,
    written: {
      date: headerAsWritten(table, 'date'),
      participantId: headerAsWritten(table, 'participantId'),
      status: headerAsWritten(table, 'status'),
    },
  };
  const att = model.attendanceColumns;
  const days = numberDays(att);
  const problems = attendanceProblems(context, days);
  for (let i = 0; i < att.length; i++) if (problems[i] !== 0) reportAttendanceRow(context, i, problems[i], out);
  for (const indexes of duplicateAttendance(att, days, model.people.keys.length)) {
    const rows = indexes.map((i) => att.row[i]);
    const date = frenchDate(att.day[indexes[0]]);
    indexes.forEach((i, k) => {
      const id = att.idTexts[att.idText[i]];
      const message = CHECK_MESSAGES.attendanceDuplicate(id, date, othersOf(rows, rows[k]), rows.length - 1);
      out.add(TAB_ATTENDANCE, rows[k], null, -1, 'ATTENDANCE_DUPLICATE', message);
    });
  }
}

/**
 * The problems of every Présences row as bits, in one small loop over typed arrays (no record,
 * no text read): what a day says is worked out once per distinct day.
 */
function attendanceProblems(c: AttendanceContext, days: { index: Int32Array; count: number }): Uint16Array {
  const att = c.model.attendanceColumns;
  const known = c.model.people.participants.length;
  const dayProblem = new Uint16Array(days.count);
  for (let i = 0; i < att.length; i++) {
    const d = days.index[i];
    if (d < 0 || dayProblem[d] !== 0) continue;
    const day = att.day[i];
    dayProblem[d] = day > c.today ? ROW_IN_FUTURE : c.sessionsKnown && !c.sessionDays.has(day) ? ROW_WITHOUT_SESSION : DAY_FINE;
  }
  const problems = new Uint16Array(att.length);
  const { dateCol, idCol, statusCol, participantsKnown, entryDay, exitDay } = c;
  for (let i = 0; i < att.length; i++) {
    let bits = 0;
    const state = att.dateState[i];
    if (dateCol >= 0) {
      if (state === CELL_BLANK) bits |= ROW_DATE_BLANK;
      else if (state === CELL_INVALID) bits |= ROW_DATE_INVALID;
      else if (dayProblem[days.index[i]] !== DAY_FINE) bits |= dayProblem[days.index[i]];
    }
    const index = att.person[i];
    const isParticipant = index >= 0 && index < known;
    // A blank ID is the only one without an index.
    if (idCol >= 0) {
      if (index < 0) bits |= ROW_ID_BLANK;
      else if (participantsKnown && !isParticipant) bits |= ROW_ID_UNKNOWN;
    }
    if (statusCol >= 0) {
      const code = att.status[i];
      if (code === 0) bits |= ROW_STATUS_BLANK;
      else if (code === STATUS_INVALID) bits |= ROW_STATUS_INVALID;
    }
    if (isParticipant && state === CELL_OK) {
      const day = att.day[i];
      if (day < entryDay[index]) bits |= ROW_BEFORE_ENTRY;
      if (day > exitDay[index]) bits |= ROW_AFTER_EXIT;
    }
    problems[i] = bits;
  }
  return problems;
}

/** The issues of one Présences row with problems, in the order of SPEC §3 (date, ID, status, dates). */
function reportAttendanceRow(c: AttendanceContext, i: number, bits: number, out: IssueList): void {
  const att = c.model.attendanceColumns;
  const row = att.row[i];
  const day = att.day[i];
  const dateHeader = ATTENDANCE_DATE;
  const add = (header: string | null, col: number, code: CheckCode, message: string): void =>
    out.add(TAB_ATTENDANCE, row, header, col, code, message);
  if (bits & ROW_DATE_BLANK)
    add(dateHeader, c.dateCol, 'ATTENDANCE_UNKNOWN_SESSION', CHECK_MESSAGES.attendanceDateMissing(c.written.date));
  else if (bits & ROW_DATE_INVALID)
    add(dateHeader, c.dateCol, 'DATE_INVALID', CHECK_MESSAGES.dateInvalid(att.invalidDates.get(i) ?? ''));
  else if (bits & ROW_IN_FUTURE)
    add(dateHeader, c.dateCol, 'ATTENDANCE_IN_FUTURE', CHECK_MESSAGES.attendanceInFuture(frenchDate(day)));
  else if (bits & ROW_WITHOUT_SESSION)
    add(dateHeader, c.dateCol, 'ATTENDANCE_UNKNOWN_SESSION', CHECK_MESSAGES.attendanceUnknownSession(frenchDate(day)));
  const idHeader = ATTENDANCE_ID;
  if (bits & ROW_ID_BLANK)
    add(idHeader, c.idCol, 'ATTENDANCE_UNKNOWN_PARTICIPANT', CHECK_MESSAGES.attendanceIdMissing(c.written.participantId));
  else if (bits & ROW_ID_UNKNOWN) {
    const participantId = att.idTexts[att.idText[i]];
    add(idHeader, c.idCol, 'ATTENDANCE_UNKNOWN_PARTICIPANT', CHECK_MESSAGES.attendanceUnknownParticipant(participantId));
  }
  const statusHeader = ATTENDANCE_STATUS;
  if (bits & ROW_STATUS_BLANK)
    add(statusHeader, c.statusCol, 'ATTENDANCE_STATUS_INVALID', CHECK_MESSAGES.attendanceStatusMissing(c.written.status));
  else if (bits & ROW_STATUS_INVALID) {
    const text = att.invalidStatuses.get(i) ?? '';
    add(statusHeader, c.statusCol, 'ATTENDANCE_STATUS_INVALID', CHECK_MESSAGES.attendanceStatusInvalid(text));
  }
  const index = att.person[i];
  if (bits & ROW_BEFORE_ENTRY) {
    const message = CHECK_MESSAGES.attendanceBeforeEntry(frenchDate(day), frenchDate(c.entryDay[index]));
    add(dateHeader, c.dateCol, 'ATTENDANCE_BEFORE_ENTRY', message);
  }
  if (bits & ROW_AFTER_EXIT) {
    const message = CHECK_MESSAGES.attendanceAfterExit(frenchDate(day), frenchDate(c.exitDay[index]));
    add(dateHeader, c.dateCol, 'ATTENDANCE_AFTER_EXIT', message);
  }
}

/** attendanceProblems: a day that is neither in the future nor without a session (0: not yet worked out). */
const DAY_FINE = 1024;

/** Each readable day of the Présences rows numbered 0, 1, … (-1 for the other rows), and how many. */
function numberDays(att: AttendanceColumns): { index: Int32Array; count: number } {
  const index = new Int32Array(att.length).fill(-1);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < att.length; i++) {
    if (att.dateState[i] !== CELL_OK) continue;
    if (att.day[i] < min) min = att.day[i];
    if (att.day[i] > max) max = att.day[i];
  }
  if (max < min) return { index, count: 0 };
  let count = 0;
  if (max - min < DAY_TABLE_LIMIT) {
    // Days within a few thousand years: a table by day, no hashing.
    const numbers = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < att.length; i++) {
      if (att.dateState[i] !== CELL_OK) continue;
      const slot = att.day[i] - min;
      if (numbers[slot] < 0) numbers[slot] = count++;
      index[i] = numbers[slot];
    }
    return { index, count };
  }
  const numbers = new Map<number, number>();
  for (let i = 0; i < att.length; i++) {
    if (att.dateState[i] !== CELL_OK) continue;
    let n = numbers.get(att.day[i]);
    if (n === undefined) numbers.set(att.day[i], (n = count++));
    index[i] = n;
  }
  return { index, count };
}
/** Largest span of days numbered through a table (4 MB) rather than a Map. */
const DAY_TABLE_LIMIT = 1 << 20;

/**
 * Groups of Présences rows (as indexes, in row order) with the same day and the same ID.
 * Rows are bucketed by person (a counting sort, in row order), then each person's days are
 * compared through one stamp per day: two passes over small typed arrays, whatever the size.
 */
function duplicateAttendance(
  att: AttendanceColumns,
  days: { index: Int32Array; count: number },
  personCount: number,
): number[][] {
  const start = new Int32Array(personCount + 1);
  for (let i = 0; i < att.length; i++) {
    if (att.person[i] >= 0 && days.index[i] >= 0) start[att.person[i] + 1]++;
  }
  for (let p = 0; p < personCount; p++) start[p + 1] += start[p];
  const next = start.slice(0, personCount);
  const order = new Int32Array(start[personCount]);
  for (let i = 0; i < att.length; i++) {
    const p = att.person[i];
    if (p >= 0 && days.index[i] >= 0) order[next[p]++] = i;
  }
  const seenBy = new Int32Array(days.count).fill(-1);
  const firstAt = new Int32Array(days.count);
  const groups = new Map<number, number[]>();
  for (let p = 0; p < personCount; p++) {
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = order[k];
      const d = days.index[i];
      if (seenBy[d] !== p) {
        seenBy[d] = p;
        firstAt[d] = i;
        continue;
      }
      const group = groups.get(firstAt[d]);
      if (group) group.push(i);
      else groups.set(firstAt[d], [firstAt[d], i]);
    }
  }
  return [...groups.values()];
}
