/**
 * "Nouveau jeune" (SPEC §4, §5 addParticipant), pure: the input checked, the row checked with
 * the checks of SPEC §3 (checkWorkbook on a one-row model of the same headers and settings:
 * the rules are not written twice), the probable duplicate, the team's next ID and the writes
 * of one appended `Participants` row. The server module runs the plan under the lock.
 */
import type { Issue } from '../shared/api';
import { MAX_FIELD_LENGTH } from '../shared/limits';
import { NEWCOMER_TEXT } from '../i18n/fr/newcomer';
import { checkWorkbook } from './checks';
import { Day, dayFromIso, midnightInTimeZone } from './days';
import { ListDefinition, SEX, TRAINING_LEVEL, YES_NO_LABELS } from './lists';
import { PARTICIPANTS, ParticipantColumn, headerOf } from './schema';
import { cleanText, normalizeKey } from './text';
import { CellValue, idKey, isBlank, parseList, parseYesNo } from './values';
import { isAnonymised, readWorkbook } from './workbook';
import { RectangleWrite, rowRuns } from './write-plan';
import { Result, failure } from './errors';
import type { Participant, WorkbookModel } from './workbook';

export type NewcomerField = keyof typeof NEWCOMER_TEXT.labels;
const FIELDS = Object.keys(NEWCOMER_TEXT.labels) as NewcomerField[];

/** The input once its shape is checked: text cleaned ('' = not given). */
export interface NewcomerInput {
  day: Day;
  fields: Record<NewcomerField, string>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The shape of an addParticipant input (no workbook needed): `date` and a given `birthDate`
 * must be ISO days AAAA-MM-JJ that exist; the other values are checked by planNewcomer.
 */
export function validateNewcomerInput(input: unknown): Result<NewcomerInput> {
  if (!isRecord(input)) return failure(NEWCOMER_TEXT.inputNotObject);
  const rawDate = typeof input.date === 'string' ? input.date.trim() : String(input.date ?? '');
  const day = dayFromIso(rawDate);
  if (day === null) return failure(rawDate === '' ? NEWCOMER_TEXT.dateMissing : NEWCOMER_TEXT.dateInvalid(rawDate));
  const keys: Record<NewcomerField, string> = {
    lastName: 'lastName',
    firstName: 'firstName',
    birthDate: 'birthDate',
    commune: 'commune',
    sex: 'sex',
    postcode: 'postcode',
    phone: 'phone',
    email: 'email',
    qpv: 'qpv',
    district: 'district',
    level: 'level',
  };
  const fields = {} as Record<NewcomerField, string>;
  for (const f of FIELDS) {
    const v = input[keys[f]];
    const label = NEWCOMER_TEXT.labels[f];
    if (v !== undefined && v !== null && typeof v !== 'string') return failure(NEWCOMER_TEXT.fieldNotText(label));
    const text = cleanText(typeof v === 'string' ? v : '');
    if (text.length > MAX_FIELD_LENGTH) return failure(NEWCOMER_TEXT.fieldTooLong(label, MAX_FIELD_LENGTH));
    fields[f] = text;
  }
  // SPEC §5 types it IsoDate (§2.2: days are days): never written as text, never past the duplicate check.
  // A blank one is left to the checks (a required column).
  if (fields.birthDate !== '' && dayFromIso(fields.birthDate) === null)
    return failure(NEWCOMER_TEXT.birthDateInvalid(fields.birthDate));
  return { ok: true, value: { day, fields } };
}

/** Where the new row goes and what it holds. */
export interface NewcomerPlan {
  id: string;
  /** "Nom Prénom". */
  name: string;
  row: number;
  /** One rectangle per run of adjacent columns of the new row (a constant number, whatever the rows). */
  writes: RectangleWrite[];
  warnings: Issue[];
}

const REQUIRED_COLUMNS: readonly ParticipantColumn[] = ['id', 'lastName', 'firstName', 'birthDate', 'entryDate'];

/**
 * SPEC §4 numbering: the last non-blank, non-anonymised ID; when it ends in digits, prefix +
 * (1 + the largest n among IDs equal, case ignored, to prefix + digits), at least as wide as
 * its digits (`P2018-0107` → `P2018-0108`); otherwise 1 + the largest all-digit ID, else `1`.
 */
export function nextParticipantId(records: readonly Participant[]): string {
  let last: string | null = null;
  for (const p of records) if (p.id !== '' && !isAnonymised(p)) last = p.id;
  const m = last === null ? null : /^(.*?)(\d+)$/.exec(last);
  const prefix = m ? m[1].toLowerCase() : '';
  const width = m ? m[2].length : 1;
  let max = BigInt(0);
  for (const p of records) {
    const id = p.id;
    if (id.length <= prefix.length || id.slice(0, prefix.length).toLowerCase() !== prefix) continue;
    const digits = id.slice(prefix.length);
    if (!/^\d+$/.test(digits)) continue;
    const n = BigInt(digits);
    if (n > max) max = n;
  }
  return `${m ? m[1] : ''}${String(max + BigInt(1)).padStart(width, '0')}`;
}

/** A list value in its canonical label; an unknown value as typed (the check then refuses it). */
function listCell<T extends string>(text: string, list: ListDefinition<T>): string {
  const parsed = parseList(text, list);
  return parsed.status === 'ok' ? parsed.value : text;
}

function yesNoCell(text: string): string {
  const parsed = parseYesNo(text);
  return parsed.status === 'ok' ? YES_NO_LABELS[parsed.value ? 0 : 1] : text;
}

/** The cells of the new row by column key, in canonical form (SPEC §2.2). */
function newcomerCells(model: WorkbookModel, input: NewcomerInput, id: string): Map<ParticipantColumn, CellValue> {
  const f = input.fields;
  const dateCell = (day: Day): Date => midnightInTimeZone(day, model.timeZone, model.offsets);
  const birth = dayFromIso(f.birthDate);
  const cells = new Map<ParticipantColumn, CellValue>([
    ['id', id],
    ['lastName', f.lastName],
    ['firstName', f.firstName],
    // validateNewcomerInput lets only an ISO day or a blank through (the check then asks for it).
    ['birthDate', birth === null ? '' : dateCell(birth)],
    ['commune', model.territoryLookup.get(normalizeKey(f.commune)) ?? f.commune],
    ['entryDate', dateCell(input.day)],
    ['sex', listCell(f.sex, SEX)],
    ['postcode', f.postcode],
    ['phone', f.phone],
    ['email', f.email],
    ['qpvResident', yesNoCell(f.qpv)],
    ['qpvDistrict', model.districtLookup.get(normalizeKey(f.district)) ?? f.district],
    ['trainingLevel', listCell(f.level, TRAINING_LEVEL)],
  ]);
  for (const [key, value] of cells) if (value === '' || model.participants.columns[key] === undefined) cells.delete(key);
  return cells;
}

/**
 * The issues SPEC §3 raises on the new row: checkWorkbook on a model of the header row and
 * that row alone, with the workbook's settings (territory, districts); issues at `row`.
 */
function checkNewRow(model: WorkbookModel, cells: Map<ParticipantColumn, CellValue>, today: Day, row: number): Issue[] {
  const table = model.participants;
  const header = table.values[table.headerRow! - 1];
  const line: CellValue[] = new Array(Math.max(header.length, table.width)).fill('');
  for (const [key, value] of cells) line[table.columns[key]!] = value;
  const sheetName = table.sheetName!;
  const single = readWorkbook({
    timeZone: model.timeZone,
    offsets: model.offsets,
    sheetNames: [sheetName],
    values: (name) => (name === sheetName ? [header, line] : []),
    settings: model.settings,
  });
  const issues = checkWorkbook(single, today).issues.filter((i) => i.sheet === PARTICIPANTS.name && i.row === 2);
  return issues.map((i) => ({ ...i, row }));
}

/** The first row holding the same person (normalised Nom + Prénom + Date de naissance), or null. */
export function probableDuplicate(records: readonly Participant[], lastName: string, firstName: string, birth: Day | null) {
  if (birth === null) return null;
  const last = normalizeKey(lastName);
  const first = normalizeKey(firstName);
  if (last === '' || first === '') return null;
  for (const p of records) {
    if (isAnonymised(p) || p.birthDate.status !== 'ok' || p.birthDate.value !== birth) continue;
    if (normalizeKey(p.lastName) === last && normalizeKey(p.firstName) === first) return p;
  }
  return null;
}

/** The row after the last one holding a value in a recognised column (never above the header row). */
function appendRow(model: WorkbookModel): number {
  const table = model.participants;
  const cols = Object.values(table.columns) as number[];
  for (let r = table.values.length - 1; r >= table.headerRow!; r--) {
    const cells = table.values[r];
    if (cols.some((c) => !isBlank(cells[c]))) return r + 2;
  }
  return table.headerRow! + 1;
}

/** The tab can take a new row: present, with a header row and the five columns SPEC §4 requires. */
function layoutProblem(model: WorkbookModel): string | null {
  const table = model.participants;
  if (table.sheetName === null) return NEWCOMER_TEXT.tabMissing;
  if (table.headerRow === null) return NEWCOMER_TEXT.tabWithoutHeader(table.sheetName);
  for (const key of REQUIRED_COLUMNS)
    if (table.columns[key] === undefined) return NEWCOMER_TEXT.columnMissing(table.sheetName, headerOf(PARTICIPANTS, key));
  return null;
}

/**
 * SPEC §4 "Nouveau jeune" on the model read under the lock: refused (French message, nothing
 * to write) on a tab without the required columns, on any error of SPEC §3 on the new row, or
 * on a probable duplicate; else the one row to append and the warnings.
 */
export function planNewcomer(model: WorkbookModel, input: NewcomerInput, today: Day): Result<NewcomerPlan> {
  const problem = layoutProblem(model);
  if (problem) return failure(problem, 'WORKBOOK_UNUSABLE');
  const records = model.participantRecords;
  const id = nextParticipantId(records);
  if (records.some((p) => p.idKey === idKey(id))) return failure(NEWCOMER_TEXT.idTaken(id));
  const cells = newcomerCells(model, input, id);
  const row = appendRow(model);
  const issues = checkNewRow(model, cells, today, row);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return failure(NEWCOMER_TEXT.refused(errors.map((e) => e.message)));
  const f = input.fields;
  const name = cleanText(`${f.lastName} ${f.firstName}`);
  const same = probableDuplicate(records, f.lastName, f.firstName, dayFromIso(f.birthDate));
  if (same) return failure(NEWCOMER_TEXT.duplicate(name, same.id, same.row));
  const byCol = new Map<number, CellValue>();
  for (const [key, value] of cells) byCol.set(model.participants.columns[key]!, value);
  return {
    ok: true,
    value: { id, name, row, writes: rowRuns(model.participants.sheetName!, row, byCol), warnings: issues },
  };
}
