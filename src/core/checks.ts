/**
 * The checks of SPEC §3 over the workbook model. Pure and linear: every cross-row check
 * (duplicates, look-ups) goes through a Map, so 10 000 participants and 200 000 attendance
 * rows cost one pass each.
 */
import { MAX_RETURNED_ISSUES, type CheckReport, type Issue, type Severity, type ValidationResult } from '../shared/api';
import { POSTCODES_BY_COMMUNE } from './data/postcodes';
import { Day, ageOn, frenchDate, yearOfDay } from './days';
import { CONTRACT_TYPE, SEX, SITUATION, TRAINING_LEVEL, YES_NO_LABELS } from './lists';
import { ATTENDANCE, PARTICIPANTS, ParticipantColumn, SESSIONS, headerLookup, headerOf, MAX_CONTRACT_MONTHS } from './schema';
import { normalizeKey } from './text';
import { PairTable } from './pair-table';
import { CellValue, Parsed, isBlank, textOf } from './values';
import { Participant, Table, WorkbookModel, isAnonymised, situationOf } from './workbook';
import { CHECK_MESSAGES } from '../i18n/fr/checks';

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
  ATTENDANCE_UNKNOWN_PARTICIPANT: 'error',
  ATTENDANCE_UNKNOWN_SESSION: 'error',
  ATTENDANCE_DUPLICATE: 'error',
  ATTENDANCE_STATUS_INVALID: 'error',
  ATTENDANCE_BEFORE_ENTRY: 'warning',
  ATTENDANCE_AFTER_EXIT: 'warning',
  ATTENDANCE_IN_FUTURE: 'error',
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

/** Collects issues and sorts them by tab order, row, column position, then emission order. */
class IssueList {
  private readonly items: Pending[] = [];

  add(tab: number, row: number, column: string | null, col: number, code: CheckCode, message: string): void {
    this.items.push({
      tab,
      col,
      seq: this.items.length,
      issue: { sheet: CHECKED_TABS[tab], row, column, severity: CHECK_SEVERITY[code], code, message },
    });
  }

  sorted(): Issue[] {
    this.items.sort((a, b) => a.tab - b.tab || a.issue.row - b.issue.row || a.col - b.col || a.seq - b.seq);
    return this.items.map((p) => p.issue);
  }
}

const PHONE_SEPARATORS = /[\s.-]/g;
const FRENCH_PHONE = /^(?:0\d{9}|\+33\d{9})$/;
const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
const FIVE_DIGITS = /^\d{5}$/;

/** A French phone number: 10 digits from 0, or +33 and 9 digits (spaces, dots, dashes allowed). */
export function isFrenchPhone(cell: CellValue): boolean {
  if (typeof cell === 'number') {
    // A number cell lost its leading 0 (0612345678 typed into a spreadsheet → 612345678).
    return Number.isInteger(cell) && cell >= 100_000_000 && cell <= 999_999_999;
  }
  return FRENCH_PHONE.test(textOf(cell).replace(PHONE_SEPARATORS, ''));
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
function missingRequired<K extends string>(table: Table<K>): K[] {
  if (table.headerRow !== null) return table.missing;
  const lookup = headerLookup(table.definition);
  let best = new Set<K>();
  for (let r = 0; r < Math.min(5, table.values.length); r++) {
    const found = new Set<K>();
    for (const cell of table.values[r]) {
      if (typeof cell !== 'string') continue;
      const key = lookup.get(normalizeKey(cell));
      if (key !== undefined) found.add(key);
    }
    if (found.size > best.size) best = found;
  }
  return table.definition.columns.filter((c) => c.required && !best.has(c.key)).map((c) => c.key);
}

/** MISSING_COLUMN issues of a tab (absent tab: only for Participants; headerless tab: only when not empty). */
function reportMissingColumns<K extends string>(table: Table<K>, tab: number, out: IssueList, reportAbsentTab: boolean): void {
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
    if (!reportAbsentTab && !hasAnyValue(table.values)) return;
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

function pushGroup(groups: Map<string, number[]>, key: string, row: number): void {
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

/** What the checks of one Participants row need. */
interface RowContext {
  p: Participant;
  cells: CellValue[];
  /** Readable `Anonymisé le`: the personal fields are empty by design (SPEC §3, §11). */
  anonymised: boolean;
  birth: Day | null;
  entry: Day | null;
  has(key: ParticipantColumn): boolean;
  header(key: ParticipantColumn): string;
  add(key: ParticipantColumn | null, code: CheckCode, message: string): void;
}

/** Cross-row groups of the Participants checks. */
interface ParticipantGroups {
  ids: Map<string, number[]>;
  persons: Map<string, number[]>;
  idOfRow: Map<number, string>;
}

function checkIdentity(r: RowContext, groups: ParticipantGroups): void {
  const { p } = r;
  if (r.has('id')) {
    if (p.id === '') r.add('id', 'ID_MISSING', CHECK_MESSAGES.idMissing());
    else pushGroup(groups.ids, p.idKey, p.row);
  }
  if (r.anonymised) return;
  if (r.has('lastName') && p.lastName === '') r.add('lastName', 'NAME_MISSING', CHECK_MESSAGES.lastNameMissing());
  if (r.has('firstName') && p.firstName === '') r.add('firstName', 'NAME_MISSING', CHECK_MESSAGES.firstNameMissing());
}

const DATE_COLUMNS: readonly ParticipantColumn[] = ['birthDate', 'entryDate', 'contractStart', 'exitDate'];

function checkDatesAndAge(r: RowContext, today: Day): void {
  const { p, birth, entry } = r;
  for (const key of DATE_COLUMNS) {
    if (key === 'birthDate' && r.anonymised) continue;
    const parsed = p[key as 'birthDate'] as Parsed<Day>;
    if (r.has(key) && parsed.status === 'invalid') r.add(key, 'DATE_INVALID', CHECK_MESSAGES.dateInvalid(parsed.text));
  }
  if (!r.anonymised && r.has('birthDate') && p.birthDate.status === 'blank')
    r.add('birthDate', 'BIRTH_DATE_MISSING', CHECK_MESSAGES.birthDateMissing());
  if (r.has('entryDate') && p.entryDate.status === 'blank')
    r.add('entryDate', 'ENTRY_DATE_MISSING', CHECK_MESSAGES.entryDateMissing());
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
  const { p } = r;
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
  const { p } = r;
  if (r.has('commune')) {
    if (p.commune.status === 'blank') r.add('commune', 'COMMUNE_MISSING', CHECK_MESSAGES.communeMissing());
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
      r.add('qpvDistrict', 'QPV_DISTRICT_MISSING', CHECK_MESSAGES.qpvDistrictMissing());
  }
  if (p.qpvDistrict.status === 'ok') {
    if (p.qpvDistrictName === null)
      r.add('qpvDistrict', 'QPV_DISTRICT_UNKNOWN', CHECK_MESSAGES.qpvDistrictUnknown(p.qpvDistrict.value));
    if (p.qpvResident.status === 'ok' && !p.qpvResident.value) {
      r.add('qpvDistrict', 'QPV_INCONSISTENT', CHECK_MESSAGES.qpvInconsistent(p.qpvDistrict.value));
    }
  }
}

function checkContractAndOutcome(r: RowContext): void {
  const { p, birth, entry } = r;
  const situation = situationOf(p);
  const signed = situation.status === 'ok' && situation.value === 'Alternance signée';
  if (signed && p.contractType.status === 'blank')
    r.add('contractType', 'CONTRACT_TYPE_MISSING', CHECK_MESSAGES.contractTypeMissing());
  if (signed && p.contractStart.status === 'blank')
    r.add('contractStart', 'CONTRACT_START_MISSING', CHECK_MESSAGES.contractStartMissing());
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
      CHECK_MESSAGES.contractFieldsWithoutContract(type, situation.value),
    );
  }
  const exit = p.exitDate.status === 'ok' ? p.exitDate.value : null;
  if (exit !== null && entry !== null && exit < entry) {
    r.add('exitDate', 'EXIT_BEFORE_ENTRY', CHECK_MESSAGES.exitBeforeEntry(frenchDate(exit), frenchDate(entry)));
  }
  if (situation.status === 'ok' && OUTCOMES_NEEDING_EXIT.has(situation.value) && p.exitDate.status === 'blank') {
    r.add('exitDate', 'OUTCOME_DATE_MISSING', CHECK_MESSAGES.outcomeDateMissing(situation.value));
  }
}

function checkContacts(r: RowContext, phoneCol: number | undefined): void {
  if (r.anonymised) return;
  const { p } = r;
  if (p.phone.status === 'ok') {
    const raw = phoneCol === undefined ? null : r.cells[phoneCol];
    if (!isFrenchPhone(raw)) r.add('phone', 'PHONE_INVALID', CHECK_MESSAGES.phoneInvalid(p.phone.value));
  }
  if (p.email.status === 'ok' && !isEmail(p.email.value))
    r.add('email', 'EMAIL_INVALID', CHECK_MESSAGES.emailInvalid(p.email.value));
}

/** Same person under several IDs: grouped by normalised Nom + Prénom + Date de naissance. */
function groupPerson(r: RowContext, groups: ParticipantGroups): void {
  const { p, birth } = r;
  if (r.anonymised || birth === null || p.lastName === '' || p.firstName === '') return;
  const key = `${normalizeKey(p.lastName)}|${normalizeKey(p.firstName)}|${birth}`;
  if (key.startsWith('|') || key.includes('||')) return; // names made only of punctuation
  pushGroup(groups.persons, key, p.row);
  groups.idOfRow.set(p.row, p.idKey);
}

function reportParticipantGroups(model: WorkbookModel, groups: ParticipantGroups, out: IssueList): void {
  const idCol = model.participants.columns.id ?? -1;
  const idHeader = headerOf(PARTICIPANTS, 'id');
  const byRow = new Map<number, Participant>();
  for (const p of model.participantRecords) byRow.set(p.row, p);
  for (const rows of groups.ids.values()) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const message = CHECK_MESSAGES.idDuplicate(byRow.get(row)!.id, othersOf(rows, row), rows.length - 1);
      out.add(TAB_PARTICIPANTS, row, idHeader, idCol, 'ID_DUPLICATE', message);
    }
  }
  for (const rows of groups.persons.values()) {
    if (rows.length < 2) continue;
    const ids = new Set(rows.map((r) => groups.idOfRow.get(r)));
    if (ids.size < 2) continue; // same ID on every row: that is ID_DUPLICATE, not another person
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
  const has = (k: ParticipantColumn): boolean => cols[k] !== undefined;
  const header = (k: ParticipantColumn): string => headerOf(PARTICIPANTS, k);
  const territory = model.settings.territory;
  const groups: ParticipantGroups = { ids: new Map(), persons: new Map(), idOfRow: new Map() };

  model.participantRecords.forEach((p, i) => {
    const r: RowContext = {
      p,
      cells: participantsTable.values[participantsTable.rowNumbers[i] - 1],
      anonymised: isAnonymised(p),
      birth: p.birthDate.status === 'ok' ? p.birthDate.value : null,
      entry: p.entryDate.status === 'ok' ? p.entryDate.value : null,
      has,
      header,
      add: (key, code, message) =>
        out.add(TAB_PARTICIPANTS, p.row, key === null ? null : header(key), key === null ? -1 : cols[key]!, code, message),
    };
    checkIdentity(r, groups);
    checkDatesAndAge(r, today);
    checkLists(r);
    checkResidence(r, territory);
    checkContractAndOutcome(r);
    checkContacts(r, cols.phone);
    groupPerson(r, groups);
  });
  reportParticipantGroups(model, groups, out);
}

function checkSessions(model: WorkbookModel, out: IssueList): void {
  const table = model.sessions;
  reportMissingColumns(table, TAB_SESSIONS, out, false);
  if (table.headerRow === null || table.columns.date === undefined) return;
  const dateHeader = headerOf(SESSIONS, 'date');
  const col = table.columns.date;
  const add = (row: number, code: CheckCode, message: string): void => out.add(TAB_SESSIONS, row, dateHeader, col, code, message);
  const byDay = new Map<string, number[]>();
  for (const s of model.sessionRecords) {
    if (s.date.status === 'blank') {
      add(s.row, 'SESSION_DATE_INVALID', CHECK_MESSAGES.sessionDateMissing());
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
}

function checkAttendance(model: WorkbookModel, today: Day, out: IssueList): void {
  const table = model.attendance;
  reportMissingColumns(table, TAB_ATTENDANCE, out, false);
  if (table.headerRow === null) return;
  const cols = table.columns;
  const dateHeader = headerOf(ATTENDANCE, 'date');
  const idHeader = headerOf(ATTENDANCE, 'participantId');
  const statusHeader = headerOf(ATTENDANCE, 'status');

  // Participants by ID (first row wins), when the Participants tab can be read.
  const participantsTable = model.participants;
  const participantsKnown = participantsTable.headerRow !== null && participantsTable.columns.id !== undefined;
  // Every ID gets a small integer (participants first): one string look-up per row.
  const idIndex = new Map<string, number>();
  const people: Participant[] = [];
  if (participantsKnown) {
    for (const p of model.participantRecords) {
      if (p.idKey !== '' && !idIndex.has(p.idKey)) {
        idIndex.set(p.idKey, people.length);
        people.push(p);
      }
    }
  }

  // Session days, unless the Séances tab exists without a usable Date column (reported there).
  const sessionsTable = model.sessions;
  const sessionsKnown =
    sessionsTable.sheetName === null || (sessionsTable.headerRow !== null && sessionsTable.columns.date !== undefined);
  const sessionDays = new Set<number>();
  for (const s of model.sessionRecords) if (s.date.status === 'ok') sessionDays.add(s.date.value);

  // First row of each (day, ID index), days numbered in order of appearance.
  const dayNumber = new Map<number, number>();
  const firstRowOf = new PairTable(model.attendanceColumns.length);
  const duplicates: { day: number; rows: number[] }[] = [];
  const duplicateOf = new Map<string, number[]>();
  const dateCol = cols.date ?? -1;
  const idCol = cols.participantId ?? -1;
  const statusCol = cols.status ?? -1;
  const add = (row: number, header: string | null, col: number, code: CheckCode, message: string): void =>
    out.add(TAB_ATTENDANCE, row, header, col, code, message);

  const att = model.attendanceColumns;
  for (let i = 0; i < att.length; i++) {
    const row = att.row[i];
    const date = att.date[i];
    const idKey = att.idKey[i];
    const participantId = att.participantId[i];
    const day = date.status === 'ok' ? date.value : null;
    if (dateCol >= 0) {
      if (date.status === 'blank')
        add(row, dateHeader, dateCol, 'ATTENDANCE_UNKNOWN_SESSION', CHECK_MESSAGES.attendanceDateMissing());
      else if (date.status === 'invalid') add(row, dateHeader, dateCol, 'DATE_INVALID', CHECK_MESSAGES.dateInvalid(date.text));
      else if (date.value > today)
        add(row, dateHeader, dateCol, 'ATTENDANCE_IN_FUTURE', CHECK_MESSAGES.attendanceInFuture(frenchDate(date.value)));
      else if (sessionsKnown && !sessionDays.has(date.value)) {
        add(
          row,
          dateHeader,
          dateCol,
          'ATTENDANCE_UNKNOWN_SESSION',
          CHECK_MESSAGES.attendanceUnknownSession(frenchDate(date.value)),
        );
      }
    }
    let person: Participant | undefined;
    let index = -1;
    if (idKey !== '') {
      const known = idIndex.get(idKey);
      if (known === undefined) idIndex.set(idKey, (index = idIndex.size));
      else index = known;
      if (index < people.length) person = people[index];
    }
    if (idCol >= 0) {
      if (participantId === '') add(row, idHeader, idCol, 'ATTENDANCE_UNKNOWN_PARTICIPANT', CHECK_MESSAGES.attendanceIdMissing());
      else if (participantsKnown && person === undefined) {
        add(row, idHeader, idCol, 'ATTENDANCE_UNKNOWN_PARTICIPANT', CHECK_MESSAGES.attendanceUnknownParticipant(participantId));
      }
    }
    if (statusCol >= 0) {
      const status = att.status[i];
      if (status.status === 'blank')
        add(row, statusHeader, statusCol, 'ATTENDANCE_STATUS_INVALID', CHECK_MESSAGES.attendanceStatusMissing());
      else if (status.status === 'invalid')
        add(row, statusHeader, statusCol, 'ATTENDANCE_STATUS_INVALID', CHECK_MESSAGES.attendanceStatusInvalid(status.text));
    }
    if (day !== null && index >= 0) {
      let dayIndex = dayNumber.get(day);
      if (dayIndex === undefined) dayNumber.set(day, (dayIndex = dayNumber.size));
      const first = firstRowOf.firstOrAdd(dayIndex, index, row);
      if (first >= 0) {
        const key = `${day}|${index}`;
        const g = duplicateOf.get(key);
        if (g) g.push(row);
        else {
          const rows = [first, row];
          duplicateOf.set(key, rows);
          duplicates.push({ day, rows });
        }
      }
    }
    if (person !== undefined && day !== null) {
      if (person.entryDate.status === 'ok' && day < person.entryDate.value) {
        add(
          row,
          dateHeader,
          dateCol,
          'ATTENDANCE_BEFORE_ENTRY',
          CHECK_MESSAGES.attendanceBeforeEntry(frenchDate(day), frenchDate(person.entryDate.value)),
        );
      }
      if (person.exitDate.status === 'ok' && day > person.exitDate.value) {
        add(
          row,
          dateHeader,
          dateCol,
          'ATTENDANCE_AFTER_EXIT',
          CHECK_MESSAGES.attendanceAfterExit(frenchDate(day), frenchDate(person.exitDate.value)),
        );
      }
    }
  }
  if (duplicates.length === 0) return;
  const idText = new Map<number, string>();
  for (let i = 0; i < att.length; i++) idText.set(att.row[i], att.participantId[i]);
  for (const { day, rows } of duplicates) {
    const date = frenchDate(day);
    for (const row of rows) {
      const message = CHECK_MESSAGES.attendanceDuplicate(idText.get(row) ?? '', date, othersOf(rows, row), rows.length - 1);
      out.add(TAB_ATTENDANCE, row, null, -1, 'ATTENDANCE_DUPLICATE', message);
    }
  }
}

/** Runs every check of SPEC §3. `today` is the spreadsheet's current day. Every issue, tab then row. */
export function checkWorkbook(model: WorkbookModel, today: Day): CheckReport {
  const out = new IssueList();
  checkParticipants(model, today, out);
  checkSessions(model, out);
  checkAttendance(model, today, out);
  const rowsChecked =
    (model.participants.headerRow === null ? 0 : model.participants.rowNumbers.length) +
    (model.sessions.headerRow === null ? 0 : model.sessions.rowNumbers.length) +
    (model.attendance.headerRow === null ? 0 : model.attendance.rowNumbers.length);
  return { rowsChecked, issues: out.sorted() };
}

/**
 * The result sent to the sidebar (SPEC §5): at most `max` issues, errors first, then tab and
 * row (the report's order is kept within each severity), with the counts of all issues.
 */
export function capIssues(report: CheckReport, max: number = MAX_RETURNED_ISSUES): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const i of report.issues) (i.severity === 'error' ? errors : warnings).push(i);
  const ordered = errors.length === 0 || warnings.length === 0 ? report.issues : errors.concat(warnings);
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
