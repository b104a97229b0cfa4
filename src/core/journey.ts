/**
 * "Parcours d'un jeune" (SPEC §10), pure: one participant's path (identity, dates, contract,
 * sessions, counts, themes covered and still to cover, "à relancer") and the directory of
 * participants the sidebar searches. Plain data only: ISO strings, never a Date, never
 * undefined (null). Reads the model, never writes, never logs.
 */
import { ageOn, Day, isoOfDay } from './days';
import { AttendanceStatus, SESSION_THEMES } from './lists';
import { buildAttendanceSheet, displayName } from './attendance';
import { percent } from './indicators';
import { hoursOfMinutes, sessionMinutesByDay } from './session-times';
import { frenchCollator, normalizeKey } from './text';
import { idKey as idKeyOf, textOf, valueOf } from './values';
import { attendanceRecordsOf, isAnonymised, situationOf, type Participant, type WorkbookModel } from './workbook';
import type { DirectoryEntry, Journey } from '../shared/api';

/** normalizeKey(suggestion) → suggestion, in the programme's order (SPEC §4). */
const THEME_LOOKUP: ReadonlyMap<string, string> = new Map(SESSION_THEMES.map((t) => [normalizeKey(t), t]));

/** A session's theme: the §4 suggestion it equals after normalisation, else the text as written. */
export function canonicalTheme(text: string): string {
  return THEME_LOOKUP.get(normalizeKey(text)) ?? text;
}

/** The person of a directory or a journey: a non-anonymised row with a non-blank ID. */
function isListed(p: Participant): boolean {
  return p.idKey !== '' && !isAnonymised(p);
}

/** First `Participants` row of an ID (case and surrounding spaces ignored), anonymised or not. */
export function findParticipant(model: WorkbookModel, id: string): Participant | null {
  const key = idKeyOf(id);
  if (key === '') return null;
  return model.participantRecords.find((p) => p.idKey === key) ?? null;
}

/**
 * The participant of a sheet row (the active cell's row), or null: the row must be a data row
 * of `Participants` holding a non-blank ID and not anonymised.
 */
export function participantOnRow(model: WorkbookModel, sheet: string, row: number): Participant | null {
  const participantsTable = model.participants;
  if (
    participantsTable.sheetName === null ||
    participantsTable.headerRow === null ||
    sheet !== participantsTable.sheetName ||
    row <= participantsTable.headerRow
  )
    return null;
  const p = model.participantRecords.find((x) => x.row === row);
  return p && isListed(p) ? p : null;
}

/** idKey → follow-up of the people listed in the attendance list of `day` (SPEC §4). */
function listedOn(model: WorkbookModel, day: Day): Map<string, { needsFollowUp: boolean; reason: string | null }> {
  const out = new Map<string, { needsFollowUp: boolean; reason: string | null }>();
  for (const e of buildAttendanceSheet(model, day).participants) {
    const entry = e as { id: string; needsFollowUp?: boolean; followUpReason?: string | null };
    out.set(idKeyOf(entry.id), { needsFollowUp: entry.needsFollowUp === true, reason: entry.followUpReason ?? null });
  }
  return out;
}

/** Every non-anonymised participant with an ID (one entry per ID, its first row), sorted like the attendance list. */
export function buildDirectory(model: WorkbookModel, today: Day): DirectoryEntry[] {
  const listed = listedOn(model, today);
  return directoryOf(model, listed);
}

function directoryOf(model: WorkbookModel, listed: ReadonlyMap<string, unknown>): DirectoryEntry[] {
  const seen = new Set<string>();
  const people: Participant[] = [];
  for (const p of model.participantRecords) {
    if (seen.has(p.idKey) || p.idKey === '') continue;
    seen.add(p.idKey);
    if (!isAnonymised(p)) people.push(p);
  }
  people.sort(
    (a, b) =>
      frenchCollator.compare(a.lastName, b.lastName) ||
      frenchCollator.compare(a.firstName, b.firstName) ||
      frenchCollator.compare(a.id, b.id),
  );
  return people.map((p) => ({ id: p.id, name: displayName(p), active: listed.has(p.idKey) }));
}

const iso = (day: Day | null): string | null => (day === null ? null : isoOfDay(day));
const orNull = (text: string): string | null => (text === '' ? null : text);

/** The journey of one participant (its row), on `today`. */
export function journeyOf(model: WorkbookModel, p: Participant, today: Day): Journey {
  return journeyWith(model, p, today, listedOn(model, today));
}

function journeyWith(
  model: WorkbookModel,
  p: Participant,
  today: Day,
  listed: ReadonlyMap<string, { needsFollowUp: boolean; reason: string | null }>,
): Journey {
  // Theme of each session date: the first `Séances` row of that date.
  const themes = new Map<Day, string>();
  for (const s of model.sessionRecords) {
    if (s.date.status === 'ok' && !themes.has(s.date.value)) themes.set(s.date.value, s.theme);
  }
  const rows = attendanceRecordsOf(model)
    .filter((a) => a.idKey === p.idKey && a.date.status === 'ok' && a.status.status === 'ok')
    .map((a) => ({ day: valueOf(a.date) as Day, status: valueOf(a.status) as AttendanceStatus, row: a.row }))
    .sort((a, b) => a.day - b.day || a.row - b.row);

  let present = 0;
  let absent = 0;
  let excused = 0;
  let lastPresence: Day | null = null;
  const covered = new Set<string>();
  const sessions: Journey['sessions'] = rows.map((r) => {
    const theme = canonicalTheme(themes.get(r.day) ?? '');
    if (r.status === 'Présent') {
      present++;
      if (lastPresence === null || r.day > lastPresence) lastPresence = r.day;
      if (THEME_LOOKUP.has(normalizeKey(theme))) covered.add(theme);
    } else if (r.status === 'Absent') absent++;
    else excused++;
    return { date: isoOfDay(r.day), theme, status: r.status };
  });
  const total = present + absent + excused;

  const situation = situationOf(p);
  const situationText =
    situation.status === 'ok' ? situation.value : situation.status === 'invalid' ? situation.text : 'En recherche';
  const employerCol = model.participants.columns.employer;
  const employer = employerCol === undefined ? '' : textOf(model.participants.values[p.row - 1]?.[employerCol] ?? null);
  const contract: Journey['contract'] =
    situationText === 'Alternance signée'
      ? {
          type: valueOf(p.contractType),
          start: iso(valueOf(p.contractStart)),
          months: valueOf(p.contractMonths),
          employer: orNull(employer),
        }
      : null;

  const birth = valueOf(p.birthDate);
  const qpv = valueOf(p.qpvResident);
  const follow = listed.get(p.idKey);
  return {
    id: p.id,
    name: displayName(p),
    age: birth === null || birth > today ? null : ageOn(birth, today),
    commune: p.communeName,
    qpv: qpv === null ? null : qpv ? 'Oui' : 'Non',
    quartier: p.qpvDistrictName ?? valueOf(p.qpvDistrict),
    entryDate: iso(valueOf(p.entryDate)),
    exitDate: iso(valueOf(p.exitDate)),
    situation: situationText,
    contract,
    sessions,
    counts: { present, absent, excused, presenceRate: percent(present, total) },
    themesCovered: SESSION_THEMES.filter((t) => covered.has(t)),
    themesToCover: SESSION_THEMES.filter((t) => !covered.has(t)),
    lastPresence: iso(lastPresence),
    hours: attendedHours(model, rows),
    needsFollowUp: follow?.needsFollowUp ?? false,
    followUpReason: follow?.needsFollowUp ? follow.reason : null,
    phone: valueOf(p.phone),
    email: valueOf(p.email),
  };
}

/** Hours of the distinct dates attended Présent whose session has a duration; unknown: the others (SPEC §10). */
function attendedHours(model: WorkbookModel, rows: readonly { day: Day; status: AttendanceStatus }[]): Journey['hours'] {
  const minutesByDay = sessionMinutesByDay(model);
  const days = new Set<Day>();
  let minutes = 0;
  let unknown = 0;
  for (const r of rows) {
    if (r.status !== 'Présent' || days.has(r.day)) continue;
    days.add(r.day);
    const m = minutesByDay.get(r.day);
    if (m === undefined || m === null) unknown++;
    else minutes += m;
  }
  return { attended: hoursOfMinutes(minutes), unknown };
}

/** The journey of an ID: null when the ID is unknown, anonymised or blank (the caller says so in French). */
export function buildJourney(model: WorkbookModel, idKey: string, today: Day): Journey | null {
  const p = findParticipant(model, idKey);
  return p && isListed(p) ? journeyOf(model, p, today) : null;
}

/**
 * What getParticipantJourney returns (SPEC §5, §10), with the attendance list of today computed
 * once for both the directory and the journey.
 */
export function journeyAndDirectory(
  model: WorkbookModel,
  p: Participant | null,
  today: Day,
): { directory: DirectoryEntry[]; journey: Journey | null } {
  const listed = listedOn(model, today);
  return { directory: directoryOf(model, listed), journey: p ? journeyWith(model, p, today, listed) : null };
}
