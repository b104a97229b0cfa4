/**
 * Attendance (SPEC §4, §5), pure: the seasons and the default date, the roster of a date and
 * its "à relancer" flags. The save lives next door: its validation in ./attendance-input, its
 * writes in ./attendance-plan.
 */
import { Day, dayFromIso, dayFromYmd, isoOfDay, minusCalendarMonths, yearOfDay } from './days';
import { AttendanceStatus, SESSION_THEMES } from './lists';
import { Result, failure, success } from './errors';
import { cleanText, frenchCollator, normalizeKey } from './text';
import { attendanceRecordsOf, isAnonymised } from './workbook';
import { unusualWeekdayFor } from './weekdays';
import type { Participant, Settings, WorkbookModel } from './workbook';
import { ATTENDANCE_TEXT } from '../i18n/fr/attendance';
/** Number of past sessions looked at for the "à relancer" flag. */
export const FOLLOW_UP_SESSIONS = 3;

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

/** The date argument of getAttendanceSheet: the day, or null for the default date ('' / undefined / null). */
export function parseRequestedDate(date: unknown): Result<Day | null> {
  if (date === undefined || date === null) return success(null);
  if (typeof date !== 'string') return failure(ATTENDANCE_TEXT.dateNotText);
  const text = date.trim();
  if (text === '') return success(null);
  const day = dayFromIso(text);
  return day === null ? failure(ATTENDANCE_TEXT.dateInvalid(text)) : success(day);
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
