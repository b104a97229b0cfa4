/**
 * "Présences" view (SPEC §4): pick a date, the session's theme / animateur / lieu, then one
 * Présent / Absent / Excusé choice per expected participant, live counts, one "Enregistrer".
 * The other enrolled people are a collapsed "Autres inscrits (N)" list, rendered only when
 * opened or searched. One server round trip (rpc.ts) to open a date, one to save. Data enters
 * the page as text only (dom.ts). This file builds the controls and wires their events; the
 * state and what each action does to it are in attendance/model.ts (tested with jest), the
 * rendering of a state in attendance/render.ts. Other parts: attendance/roster.ts (a person),
 * attendance/filters.ts (search and toggles), attendance/dates.ts (date checks),
 * attendance/newcomer.ts ("Nouveau jeune"), attendance/confirm.ts (a new session is
 * confirmed); styles in attendance.css and newcomer.css.
 */
import { call, errorMessage } from '../rpc';
import { el, setMessage } from '../dom';
import { ATTENDANCE_TEXT } from '../../i18n/fr/attendance';
import type { AttendanceSheet } from '../../shared/api';
import { NEW_SESSION_TEXT } from '../../i18n/fr/follow-up';
import { confirmNewSession } from './attendance/confirm';
import { newcomerForm } from './attendance/newcomer';
import { dateProblem, frenchIso, localTodayIso } from './attendance/dates';
import { followUpToggle, othersToggle } from './attendance/filters';
import { signInSheetButton } from './attendance/print';
import { setStatus } from './attendance/roster';
import * as model from './attendance/model';
import {
  applyFilter,
  type AttendanceView,
  type Controls,
  noteChange,
  renderFields,
  renderNewcomer,
  renderSheet,
  updateControls,
} from './attendance/render';

const VIEW_TEXT = ATTENDANCE_TEXT.view;
/** The date field loads its roster once its value has settled (not on each ArrowUp/Down). */
const DATE_SETTLE_MS = 400;

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el('div', {}, el('label', { for: id }, label), input);
}

function textInput(id: string, list?: string): HTMLInputElement {
  // No maxlength: a pasted text would be cut silently; a too long one is refused with a message.
  return el('input', { type: 'text', id, list: list ?? null, autocomplete: 'off' });
}

/** The view's controls, built once. */
function buildControls(): Controls {
  return {
    dateInput: el('input', { type: 'date', id: 'att-date', name: 'date', required: true, max: localTodayIso() }),
    themeList: el('datalist', { id: 'att-themes' }),
    themeInput: textInput('att-theme', 'att-themes'),
    facilitatorInput: textInput('att-facilitator'),
    placeInput: textInput('att-place'),
    sessionHint: el('p', { class: 'att-hint muted', id: 'att-session-hint' }),
    message: el('div', { role: 'status', 'aria-live': 'polite', class: 'message', id: 'att-message' }),
    searchInput: el('input', { type: 'search', id: 'att-search', placeholder: VIEW_TEXT.searchPlaceholder, autocomplete: 'off' }),
    allPresent: el('button', { type: 'button', id: 'att-all-present' }, VIEW_TEXT.allPresent),
    counts: el('p', { class: 'att-counts', id: 'att-counts' }),
    roster: el('div', { class: 'att-roster', id: 'att-roster', 'aria-label': VIEW_TEXT.roster, role: 'region' }),
    othersList: el('div', {
      class: 'att-roster att-others',
      id: 'att-others',
      'aria-label': VIEW_TEXT.others,
      role: 'region',
      hidden: true,
    }),
    noMatch: el('p', { class: 'muted', hidden: true }, VIEW_TEXT.noMatch),
    saveButton: el('button', { type: 'button', class: 'primary', id: 'att-save' }, VIEW_TEXT.save),
  };
}

/** The view with its controls and an empty state; the toggles and the newcomer form call back into it. */
function createView(): AttendanceView {
  const ui = buildControls();
  const view: AttendanceView = {
    ui,
    followUp: followUpToggle(() => applyFilter(view)),
    others: othersToggle(() => applyFilter(view)),
    newcomer: newcomerForm(
      () => (view.state.sheet && !view.loading ? view.state.sheet.date : null),
      (result) => renderNewcomer(view, result),
    ),
    actions: el('div', { class: 'att-actions' }, ui.message, ui.saveButton),
    state: model.initialAttendanceState,
    drafts: new Map(),
    rows: [],
    otherRows: new Map(),
    loadSeq: 0,
    shownSeq: 0,
    saving: false,
    confirming: false,
    loading: false,
    loadFailed: false,
  };
  return view;
}

function layout(view: AttendanceView): HTMLElement {
  const { ui, newcomer } = view;
  return el(
    'section',
    { class: 'att-view', 'aria-labelledby': 'att-title' },
    el('h2', { id: 'att-title', class: 'view-title' }, VIEW_TEXT.title),
    field('att-date', VIEW_TEXT.date, ui.dateInput),
    ui.sessionHint,
    field('att-theme', VIEW_TEXT.theme, ui.themeInput),
    ui.themeList,
    el(
      'div',
      { class: 'att-pair' },
      field('att-facilitator', VIEW_TEXT.facilitator, ui.facilitatorInput),
      field('att-place', VIEW_TEXT.place, ui.placeInput),
    ),
    el('div', { class: 'att-toolbar' }, field('att-search', VIEW_TEXT.search, ui.searchInput), ui.allPresent, newcomer.button),
    newcomer.panel,
    el('div', { class: 'att-filters' }, view.followUp.button),
    ui.counts,
    ui.roster,
    ui.noMatch,
    newcomer.offer,
    el('div', { class: 'att-filters' }, view.others.button),
    ui.othersList,
    view.actions,
    signInSheetButton(() => view.state.sheet?.date ?? null).node,
  );
}

// Server round trips ------------------------------------------------------------------------

async function load(view: AttendanceView, date: string): Promise<void> {
  const mine = ++view.loadSeq;
  view.loading = true;
  updateControls(view);
  setMessage(view.ui.message, VIEW_TEXT.loading, 'info');
  try {
    const data = await call('getAttendanceSheet', date);
    if (mine !== view.loadSeq) return;
    view.loadFailed = false;
    renderSheet(view, data);
  } catch (e) {
    if (mine !== view.loadSeq) return;
    view.loadFailed = true;
    setMessage(view.ui.message, VIEW_TEXT.loadFailed(errorMessage(e)), 'error');
  } finally {
    if (mine === view.loadSeq) {
      view.loading = false;
      updateControls(view);
    }
  }
}

/** A new session is a decision (SPEC §4): true once "Créer la séance" is chosen, false if cancelled. */
async function confirmed(view: AttendanceView, sheet: AttendanceSheet): Promise<boolean> {
  view.confirming = true;
  const create = await confirmNewSession(view.actions, sheet.date, sheet.unusualWeekday === true);
  view.confirming = false;
  if (!create) setMessage(view.ui.message, NEW_SESSION_TEXT.cancelled, 'info');
  return create;
}

async function save(view: AttendanceView): Promise<void> {
  const { ui } = view;
  const sheet = view.state.sheet;
  if (!sheet || view.saving || view.loading || view.confirming) return;
  const shown = view.shownSeq;
  const input = model.saveRequest(view.state, ui.dateInput.value, localTodayIso());
  if (typeof input === 'string') {
    setMessage(ui.message, input, 'error');
    return;
  }
  if (model.needsNewSessionConfirmation(view.state)) {
    // Nothing is sent before "Créer la séance".
    if (!(await confirmed(view, sheet))) return;
    if (view.shownSeq !== shown || view.saving || view.loading) return;
  }
  view.saving = true;
  updateControls(view);
  setMessage(ui.message, VIEW_TEXT.saving, 'info');
  try {
    const result = await call('saveAttendance', input);
    if (view.shownSeq === shown) {
      view.state = model.saved(view.state, input);
      view.drafts = model.withoutDraft(view.drafts, sheet.date);
      renderFields(view, true);
      const text = VIEW_TEXT.saved(
        frenchIso(result.date),
        result.written,
        result.unchanged,
        result.sessionCreated,
        result.sessionUpdated,
      );
      setMessage(ui.message, text, 'ok');
    }
  } catch (e) {
    setMessage(ui.message, VIEW_TEXT.saveFailed(errorMessage(e)), 'error');
  } finally {
    view.saving = false;
    updateControls(view);
    if (document.activeElement === document.body) ui.saveButton.focus();
  }
}

// Events ------------------------------------------------------------------------------------

/** The date field loads its value once settled; a missing or future date is refused here. */
function wireDate(view: AttendanceView): void {
  const { ui } = view;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  const dateSettled = (): void => {
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = null;
    const value = ui.dateInput.value;
    if (view.state.sheet && value === view.state.sheet.date && !view.loading) return;
    const problem = dateProblem(value, localTodayIso());
    if (problem) {
      setMessage(ui.message, problem, 'error');
      return;
    }
    view.drafts = model.keepDraft(view.drafts, view.state);
    void load(view, value);
  };
  ui.dateInput.addEventListener('change', () => {
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = setTimeout(dateSettled, DATE_SETTLE_MS);
  });
  ui.dateInput.addEventListener('blur', () => {
    if (settleTimer !== null) dateSettled();
  });
}

function wireEvents(view: AttendanceView): void {
  const { ui } = view;
  wireDate(view);
  const typed = (): void => {
    const fields = { theme: ui.themeInput.value, facilitator: ui.facilitatorInput.value, place: ui.placeInput.value };
    view.state = model.fieldsTyped(view.state, fields);
    noteChange(view);
  };
  for (const input of [ui.themeInput, ui.facilitatorInput, ui.placeInput]) input.addEventListener('input', typed);
  ui.searchInput.addEventListener('input', () => applyFilter(view));
  ui.allPresent.addEventListener('click', () => {
    view.state = model.markAllPresent(view.state);
    for (const r of view.rows) setStatus(r, model.statusOf(view.state, r.id));
    noteChange(view);
  });
  ui.saveButton.addEventListener('click', () => void save(view));
  // After "Préparer le classeur" (menu), coming back to the panel reloads a roster that failed.
  window.addEventListener('focus', () => {
    if (view.loadFailed && !view.loading && !view.saving) void load(view, view.state.sheet?.date ?? '');
  });
}

export function mountAttendance(root: HTMLElement): void {
  const view = createView();
  root.append(layout(view));
  wireEvents(view);
  updateControls(view);
  void load(view, '');
}
