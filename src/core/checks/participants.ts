/**
 * The checks of each Participants row (SPEC §3): identity, dates and age, list values,
 * residence, contract and outcome, contacts; then the cross-row groups (./duplicates).
 */
import { CHECK_MESSAGES } from '../../i18n/fr/checks';
import { Day, ageOn, frenchDate } from '../days';
import { CONTRACT_TYPE, SEX, SITUATION, TRAINING_LEVEL, YES_NO_LABELS } from '../lists';
import { MAX_CONTRACT_MONTHS, PARTICIPANTS, ParticipantColumn, headerOf } from '../schema';
import { CellValue, Parsed } from '../values';
import { Participant, Table, WorkbookModel, isAnonymised, situationOf } from '../workbook';
import { reportParticipantGroups } from './duplicates';
import { FIVE_DIGITS, isEmail, isFrenchPhone, postcodesOf } from './formats';
import { ABSENT_COLUMN, CheckCode, IssueList, TAB_PARTICIPANTS, headerAsWritten, reportMissingColumns } from './issues';

export const AGE_IMPLAUSIBLE_BELOW = 14;
export const AGE_IMPLAUSIBLE_ABOVE = 35;
export const AGE_RANGE_MIN = 16;
export const AGE_RANGE_MAX = 25;
/** The longest contract accepted (months): the schema's MAX_CONTRACT_MONTHS. */
export const CONTRACT_MONTHS_MAX = MAX_CONTRACT_MONTHS;

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
    // A column absent from the sheet (CONTRACT_START_MISSING without that column…) comes after the others.
    const col = key === null ? -1 : (this.columns.get(key) ?? ABSENT_COLUMN);
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

function invalidText<T>(p: Parsed<T>): string {
  return p.status === 'invalid' ? p.text : '';
}

/** The checks of every Participants row, then ID_DUPLICATE and POSSIBLE_DUPLICATE_PERSON. */
export function checkParticipants(model: WorkbookModel, today: Day, out: IssueList): void {
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
