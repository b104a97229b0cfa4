/**
 * Attendance (SPEC §4, §5), pure: the roster of a date, the default date, the "à relancer"
 * flags, the validation of a save and the plan of writes that upserts it. No Apps Script
 * globals; the server module runs the plan through the WorkbookPort.
 */
import { Day, dayFromIso, dayFromYmd, isoOfDay, midnightInTimeZone, minusCalendarMonths, yearOfDay, frenchDate } from './days';
import { ATTENDANCE_STATUS, AttendanceStatus, SESSION_THEMES } from './lists';
import { ATTENDANCE, AttendanceColumn, SESSIONS, SessionColumn, TabDefinition } from './schema';
import { cleanText, frenchCollator, normalizeKey } from './text';
import { CellValue, idKey, isBlank, parseList, textOf } from './values';
import { attendanceRecordsOf, isAnonymised } from './workbook';
import { unusualWeekdayFor } from './weekdays';
import type { Participant, Settings, Table, WholeWorkbookModel, WorkbookModel } from './workbook';
import { ATTENDANCE_TEXT } from '../i18n/fr/attendance';
import { MAX_ENTRIES, MAX_FIELD_LENGTH, MAX_ID_LENGTH } from '../shared/limits';

export { MAX_ENTRIES, MAX_FIELD_LENGTH, MAX_ID_LENGTH };
/** Number of past sessions looked at for the "à relancer" flag. */
export const FOLLOW_UP_SESSIONS = 3;

export const STATUS_LABELS: readonly AttendanceStatus[] = ATTENDANCE_STATUS.labels;

// ---------------------------------------------------------------------------------------
// Seasons and the default date

export interface Season {
  start: Day;
  end: Day;
}

/**
 * The season of a year: `Début de saison` / `Fin de saison` of `Paramètres` when given, else
 * 1 March – 31 October of that year (each bound separately).
 */
export function seasonOfYear(settings: Settings, year: number): Season {
  const s = settings.years.get(year);
  return {
    start: s?.seasonStart ?? (dayFromYmd(year, 3, 1) as Day),
    end: s?.seasonEnd ?? (dayFromYmd(year, 10, 31) as Day),
  };
}

export function isInSeason(settings: Settings, day: Day): boolean {
  const { start, end } = seasonOfYear(settings, yearOfDay(day));
  return day >= start && day <= end;
}

/** Readable dates of the `Séances` rows. */
export function sessionDays(model: WorkbookModel): Set<Day> {
  const out = new Set<Day>();
  for (const s of model.sessionRecords) if (s.date.status === 'ok') out.add(s.date.value);
  return out;
}

/** Readable dates of the `Présences` rows (the days attendance was taken). */
export function attendanceDays(model: WorkbookModel): Set<Day> {
  const out = new Set<Day>();
  for (const a of attendanceRecordsOf(model)) if (a.date.status === 'ok') out.add(a.date.value);
  return out;
}

/**
 * SPEC §4 default date: today when today is in its year's season or has a session; else the
 * latest session on or before today (a session is a `Séances` date or a date with
 * `Présences` rows); else the nearest upcoming session; else today.
 */
export function defaultAttendanceDay(model: WorkbookModel, today: Day): Day {
  const days = sessionDays(model);
  for (const d of attendanceDays(model)) days.add(d);
  if (days.has(today) || isInSeason(model.settings, today)) return today;
  let past: Day | null = null;
  let next: Day | null = null;
  for (const d of days) {
    if (d <= today && (past === null || d > past)) past = d;
    if (d > today && (next === null || d < next)) next = d;
  }
  return past ?? next ?? today;
}

/** The date argument of getAttendanceSheet: '' / undefined / null mean the default date. */
export type RequestedDate = { kind: 'default' } | { kind: 'day'; day: Day } | { kind: 'invalid'; message: string };

export function parseRequestedDate(date: unknown): RequestedDate {
  if (date === undefined || date === null) return { kind: 'default' };
  if (typeof date !== 'string') return { kind: 'invalid', message: ATTENDANCE_TEXT.dateNotText };
  const text = date.trim();
  if (text === '') return { kind: 'default' };
  const day = dayFromIso(text);
  return day === null ? { kind: 'invalid', message: ATTENDANCE_TEXT.dateInvalid(text) } : { kind: 'day', day };
}

// ---------------------------------------------------------------------------------------
// Participants and the roster

/** idKey → participant; the first row wins when an ID is repeated; blank IDs are left out. */
export function participantIndex(records: readonly Participant[]): Map<string, Participant> {
  const index = new Map<string, Participant>();
  for (const p of records) if (p.idKey !== '' && !index.has(p.idKey)) index.set(p.idKey, p);
  return index;
}

/** "Nom Prénom" (the ID when both are blank). */
export function displayName(p: Participant): string {
  return cleanText(`${p.lastName} ${p.firstName}`) || p.id;
}

/** Enrolled on `day` (SPEC §4 `others`): Date d'entrée readable and ≤ day, no readable Date de sortie before it. */
export function isEnrolledOn(p: Participant, day: Day): boolean {
  if (p.entryDate.status !== 'ok' || p.entryDate.value > day) return false;
  return !(p.exitDate.status === 'ok' && p.exitDate.value < day);
}

/** In a contract already started on `day`: Alternance signée with a Date de début du contrat before it. */
export function isInStartedContract(p: Participant, day: Day): boolean {
  return (
    p.situation.status === 'ok' &&
    p.situation.value === 'Alternance signée' &&
    p.contractStart.status === 'ok' &&
    p.contractStart.value < day
  );
}

/** Months of inactivity after which an enrolled participant is no longer expected (SPEC §4). */
export const ACTIVE_MONTHS = 6;

/** idKey → days of its `Présent` rows, ascending (readable dates only). */
export type PresenceIndex = Map<string, Day[]>;

export function presenceIndex(book: StatusBook): PresenceIndex {
  const out: PresenceIndex = new Map();
  for (const [day, statuses] of book) {
    for (const [key, status] of statuses) {
      if (status !== 'Présent') continue;
      let days = out.get(key);
      if (!days) out.set(key, (days = []));
      days.push(day);
    }
  }
  for (const days of out.values()) days.sort((a, b) => a - b);
  return out;
}

/** True when `days` (ascending) holds a day in [from, to]. */
function hasDayBetween(days: readonly Day[] | undefined, from: Day, to: Day): boolean {
  if (!days || days.length === 0) return false;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo] <= to;
}

/**
 * Expected on `day` (SPEC §4): enrolled, not in a contract already started, and active — Date
 * d'entrée on or after `day` minus 6 calendar months, or a `Présent` dated from then up to `day`.
 */
export function isExpectedOn(p: Participant, day: Day, presences: PresenceIndex): boolean {
  if (!isEnrolledOn(p, day) || isInStartedContract(p, day)) return false;
  const from = minusCalendarMonths(day, ACTIVE_MONTHS);
  if (p.entryDate.status === 'ok' && p.entryDate.value >= from) return true;
  return hasDayBetween(presences.get(p.idKey), from, day);
}

/** Status recorded for each (day, idKey); with duplicate rows, the last readable one wins. */
export type StatusBook = Map<Day, Map<string, AttendanceStatus | null>>;

export function statusBook(model: WorkbookModel): StatusBook {
  const book: StatusBook = new Map();
  for (const a of attendanceRecordsOf(model)) {
    if (a.date.status !== 'ok' || a.idKey === '') continue;
    let m = book.get(a.date.value);
    if (!m) book.set(a.date.value, (m = new Map()));
    const status = a.status.status === 'ok' ? a.status.value : null;
    if (status !== null || !m.has(a.idKey)) m.set(a.idKey, status);
  }
  return book;
}

export interface FollowUp {
  needsFollowUp: boolean;
  reason: string | null;
}

/**
 * "À relancer" (SPEC §4): the sessions looked at are the days attendance was taken (dates with
 * `Présences` rows) strictly before `day`; for a participant, the ones that count are those
 * where they were expected (isExpectedOn, evaluated on that session's date) or recorded.
 * Among their last three: all three recorded Absent → three consecutive absences; else no
 * Présent among the three → no presence in the last three sessions. Fewer than three such
 * sessions → no flag. Someone recorded `Présent` on the day itself (`onDay`) came: no flag.
 */
export function followUpOf(
  p: Participant,
  pastSessionsDesc: readonly Day[],
  book: StatusBook,
  presences: PresenceIndex = presenceIndex(book),
  onDay: AttendanceStatus | null = null,
): FollowUp {
  if (onDay === 'Présent') return { needsFollowUp: false, reason: null };
  let seen = 0;
  let absents = 0;
  let presents = 0;
  for (const s of pastSessionsDesc) {
    const recorded = book.get(s);
    const has = recorded?.has(p.idKey) ?? false;
    if (!has && !isExpectedOn(p, s, presences)) continue;
    const status = has ? recorded!.get(p.idKey) : null;
    if (status === 'Absent') absents++;
    if (status === 'Présent') presents++;
    if (++seen === FOLLOW_UP_SESSIONS) break;
  }
  if (seen < FOLLOW_UP_SESSIONS) return { needsFollowUp: false, reason: null };
  if (absents === FOLLOW_UP_SESSIONS) return { needsFollowUp: true, reason: ATTENDANCE_TEXT.followUpThreeAbsences };
  if (presents === 0) return { needsFollowUp: true, reason: ATTENDANCE_TEXT.followUpNoPresence };
  return { needsFollowUp: false, reason: null };
}

export interface RosterEntry {
  id: string;
  name: string;
  status: AttendanceStatus | null;
  needsFollowUp: boolean;
  followUpReason: string | null;
  /** `Téléphone` and `Email`, only for those flagged "à relancer" (null otherwise). */
  phone: string | null;
  email: string | null;
}

export interface OtherEntry {
  id: string;
  name: string;
}

export interface SheetSession {
  theme: string;
  facilitator: string;
  place: string;
}

export interface AttendanceSheetModel {
  date: string;
  session: SheetSession | null;
  participants: RosterEntry[];
  others: OtherEntry[];
  themes: string[];
  unusualWeekday: boolean;
}

/** Themes offered: SPEC §4's suggestions, then the other themes already used in `Séances`. */
export function themeSuggestions(model: WorkbookModel): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of SESSION_THEMES) {
    seen.add(normalizeKey(t));
    out.push(t);
  }
  const used: string[] = [];
  for (const s of model.sessionRecords) {
    const k = normalizeKey(s.theme);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    used.push(s.theme);
  }
  used.sort(frenchCollator.compare);
  return out.concat(used);
}

/** The first `Séances` row of the day, or null. */
export function sessionOn(model: WorkbookModel, day: Day): SheetSession | null {
  const s = model.sessionRecords.find((x) => x.date.status === 'ok' && x.date.value === day);
  return s ? { theme: s.theme, facilitator: s.facilitator, place: s.place } : null;
}

/** Nom, then Prénom (French collation), then ID: the order of every list of people. */
export function byName(a: Participant, b: Participant): number {
  return (
    frenchCollator.compare(a.lastName, b.lastName) ||
    frenchCollator.compare(a.firstName, b.firstName) ||
    frenchCollator.compare(a.id, b.id)
  );
}

function textOrNull(v: Participant['phone']): string | null {
  return v.status === 'ok' && v.value !== '' ? v.value : null;
}

/**
 * SPEC §4 roster of a day: the participants expected that day plus anyone already recorded
 * for it (IDs unknown in `Participants` are left out: they could not be saved), one line per
 * ID, sorted by Nom then Prénom (French collation); `others` = the other enrolled
 * participants (id and name only). Anonymised rows are never listed.
 */
export function buildAttendanceSheet(model: WorkbookModel, day: Day): AttendanceSheetModel {
  const index = participantIndex(model.participantRecords);
  const book = statusBook(model);
  const presences = presenceIndex(book);
  const recorded = book.get(day) ?? new Map<string, AttendanceStatus | null>();
  const past = [...book.keys()].filter((d) => d < day).sort((a, b) => b - a);
  const listed: Participant[] = [];
  const enrolled: Participant[] = [];
  for (const p of index.values()) {
    if (isAnonymised(p)) continue;
    if (recorded.has(p.idKey) || isExpectedOn(p, day, presences)) listed.push(p);
    else if (isEnrolledOn(p, day)) enrolled.push(p);
  }
  listed.sort(byName);
  enrolled.sort(byName);
  const participants = listed.map((p): RosterEntry => {
    const status = recorded.get(p.idKey) ?? null;
    const f = followUpOf(p, past, book, presences, status);
    return {
      id: p.id,
      name: displayName(p),
      status,
      needsFollowUp: f.needsFollowUp,
      followUpReason: f.reason,
      phone: f.needsFollowUp ? textOrNull(p.phone) : null,
      email: f.needsFollowUp ? textOrNull(p.email) : null,
    };
  });
  const others = enrolled.map((p): OtherEntry => ({ id: p.id, name: displayName(p) }));
  const session = sessionOn(model, day);
  const unusualWeekday = session === null && unusualWeekdayFor(day, sessionDays(model)) !== null;
  return { date: isoOfDay(day), session, participants, others, themes: themeSuggestions(model), unusualWeekday };
}

// ---------------------------------------------------------------------------------------
// Validation of a save

export interface SaveEntry {
  participantId: string;
  idKey: string;
  status: AttendanceStatus;
}

export interface NormalizedSave {
  day: Day;
  date: string;
  /** null = not given (an existing value is kept). */
  theme: string | null;
  facilitator: string | null;
  place: string | null;
  entries: SaveEntry[];
}

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type FieldName = 'theme' | 'facilitator' | 'place';

function optionalText(input: Record<string, unknown>, name: FieldName): Validation<string | null> {
  const v = input[name];
  const label = ATTENDANCE_TEXT.fieldLabels[name];
  if (v === undefined || v === null) return { ok: true, value: null };
  if (typeof v !== 'string') return { ok: false, message: ATTENDANCE_TEXT.fieldNotText(label) };
  const text = cleanText(v);
  if (text.length > MAX_FIELD_LENGTH) return { ok: false, message: ATTENDANCE_TEXT.fieldTooLong(label, MAX_FIELD_LENGTH) };
  return { ok: true, value: text === '' ? null : text };
}

function statusOf(v: unknown): AttendanceStatus | null {
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFC').trim();
  return (STATUS_LABELS as readonly string[]).includes(t) ? (t as AttendanceStatus) : null;
}

/**
 * Checks the shape of a saveAttendance input (everything that needs no workbook): a
 * rejection carries the French message. Statuses must be exactly Présent, Absent or Excusé
 * (the sheet's synonyms such as "P" are not accepted from the sidebar).
 */
export function validateSaveInput(input: unknown, today: Day | null = null): Validation<NormalizedSave> {
  const fail = (message: string): Validation<NormalizedSave> => ({ ok: false, message });
  if (!isRecord(input)) return fail(ATTENDANCE_TEXT.inputNotObject);
  const rawDate = input.date;
  if (rawDate === undefined || rawDate === null || (typeof rawDate === 'string' && rawDate.trim() === '')) {
    return fail(ATTENDANCE_TEXT.dateMissing);
  }
  if (typeof rawDate === 'number' || typeof rawDate === 'boolean') return fail(ATTENDANCE_TEXT.saveDateInvalid(String(rawDate)));
  // An object (even one whose toString is not a function) is never turned into text.
  if (typeof rawDate !== 'string') return fail(ATTENDANCE_TEXT.saveDateNotText);
  const day = dayFromIso(rawDate.trim());
  if (day === null) return fail(ATTENDANCE_TEXT.saveDateInvalid(rawDate.trim()));
  if (today !== null && day > today) return fail(ATTENDANCE_TEXT.saveDateInFuture(frenchDate(day)));

  const fields: Partial<Record<FieldName, string | null>> = {};
  for (const name of ['theme', 'facilitator', 'place'] as const) {
    const r = optionalText(input, name);
    if (!r.ok) return fail(r.message);
    fields[name] = r.value;
  }

  const raw = input.entries;
  if (!Array.isArray(raw)) return fail(ATTENDANCE_TEXT.entriesNotList);
  if (raw.length > MAX_ENTRIES) return fail(ATTENDANCE_TEXT.tooManyEntries(raw.length, MAX_ENTRIES));
  const entries: SaveEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const e: unknown = raw[i];
    if (!isRecord(e)) return fail(ATTENDANCE_TEXT.entryNotObject(i + 1));
    const rawId = e.participantId;
    const id =
      typeof rawId === 'string' ? cleanText(rawId) : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : '';
    if (id === '') return fail(ATTENDANCE_TEXT.participantIdMissing(i + 1));
    if (id.length > MAX_ID_LENGTH) return fail(ATTENDANCE_TEXT.participantIdTooLong(i + 1));
    const rawStatus = e.status;
    if (rawStatus === undefined || rawStatus === null || rawStatus === '') return fail(ATTENDANCE_TEXT.statusMissing(id));
    const status = statusOf(rawStatus);
    if (status === null && typeof rawStatus === 'object') return fail(ATTENDANCE_TEXT.statusNotText(id));
    if (status === null) return fail(ATTENDANCE_TEXT.statusUnknown(id, String(rawStatus)));
    const key = idKey(id);
    if (seen.has(key)) return fail(ATTENDANCE_TEXT.participantRepeated(id));
    seen.add(key);
    entries.push({ participantId: id, idKey: key, status });
  }
  return {
    ok: true,
    value: {
      day,
      date: isoOfDay(day),
      theme: fields.theme ?? null,
      facilitator: fields.facilitator ?? null,
      place: fields.place ?? null,
      entries,
    },
  };
}

/** The first entry whose ID is not in `Participants`, as a French message; null when all are known. */
export function unknownParticipantMessage(save: NormalizedSave, index: ReadonlyMap<string, Participant>): string | null {
  for (const e of save.entries) if (!index.has(e.idKey)) return ATTENDANCE_TEXT.participantUnknown(e.participantId);
  return null;
}

// ---------------------------------------------------------------------------------------
// The plan of writes

export type PlanOp =
  | { kind: 'insertSheet'; sheet: string }
  | { kind: 'write'; sheet: string; row: number; col: number; values: CellValue[][] }
  /**
   * Status updates: only these cells are written (other cells of the column, formulas
   * included, are left alone); `fallback` is the same change as one rectangle over the span
   * of updated rows (cells in between rewritten with the values just read), for environments
   * that cannot write scattered cells.
   */
  | {
      kind: 'writeCells';
      sheet: string;
      cells: { row: number; col: number; value: string }[];
      fallback: { row: number; col: number; values: CellValue[][] };
    };

export interface SavePlan {
  ops: PlanOp[];
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
function layoutOf<K extends string>(table: Table<K>, canonical: readonly K[]): Validation<TabLayout<K>> {
  const def: TabDefinition<K> = table.definition;
  const fresh = (insert: boolean, sheet: string): Validation<TabLayout<K>> => {
    const columns: Partial<Record<K, number>> = {};
    canonical.forEach((k, i) => (columns[k] = i));
    return { ok: true, value: { sheet, writeHeader: true, insert, headerRow: 1, columns, nextRow: 2, width: canonical.length } };
  };
  if (table.sheetName === null) return fresh(true, def.name);
  if (table.headerRow === null) {
    if (isEmptyTab(table.values)) return fresh(false, table.sheetName);
    return { ok: false, message: ATTENDANCE_TEXT.tabWithoutHeader(table.sheetName) };
  }
  for (const c of def.columns) {
    if (c.required && table.columns[c.key] === undefined) {
      return { ok: false, message: ATTENDANCE_TEXT.tabColumnMissing(table.sheetName, c.header) };
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

function headerOf<K extends string>(def: TabDefinition<K>, key: K): string {
  return def.columns.find((c) => c.key === key)!.header;
}

/** One rectangle per run of adjacent columns of a single row. */
function rowWrites(sheet: string, row: number, cells: Map<number, CellValue>): PlanOp[] {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  const ops: PlanOp[] = [];
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    ops.push({ kind: 'write', sheet, row, col: cols[i] + 1, values: [cols.slice(i, j + 1).map((c) => cells.get(c)!)] });
    i = j + 1;
  }
  return ops;
}

/** The participant's ID as written in Participants: a number stays a number, text is cleaned. */
function idCellOf(model: WorkbookModel, p: Participant): CellValue {
  const c = model.participants.columns.id;
  const raw = c === undefined ? undefined : model.participants.values[p.row - 1]?.[c];
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : p.id;
}

const SESSION_KEYS: readonly SessionColumn[] = ['date', 'theme', 'facilitator', 'place', 'comment'];
const ATTENDANCE_KEYS: readonly AttendanceColumn[] = ['date', 'participantId', 'participantName', 'status'];

interface SessionWrite {
  ops: PlanOp[];
  sessionCreated: boolean;
  sessionUpdated: boolean;
}

/** The new session row: the date and the given fields, over the span of their columns. */
function newSessionRow(layout: TabLayout<SessionColumn>, dateCell: CellValue, given: [SessionColumn, string | null][]): PlanOp {
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
  model: WorkbookModel,
  save: NormalizedSave,
  layout: TabLayout<SessionColumn>,
  dateCell: CellValue,
): SessionWrite {
  const ops: PlanOp[] = [];
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
  ops.push(...rowWrites(layout.sheet, layout.headerRow, addedHeaders));
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
  ops.push(...rowWrites(layout.sheet, existing.row, cells));
  return { ops, sessionCreated: false, sessionUpdated: cells.size > 0 };
}

/** Existing `Présences` rows of the day, by idKey, for the IDs of the save. */
function rowsOfDay(model: WorkbookModel, save: NormalizedSave): Map<string, number[]> {
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

/** Status updates written cell by cell, with a rectangle over their span as the fallback. */
function statusUpdateOp(
  model: WholeWorkbookModel,
  sheet: string,
  statusCol: number,
  updates: Map<number, AttendanceStatus>,
): PlanOp {
  // A loop, not Math.min(...rows): 100 000+ duplicate rows would overflow the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const r of updates.keys()) {
    if (r < first) first = r;
    if (r > last) last = r;
  }
  const column: CellValue[][] = [];
  for (let r = first; r <= last; r++) {
    const v = updates.get(r);
    column.push([v !== undefined ? v : (model.attendance.values[r - 1]?.[statusCol] ?? '')]);
  }
  const cells = [...updates].map(([row, value]) => ({ row, col: statusCol + 1, value }));
  return { kind: 'writeCells', sheet, cells, fallback: { row: first, col: statusCol + 1, values: column } };
}

/** All appended rows (and the header of a fresh tab) in one rectangle. */
function appendOp(
  model: WorkbookModel,
  layout: TabLayout<AttendanceColumn>,
  appends: readonly SaveEntry[],
  index: ReadonlyMap<string, Participant>,
  dateCell: CellValue,
): PlanOp {
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
  ops: PlanOp[];
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
  const ops: PlanOp[] = [];
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
  if (updates.size > 0) ops.push(statusUpdateOp(model, layout.sheet, statusCol, updates));
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
): Validation<SavePlan> {
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
