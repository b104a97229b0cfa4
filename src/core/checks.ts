/**
 * The checks of SPEC §3 over the workbook model. Pure and linear: every cross-row check
 * (duplicates, look-ups) goes through a Map, so 10 000 participants and 200 000 attendance
 * rows cost one pass each.
 */
import { MAX_RETURNED_ISSUES, type CheckReport, type Issue, type Severity, type ValidationResult } from '../shared/api';
import { POSTCODES_BY_COMMUNE } from './data/postcodes';
import { Day, ageOn, frenchDate, longFrenchDate, weekdayOf, yearOfDay } from './days';
import { CONTRACT_TYPE, SEX, SITUATION, TRAINING_LEVEL, YES_NO_LABELS } from './lists';
import { ATTENDANCE, PARTICIPANTS, ParticipantColumn, SESSIONS, headerLookup, headerOf, MAX_CONTRACT_MONTHS } from './schema';
import { sessionTimeProblems } from './session-time-checks';
import { normalizeKey } from './text';
import { CellValue, Parsed, isBlank, textOf } from './values';
import {
  AttendanceColumns,
  CELL_BLANK,
  CELL_INVALID,
  CELL_OK,
  Participant,
  STATUS_INVALID,
  Table,
  TableLayout,
  WorkbookModel,
  isAnonymised,
  situationOf,
} from './workbook';
import { CHECK_MESSAGES } from '../i18n/fr/checks';
import { localeIssue } from './locale';
import { daysByYear, usualWeekdayOf } from './weekdays';

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

export const AGE_IMPLAUSIBLE_BELOW = 14;
export const AGE_IMPLAUSIBLE_ABOVE = 35;
export const AGE_RANGE_MIN = 16;
export const AGE_RANGE_MAX = 25;
/** The longest contract accepted (months): the schema's MAX_CONTRACT_MONTHS. */
export const CONTRACT_MONTHS_MAX = MAX_CONTRACT_MONTHS;

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
class IssueList {
  private readonly items: Pending[] = [];
  private readonly headers: string[][] = [[], [], []];

  constructor(private readonly tables: readonly TableLayout<string>[]) {}

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
    if (col < 0) return column;
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

const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
const FIVE_DIGITS = /^\d{5}$/;

/** A French phone number: 10 digits from 0, or +33 and 9 digits (spaces, dots, dashes allowed). */
export function isFrenchPhone(cell: CellValue): boolean {
  if (typeof cell === 'number') {
    // A number cell lost its leading 0 (0612345678 typed into a spreadsheet → 612345678).
    // 33612345678: +33 typed into an ordinary cell (the + is lost).
    return (
      Number.isInteger(cell) &&
      ((cell >= 100_000_000 && cell <= 999_999_999) || (cell >= 33_100_000_000 && cell <= 33_999_999_999))
    );
  }
  return isFrenchPhoneText(textOf(cell));
}

/** Characters matched by `\s` in a JavaScript regular expression. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `0` and 9 digits, or `+33` and 9 digits, once spaces, dots and dashes are left out: the
 * same as /^(?:0\d{9}|\+33\d{9})$/ on the text without /[\s.-]/g, in one scan without copy.
 */
export function isFrenchPhoneText(text: string): boolean {
  let length = 0;
  let international = false;
  let first = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 45 || isSpaceCode(c)) continue;
    if (length === 0 && c === 43) international = true;
    else if (c < 48 || c > 57) return false;
    else if (international && length <= 2 && c !== 51) return false;
    if (length === 0) first = c;
    if (++length > 12) return false;
  }
  return international ? length === 12 : length === 10 && first === 48;
}

export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

const postcodeCache = new Map<string, readonly string[] | null>();
/** Known postal codes of a commune (any spelling), or null when unknown. */
export function postcodesOf(commune: string): readonly string[] | null {
  let codes = postcodeCache.get(commune);
  if (codes === undefined) {
    const key = normalizeKey(commune);
    // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022, beyond the tsconfig's lib (ES2021).
    const raw = Object.prototype.hasOwnProperty.call(POSTCODES_BY_COMMUNE, key) ? POSTCODES_BY_COMMUNE[key] : undefined;
    codes = raw ? raw.split(' ') : null;
    if (postcodeCache.size > 10_000) postcodeCache.clear();
    postcodeCache.set(commune, codes);
  }
  return codes;
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
function reportMissingColumns<K extends string>(
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
function othersOf(rows: readonly number[], self: number): number[] {
  const out: number[] = [];
  for (const r of rows) {
    if (r !== self) out.push(r);
    if (out.length === 5) break;
  }
  return out;
}

function pushGroup<K>(groups: Map<K, number[]>, key: K, row: number): void {
  const g = groups.get(key);
  if (g) g.push(row);
  else groups.set(key, [row]);
}

function invalidText<participantsTable>(p: Parsed<participantsTable>): string {
  return p.status === 'invalid' ? p.text : '';
}

// ---------------------------------------------------------------------------------------

const TAB_PARTICIPANTS = 0;
const TAB_SESSIONS = 1;
const TAB_ATTENDANCE = 2;

const OUTCOMES_NEEDING_EXIT = new Set(['Formation', 'Emploi', 'Abandon', 'Autre']);

/**
 * What the checks of one Participants row need. One instance, created once for the module,
 * is moved from row to row: no object or closure per row, and a shape that outlives each
 * run, so that V8 keeps the check functions optimized from one call to the next (a context
 * created per call made it recompile them every time).
 */
class RowContext {
  p: Participant | null = null;
  cells: CellValue[] = [];
  /** Readable `Anonymisé le`: the personal fields are empty by design (SPEC §3, §11). */
  anonymised = false;
  birth: Day | null = null;
  entry: Day | null = null;
  /** Column of each recognised header (a Map: the same shape whatever the header order). */
  private columns: ReadonlyMap<ParticipantColumn, number> = new Map();
  /** Each column's header as written (canonical when absent), read once per pass. */
  private headers: ReadonlyMap<ParticipantColumn, string> = new Map();
  private out: IssueList | null = null;

  /** Starts a pass over a Participants table; `finish` lets go of its rows and issues. */
  start(table: Table<ParticipantColumn>, out: IssueList): this {
    this.columns = new Map(Object.entries(table.columns) as [ParticipantColumn, number][]);
    this.headers = new Map(PARTICIPANTS.columns.map((c) => [c.key, headerAsWritten(table, c.key)]));
    this.out = out;
    return this;
  }

  finish(): void {
    this.p = null;
    this.cells = [];
    this.columns = new Map();
    this.headers = new Map();
    this.out = null;
  }

  moveTo(p: Participant, cells: CellValue[]): this {
    this.p = p;
    this.cells = cells;
    this.anonymised = isAnonymised(p);
    this.birth = p.birthDate.status === 'ok' ? p.birthDate.value : null;
    this.entry = p.entryDate.status === 'ok' ? p.entryDate.value : null;
    return this;
  }

  /** The current row's participant (set by moveTo). */
  get participant(): Participant {
    return this.p!;
  }

  has(key: ParticipantColumn): boolean {
    return this.columns.has(key);
  }

  /** The column's header as written in the user's sheet (for messages). */
  header(key: ParticipantColumn): string {
    return this.headers.get(key)!;
  }

  add(key: ParticipantColumn | null, code: CheckCode, message: string): void {
    const col = key === null ? -1 : this.columns.get(key)!;
    this.out!.add(TAB_PARTICIPANTS, this.p!.row, key === null ? null : headerOf(PARTICIPANTS, key), col, code, message);
  }
}

const ROW = new RowContext();

function checkIdentity(r: RowContext): void {
  const p = r.participant;
  if (r.has('id') && p.id === '') r.add('id', 'ID_MISSING', CHECK_MESSAGES.idMissing(r.header('id')));
  if (r.anonymised) return;
  if (r.has('lastName') && p.lastName === '')
    r.add('lastName', 'NAME_MISSING', CHECK_MESSAGES.lastNameMissing(r.header('lastName')));
  if (r.has('firstName') && p.firstName === '')
    r.add('firstName', 'NAME_MISSING', CHECK_MESSAGES.firstNameMissing(r.header('firstName')));
}

const DATE_COLUMNS: readonly ParticipantColumn[] = ['birthDate', 'entryDate', 'contractStart', 'exitDate'];

function checkDatesAndAge(r: RowContext, today: Day): void {
  const p = r.participant;
  const { birth, entry } = r;
  for (const key of DATE_COLUMNS) {
    if (key === 'birthDate' && r.anonymised) continue;
    const parsed = p[key as 'birthDate'] as Parsed<Day>;
    if (r.has(key) && parsed.status === 'invalid') r.add(key, 'DATE_INVALID', CHECK_MESSAGES.dateInvalid(parsed.text));
  }
  if (!r.anonymised && r.has('birthDate') && p.birthDate.status === 'blank')
    r.add('birthDate', 'BIRTH_DATE_MISSING', CHECK_MESSAGES.birthDateMissing(r.header('birthDate')));
  if (r.has('entryDate') && p.entryDate.status === 'blank')
    r.add('entryDate', 'ENTRY_DATE_MISSING', CHECK_MESSAGES.entryDateMissing(r.header('entryDate')));
  if (birth !== null && birth > today) r.add('birthDate', 'DATE_IN_FUTURE', CHECK_MESSAGES.birthDateInFuture(frenchDate(birth)));
  if (entry !== null && entry > today) r.add('entryDate', 'DATE_IN_FUTURE', CHECK_MESSAGES.entryDateInFuture(frenchDate(entry)));
  if (birth !== null && entry !== null && !r.anonymised) {
    const age = ageOn(birth, entry);
    if (age < AGE_IMPLAUSIBLE_BELOW || age > AGE_IMPLAUSIBLE_ABOVE) {
      r.add('birthDate', 'AGE_IMPLAUSIBLE', CHECK_MESSAGES.ageImplausible(age, frenchDate(birth), frenchDate(entry)));
    } else if (age < AGE_RANGE_MIN || age > AGE_RANGE_MAX) {
      r.add('birthDate', 'AGE_OUT_OF_RANGE', CHECK_MESSAGES.ageOutOfRange(age));
    }
  }
}

function checkLists(r: RowContext): void {
  const p = r.participant;
  if (p.sex.status === 'invalid')
    r.add('sex', 'VALUE_NOT_ALLOWED', CHECK_MESSAGES.valueNotAllowed(p.sex.text, r.header('sex'), SEX.labels));
  if (p.qpvResident.status === 'invalid') {
    r.add(
      'qpvResident',
      'VALUE_NOT_ALLOWED',
      CHECK_MESSAGES.valueNotAllowed(p.qpvResident.text, r.header('qpvResident'), YES_NO_LABELS),
    );
  }
  if (p.trainingLevel.status === 'invalid') {
    r.add(
      'trainingLevel',
      'VALUE_NOT_ALLOWED',
      CHECK_MESSAGES.valueNotAllowed(p.trainingLevel.text, r.header('trainingLevel'), TRAINING_LEVEL.labels),
    );
  }
  if (p.situation.status === 'invalid') {
    r.add(
      'situation',
      'VALUE_NOT_ALLOWED',
      CHECK_MESSAGES.valueNotAllowed(p.situation.text, r.header('situation'), SITUATION.labels),
    );
  }
  if (p.contractType.status === 'invalid') {
    r.add(
      'contractType',
      'VALUE_NOT_ALLOWED',
      CHECK_MESSAGES.valueNotAllowed(p.contractType.text, r.header('contractType'), CONTRACT_TYPE.labels),
    );
  }
}

function checkResidence(r: RowContext, territory: readonly string[]): void {
  const p = r.participant;
  if (r.has('commune')) {
    if (p.commune.status === 'blank') r.add('commune', 'COMMUNE_MISSING', CHECK_MESSAGES.communeMissing(r.header('commune')));
    else if (p.commune.status === 'ok' && !p.inTerritory) {
      r.add('commune', 'COMMUNE_OUTSIDE_TERRITORY', CHECK_MESSAGES.communeOutsideTerritory(p.commune.value, territory));
    }
  }
  if (p.postcode.status === 'ok') {
    const code = p.postcode.value;
    if (!FIVE_DIGITS.test(code)) r.add('postcode', 'POSTCODE_INVALID', CHECK_MESSAGES.postcodeInvalid(code));
    else if (p.commune.status === 'ok') {
      const known = postcodesOf(p.commune.value);
      if (known && !known.includes(code)) {
        r.add(
          'postcode',
          'POSTCODE_MISMATCH',
          CHECK_MESSAGES.postcodeMismatch(code, p.communeName ?? p.commune.value, known.join(', ')),
        );
      }
    }
  }
  if (p.qpvResident.status === 'ok') {
    if (p.qpvResident.value && p.qpvDistrict.status === 'blank')
      r.add(
        'qpvDistrict',
        'QPV_DISTRICT_MISSING',
        CHECK_MESSAGES.qpvDistrictMissing(r.header('qpvResident'), r.header('qpvDistrict')),
      );
  }
  if (p.qpvDistrict.status === 'ok') {
    if (p.qpvDistrictName === null)
      r.add('qpvDistrict', 'QPV_DISTRICT_UNKNOWN', CHECK_MESSAGES.qpvDistrictUnknown(p.qpvDistrict.value));
    if (p.qpvResident.status === 'ok' && !p.qpvResident.value) {
      r.add('qpvDistrict', 'QPV_INCONSISTENT', CHECK_MESSAGES.qpvInconsistent(p.qpvDistrict.value, r.header('qpvResident')));
    }
  }
}

function checkContractAndOutcome(r: RowContext): void {
  const p = r.participant;
  const { birth, entry } = r;
  const situation = situationOf(p);
  const signed = situation.status === 'ok' && situation.value === 'Alternance signée';
  if (signed && p.contractType.status === 'blank')
    r.add('contractType', 'CONTRACT_TYPE_MISSING', CHECK_MESSAGES.contractTypeMissing(r.header('contractType')));
  if (signed && p.contractStart.status === 'blank')
    r.add('contractStart', 'CONTRACT_START_MISSING', CHECK_MESSAGES.contractStartMissing(r.header('contractStart')));
  if (p.contractMonths.status === 'invalid') {
    r.add('contractMonths', 'CONTRACT_DURATION_INVALID', CHECK_MESSAGES.contractDurationInvalid(p.contractMonths.text));
  } else if (p.contractMonths.status === 'ok' && (p.contractMonths.value < 1 || p.contractMonths.value > CONTRACT_MONTHS_MAX)) {
    r.add('contractMonths', 'CONTRACT_DURATION_INVALID', CHECK_MESSAGES.contractDurationInvalid(String(p.contractMonths.value)));
  }
  if (!r.anonymised && p.contractType.status === 'ok' && birth !== null && p.contractStart.status === 'ok') {
    const age = ageOn(birth, p.contractStart.value);
    if (p.contractType.value === 'Apprentissage' && (age < 15 || age > 29)) {
      r.add('contractStart', 'CONTRACT_AGE_RULE', CHECK_MESSAGES.contractAgeApprenticeship(age));
    } else if (p.contractType.value === 'Professionnalisation' && age > 25) {
      r.add('contractStart', 'CONTRACT_AGE_RULE', CHECK_MESSAGES.contractAgeProfessionalisation(age));
    }
  }
  if (p.contractType.status !== 'blank' && situation.status === 'ok' && !signed) {
    const type = p.contractType.status === 'ok' ? p.contractType.value : invalidText(p.contractType);
    r.add(
      'contractType',
      'CONTRACT_FIELDS_WITHOUT_CONTRACT',
      CHECK_MESSAGES.contractFieldsWithoutContract(type, situation.value, r.header('contractType'), r.header('situation')),
    );
  }
  const exit = p.exitDate.status === 'ok' ? p.exitDate.value : null;
  if (exit !== null && entry !== null && exit < entry) {
    r.add('exitDate', 'EXIT_BEFORE_ENTRY', CHECK_MESSAGES.exitBeforeEntry(frenchDate(exit), frenchDate(entry)));
  }
  if (situation.status === 'ok' && OUTCOMES_NEEDING_EXIT.has(situation.value) && p.exitDate.status === 'blank') {
    r.add('exitDate', 'OUTCOME_DATE_MISSING', CHECK_MESSAGES.outcomeDateMissing(situation.value, r.header('exitDate')));
  }
}

function checkContacts(r: RowContext, phoneCol: number | undefined): void {
  if (r.anonymised) return;
  const p = r.participant;
  if (p.phone.status === 'ok') {
    const raw = phoneCol === undefined ? null : r.cells[phoneCol];
    if (!isFrenchPhone(raw)) r.add('phone', 'PHONE_INVALID', CHECK_MESSAGES.phoneInvalid(p.phone.value));
  }
  if (p.email.status === 'ok' && !isEmail(p.email.value))
    r.add('email', 'EMAIL_INVALID', CHECK_MESSAGES.emailInvalid(p.email.value));
}

/** Rows sharing an ID (case and surrounding spaces ignored), each group in row order. */
function duplicateIds(model: WorkbookModel): Participant[][] {
  const { indexOf } = model.people;
  const counts = new Int32Array(indexOf.size);
  for (const p of model.participantRecords) if (p.idKey !== '') counts[indexOf.get(p.idKey)!]++;
  const groups = new Map<number, Participant[]>();
  for (const p of model.participantRecords) {
    if (p.idKey === '') continue;
    const k = indexOf.get(p.idKey)!;
    if (counts[k] < 2) continue;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.values()];
}

/** Names numbered by their normalised form, each spelling normalised once. */
interface NameNumbers {
  byKey: Map<string, number>;
  bySpelling: Map<string, number>;
}

/** The number of a name's normalised form; -1 for a name made only of punctuation (no grouping on it). */
function numberOfName(names: NameNumbers, name: string): number {
  let n = names.bySpelling.get(name);
  if (n === undefined) {
    const key = normalizeKey(name);
    n = key === '' ? -1 : names.byKey.get(key);
    if (n === undefined) names.byKey.set(key, (n = names.byKey.size));
    names.bySpelling.set(name, n);
  }
  return n;
}

/**
 * Same person under several IDs: rows grouped by normalised Nom + Prénom + Date de naissance
 * (each spelling normalised once, names numbered, the three numbers made into one exact
 * number), keeping the groups whose rows carry at least two IDs. Groups list rows in order.
 */
function possibleDuplicatePersons(model: WorkbookModel): Participant[][] {
  const records = model.participantRecords;
  const names: NameNumbers = { byKey: new Map(), bySpelling: new Map() };
  // Names (at most two per row) and birth days numbered densely: the key
  // (pair of names, day) is one exact number while rows stay below 47 million.
  const n = records.length;
  const pairs = new Map<number, number>();
  const dayNumbers = new Map<number, number>();
  const firstOf = new Map<number, number>();
  const groups = new Map<number, Participant[]>();
  records.forEach((p, i) => {
    if (isAnonymised(p) || p.birthDate.status !== 'ok' || p.lastName === '' || p.firstName === '') return;
    const last = numberOfName(names, p.lastName);
    const first = numberOfName(names, p.firstName);
    if (last < 0 || first < 0) return;
    const pairKey = last * (2 * n + 1) + first;
    let pair = pairs.get(pairKey);
    if (pair === undefined) pairs.set(pairKey, (pair = pairs.size));
    let day = dayNumbers.get(p.birthDate.value);
    if (day === undefined) dayNumbers.set(p.birthDate.value, (day = dayNumbers.size));
    const key = pair * n + day;
    const seen = firstOf.get(key);
    if (seen === undefined) {
      firstOf.set(key, i);
      return;
    }
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [records[seen], p]);
  });
  // One ID on every row of a group: that is ID_DUPLICATE, not another person.
  return [...groups.values()].filter((group) => new Set(group.map((p) => p.idKey)).size >= 2);
}

function reportParticipantGroups(model: WorkbookModel, out: IssueList): void {
  const idCol = model.participants.columns.id ?? -1;
  const idHeader = headerOf(PARTICIPANTS, 'id');
  if (idCol >= 0) {
    for (const group of duplicateIds(model)) {
      const rows = group.map((p) => p.row);
      for (const p of group) {
        const message = CHECK_MESSAGES.idDuplicate(p.id, othersOf(rows, p.row), rows.length - 1);
        out.add(TAB_PARTICIPANTS, p.row, idHeader, idCol, 'ID_DUPLICATE', message);
      }
    }
  }
  for (const group of possibleDuplicatePersons(model)) {
    const rows = group.map((p) => p.row);
    for (const row of rows) {
      const message = CHECK_MESSAGES.possibleDuplicatePerson(othersOf(rows, row), rows.length - 1);
      out.add(TAB_PARTICIPANTS, row, null, -1, 'POSSIBLE_DUPLICATE_PERSON', message);
    }
  }
}

function checkParticipants(model: WorkbookModel, today: Day, out: IssueList): void {
  const participantsTable = model.participants;
  reportMissingColumns(participantsTable, TAB_PARTICIPANTS, out, true);
  if (participantsTable.headerRow === null) return;
  const cols = participantsTable.columns;
  const territory = model.settings.territory;
  const r = ROW.start(participantsTable, out);
  const values = participantsTable.values;
  const rowNumbers = participantsTable.rowNumbers;
  try {
    model.participantRecords.forEach((p, i) => {
      r.moveTo(p, values[rowNumbers[i] - 1]);
      checkIdentity(r);
      checkDatesAndAge(r, today);
      checkLists(r);
      checkResidence(r, territory);
      checkContractAndOutcome(r);
      checkContacts(r, cols.phone);
    });
  } finally {
    r.finish();
  }
  reportParticipantGroups(model, out);
}

function checkSessions(model: WorkbookModel, out: IssueList): void {
  const table = model.sessions;
  reportMissingColumns(table, TAB_SESSIONS, out, false);
  for (const p of sessionTimeProblems(table, model.sessionRecords)) {
    out.add(TAB_SESSIONS, p.row, headerOf(SESSIONS, p.column), table.columns[p.column]!, 'SESSION_TIME_INVALID', p.message);
  }
  if (table.headerRow === null || table.columns.date === undefined) return;
  const dateHeader = headerOf(SESSIONS, 'date');
  const col = table.columns.date;
  const add = (row: number, code: CheckCode, message: string): void => out.add(TAB_SESSIONS, row, dateHeader, col, code, message);
  const byDay = new Map<string, number[]>();
  for (const s of model.sessionRecords) {
    if (s.date.status === 'blank') {
      add(s.row, 'SESSION_DATE_INVALID', CHECK_MESSAGES.sessionDateMissing(headerAsWritten(table, 'date')));
      continue;
    }
    if (s.date.status === 'invalid') {
      add(s.row, 'SESSION_DATE_INVALID', CHECK_MESSAGES.sessionDateInvalid(s.date.text));
      continue;
    }
    const day = s.date.value;
    pushGroup(byDay, String(day), s.row);
    const year = yearOfDay(day);
    const season = model.settings.years.get(year);
    if (
      season &&
      ((season.seasonStart !== null && day < season.seasonStart) || (season.seasonEnd !== null && day > season.seasonEnd))
    ) {
      add(
        s.row,
        'SESSION_OUTSIDE_SEASON',
        CHECK_MESSAGES.sessionOutsideSeason(
          frenchDate(day),
          year,
          season.seasonStart === null ? null : frenchDate(season.seasonStart),
          season.seasonEnd === null ? null : frenchDate(season.seasonEnd),
        ),
      );
    }
  }
  for (const [day, rows] of byDay) {
    if (rows.length < 2) continue;
    for (const row of rows)
      add(
        row,
        'SESSION_DUPLICATE',
        CHECK_MESSAGES.sessionDuplicate(frenchDate(Number(day)), othersOf(rows, row), rows.length - 1),
      );
  }
  checkSessionWeekdays(model, add);
}

/** SESSION_UNUSUAL_WEEKDAY: a session away from its year's usual weekday (./weekdays). */
function checkSessionWeekdays(model: WorkbookModel, add: (row: number, code: CheckCode, message: string) => void): void {
  const usual = new Map<number, number | null>();
  for (const [year, days] of daysByYear(sessionDaysOf(model))) usual.set(year, usualWeekdayOf(days));
  for (const s of model.sessionRecords) {
    if (s.date.status !== 'ok') continue;
    const day = s.date.value;
    const year = yearOfDay(day);
    const w = usual.get(year) ?? null;
    if (w !== null && weekdayOf(day) !== w)
      add(s.row, 'SESSION_UNUSUAL_WEEKDAY', CHECK_MESSAGES.sessionUnusualWeekday(longFrenchDate(day), year, w, weekdayOf(day)));
  }
}

function sessionDaysOf(model: WorkbookModel): Day[] {
  const out: Day[] = [];
  for (const s of model.sessionRecords) if (s.date.status === 'ok') out.push(s.date.value);
  return out;
}

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

function checkAttendance(model: WorkbookModel, today: Day, out: IssueList): void {
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

/** Runs every check of SPEC §3. `today` is the spreadsheet's current day. Every issue, tab then row. */
export function checkWorkbook(model: WorkbookModel, today: Day): CheckReport {
  const out = new IssueList([model.participants, model.sessions, model.attendance] as TableLayout<string>[]);
  checkParticipants(model, today, out);
  checkSessions(model, out);
  checkAttendance(model, today, out);
  const rowsChecked =
    (model.participants.headerRow === null ? 0 : model.participants.rowNumbers.length) +
    (model.sessions.headerRow === null ? 0 : model.sessions.rowNumbers.length) +
    (model.attendance.headerRow === null ? 0 : model.attendance.rowNumbers.length);
  const issues = out.sorted();
  // The spreadsheet's locale (Sheets only) comes first: it explains dates read wrong below.
  const locale = localeIssue(model.locale);
  return { rowsChecked, issues: locale ? [locale, ...issues] : issues };
}

/**
 * The result sent to the sidebar (SPEC §5): at most `max` issues, errors first, then tab and
 * row (the report's order is kept within each severity), with the counts of all issues.
 */
export function capIssues(report: CheckReport, max: number = MAX_RETURNED_ISSUES): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const i of report.issues) (i.severity === 'error' ? errors : warnings).push(i);
  let ordered = errors.length === 0 || warnings.length === 0 ? report.issues : errors.concat(warnings);
  // Issues of the whole workbook (sheet "", the locale) stay first.
  if (ordered.length > 0 && ordered[0].sheet !== '' && report.issues[0]?.sheet === '')
    ordered = [...ordered.filter((i) => i.sheet === ''), ...ordered.filter((i) => i.sheet !== '')];
  return {
    rowsChecked: report.rowsChecked,
    issues: ordered.length > max ? ordered.slice(0, max) : ordered,
    counts: { errors: errors.length, warnings: warnings.length },
    truncated: ordered.length > max,
  };
}

/** Counts of a result, for summaries. */
export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}
