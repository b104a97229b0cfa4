/**
 * Personal data (SPEC §11), pure: who is due for anonymisation (the plan the sidebar shows)
 * and the writes that anonymise them, as a list of port operations in a constant number per
 * tab whatever the number of rows. The server module runs them under the document lock.
 *
 * Readings of the SPEC (docs/donnees-personnelles.md):
 * - last activity = the latest readable date among Date d'entrée, Date de sortie, Date de début
 *   du contrat and the participant's Présences dates (any status); a row with none of them
 *   readable has an unknown last activity and is never proposed;
 * - "before the cutoff" is strict: last activity < cutoff;
 * - a blank or repeated ID is never proposed; anonymised rows (readable `Anonymisé le`) neither;
 * - emptied: the personal columns of SPEC §11 and every unknown column (a second copy of a
 *   recognised header included), on the planned rows only;
 * - the notes removed on those rows: the add-on's blocks everywhere, and users' notes on the
 *   emptied cells and on the rewritten ID cell (it may name the person).
 */
import { ageOn, Day, dayFromIso, dayFromYmd, isoOfDay, midnightInTimeZone, yearOfDay, ymdOfDay } from './days';
import { stripMark } from './marks';
import { ANONYMISATION_COLUMNS, PARTICIPANTS, ParticipantColumn, headerOf } from './schema';
import { cleanText } from './text';
import { CellValue, isBlank, textOf } from './values';
import { attendanceRecordsOf, isAnonymised, Participant, WholeWorkbookModel, WorkbookModel } from './workbook';
import type { AnonymisationPlan } from '../shared/api';
import { columnLetters } from '../shared/issues';
import { PRIVACY } from '../i18n/fr/privacy';
import { Result, failure, success } from './errors';
import type { WriteOp } from './write-plan';

/** `Participants` columns emptied by the anonymisation (SPEC §11), besides unknown columns. */
export const PERSONAL_COLUMNS: readonly ParticipantColumn[] = [
  'lastName',
  'firstName',
  'birthDate',
  'phone',
  'email',
  'address',
  'comment',
  'employer',
  'referrer',
  'careerPlan',
];

/** Prefix of the IDs given to anonymised rows. */
export const ANONYMOUS_ID_PREFIX = 'ANON-';

/**
 * SPEC §11 `AnonymisationPlan` (what previewAnonymisation returns): `ids` as written in
 * `Participants`, in row order; `columnsCleared` as the headers are written in the sheet.
 */
export type { AnonymisationPlan };

/** Today minus `years` calendar years; 29 February becomes 28 February. */
/** The shape of an anonymise request: cutoff 'YYYY-MM-DD', ids a list of strings. */
export function validateAnonymiseInput(input: unknown): Result<{ cutoff: string; ids: string[] }> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return failure(PRIVACY.inputNotObject);
  const { cutoff, ids } = input as Record<string, unknown>;
  if (typeof cutoff !== 'string' || dayFromIso(cutoff.trim()) === null) return failure(PRIVACY.cutoffInvalid);
  if (!Array.isArray(ids) || !ids.every((i): i is string => typeof i === 'string')) return failure(PRIVACY.idsInvalid);
  return success({ cutoff: cutoff.trim(), ids });
}

export function cutoffDay(today: Day, years: number): Day {
  const { year, month, day } = ymdOfDay(today);
  return (dayFromYmd(year - years, month, day) ?? dayFromYmd(year - years, month, day - 1)) as Day;
}

/** Latest `Présences` date of each ID key (any status). */
export function lastAttendanceDays(model: WorkbookModel): Map<string, Day> {
  const out = new Map<string, Day>();
  for (const a of attendanceRecordsOf(model)) {
    if (a.date.status !== 'ok' || a.idKey === '') continue;
    const seen = out.get(a.idKey);
    if (seen === undefined || a.date.value > seen) out.set(a.idKey, a.date.value);
  }
  return out;
}

/** Last activity of a participant (SPEC §11), or null when no date is readable. */
export function lastActivityOf(p: Participant, lastAttendance: ReadonlyMap<string, Day>): Day | null {
  let last: Day | null = null;
  for (const d of [p.entryDate, p.exitDate, p.contractStart]) {
    if (d.status === 'ok' && (last === null || d.value > last)) last = d.value;
  }
  const a = p.idKey === '' ? undefined : lastAttendance.get(p.idKey);
  if (a !== undefined && (last === null || a > last)) last = a;
  return last;
}

export interface AnonymisationTargets {
  plan: AnonymisationPlan;
  /** The participants of the plan, in row order. */
  people: Participant[];
  /** 0-based `Participants` columns to empty, in order. */
  clearedColumns: number[];
}

/** Columns emptied on `people`'s rows: personal columns present, then unknown columns in use. */
function clearedColumnsOf(model: WorkbookModel, people: readonly Participant[]): number[] {
  const participantsTable = model.participants;
  if (participantsTable.headerRow === null) return [];
  const known = new Set<number>();
  for (const c of Object.values(participantsTable.columns) as number[]) known.add(c);
  const cleared = new Set<number>();
  for (const key of PERSONAL_COLUMNS) {
    const c = participantsTable.columns[key];
    if (c !== undefined) cleared.add(c);
  }
  const header = participantsTable.values[participantsTable.headerRow - 1] ?? [];
  for (let c = 0; c < participantsTable.width; c++) {
    if (known.has(c)) continue;
    if (!isBlank(header[c]) || people.some((p) => !isBlank(participantsTable.values[p.row - 1]?.[c]))) cleared.add(c);
  }
  return [...cleared].sort((a, b) => a - b);
}

function headerLabel(model: WorkbookModel, col: number): string {
  const participantsTable = model.participants;
  const text = cleanText(textOf(participantsTable.values[(participantsTable.headerRow ?? 1) - 1]?.[col] ?? null));
  return text || `Colonne ${columnLetters(col + 1)}`;
}

/**
 * The plan for `today` with the participants it names (SPEC §11). `cutoff` defaults to today
 * minus the retention of `Paramètres` (the CLI's `--avant` gives it).
 */
export function anonymisationTargets(model: WorkbookModel, today: Day, cutoffOverride?: Day): AnonymisationTargets {
  const retentionYears = model.settings.retentionYears;
  const cutoff = cutoffOverride ?? cutoffDay(today, retentionYears);
  const people: Participant[] = [];
  const byYear: Record<string, number> = {};
  const participantsTable = model.participants;
  if (participantsTable.headerRow !== null && participantsTable.columns.id !== undefined) {
    const idCount = new Map<string, number>();
    for (const p of model.participantRecords) if (p.idKey !== '') idCount.set(p.idKey, (idCount.get(p.idKey) ?? 0) + 1);
    const lastAttendance = lastAttendanceDays(model);
    for (const p of model.participantRecords) {
      if (p.idKey === '' || idCount.get(p.idKey) !== 1 || isAnonymised(p)) continue;
      const last = lastActivityOf(p, lastAttendance);
      if (last === null || last >= cutoff) continue;
      people.push(p);
      const y = String(yearOfDay(last));
      byYear[y] = (byYear[y] ?? 0) + 1;
    }
  }
  const clearedColumns = clearedColumnsOf(model, people);
  return {
    plan: {
      cutoff: isoOfDay(cutoff),
      retentionYears,
      ids: people.map((p) => p.id),
      byYear,
      columnsCleared: clearedColumns.map((c) => headerLabel(model, c)),
    },
    people,
    clearedColumns,
  };
}

/** SPEC §5 previewAnonymisation on a model. */
export function planAnonymisation(model: WorkbookModel, today: Day): AnonymisationPlan {
  return anonymisationTargets(model, today).plan;
}

// ---------------------------------------------------------------------------------------
// Writes

/** Notes to clean on some rows of a tab: read the rectangle, then write cleanNotes' result. */
export interface NotesCleanup {
  sheet: string;
  /** 1-based rectangle to read. */
  row: number;
  numRows: number;
  numCols: number;
  /** 1-based rows whose notes are cleaned. */
  rows: ReadonlySet<number>;
  /** 1-based columns whose notes are removed whole on those rows (users' notes included). */
  clearColumns: ReadonlySet<number>;
}

export interface AnonymisationWrites {
  ops: WriteOp[];
  notes: NotesCleanup[];
  anonymised: number;
  presencesUpdated: number;
  /** Old ID key → new ID. */
  newIds: Map<string, string>;
}

const ANON_ID = /^anon-(\d+)$/i;

/** The first number n such that ANON-n, ANON-n+1… are unused in Participants and Présences. */
export function nextAnonymousNumber(model: WorkbookModel): number {
  let max = 0;
  const look = (id: string): void => {
    const m = ANON_ID.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  };
  for (const p of model.participantRecords) look(p.id);
  for (const a of attendanceRecordsOf(model)) look(a.participantId);
  return max + 1;
}

export function anonymousId(n: number): string {
  return `${ANONYMOUS_ID_PREFIX}${String(n).padStart(4, '0')}`;
}

function spanOf(rows: Iterable<number>): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    if (r < first) first = r;
    if (r > last) last = r;
  }
  return { first, last };
}

/** Some cells of a 0-based column, the others keeping what they hold. */
function columnWrite(sheet: string, col: number, updates: ReadonlyMap<number, CellValue>): WriteOp {
  return { kind: 'column', sheet, col: col + 1, updates };
}

/** Scattered cells emptied (0-based columns), one call. */
function emptyCells(sheet: string, cells: { row: number; col: number }[]): WriteOp | null {
  if (cells.length === 0) return null;
  return { kind: 'writeCells', sheet, cells: cells.map((c) => ({ row: c.row, col: c.col + 1, value: '' })) };
}

/**
 * The writes that anonymise `targets.people` on the model read under the lock (SPEC §11).
 * Participants: missing `Âge à l'entrée` / `Anonymisé le` headers appended after the last
 * column (one write), personal and unknown cells emptied (one writeCells), then one write per
 * rewritten column (ID, Âge à l'entrée, Anonymisé le) over the span of the rows concerned.
 * Présences: one write of the ID column over the span of the rows concerned, their
 * `Participant` cells emptied (one writeCells). Notes: one read and at most one write per tab.
 */
export function planAnonymisationWrites(
  model: WholeWorkbookModel,
  targets: AnonymisationTargets,
  today: Day,
): AnonymisationWrites {
  const ops: WriteOp[] = [];
  const notes: NotesCleanup[] = [];
  const newIds = new Map<string, string>();
  const people = targets.people;
  if (people.length === 0) return { ops, notes, anonymised: 0, presencesUpdated: 0, newIds };

  // Participants --------------------------------------------------------------------------
  const participantsTable = model.participants;
  const sheet = participantsTable.sheetName!;
  const headerRow = participantsTable.headerRow!;
  const idCol = participantsTable.columns.id!;
  const columns: Partial<Record<ParticipantColumn, number>> = { ...participantsTable.columns };
  const addedHeaders: string[] = [];
  let width = participantsTable.width;
  for (const key of ANONYMISATION_COLUMNS) {
    if (columns[key] !== undefined) continue;
    columns[key] = width++;
    addedHeaders.push(headerOf(PARTICIPANTS, key));
  }
  if (addedHeaders.length > 0)
    ops.push({ kind: 'write', sheet, row: headerRow, col: participantsTable.width + 1, values: [addedHeaders] });

  const toEmpty: { row: number; col: number }[] = [];
  for (const p of people) {
    for (const c of targets.clearedColumns)
      if (!isBlank(participantsTable.values[p.row - 1]?.[c])) toEmpty.push({ row: p.row, col: c });
  }
  const emptied = emptyCells(sheet, toEmpty);
  if (emptied) ops.push(emptied);

  let next = nextAnonymousNumber(model);
  const ids = new Map<number, CellValue>();
  const ages = new Map<number, CellValue>();
  const stamps = new Map<number, CellValue>();
  const stamp = midnightInTimeZone(today, model.timeZone, model.offsets);
  for (const p of people) {
    const id = anonymousId(next++);
    newIds.set(p.idKey, id);
    ids.set(p.row, id);
    const age =
      p.birthDate.status === 'ok' && p.entryDate.status === 'ok'
        ? ageOn(p.birthDate.value, p.entryDate.value)
        : p.ageAtEntry.status === 'ok'
          ? p.ageAtEntry.value
          : '';
    ages.set(p.row, age);
    stamps.set(p.row, stamp);
  }
  ops.push(columnWrite(sheet, idCol, ids));
  ops.push(columnWrite(sheet, columns.ageAtEntry!, ages));
  ops.push(columnWrite(sheet, columns.anonymisedOn!, stamps));
  const peopleRows = new Set(people.map((p) => p.row));
  const span = spanOf(peopleRows);
  notes.push({
    sheet,
    row: span.first,
    numRows: span.last - span.first + 1,
    numCols: participantsTable.width,
    rows: peopleRows,
    clearColumns: new Set([...targets.clearedColumns, idCol].map((c) => c + 1)),
  });

  const presencesUpdated = planAttendanceRewrite(model, targets, newIds, ops, notes);
  return { ops, notes, anonymised: people.length, presencesUpdated, newIds };
}

/**
 * `Présences` rows dated before `cutoff` whose ID is in no `Participants` row (a person
 * renumbered or deleted by hand): their `Participant` text is emptied at every anonymisation.
 */
function orphanRowsOf(model: WorkbookModel, cutoff: Day): Set<number> {
  const known = new Set<string>();
  for (const p of model.participantRecords) if (p.idKey !== '') known.add(p.idKey);
  const rows = new Set<number>();
  for (const a of attendanceRecordsOf(model)) {
    if (known.has(a.idKey)) continue;
    if (a.date.status === 'ok' && a.date.value < cutoff) rows.add(a.row);
  }
  return rows;
}

/**
 * The notes of a cleanup rectangle once cleaned: the smallest rectangle to write (1-based
 * top-left) or null when nothing changes.
 */
export function cleanNotes(current: string[][], spec: NotesCleanup): { row: number; col: number; notes: string[][] } | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const next = current.map((line, i) =>
    line.map((note, j) => {
      const row = spec.row + i;
      if (!note || !spec.rows.has(row)) return note ?? '';
      const value = spec.clearColumns.has(j + 1) ? '' : stripMark(note);
      if (value !== note) {
        top = Math.min(top, i);
        bottom = Math.max(bottom, i);
        left = Math.min(left, j);
        right = Math.max(right, j);
      }
      return value;
    }),
  );
  if (bottom < 0) return null;
  return {
    row: spec.row + top,
    col: left + 1,
    notes: next.slice(top, bottom + 1).map((line) => {
      const out = line.slice(left, right + 1);
      while (out.length < right - left + 1) out.push('');
      return out;
    }),
  };
}

/**
 * The `Présences` part of an anonymisation: the rows of the anonymised people get their new
 * ID (one column write) and lose their `Participant` text, as do orphan rows before the
 * cutoff; our notes on those rows are cleaned. Returns how many rows change.
 */
function planAttendanceRewrite(
  model: WholeWorkbookModel,
  targets: AnonymisationTargets,
  newIds: ReadonlyMap<string, string>,
  ops: WriteOp[],
  notes: NotesCleanup[],
): number {
  const attendanceTable = model.attendance;
  let presencesUpdated = 0;
  const aid = attendanceTable.columns.participantId;
  if (attendanceTable.sheetName !== null && attendanceTable.headerRow !== null && aid !== undefined) {
    const rewritten = new Map<number, CellValue>();
    const names: { row: number; col: number }[] = [];
    const nameCol = attendanceTable.columns.participantName;
    const hasName = (row: number) => nameCol !== undefined && !isBlank(attendanceTable.values[row - 1]?.[nameCol]);
    const orphans = orphanRowsOf(model, dayFromIso(targets.plan.cutoff)!);
    for (const a of attendanceRecordsOf(model)) {
      const id = newIds.get(a.idKey);
      if (id !== undefined) rewritten.set(a.row, id);
      if ((id !== undefined || orphans.has(a.row)) && hasName(a.row)) names.push({ row: a.row, col: nameCol! });
    }
    const changedRows = new Set([...rewritten.keys(), ...names.map((n) => n.row)]);
    presencesUpdated = changedRows.size;
    const cleared = emptyCells(attendanceTable.sheetName, names);
    if (cleared) ops.push(cleared);
    if (rewritten.size > 0) {
      ops.push(columnWrite(attendanceTable.sheetName, aid, rewritten));
      const rows = new Set(rewritten.keys());
      const s = spanOf(rows);
      const clearColumns = new Set([aid + 1]);
      if (nameCol !== undefined) clearColumns.add(nameCol + 1);
      notes.push({
        sheet: attendanceTable.sheetName,
        row: s.first,
        numRows: s.last - s.first + 1,
        numCols: attendanceTable.width,
        rows,
        clearColumns,
      });
    }
  }
  return presencesUpdated;
}
