/**
 * Renders the "Présences" view's state (model.ts) into its controls: the session fields, the
 * roster of the expected people, the "Autres inscrits" shown, the filters' result, the counts
 * and which controls can be used. The people's fieldsets are built once per loaded date and
 * only shown, hidden or checked afterwards.
 */
import { clear, el, setMessage } from '../../dom';
import { ATTENDANCE_TEXT } from '../../../i18n/fr/attendance';
import type { AddParticipantResult, AttendanceSheet, AttendanceSheetOther, Status } from '../../../shared/api';
import type { NewcomerForm } from './newcomer';
import { applyRowFilter, queryKey, type Toggle } from './filters';
import * as model from './model';
import { renderRow, type Row, setStatus } from './roster';

const VIEW_TEXT = ATTENDANCE_TEXT.view;

export interface Controls {
  dateInput: HTMLInputElement;
  themeList: HTMLDataListElement;
  themeInput: HTMLInputElement;
  facilitatorInput: HTMLInputElement;
  placeInput: HTMLInputElement;
  sessionHint: HTMLParagraphElement;
  message: HTMLDivElement;
  searchInput: HTMLInputElement;
  allPresent: HTMLButtonElement;
  counts: HTMLParagraphElement;
  roster: HTMLDivElement;
  othersList: HTMLDivElement;
  noMatch: HTMLParagraphElement;
  saveButton: HTMLButtonElement;
}

/** The mounted view: its controls, its state, and the fieldsets rendered for the date shown. */
export interface AttendanceView {
  ui: Controls;
  followUp: Toggle;
  others: Toggle;
  newcomer: NewcomerForm;
  /** The message and "Enregistrer", where the new-session confirmation appears. */
  actions: HTMLElement;
  state: model.AttendanceState;
  drafts: model.Drafts;
  /** The expected people's fieldsets, in the roster's order. */
  rows: Row[];
  /** The "Autres inscrits" rendered so far (when listed), by ID. */
  otherRows: Map<string, Row>;
  /** Counts the loads asked for (the latest answer wins) and names the radio groups. */
  loadSeq: number;
  /** The load whose sheet is shown (a save applies only to the sheet it was sent for). */
  shownSeq: number;
  saving: boolean;
  confirming: boolean;
  loading: boolean;
  loadFailed: boolean;
}

export function updateControls(view: AttendanceView): void {
  const { ui } = view;
  const busy = view.saving || view.loading;
  // aria-disabled, not disabled: the button keeps the focus during and after a save.
  ui.saveButton.setAttribute('aria-disabled', busy || !view.state.sheet ? 'true' : 'false');
  ui.saveButton.setAttribute('aria-busy', view.saving ? 'true' : 'false');
  ui.allPresent.disabled = busy || view.rows.length === 0;
  ui.dateInput.disabled = view.saving;
  view.newcomer.setEnabled(view.state.sheet !== null && !view.loading);
}

function updateCounts(view: AttendanceView): void {
  const c = model.counts(view.state);
  view.ui.counts.textContent = VIEW_TEXT.counts(c.present, c.absent, c.excused, c.missing);
}

export function noteChange(view: AttendanceView): void {
  updateCounts(view);
  if (model.isDirty(view.state)) setMessage(view.ui.message, VIEW_TEXT.unsaved, 'info');
}

function chosen(view: AttendanceView): (id: string, status: Status) => void {
  return (id, status) => {
    view.state = model.choose(view.state, id, status);
    noteChange(view);
  };
}

function otherRow(view: AttendanceView, person: AttendanceSheetOther): Row {
  let row = view.otherRows.get(person.id);
  if (row) return row;
  const status = model.statusOf(view.state, person.id);
  row = renderRow({ ...person, status }, `att-${view.loadSeq}-o-${view.otherRows.size}`, false, chosen(view));
  view.otherRows.set(person.id, row);
  return row;
}

/** Others are rendered only when the list is opened, or when the search looks for them. */
function showOthers(view: AttendanceView, query: string): number {
  const { ui } = view;
  const list = model.visibleOthers(view.state.sheet?.others ?? [], query, view.others.on, view.followUp.on);
  clear(ui.othersList);
  const rows = list.map((o) => otherRow(view, o));
  for (const r of rows) ui.othersList.append(r.node);
  const shown = applyRowFilter(rows, query, false);
  ui.othersList.hidden = list.length === 0;
  return shown;
}

export function applyFilter(view: AttendanceView): void {
  const { ui } = view;
  const query = queryKey(ui.searchInput.value);
  const visible = applyRowFilter(view.rows, query, view.followUp.on) + showOthers(view, query);
  ui.roster.classList.toggle('att-calling', view.followUp.on);
  ui.noMatch.hidden = visible > 0 || (view.rows.length === 0 && query === '');
  view.newcomer.setOffer(ui.searchInput.value, visible === 0 && query !== '');
}

/** A newcomer just added to Participants: listed, marked Présent, saved with the rest. */
export function renderNewcomer(view: AttendanceView, result: AddParticipantResult): void {
  const { ui } = view;
  const added = model.newcomerAdded(view.state, result);
  if (added.index < 0) return;
  view.state = added.state;
  const person = added.state.sheet!.participants[added.index];
  const row = renderRow(person, `att-${view.loadSeq}-n-${view.rows.length}`, true, chosen(view));
  setStatus(row, 'Présent');
  if (view.rows.length === 0) clear(ui.roster);
  const next = view.rows[added.index];
  ui.roster.insertBefore(row.node, next ? next.node : null);
  view.rows.splice(added.index, 0, row);
  ui.searchInput.value = '';
  applyFilter(view);
  updateControls(view);
  noteChange(view);
}

/** The theme / animateur / lieu inputs, the theme suggestions and the "new session" hint. */
export function renderFields(view: AttendanceView, themes: boolean): void {
  const { ui } = view;
  const sheet = view.state.sheet;
  if (!sheet) return;
  if (themes) {
    clear(ui.themeList);
    for (const t of sheet.themes) ui.themeList.append(el('option', { value: t }));
  }
  ui.themeInput.value = view.state.fields.theme;
  ui.facilitatorInput.value = view.state.fields.facilitator;
  ui.placeInput.value = view.state.fields.place;
  ui.sessionHint.textContent = sheet.session ? '' : VIEW_TEXT.newSession;
}

/** A date's sheet arrived: the roster is rebuilt, with the draft kept for that date (if any). */
export function renderSheet(view: AttendanceView, data: AttendanceSheet): void {
  const { ui } = view;
  const draft = view.drafts.get(data.date);
  view.state = model.loaded(data, draft);
  view.shownSeq = view.loadSeq;
  ui.dateInput.value = data.date;
  renderFields(view, true);
  clear(ui.roster);
  view.otherRows.clear();
  view.rows = data.participants.map((p, i) =>
    renderRow({ ...p, status: model.statusOf(view.state, p.id) }, `att-${view.loadSeq}-${i}`, true, chosen(view)),
  );
  for (const r of view.rows) ui.roster.append(r.node);
  if (view.rows.length === 0) ui.roster.append(el('p', { class: 'muted' }, VIEW_TEXT.empty));
  view.followUp.setCount(view.rows.filter((r) => r.needsFollowUp).length);
  if (view.followUp.button.hidden) view.followUp.set(false);
  view.others.setCount(data.others.length);
  applyFilter(view);
  updateCounts(view);
  setMessage(ui.message, draft && model.isDirty(view.state) ? VIEW_TEXT.draftKept : '', 'info');
}
