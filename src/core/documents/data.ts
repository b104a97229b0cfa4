/**
 * What the printed documents hold (SPEC §12), read from the workbook model: the day's list of
 * a sign-in sheet (SPEC §4's rule on that date, sorted like the attendance list) with the
 * session and the settings, and the sessions attended of a certificate. The same code serves
 * Sheets, the preview and the CLI. Refusals are UserErrors with a French message.
 */
import { buildAttendanceSheet, participantIndex, sessionOn } from '../attendance';
import { Day, dayFromIso, frenchDate } from '../days';
import { requireUsableParticipants } from '../checks/participants-usable';
import { UserError } from '../errors';
import { findParticipant, journeyOf } from '../journey';
import { defaultSessionTimes, hoursOfMinutes, sessionMinutesByDay, sessionTimes } from '../session-times';
import { idKey, valueOf } from '../values';
import { isAnonymised, type Session, type WorkbookModel } from '../workbook';
import { DOCUMENTS_TEXT } from '../../i18n/fr/documents';
import type { CertificateData } from './certificate';
import type { SignInSheetData } from './sign-in-sheet';

/** The documents need `Participants` with its header row and its ID column. */
export function requireDocumentParticipants(model: WorkbookModel): void {
  requireUsableParticipants(model, ['id'], {
    tabMissing: DOCUMENTS_TEXT.participantsTabMissing,
    headerMissing: () => DOCUMENTS_TEXT.participantsUnreadable,
    columnMissing: () => DOCUMENTS_TEXT.participantsUnreadable,
  });
}

/** The first `Séances` row of each readable date (SPEC §2.1: that date's session everywhere). */
function firstSessions(model: WorkbookModel): Map<Day, Session> {
  const out = new Map<Day, Session>();
  for (const s of model.sessionRecords) if (s.date.status === 'ok' && !out.has(s.date.value)) out.set(s.date.value, s);
  return out;
}

/**
 * The sign-in sheet of `day`: any date, after today included (a sheet is printed before the
 * session). A date with no session and nobody listed is refused; a date with no `Séances` row
 * takes the default times of `Paramètres`.
 */
export function signInSheetData(model: WorkbookModel, day: Day): SignInSheetData {
  const sheet = buildAttendanceSheet(model, day);
  const session = firstSessions(model).get(day) ?? null;
  if (session === null && sheet.participants.length === 0) {
    throw new UserError(DOCUMENTS_TEXT.nobodyOn(frenchDate(day)), 'NO_DATA');
  }
  const index = participantIndex(model.participantRecords);
  const people = sheet.participants.map((entry) => {
    const p = index.get(idKey(entry.id));
    return { lastName: p?.lastName ?? entry.name, firstName: p?.firstName ?? '' };
  });
  const fields = sessionOn(model, day);
  const settings = model.settings;
  return {
    organisation: settings.organisation,
    date: day,
    // No row yet (a sheet is printed before the session): the default times, as for a row without its own.
    times: session === null ? defaultSessionTimes(settings) : sessionTimes(settings, session),
    theme: fields?.theme ?? '',
    place: fields?.place ?? '',
    facilitator: fields?.facilitator ?? '',
    people,
    blankLines: settings.blankLines,
    fundersNote: settings.fundersNote,
  };
}

/** Rows of `Participants` holding an ID (case and surrounding spaces ignored). */
function rowsOfId(model: WorkbookModel, key: string): number[] {
  return model.participantRecords.filter((p) => p.idKey === key).map((p) => p.row);
}

/**
 * The certificate of the participant `id` on `today`: refused for an unknown, repeated or
 * anonymised ID, and for someone without any `Présent`.
 */
export function certificateData(model: WorkbookModel, id: string, today: Day): CertificateData {
  const wanted = id.trim();
  const p = findParticipant(model, wanted);
  if (p === null) throw new UserError(DOCUMENTS_TEXT.notFound(wanted), 'NOT_FOUND');
  if (isAnonymised(p)) throw new UserError(DOCUMENTS_TEXT.anonymised(wanted), 'NOT_FOUND');
  const rows = rowsOfId(model, p.idKey);
  if (rows.length > 1) throw new UserError(DOCUMENTS_TEXT.repeatedId(wanted, rows.join(', ')), 'WORKBOOK_UNUSABLE');
  const journey = journeyOf(model, p, today);
  const minutesByDay = sessionMinutesByDay(model);
  const sessions: { date: Day; theme: string; hours: number | null }[] = [];
  for (const s of journey.sessions) {
    if (s.status !== 'Présent') continue;
    const day = dayFromIso(s.date) as Day; // a journey's dates are readable days
    const minutes = minutesByDay.get(day) ?? null;
    sessions.push({ date: day, theme: s.theme, hours: minutes === null ? null : hoursOfMinutes(minutes) });
  }
  if (sessions.length === 0) throw new UserError(DOCUMENTS_TEXT.noPresence(wanted), 'NO_DATA');
  return {
    organisation: model.settings.organisation,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: valueOf(p.birthDate),
    sessions,
    hours: journey.hours,
    today,
    fundersNote: model.settings.fundersNote,
  };
}
