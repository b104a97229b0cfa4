/**
 * The "Présences" view's state, without the DOM (tested with jest): the loaded sheet, the
 * statuses chosen, the session fields typed, the drafts kept per date, the filters, what
 * "Tous présents" does, the counts, the payload of a save and what is kept after it. Every
 * function returns a new state; the view (../attendance.ts) renders it and wires the events.
 */
import { normalizeKey } from '../../../core/text';
import { ATTENDANCE_TEXT } from '../../../i18n/fr/attendance';
import { MAX_ENTRIES, MAX_FIELD_LENGTH } from '../../../shared/limits';
import type {
  AddParticipantResult,
  AttendanceSheet,
  AttendanceSheetOther,
  AttendanceSheetParticipant,
  SaveAttendanceInput,
  Status,
} from '../../../shared/api';
import { dateProblem } from './dates';

const VIEW_TEXT = ATTENDANCE_TEXT.view;

export interface SessionFields {
  theme: string;
  facilitator: string;
  place: string;
}
export const NO_SESSION: SessionFields = { theme: '', facilitator: '', place: '' };

/** What was chosen on a date and not saved, kept while another date is open. */
export interface Draft extends SessionFields {
  statuses: ReadonlyMap<string, Status>;
}
export type Drafts = ReadonlyMap<string, Draft>;

export interface AttendanceState {
  /** The date opened; its participants in the roster's order (newcomers inserted by name). */
  sheet: AttendanceSheet | null;
  /** Statuses as saved in Présences (a person without one is absent from the map). */
  saved: ReadonlyMap<string, Status>;
  /** Statuses shown: the saved ones, then the person's choices (expected people and others). */
  chosen: ReadonlyMap<string, Status>;
  /** Theme, animateur and lieu as typed (trimmed). */
  fields: SessionFields;
}

export const initialAttendanceState: AttendanceState = {
  sheet: null,
  saved: new Map(),
  chosen: new Map(),
  fields: NO_SESSION,
};

export function sessionOf(sheet: AttendanceSheet): SessionFields {
  return sheet.session ?? NO_SESSION;
}

/** A date's sheet arrived: its saved statuses, then the draft kept for that date (if any). */
export function loaded(sheet: AttendanceSheet, draft?: Draft): AttendanceState {
  const saved = new Map<string, Status>();
  for (const p of sheet.participants) if (p.status) saved.set(p.id, p.status);
  const chosen = new Map(saved);
  let fields = sessionOf(sheet);
  if (draft) {
    const known = new Set(sheet.participants.map((p) => p.id));
    for (const o of sheet.others) known.add(o.id);
    for (const [id, status] of draft.statuses) if (known.has(id)) chosen.set(id, status);
    fields = { theme: draft.theme, facilitator: draft.facilitator, place: draft.place };
  }
  return { sheet, saved, chosen, fields };
}

export function choose(state: AttendanceState, id: string, status: Status): AttendanceState {
  const chosen = new Map(state.chosen);
  chosen.set(id, status);
  return { ...state, chosen };
}

export function fieldsTyped(state: AttendanceState, fields: SessionFields): AttendanceState {
  return { ...state, fields: { theme: fields.theme.trim(), facilitator: fields.facilitator.trim(), place: fields.place.trim() } };
}

/** "Tous présents": the expected people not yet marked; a status already chosen is never overwritten. */
export function markAllPresent(state: AttendanceState): AttendanceState {
  if (!state.sheet) return state;
  const chosen = new Map(state.chosen);
  for (const p of state.sheet.participants) if (!chosen.has(p.id)) chosen.set(p.id, 'Présent');
  return { ...state, chosen };
}

export function statusOf(state: AttendanceState, id: string): Status | null {
  return state.chosen.get(id) ?? null;
}

/** Present / absent / excused over everyone marked; not entered over the expected people. */
export function counts(state: AttendanceState): { present: number; absent: number; excused: number; missing: number } {
  let present = 0;
  let absent = 0;
  let excused = 0;
  for (const status of state.chosen.values()) {
    if (status === 'Présent') present++;
    else if (status === 'Absent') absent++;
    else excused++;
  }
  let missing = 0;
  for (const p of state.sheet?.participants ?? []) if (!state.chosen.has(p.id)) missing++;
  return { present, absent, excused, missing };
}

function changedIds(state: AttendanceState): string[] {
  const ids: string[] = [];
  for (const [id, status] of state.chosen) if (state.saved.get(id) !== status) ids.push(id);
  return ids;
}

/** Something differs from what is saved (a status, or the theme / animateur / lieu). */
export function isDirty(state: AttendanceState): boolean {
  if (!state.sheet) return false;
  if (changedIds(state).length > 0) return true;
  const f = state.fields;
  const s = sessionOf(state.sheet);
  return f.theme !== s.theme || f.facilitator !== s.facilitator || f.place !== s.place;
}

/** Leaving a date: what was chosen and not saved is kept for when it is opened again. */
export function keepDraft(drafts: Drafts, state: AttendanceState): Drafts {
  if (!state.sheet || !isDirty(state)) return drafts;
  const statuses = new Map<string, Status>();
  for (const id of changedIds(state)) statuses.set(id, state.chosen.get(id)!);
  const next = new Map(drafts);
  next.set(state.sheet.date, { statuses, ...state.fields });
  return next;
}

/** A newcomer just added to Participants: listed by name among the expected, marked Présent. */
export function newcomerAdded(state: AttendanceState, result: AddParticipantResult): { state: AttendanceState; index: number } {
  if (!state.sheet) return { state, index: -1 };
  const person: AttendanceSheetParticipant = {
    id: result.id,
    name: result.name,
    status: null,
    needsFollowUp: false,
    followUpReason: null,
    phone: null,
    email: null,
  };
  const participants = state.sheet.participants.slice();
  const next = participants.findIndex((p) => p.name.localeCompare(person.name, 'fr') > 0);
  const index = next === -1 ? participants.length : next;
  participants.splice(index, 0, person);
  const chosen = new Map(state.chosen);
  chosen.set(person.id, 'Présent');
  return { state: { ...state, sheet: { ...state.sheet, participants }, chosen }, index };
}

export function searchKeyOf(person: AttendanceSheetOther): string {
  return normalizeKey(`${person.name} ${person.id}`);
}

/** A person of the roster is shown: the search matches (name or ID) and, under "À relancer", they are flagged. */
export function rowShown(searchKey: string, needsFollowUp: boolean, query: string, followUpOnly: boolean): boolean {
  return (query === '' || searchKey.includes(query)) && (!followUpOnly || needsFollowUp);
}

/** The "Autres inscrits" listed: all when the list is open, those the search finds otherwise; none under "À relancer". */
export function visibleOthers(
  others: readonly AttendanceSheetOther[],
  query: string,
  othersOpen: boolean,
  followUpOnly: boolean,
): readonly AttendanceSheetOther[] {
  if (followUpOnly) return [];
  if (othersOpen) return others;
  return query === '' ? [] : others.filter((o) => searchKeyOf(o).includes(query));
}

/** A save on a date without a session creates it: asked first (SPEC §4). */
export function needsNewSessionConfirmation(state: AttendanceState): boolean {
  return state.sheet !== null && state.sheet.session === null;
}

/** The input of `saveAttendance`, or a French refusal (nothing is sent). */
export function saveRequest(state: AttendanceState, dateValue: string, todayIso: string): SaveAttendanceInput | string {
  const sheet = state.sheet;
  if (!sheet) return VIEW_TEXT.dateNotLoaded;
  const problem = dateProblem(dateValue, todayIso);
  if (problem) return problem;
  if (dateValue !== sheet.date) return VIEW_TEXT.dateNotLoaded;
  const fields = state.fields;
  for (const name of ['theme', 'facilitator', 'place'] as const) {
    if (fields[name].length > MAX_FIELD_LENGTH) {
      return VIEW_TEXT.fieldTooLong(ATTENDANCE_TEXT.fieldLabels[name], MAX_FIELD_LENGTH, fields[name].length);
    }
  }
  // The expected people in the roster's order, then the others in their list's order.
  const marked: { participantId: string; status: Status }[] = [];
  for (const list of [sheet.participants, sheet.others]) {
    for (const p of list) {
      const status = state.chosen.get(p.id);
      if (status) marked.push({ participantId: p.id, status });
    }
  }
  // Above the server's limit, send only what changed (the rest is already saved).
  const entries = marked.length > MAX_ENTRIES ? marked.filter((e) => e.status !== state.saved.get(e.participantId)) : marked;
  if (entries.length === 0 && !fields.theme && !fields.facilitator && !fields.place) return VIEW_TEXT.nothingToSave;
  return { date: sheet.date, theme: fields.theme, facilitator: fields.facilitator, place: fields.place, entries };
}

/** After a save: what was sent is saved, the session exists (blank fields keep its values), a new theme is offered. */
export function saved(state: AttendanceState, input: SaveAttendanceInput): AttendanceState {
  const sheet = state.sheet;
  if (!sheet) return state;
  const savedStatuses = new Map(state.saved);
  for (const e of input.entries) {
    const status = state.chosen.get(e.participantId);
    if (status) savedStatuses.set(e.participantId, status);
  }
  const prev = sessionOf(sheet);
  const session = {
    theme: input.theme || prev.theme,
    facilitator: input.facilitator || prev.facilitator,
    place: input.place || prev.place,
  };
  const theme = input.theme ?? '';
  const themes =
    theme && !sheet.themes.some((t) => normalizeKey(t) === normalizeKey(theme)) ? [...sheet.themes, theme] : sheet.themes;
  return { sheet: { ...sheet, session, themes }, saved: savedStatuses, chosen: state.chosen, fields: session };
}

export function withoutDraft(drafts: Drafts, date: string): Drafts {
  if (!drafts.has(date)) return drafts;
  const next = new Map(drafts);
  next.delete(date);
  return next;
}
