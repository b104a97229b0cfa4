/**
 * "Présences" view (SPEC §4): pick a date, the session's theme / animateur / lieu, then one
 * Présent / Absent / Excusé choice per expected participant, live counts, one "Enregistrer".
 * The other enrolled people are a collapsed "Autres inscrits (N)" list, rendered only when
 * opened or searched. One server round trip (rpc.ts) to open a date, one to save. Data enters
 * the page as text only (dom.ts). Parts: attendance/roster.ts (a person), attendance/filters.ts
 * (search and toggles), attendance/dates.ts (date checks), attendance/newcomer.ts ("Nouveau
 * jeune"), attendance/confirm.ts (a new session is confirmed); styles in attendance.css and
 * newcomer.css.
 */
import { call, errorMessage } from '../rpc';
import { clear, el, setMessage } from '../dom';
import { normalizeKey } from '../../core/text';
import { ATTENDANCE_TEXT } from '../../i18n/fr/attendance';
import { MAX_ENTRIES, MAX_FIELD_LENGTH } from '../../shared/limits';
import type { AddParticipantResult, AttendanceSheet, SaveAttendanceInput, SaveAttendanceResult, Status } from '../../shared/api';
import { NEW_SESSION_TEXT } from '../../i18n/fr/follow-up';
import { confirmNewSession } from './attendance/confirm';
import { newcomerForm } from './attendance/newcomer';
import { dateProblem, frenchIso, localTodayIso } from './attendance/dates';
import { applyRowFilter, followUpToggle, othersToggle, queryKey } from './attendance/filters';
import { countStatuses, renderRow, Row, setStatus } from './attendance/roster';
import { signInSheetButton } from './attendance/print';

const VIEW_TEXT = ATTENDANCE_TEXT.view;
/** The date field loads its roster once its value has settled (not on each ArrowUp/Down). */
const DATE_SETTLE_MS = 400;

interface Draft {
  statuses: Map<string, Status>;
  theme: string;
  facilitator: string;
  place: string;
}

type SessionFields = { theme: string; facilitator: string; place: string };
const NO_SESSION: SessionFields = { theme: '', facilitator: '', place: '' };

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el('div', {}, el('label', { for: id }, label), input);
}

function textInput(id: string, list?: string): HTMLInputElement {
  // No maxlength: a pasted text would be cut silently; a too long one is refused with a message.
  return el('input', { type: 'text', id, list: list ?? null, autocomplete: 'off' });
}

/** The view's controls, built once. */
function buildControls() {
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

export function mountAttendance(root: HTMLElement): void {
  const ui = buildControls();
  let loadSeq = 0;
  let sheet: AttendanceSheet | null = null;
  let rows: Row[] = [];
  const otherRows = new Map<string, Row>();
  let saving = false;
  let confirming = false;
  let loading = false;
  let loadFailed = false;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  const drafts = new Map<string, Draft>();

  const followUp = followUpToggle(() => applyFilter());
  const others = othersToggle(() => applyFilter());
  const newcomer = newcomerForm(
    () => (sheet && !loading ? sheet.date : null),
    (result) => addNewcomer(result),
  );
  const actions = el('div', { class: 'att-actions' }, ui.message, ui.saveButton);

  root.append(
    el(
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
      el('div', { class: 'att-filters' }, followUp.button),
      ui.counts,
      ui.roster,
      ui.noMatch,
      newcomer.offer,
      el('div', { class: 'att-filters' }, others.button),
      ui.othersList,
      actions,
      signInSheetButton(() => sheet?.date ?? null).node,
    ),
  );

  // State helpers -------------------------------------------------------------------------

  const sessionFields = (): SessionFields => ({
    theme: ui.themeInput.value.trim(),
    facilitator: ui.facilitatorInput.value.trim(),
    place: ui.placeInput.value.trim(),
  });

  const allRows = (): Row[] => rows.concat([...otherRows.values()]);

  const isDirty = (): boolean => {
    if (!sheet) return false;
    if (allRows().some((r) => r.current !== r.saved)) return true;
    const f = sessionFields();
    const s = sheet.session ?? NO_SESSION;
    return f.theme !== s.theme || f.facilitator !== s.facilitator || f.place !== s.place;
  };

  const updateControls = (): void => {
    const busy = saving || loading;
    // aria-disabled, not disabled: the button keeps the focus during and after a save.
    ui.saveButton.setAttribute('aria-disabled', busy || !sheet ? 'true' : 'false');
    ui.saveButton.setAttribute('aria-busy', saving ? 'true' : 'false');
    ui.allPresent.disabled = busy || rows.length === 0;
    ui.dateInput.disabled = saving;
    newcomer.setEnabled(sheet !== null && !loading);
  };

  const updateCounts = (): void => {
    const c = countStatuses(allRows());
    ui.counts.textContent = VIEW_TEXT.counts(c.present, c.absent, c.excused, c.missing);
  };

  const noteChange = (): void => {
    updateCounts();
    if (isDirty()) setMessage(ui.message, VIEW_TEXT.unsaved, 'info');
  };

  const otherRow = (id: string): Row | null => {
    let row = otherRows.get(id);
    if (row) return row;
    const person = sheet?.others.find((o) => o.id === id);
    if (!person) return null;
    row = renderRow(person, `att-${loadSeq}-o-${otherRows.size}`, false, noteChange);
    otherRows.set(id, row);
    return row;
  };

  /** Others are rendered only when the list is opened, or when the search looks for them. */
  const showOthers = (query: string): number => {
    const list = sheet?.others ?? [];
    const visibleList =
      others.on && !followUp.on
        ? list
        : query !== '' && !followUp.on
          ? list.filter((o) => normalizeKey(`${o.name} ${o.id}`).includes(query))
          : [];
    clear(ui.othersList);
    for (const o of visibleList) ui.othersList.append(otherRow(o.id)!.node);
    const shown = applyRowFilter(
      visibleList.map((o) => otherRows.get(o.id)!),
      query,
      false,
    );
    ui.othersList.hidden = visibleList.length === 0;
    return shown;
  };

  function applyFilter(): void {
    const query = queryKey(ui.searchInput.value);
    const visible = applyRowFilter(rows, query, followUp.on) + showOthers(query);
    ui.roster.classList.toggle('att-calling', followUp.on);
    ui.noMatch.hidden = visible > 0 || (rows.length === 0 && query === '');
    newcomer.setOffer(ui.searchInput.value, visible === 0 && query !== '');
  }

  /** A newcomer just added to Participants: listed, marked Présent, saved with the rest. */
  function addNewcomer(result: AddParticipantResult): void {
    if (!sheet) return;
    const person = {
      id: result.id,
      name: result.name,
      status: null,
      needsFollowUp: false,
      followUpReason: null,
      phone: null,
      email: null,
    };
    sheet.participants.push(person);
    const row = renderRow(person, `att-${loadSeq}-n-${rows.length}`, true, noteChange);
    setStatus(row, 'Présent');
    if (rows.length === 0) clear(ui.roster);
    const next = rows.find((r) => r.name.localeCompare(row.name, 'fr') > 0);
    ui.roster.insertBefore(row.node, next ? next.node : null);
    rows.splice(next ? rows.indexOf(next) : rows.length, 0, row);
    ui.searchInput.value = '';
    applyFilter();
    updateControls();
    noteChange();
  }

  // Rendering -------------------------------------------------------------------------------

  const render = (data: AttendanceSheet): void => {
    sheet = data;
    ui.dateInput.value = data.date;
    clear(ui.themeList);
    for (const t of data.themes) ui.themeList.append(el('option', { value: t }));
    const s = data.session ?? NO_SESSION;
    ui.themeInput.value = s.theme;
    ui.facilitatorInput.value = s.facilitator;
    ui.placeInput.value = s.place;
    ui.sessionHint.textContent = data.session ? '' : VIEW_TEXT.newSession;
    clear(ui.roster);
    otherRows.clear();
    rows = data.participants.map((p, i) => renderRow(p, `att-${loadSeq}-${i}`, true, noteChange));
    for (const r of rows) ui.roster.append(r.node);
    if (rows.length === 0) ui.roster.append(el('p', { class: 'muted' }, VIEW_TEXT.empty));
    followUp.setCount(rows.filter((r) => r.needsFollowUp).length);
    if (followUp.button.hidden) followUp.set(false);
    others.setCount(data.others.length);
    const draft = drafts.get(data.date);
    if (draft) {
      for (const [id, st] of draft.statuses) {
        const row = rows.find((r) => r.id === id) ?? otherRow(id);
        if (row) setStatus(row, st);
      }
      ui.themeInput.value = draft.theme;
      ui.facilitatorInput.value = draft.facilitator;
      ui.placeInput.value = draft.place;
    }
    applyFilter();
    updateCounts();
    setMessage(ui.message, draft && isDirty() ? VIEW_TEXT.draftKept : '', 'info');
  };

  const keepDraft = (): void => {
    if (!sheet || !isDirty()) return;
    const statuses = new Map<string, Status>();
    for (const r of allRows()) if (r.current && r.current !== r.saved) statuses.set(r.id, r.current);
    drafts.set(sheet.date, { statuses, ...sessionFields() });
  };

  // Server round trips ------------------------------------------------------------------------

  const load = async (date: string): Promise<void> => {
    const mine = ++loadSeq;
    loading = true;
    updateControls();
    setMessage(ui.message, VIEW_TEXT.loading, 'info');
    try {
      const data = await call('getAttendanceSheet', date);
      if (mine !== loadSeq) return;
      loadFailed = false;
      render(data);
    } catch (e) {
      if (mine !== loadSeq) return;
      loadFailed = true;
      setMessage(ui.message, VIEW_TEXT.loadFailed(errorMessage(e)), 'error');
    } finally {
      if (mine === loadSeq) {
        loading = false;
        updateControls();
      }
    }
  };

  /** The input of a save, or a French refusal (nothing is sent). */
  const saveInput = (current: AttendanceSheet): SaveAttendanceInput | string => {
    const problem = dateProblem(ui.dateInput.value, localTodayIso());
    if (problem) return problem;
    if (ui.dateInput.value !== current.date) return VIEW_TEXT.dateNotLoaded;
    const fields = sessionFields();
    for (const name of ['theme', 'facilitator', 'place'] as const) {
      if (fields[name].length > MAX_FIELD_LENGTH) {
        return VIEW_TEXT.fieldTooLong(ATTENDANCE_TEXT.fieldLabels[name], MAX_FIELD_LENGTH, fields[name].length);
      }
    }
    const marked = allRows().filter((r) => r.current !== null);
    // Above the server's limit, send only what changed (the rest is already saved).
    const toSend = marked.length > MAX_ENTRIES ? marked.filter((r) => r.current !== r.saved) : marked;
    if (toSend.length === 0 && !fields.theme && !fields.facilitator && !fields.place) return VIEW_TEXT.nothingToSave;
    return {
      date: current.date,
      theme: fields.theme,
      facilitator: fields.facilitator,
      place: fields.place,
      entries: toSend.map((r) => ({ participantId: r.id, status: r.current as Status })),
    };
  };

  const afterSave = (current: AttendanceSheet, input: SaveAttendanceInput, result: SaveAttendanceResult): void => {
    const sent = new Set(input.entries.map((e) => e.participantId));
    for (const r of allRows()) if (sent.has(r.id)) r.saved = r.current;
    const prev = current.session ?? NO_SESSION;
    current.session = {
      theme: input.theme || prev.theme,
      facilitator: input.facilitator || prev.facilitator,
      place: input.place || prev.place,
    };
    ui.themeInput.value = current.session.theme;
    ui.facilitatorInput.value = current.session.facilitator;
    ui.placeInput.value = current.session.place;
    ui.sessionHint.textContent = '';
    const theme = input.theme ?? '';
    if (theme && !current.themes.some((t) => normalizeKey(t) === normalizeKey(theme))) {
      current.themes.push(theme);
      ui.themeList.append(el('option', { value: theme }));
    }
    drafts.delete(current.date);
    setMessage(
      ui.message,
      VIEW_TEXT.saved(frenchIso(result.date), result.written, result.unchanged, result.sessionCreated, result.sessionUpdated),
      'ok',
    );
  };

  const save = async (): Promise<void> => {
    if (!sheet || saving || loading || confirming) return;
    const current = sheet;
    const input = saveInput(current);
    if (typeof input === 'string') {
      setMessage(ui.message, input, 'error');
      return;
    }
    if (current.session === null) {
      // A new session is a decision (SPEC §4): nothing is sent before "Créer la séance".
      confirming = true;
      const create = await confirmNewSession(actions, current.date, current.unusualWeekday === true);
      confirming = false;
      if (!create) {
        setMessage(ui.message, NEW_SESSION_TEXT.cancelled, 'info');
        return;
      }
      if (sheet !== current || saving || loading) return;
    }
    saving = true;
    updateControls();
    setMessage(ui.message, VIEW_TEXT.saving, 'info');
    try {
      const result = await call('saveAttendance', input);
      if (sheet === current) afterSave(current, input, result);
    } catch (e) {
      setMessage(ui.message, VIEW_TEXT.saveFailed(errorMessage(e)), 'error');
    } finally {
      saving = false;
      updateControls();
      if (document.activeElement === document.body) ui.saveButton.focus();
    }
  };

  // Events ------------------------------------------------------------------------------------

  /** Loads the date field's value once settled; a missing or future date is refused here. */
  const dateSettled = (): void => {
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = null;
    const value = ui.dateInput.value;
    if (sheet && value === sheet.date && !loading) return;
    const problem = dateProblem(value, localTodayIso());
    if (problem) {
      setMessage(ui.message, problem, 'error');
      return;
    }
    keepDraft();
    void load(value);
  };
  ui.dateInput.addEventListener('change', () => {
    if (settleTimer !== null) clearTimeout(settleTimer);
    settleTimer = setTimeout(dateSettled, DATE_SETTLE_MS);
  });
  ui.dateInput.addEventListener('blur', () => {
    if (settleTimer !== null) dateSettled();
  });
  for (const input of [ui.themeInput, ui.facilitatorInput, ui.placeInput]) input.addEventListener('input', noteChange);
  ui.searchInput.addEventListener('input', applyFilter);
  ui.allPresent.addEventListener('click', () => {
    // Only the expected people not yet marked: a status already chosen is never overwritten.
    for (const r of rows) if (r.current === null) setStatus(r, 'Présent');
    noteChange();
  });
  ui.saveButton.addEventListener('click', () => void save());
  // After "Préparer le classeur" (menu), coming back to the panel reloads a roster that failed.
  window.addEventListener('focus', () => {
    if (loadFailed && !loading && !saving) void load(sheet?.date ?? '');
  });

  updateControls();
  void load('');
}
