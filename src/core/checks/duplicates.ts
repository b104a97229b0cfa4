/**
 * Cross-row checks of Participants: ID_DUPLICATE (rows sharing an ID) and
 * POSSIBLE_DUPLICATE_PERSON (same name and birth date under several IDs). Linear: every
 * grouping goes through a Map or a typed array, each spelling normalised once.
 */
import { CHECK_MESSAGES } from '../../i18n/fr/checks';
import { PARTICIPANTS, headerOf } from '../schema';
import { normalizeKey } from '../text';
import { Participant, WorkbookModel, isAnonymised } from '../workbook';
import { IssueList, TAB_PARTICIPANTS, othersOf } from './issues';

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

export function reportParticipantGroups(model: WorkbookModel, out: IssueList): void {
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
