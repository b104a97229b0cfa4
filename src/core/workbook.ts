/**
 * The workbook model (SPEC §2): finds tabs and header rows, maps headers to columns and
 * reads rows into typed records. Pure: it works on the cell values an adapter read.
 */
import { DateCellReader, Day, type OffsetSource } from './days';
import {
  ATTENDANCE_STATUS,
  AttendanceStatus,
  CONTRACT_TYPE,
  ContractType,
  DEFAULT_QPV_DISTRICTS,
  DEFAULT_TERRITORY,
  QpvDistrict,
  SEX,
  SITUATION,
  Sex,
  Situation,
  TRAINING_LEVEL,
  TrainingLevel,
} from './lists';
import {
  ATTENDANCE,
  AttendanceColumn,
  PARTICIPANTS,
  ParticipantColumn,
  SESSIONS,
  SETTINGS,
  SessionColumn,
  SettingsColumn,
  TabDefinition,
  findTabName,
  headerLookup,
} from './schema';
import { parseTimeOfDay } from './session-times';
import { normalizeKey } from './text';
import {
  BLANK,
  CellValue,
  Parsed,
  idKey,
  invalidValue,
  isBlank,
  isDateValue,
  ok,
  parseDate,
  parseInteger,
  parseList,
  parseText,
  parseYesNo,
  parsedDay,
  textOf,
  valueOf,
} from './values';

/** Rows 1–5 are searched for the header row. */
export const HEADER_SEARCH_ROWS = 5;

export interface Table<K extends string> {
  definition: TabDefinition<K>;
  /** Actual tab name in the workbook, or null when the tab is absent. */
  sheetName: string | null;
  /** 1-based sheet row of the headers, or null when none was recognised. */
  headerRow: number | null;
  /** 0-based column index of each recognised column (first occurrence wins). */
  columns: Partial<Record<K, number>>;
  /** Required columns not found. */
  missing: K[];
  /** Number of columns of the sheet's data range. */
  width: number;
  /** Number of rows of the sheet's data range. */
  lastRow: number;
  /**
   * False when the tab was read in bands (`Présences` for the figures and the checks): then
   * `values` holds only the rows down to the header row, and the data rows live in the
   * model's compact columns (WorkbookModel.attendanceColumns).
   */
  allValues: boolean;
  /**
   * 1-based sheet rows of the non-empty data rows below the header row (their cells are
   * `values[row - 1]`): the cheap form of `rows`, used by the model.
   */
  rowNumbers: Int32Array;
  /** The cell values as read (shared, never modified): every row unless `allValues` is false. */
  values: CellValue[][];
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  cells: CellValue[];
}

function rowIsEmpty(cells: CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'string' ? c.length > 0 && (c.charCodeAt(0) > 32 || c.trim() !== '') : !isBlank(c)) return false;
  }
  return true;
}

/** Finds the header row and the columns of a tab in its values. */
export function locateTable<K extends string>(
  definition: TabDefinition<K>,
  sheetName: string | null,
  values: CellValue[][],
): Table<K> {
  const lookup = headerLookup(definition);
  let headerRow: number | null = null;
  let columns: Partial<Record<K, number>> = {};
  const limit = Math.min(HEADER_SEARCH_ROWS, values.length);
  for (let r = 0; r < limit; r++) {
    const found: Partial<Record<K, number>> = {};
    let count = 0;
    values[r].forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const key = lookup.get(normalizeKey(cell));
      if (key !== undefined && found[key] === undefined) {
        found[key] = c;
        count++;
      }
    });
    if (count >= definition.minHeaders) {
      headerRow = r + 1;
      columns = found;
      break;
    }
  }
  const missing = definition.columns.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  // A typed array allocated once (outside the garbage-collected heap), then cut to its length.
  const numbers = new Int32Array(headerRow === null ? 0 : values.length - headerRow);
  const count = headerRow === null ? 0 : nonEmptyRows(values, 1, headerRow, numbers, 0);
  const rowNumbers = numbers.subarray(0, count);
  // A plain object of one shape: no accessor per table (V8 would give each a shape of its
  // own, and recompile the functions that read tables on every call).
  return {
    definition,
    sheetName,
    headerRow,
    columns,
    missing,
    width: widthOf(values),
    lastRow: values.length,
    allValues: true,
    rowNumbers,
    values,
  };
}

function widthOf(values: CellValue[][]): number {
  let width = 0;
  for (let r = 0; r < values.length; r++) if (values[r].length > width) width = values[r].length;
  return width;
}

/**
 * Writes into `into` (from index `count`) the 1-based sheet rows of the non-empty rows of
 * `values` (whose first row is sheet row `firstRow`) below sheet row `headerRow`; returns the
 * new count.
 */
function nonEmptyRows(values: CellValue[][], firstRow: number, headerRow: number, into: Int32Array, count: number): number {
  for (let r = Math.max(0, headerRow - firstRow + 1); r < values.length; r++) {
    if (!rowIsEmpty(values[r])) into[count++] = firstRow + r;
  }
  return count;
}

const tableRowsCache = new WeakMap<Table<string>, TableRow[]>();

/** The non-empty data rows below the header row, as objects (built on first use, then kept). */
export function tableRows(table: Table<string>): TableRow[] {
  let rows = tableRowsCache.get(table);
  if (!rows) {
    const { values } = table;
    rows = Array.from(table.rowNumbers, (row) => ({ row, cells: values[row - 1] }));
    tableRowsCache.set(table, rows);
  }
  return rows;
}

export function cellOf<K extends string>(table: Table<K>, row: TableRow, key: K): CellValue {
  const c = table.columns[key];
  return c === undefined ? null : row.cells[c];
}

// ---------------------------------------------------------------------------------------
// Records

export interface Participant {
  row: number;
  id: string;
  idKey: string;
  lastName: string;
  firstName: string;
  sex: Parsed<Sex>;
  birthDate: Parsed<Day>;
  /** Cleaned commune text; `communeName` is the territory's canonical spelling when it matches. */
  commune: Parsed<string>;
  communeName: string | null;
  inTerritory: boolean;
  postcode: Parsed<string>;
  qpvResident: Parsed<boolean>;
  qpvDistrict: Parsed<string>;
  /** Canonical district name when the cell matches the list. */
  qpvDistrictName: string | null;
  trainingLevel: Parsed<TrainingLevel>;
  entryDate: Parsed<Day>;
  situation: Parsed<Situation>;
  contractType: Parsed<ContractType>;
  contractMonths: Parsed<number>;
  contractStart: Parsed<Day>;
  exitDate: Parsed<Day>;
  phone: Parsed<string>;
  email: Parsed<string>;
  /** `Âge à l'entrée` (SPEC §11: written by anonymisation; the age when there is no birth date). */
  ageAtEntry: Parsed<number>;
  /** `Anonymisé le`: a readable date marks an anonymised row (SPEC §11). */
  anonymisedOn: Parsed<Day>;
}

/** True for a row anonymised under SPEC §11 (a readable `Anonymisé le`). */
export function isAnonymised(p: Participant): boolean {
  return p.anonymisedOn.status === 'ok';
}

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

export interface AttendanceRecord {
  row: number;
  date: Parsed<Day>;
  participantId: string;
  idKey: string;
  status: Parsed<AttendanceStatus>;
}

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

/**
 * Every ID key of the workbook as a small integer: those of Participants first (row order;
 * the first row of a duplicated ID wins), then those found only in Présences.
 */
export interface People {
  keys: string[];
  indexOf: Map<string, number>;
  /** First Participants record of `keys[k]`, for k < participants.length. */
  participants: Participant[];
}

export interface YearSettings {
  year: number;
  plannedPlaces: number | null;
  seasonStart: Day | null;
  seasonEnd: Day | null;
}

export interface Settings {
  /** Present when the tab exists. */
  sheetName: string | null;
  /** The tab as located (header row, columns, values; headerRow null when none recognised); null when absent. */
  table: Table<SettingsColumn> | null;
  years: Map<number, YearSettings>;
  territory: string[];
  qpvDistricts: QpvDistrict[];
  confidentialityThreshold: number | null;
  /** `Durée de conservation (années)` (row 2; SPEC §11): a whole number ≥ 1, else the default. */
  retentionYears: number;
  /** `Heure de début` / `Heure de fin` (row 2), minutes since midnight; either unreadable → both null. */
  defaultStart: number | null;
  defaultEnd: number | null;
  /** `Structure` (row 2): the organisation's name printed on documents. */
  organisation: string;
  /** `Mention des financeurs` (row 2): a sentence printed at the foot of documents. */
  fundersNote: string | null;
  /** `Lignes vierges` (row 2): blank lines at the end of a sign-in sheet, 0..50, else the default. */
  blankLines: number;
}

/** SPEC §11: personal data is kept 2 years after the last activity unless `Paramètres` says otherwise. */
export const DEFAULT_RETENTION_YEARS = 2;
/** SPEC §2.1: `Structure` when `Paramètres` has none. */
export const DEFAULT_ORGANISATION = 'Mission locale';
/** SPEC §2.1: `Lignes vierges` when `Paramètres` has no whole number from 0 to 50. */
export const DEFAULT_BLANK_LINES = 5;
export const MAX_BLANK_LINES = 50;

export interface WorkbookModel {
  timeZone: string;
  /** How Date cells were turned into days (and how days become Date cells again). */
  offsets: OffsetSource;
  sheetNames: string[];
  participants: Table<ParticipantColumn>;
  sessions: Table<SessionColumn>;
  attendance: Table<AttendanceColumn>;
  settings: Settings;
  participantRecords: Participant[];
  sessionRecords: Session[];
  attendanceColumns: AttendanceColumns;
  people: People;
  territoryLookup: Map<string, string>;
  districtLookup: Map<string, string>;
}

/** What the model needs from a workbook: its tab names and each tab's values. */
export interface WorkbookSource {
  timeZone: string;
  /** Offsets of the time zone (default: the runtime's Intl data). */
  offsets?: OffsetSource;
  sheetNames: string[];
  /** Values of a tab (one batch read), by its actual name. */
  values(sheetName: string): CellValue[][];
  /**
   * When given, `Présences` is read through it, in bands of rows (WorkbookPort.readValueBands):
   * its data rows then go straight into the model's compact columns, band after band, and
   * its Table keeps only the rows down to the header row (`allValues` false).
   */
  valueBands?(sheetName: string, visit: (firstRow: number, rows: CellValue[][], lastRow: number) => void): void;
}

function readColumnDown(values: CellValue[][], headerRow: number, col: number | undefined): CellValue[] {
  const out: CellValue[] = [];
  if (col === undefined) return out;
  for (let r = headerRow; r < values.length; r++) {
    const v = values[r][col];
    if (isBlank(v)) break;
    out.push(v);
  }
  return out;
}

export function readSettings(source: WorkbookSource, dates: DateCellReader): Settings {
  const sheetName = findTabName(source.sheetNames, SETTINGS.name);
  const settings: Settings = {
    sheetName,
    table: null,
    years: new Map(),
    territory: [...DEFAULT_TERRITORY],
    qpvDistricts: DEFAULT_QPV_DISTRICTS.map((d) => ({ ...d, communes: [...d.communes] })),
    confidentialityThreshold: null,
    retentionYears: DEFAULT_RETENTION_YEARS,
    defaultStart: null,
    defaultEnd: null,
    organisation: DEFAULT_ORGANISATION,
    fundersNote: null,
    blankLines: DEFAULT_BLANK_LINES,
  };
  if (!sheetName) return settings;
  const table = locateTable<SettingsColumn>(SETTINGS, sheetName, source.values(sheetName));
  settings.table = table;
  if (table.headerRow === null) {
    // A single recognised header is still honoured (e.g. only "Seuil de confidentialité").
    const first = table.values[0] ?? [];
    const lookup = headerLookup(SETTINGS);
    first.forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const key = lookup.get(normalizeKey(cell));
      if (key !== undefined && table.columns[key] === undefined) table.columns[key] = c;
    });
    if (Object.keys(table.columns).length === 0) return settings;
    table.headerRow = 1;
  }
  const h = table.headerRow;
  const v = table.values;
  const years = readColumnDown(v, h, table.columns.year);
  years.forEach((cell, i) => {
    const year = valueOf(parseInteger(cell));
    if (year === null) return;
    const at = (key: SettingsColumn): CellValue => {
      const c = table.columns[key];
      return c === undefined ? null : (v[h + i]?.[c] ?? null);
    };
    const places = valueOf(parseInteger(at('plannedPlaces')));
    settings.years.set(year, {
      year,
      plannedPlaces: places !== null && places >= 0 ? places : null,
      seasonStart: valueOf(parseDate(at('seasonStart'), dates)),
      seasonEnd: valueOf(parseDate(at('seasonEnd'), dates)),
    });
  });
  const territory = readColumnDown(v, h, table.columns.territoryCommune)
    .map(textOf)
    .filter((t) => t !== '');
  if (territory.length > 0) settings.territory = territory;
  const districtCells = readColumnDown(v, h, table.columns.qpvDistrict);
  if (districtCells.length > 0) {
    const byName = new Map<string, QpvDistrict>();
    districtCells.forEach((cell, i) => {
      const name = textOf(cell);
      const key = normalizeKey(name);
      let d = byName.get(key);
      if (!d) {
        d = { name, communes: [] };
        byName.set(key, d);
      }
      const c = table.columns.qpvCommune;
      const commune = c === undefined ? '' : textOf(v[h + i]?.[c] ?? null);
      if (commune && !d.communes.includes(commune)) d.communes.push(commune);
    });
    settings.qpvDistricts = [...byName.values()];
  }
  const tc = table.columns.confidentialityThreshold;
  if (tc !== undefined) {
    const n = valueOf(parseInteger(v[h]?.[tc] ?? null));
    settings.confidentialityThreshold = n !== null && n > 1 ? n : null;
  }
  const rc = table.columns.retentionYears;
  if (rc !== undefined) {
    const n = valueOf(parseInteger(v[h]?.[rc] ?? null));
    if (n !== null && n >= 1) settings.retentionYears = n;
  }
  readDocumentSettings(
    settings,
    (key) => {
      const c = table.columns[key];
      return c === undefined ? null : (v[h]?.[c] ?? null);
    },
    dates,
  );
  return settings;
}

/** The row-2 settings of sessions and documents (SPEC §2.1): default times, Structure, Mention des financeurs, Lignes vierges. */
function readDocumentSettings(settings: Settings, rowTwo: (key: SettingsColumn) => CellValue, dates: DateCellReader): void {
  const start = parseTimeOfDay(rowTwo('defaultStart'), dates.timeZone, dates.offsets);
  const end = parseTimeOfDay(rowTwo('defaultEnd'), dates.timeZone, dates.offsets);
  if (start.status !== 'invalid' && end.status !== 'invalid') {
    settings.defaultStart = valueOf(start);
    settings.defaultEnd = valueOf(end);
  }
  const organisation = textOf(rowTwo('organisation'));
  if (organisation !== '') settings.organisation = organisation;
  const note = textOf(rowTwo('fundersNote'));
  settings.fundersNote = note === '' ? null : note;
  const lines = valueOf(parseInteger(rowTwo('blankLines')));
  if (lines !== null && lines >= 0 && lines <= MAX_BLANK_LINES) settings.blankLines = lines;
}

function readTable<K extends string>(source: WorkbookSource, definition: TabDefinition<K>): Table<K> {
  const sheetName = findTabName(source.sheetNames, definition.name);
  return locateTable(definition, sheetName, sheetName ? source.values(sheetName) : []);
}

function parsedText(table: Table<string>, row: TableRow, key: string): string {
  return textOf(cellOf(table, row, key));
}

interface CommuneCell {
  commune: Parsed<string>;
  communeName: string | null;
  inTerritory: boolean;
}
interface DistrictCell {
  qpvDistrict: Parsed<string>;
  qpvDistrictName: string | null;
}
/** Spellings remembered per column while reading (beyond, each cell is parsed anew). */
const TEXT_CACHE_LIMIT = 5_000;

/**
 * `parse(cell)`, remembered in `results` (a column repeats a few spellings; beyond `limit`
 * entries, each new cell is parsed anew). A plain function over a Map rather than one closure
 * per column: V8 then keeps the readers' optimized code from one call of readWorkbook to the
 * next (closures made per call were embedded in it, and it was recompiled every time).
 */
function remembered<T>(results: Map<CellValue, T>, cell: CellValue, parse: (cell: CellValue) => T, limit = TEXT_CACHE_LIMIT): T {
  let result = results.get(cell);
  if (result === undefined) {
    result = parse(cell);
    if (results.size < limit) results.set(cell, result);
  }
  return result;
}

/** The cell of a row in column `c` (null when the column is absent, c < 0). */
function cellAt(row: CellValue[], c: number): CellValue {
  return c < 0 ? null : row[c];
}

const parseSex = (cell: CellValue) => parseList(cell, SEX);
const parseTrainingLevel = (cell: CellValue) => parseList(cell, TRAINING_LEVEL);
const parseSituation = (cell: CellValue) => parseList(cell, SITUATION);
const parseContractType = (cell: CellValue) => parseList(cell, CONTRACT_TYPE);

/** The ID index, starting with the participants' IDs (the first row of a repeated ID wins). */
function peopleOf(participantRecords: readonly Participant[]): People {
  const people: People = { keys: [], indexOf: new Map(), participants: [] };
  for (const p of participantRecords) {
    if (p.idKey === '' || people.indexOf.has(p.idKey)) continue;
    people.indexOf.set(p.idKey, people.keys.length);
    people.keys.push(p.idKey);
    people.participants.push(p);
  }
  return people;
}

/** One record per non-empty Participants row (its own function: readWorkbook stays small). */
function participantRecordsOf(
  participants: Table<ParticipantColumn>,
  dates: DateCellReader,
  territoryLookup: Map<string, string>,
  districtLookup: Map<string, string>,
): Participant[] {
  // Communes and districts repeat a few spellings: each is parsed and looked up once.
  const parseCommune = (cell: CellValue): CommuneCell => {
    const commune = parseText(cell);
    const name = commune.status === 'ok' ? (territoryLookup.get(normalizeKey(commune.value)) ?? null) : null;
    return { commune, communeName: name ?? (commune.status === 'ok' ? commune.value : null), inTerritory: name !== null };
  };
  const parseDistrict = (cell: CellValue): DistrictCell => {
    const qpvDistrict = parseText(cell);
    const name = qpvDistrict.status === 'ok' ? (districtLookup.get(normalizeKey(qpvDistrict.value)) ?? null) : null;
    return { qpvDistrict, qpvDistrictName: name };
  };
  // Each column's spellings, parsed once.
  const communes = new Map<CellValue, CommuneCell>();
  const districts = new Map<CellValue, DistrictCell>();
  const sexes = new Map<CellValue, Parsed<Sex>>();
  const levels = new Map<CellValue, Parsed<TrainingLevel>>();
  const situations = new Map<CellValue, Parsed<Situation>>();
  const contractTypes = new Map<CellValue, Parsed<ContractType>>();
  const yesNo = new Map<CellValue, Parsed<boolean>>();
  const postcodes = new Map<CellValue, Parsed<string>>();
  // Column positions once (-1 when absent: the cell reads as blank).
  const at = (key: ParticipantColumn): number => participants.columns[key] ?? -1;
  const cId = at('id');
  const cLast = at('lastName');
  const cFirst = at('firstName');
  const cSex = at('sex');
  const cBirth = at('birthDate');
  const cCommune = at('commune');
  const cPostcode = at('postcode');
  const cQpv = at('qpvResident');
  const cDistrict = at('qpvDistrict');
  const cLevel = at('trainingLevel');
  const cEntry = at('entryDate');
  const cSituation = at('situation');
  const cType = at('contractType');
  const cMonths = at('contractMonths');
  const cStart = at('contractStart');
  const cExit = at('exitDate');
  const cPhone = at('phone');
  const cEmail = at('email');
  const cAge = at('ageAtEntry');
  const cAnonymised = at('anonymisedOn');
  const values = participants.values;
  const rowNumbers = participants.rowNumbers;
  const records: Participant[] = new Array(rowNumbers.length);
  for (let i = 0; i < rowNumbers.length; i++) {
    const rowNumber = rowNumbers[i];
    const row = values[rowNumber - 1];
    const commune = remembered(communes, cellAt(row, cCommune), parseCommune);
    const district = remembered(districts, cellAt(row, cDistrict), parseDistrict);
    const id = cellAt(row, cId);
    records[i] = {
      row: rowNumber,
      id: textOf(id),
      idKey: idKey(id),
      lastName: textOf(cellAt(row, cLast)),
      firstName: textOf(cellAt(row, cFirst)),
      sex: remembered(sexes, cellAt(row, cSex), parseSex),
      birthDate: parseDate(cellAt(row, cBirth), dates),
      commune: commune.commune,
      communeName: commune.communeName,
      inTerritory: commune.inTerritory,
      postcode: remembered(postcodes, cellAt(row, cPostcode), parseText),
      qpvResident: remembered(yesNo, cellAt(row, cQpv), parseYesNo),
      qpvDistrict: district.qpvDistrict,
      qpvDistrictName: district.qpvDistrictName,
      trainingLevel: remembered(levels, cellAt(row, cLevel), parseTrainingLevel),
      entryDate: parseDate(cellAt(row, cEntry), dates),
      situation: remembered(situations, cellAt(row, cSituation), parseSituation),
      contractType: remembered(contractTypes, cellAt(row, cType), parseContractType),
      contractMonths: parseInteger(cellAt(row, cMonths)),
      contractStart: parseDate(cellAt(row, cStart), dates),
      exitDate: parseDate(cellAt(row, cExit), dates),
      phone: parseText(cellAt(row, cPhone)),
      email: parseText(cellAt(row, cEmail)),
      ageAtEntry: parseInteger(cellAt(row, cAge)),
      anonymisedOn: parseDate(cellAt(row, cAnonymised), dates),
    };
  }
  return records;
}

export function readWorkbook(source: WorkbookSource): WorkbookModel {
  const dates = new DateCellReader(source.timeZone, source.offsets);
  const settings = readSettings(source, dates);
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
  let attendance: Table<AttendanceColumn>;
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
  return {
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
 * are `values[row - firstRow]`.
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
function attendanceColumnsOf(attendance: Table<AttendanceColumn>, people: People, dates: DateCellReader): AttendanceColumns {
  const b = attendanceColumnsBuilder(attendance, attendance.rowNumbers, people, dates);
  addAttendanceRows(b, attendance.values, 1, 0, attendance.rowNumbers.length);
  return finishAttendanceColumns(b);
}

/**
 * `Présences` read in bands: each band's non-empty rows below the header row go straight
 * into the columns, and the band is let go. The header row is searched in the first band
 * (it holds rows 1–5); a tab without one is kept whole, as readTable would.
 */
function readAttendanceInBands(
  valueBands: NonNullable<WorkbookSource['valueBands']>,
  sheetName: string,
  people: People,
  dates: DateCellReader,
): { table: Table<AttendanceColumn>; columns: AttendanceColumns } {
  let table: Table<AttendanceColumn> | null = null;
  let builder: AttendanceColumnsBuilder | null = null;
  let kept: CellValue[][] | null = null;
  let width = 0;
  let lastRow = 0;
  valueBands(sheetName, (firstRow, rows, last) => {
    lastRow = last;
    if (table === null) {
      // The first band: its header row, width and non-empty rows come from locateTable.
      const first = locateTable(ATTENDANCE, sheetName, rows);
      width = first.width;
      table = first;
      if (first.headerRow === null) {
        kept = rows.slice();
        return;
      }
      builder = attendanceColumnsBuilder(first, new Int32Array(Math.max(0, last - first.headerRow)), people, dates);
      builder.columns.row.set(first.rowNumbers);
      addAttendanceRows(builder, rows, firstRow, 0, first.rowNumbers.length);
      table = { ...first, values: rows.slice(0, first.headerRow), allValues: false };
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
    const to = nonEmptyRows(rows, firstRow, table.headerRow!, b.columns.row, from);
    addAttendanceRows(b, rows, firstRow, from, to);
  });
  if (table === null || kept !== null) {
    // Empty tab, or no header row: the same Table as one whole read.
    const whole = locateTable(ATTENDANCE, sheetName, kept ?? []);
    return { table: whole, columns: attendanceColumnsOf(whole, people, dates) };
  }
  const columns = finishAttendanceColumns(builder!);
  const banded: Table<AttendanceColumn> = table;
  return { table: { ...banded, width, lastRow, rowNumbers: columns.row }, columns };
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

/** Situation with blank read as "En recherche"; invalid stays invalid. */
export function situationOf(p: Participant): Parsed<Situation> {
  return p.situation.status === 'blank' ? ok('En recherche' as Situation) : p.situation;
}
