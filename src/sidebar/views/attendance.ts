/**
 * "Présences" view (SPEC §4): pick a date, the session's theme / animateur / lieu, then one
 * Présent / Absent / Excusé choice per expected participant, live counts, one "Enregistrer".
 * One server round trip (rpc.ts) to open a date, one to save (the view then shows the
 * saved state without reloading). Data enters the page as text only (dom.ts).
 */
import { call, errorMessage } from '../rpc';
import { clear, el, setMessage } from '../dom';
import { dayFromIso, frenchDate } from '../../core/days';
import { normalizeKey } from '../../core/text';
import { ATTENDANCE_TEXT } from '../../i18n/fr/attendance';
import { STATUSES } from '../../shared/api';
import type { AttendanceSheet, AttendanceSheetParticipant, SaveAttendanceInput, Status } from '../../shared/api';

const V = ATTENDANCE_TEXT.view;
/** The server refuses more entries than this in one save (SPEC §5). */
const MAX_ENTRIES = 1000;

const CSS = `
.att-view label { margin-top: 6px; }
.att-pair { display: flex; gap: 6px; }
.att-pair > div { flex: 1; min-width: 0; }
.att-hint { font-size: 12px; margin: 2px 0 0; }
.att-toolbar { display: flex; gap: 6px; align-items: flex-end; margin: 10px 0 4px; }
.att-toolbar > div { flex: 1; min-width: 0; }
.att-toolbar label { margin-top: 0; }
.att-counts { font-size: 12px; color: var(--muted); margin: 4px 0 6px; }
.att-roster { display: flex; flex-direction: column; }
.att-person { border: 0; border-bottom: 1px solid #f1f3f4; margin: 0; padding: 5px 0 6px; min-width: 0; }
.att-person[hidden] { display: none; }
.att-person legend { padding: 0; font-weight: bold; width: 100%; overflow-wrap: anywhere; }
.att-person .badge { margin-left: 4px; font-weight: normal; }
.att-choices { display: flex; gap: 4px; margin-top: 3px; }
.att-view .att-choice { flex: 1; display: flex; align-items: center; gap: 3px; margin: 0; padding: 2px 4px; font-weight: normal;
  font-size: 12px; border: 1px solid var(--border); border-radius: 12px; cursor: pointer; white-space: nowrap; }
.att-choice input { margin: 0; }
.att-choice:has(input:focus-visible) { outline: 2px solid var(--accent); outline-offset: 1px; }
.att-choice.att-present:has(input:checked) { background: #e6f4ea; border-color: var(--ok); color: var(--ok); }
.att-choice.att-absent:has(input:checked) { background: #fce8e6; border-color: var(--error); color: var(--error); }
.att-choice.att-excused:has(input:checked) { background: #fef7e0; border-color: var(--warn); color: var(--warn); }
.att-actions { position: sticky; bottom: 0; background: #fff; padding: 6px 0 0; }
.att-actions .primary { width: 100%; }
.att-actions .message { margin: 0 0 6px; }
.att-reason { margin: 1px 0 0; font-size: 11px; color: var(--warn); }
`;

const CHOICE_CLASS: Record<Status, string> = { Présent: 'att-present', Absent: 'att-absent', Excusé: 'att-excused' };

interface Row {
  person: AttendanceSheetParticipant;
  saved: Status | null;
  current: Status | null;
  node: HTMLFieldSetElement;
  radios: Record<Status, HTMLInputElement>;
  searchKey: string;
}

interface Draft {
  statuses: Map<string, Status>;
  theme: string;
  facilitator: string;
  place: string;
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return el('div', {}, el('label', { for: id }, label), input);
}

export function mountAttendance(root: HTMLElement): void {
  let loadSeq = 0;
  let sheet: AttendanceSheet | null = null;
  let rows: Row[] = [];
  let saving = false;
  let loading = false;
  const drafts = new Map<string, Draft>();

  const dateInput = el('input', { type: 'date', id: 'att-date', name: 'date', required: true });
  const themeList = el('datalist', { id: 'att-themes' });
  const themeInput = el('input', { type: 'text', id: 'att-theme', list: 'att-themes', autocomplete: 'off', maxlength: 200 });
  const facilitatorInput = el('input', { type: 'text', id: 'att-facilitator', autocomplete: 'off', maxlength: 200 });
  const placeInput = el('input', { type: 'text', id: 'att-place', autocomplete: 'off', maxlength: 200 });
  const sessionHint = el('p', { class: 'att-hint muted', id: 'att-session-hint' });
  const message = el('div', { role: 'status', 'aria-live': 'polite', class: 'message', id: 'att-message' });
  const searchInput = el('input', { type: 'search', id: 'att-search', placeholder: V.searchPlaceholder, autocomplete: 'off' });
  const allPresent = el('button', { type: 'button', id: 'att-all-present' }, V.allPresent);
  const counts = el('p', { class: 'att-counts', id: 'att-counts' });
  const roster = el('div', { class: 'att-roster', id: 'att-roster', 'aria-label': V.roster, role: 'region' });
  const noMatch = el('p', { class: 'muted', hidden: true }, V.noMatch);
  const saveButton = el('button', { type: 'button', class: 'primary', id: 'att-save' }, V.save);

  root.append(
    el('style', {}, CSS),
    el('h2', { class: 'view-title' }, V.title),
    el(
      'section',
      { class: 'att-view', 'aria-label': V.title },
      field('att-date', V.date, dateInput),
      sessionHint,
      field('att-theme', V.theme, themeInput),
      themeList,
      el('div', { class: 'att-pair' }, field('att-facilitator', V.facilitator, facilitatorInput), field('att-place', V.place, placeInput)),
      el('div', { class: 'att-toolbar' }, field('att-search', V.search, searchInput), allPresent),
      counts,
      roster,
      noMatch,
      el('div', { class: 'att-actions' }, message, saveButton),
    ),
  );

  // State helpers -------------------------------------------------------------------------

  const sessionFields = () => ({
    theme: themeInput.value.trim(),
    facilitator: facilitatorInput.value.trim(),
    place: placeInput.value.trim(),
  });

  const isDirty = (): boolean => {
    if (!sheet) return false;
    if (rows.some((r) => r.current !== r.saved)) return true;
    const f = sessionFields();
    const s = sheet.session ?? { theme: '', facilitator: '', place: '' };
    return f.theme !== s.theme || f.facilitator !== s.facilitator || f.place !== s.place;
  };

  const updateControls = (): void => {
    const busy = saving || loading;
    saveButton.disabled = busy || !sheet;
    saveButton.setAttribute('aria-busy', saving ? 'true' : 'false');
    allPresent.disabled = busy || rows.length === 0;
    dateInput.disabled = saving;
  };

  const updateCounts = (): void => {
    let present = 0;
    let absent = 0;
    let excused = 0;
    for (const r of rows) {
      if (r.current === 'Présent') present++;
      else if (r.current === 'Absent') absent++;
      else if (r.current === 'Excusé') excused++;
    }
    counts.textContent = V.counts(present, absent, excused, rows.length - present - absent - excused);
  };

  const noteChange = (): void => {
    updateCounts();
    if (isDirty()) setMessage(message, V.unsaved, 'info');
  };

  const setStatus = (row: Row, status: Status | null): void => {
    row.current = status;
    for (const s of STATUSES) row.radios[s].checked = s === status;
  };

  const applyFilter = (): void => {
    const q = normalizeKey(searchInput.value);
    let visible = 0;
    for (const r of rows) {
      const show = q === '' || r.searchKey.includes(q);
      r.node.hidden = !show;
      if (show) visible++;
    }
    noMatch.hidden = visible > 0 || rows.length === 0;
  };

  // Rendering -------------------------------------------------------------------------------

  const renderRow = (person: AttendanceSheetParticipant, index: number): Row => {
    const group = `att-${loadSeq}-${index}`;
    const radios = {} as Record<Status, HTMLInputElement>;
    const choices = STATUSES.map((s) => {
      const input = el('input', { type: 'radio', name: group, value: s });
      input.checked = person.status === s;
      radios[s] = input;
      return el('label', { class: `att-choice ${CHOICE_CLASS[s]}` }, input, el('span', {}, V.statuses[s]));
    });
    const reasonId = `${group}-why`;
    const flagged = person.needsFollowUp === true;
    const node = el(
      'fieldset',
      {
        class: 'att-person',
        'aria-label': person.name,
        'aria-describedby': flagged ? reasonId : null,
        'data-id': person.id,
      },
      el(
        'legend',
        {},
        el('span', { class: 'att-name' }, person.name),
        flagged
          ? el('span', { class: 'badge badge-warning', title: person.followUpReason ?? '' }, ATTENDANCE_TEXT.followUp)
          : null,
      ),
      flagged ? el('p', { class: 'att-reason', id: reasonId }, person.followUpReason ?? '') : null,
      el('div', { class: 'att-choices' }, choices),
    );
    const row: Row = {
      person,
      saved: person.status,
      current: person.status,
      node,
      radios,
      searchKey: normalizeKey(`${person.name} ${person.id}`),
    };
    node.addEventListener('change', (ev) => {
      const target = ev.target as HTMLInputElement;
      if (target.type !== 'radio' || !target.checked) return;
      row.current = target.value as Status;
      noteChange();
    });
    return row;
  };

  const render = (data: AttendanceSheet): void => {
    sheet = data;
    dateInput.value = data.date;
    clear(themeList);
    for (const t of data.themes) themeList.append(el('option', { value: t }));
    const s = data.session ?? { theme: '', facilitator: '', place: '' };
    themeInput.value = s.theme;
    facilitatorInput.value = s.facilitator;
    placeInput.value = s.place;
    sessionHint.textContent = data.session ? '' : V.newSession;
    clear(roster);
    rows = data.participants.map(renderRow);
    for (const r of rows) roster.append(r.node);
    if (rows.length === 0) roster.append(el('p', { class: 'muted' }, V.empty));
    const draft = drafts.get(data.date);
    if (draft) {
      for (const r of rows) {
        const st = draft.statuses.get(r.person.id);
        if (st) setStatus(r, st);
      }
      themeInput.value = draft.theme;
      facilitatorInput.value = draft.facilitator;
      placeInput.value = draft.place;
    }
    applyFilter();
    updateCounts();
    if (draft && isDirty()) setMessage(message, V.draftKept, 'info');
    else setMessage(message, '', 'info');
  };

  const keepDraft = (): void => {
    if (!sheet || !isDirty()) return;
    const statuses = new Map<string, Status>();
    for (const r of rows) if (r.current && r.current !== r.saved) statuses.set(r.person.id, r.current);
    drafts.set(sheet.date, { statuses, ...sessionFields() });
  };

  // Server round trips ------------------------------------------------------------------------

  const load = async (date: string): Promise<void> => {
    const mine = ++loadSeq;
    loading = true;
    updateControls();
    setMessage(message, V.loading, 'info');
    try {
      const data = await call('getAttendanceSheet', date);
      if (mine !== loadSeq) return;
      render(data);
    } catch (e) {
      if (mine !== loadSeq) return;
      setMessage(message, V.loadFailed(errorMessage(e)), 'error');
    } finally {
      if (mine === loadSeq) {
        loading = false;
        updateControls();
      }
    }
  };

  const save = async (): Promise<void> => {
    if (!sheet || saving || loading) return;
    const current = sheet;
    const marked = rows.filter((r) => r.current !== null);
    // Above the server's limit, send only what changed (the rest is already saved).
    const toSend = marked.length > MAX_ENTRIES ? marked.filter((r) => r.current !== r.saved) : marked;
    const fields = sessionFields();
    if (toSend.length === 0 && !fields.theme && !fields.facilitator && !fields.place) {
      setMessage(message, V.nothingToSave, 'error');
      return;
    }
    const input: SaveAttendanceInput = {
      date: current.date,
      theme: fields.theme,
      facilitator: fields.facilitator,
      place: fields.place,
      entries: toSend.map((r) => ({ participantId: r.person.id, status: r.current as Status })),
    };
    saving = true;
    updateControls();
    setMessage(message, V.saving, 'info');
    try {
      const result = await call('saveAttendance', input);
      if (sheet !== current) return;
      for (const r of toSend) r.saved = r.current;
      const prev = current.session ?? { theme: '', facilitator: '', place: '' };
      current.session = {
        theme: fields.theme || prev.theme,
        facilitator: fields.facilitator || prev.facilitator,
        place: fields.place || prev.place,
      };
      themeInput.value = current.session.theme;
      facilitatorInput.value = current.session.facilitator;
      placeInput.value = current.session.place;
      sessionHint.textContent = '';
      if (fields.theme && !current.themes.some((t) => normalizeKey(t) === normalizeKey(fields.theme))) {
        current.themes.push(fields.theme);
        themeList.append(el('option', { value: fields.theme }));
      }
      drafts.delete(current.date);
      const day = dayFromIso(result.date);
      setMessage(
        message,
        V.saved(day === null ? result.date : frenchDate(day), result.written, result.unchanged, result.sessionCreated),
        'ok',
      );
    } catch (e) {
      setMessage(message, V.saveFailed(errorMessage(e)), 'error');
    } finally {
      saving = false;
      updateControls();
    }
  };

  // Events ------------------------------------------------------------------------------------

  dateInput.addEventListener('change', () => {
    const value = dateInput.value;
    if (!value || (sheet && value === sheet.date && !loading)) return;
    keepDraft();
    void load(value);
  });
  for (const input of [themeInput, facilitatorInput, placeInput]) input.addEventListener('input', noteChange);
  searchInput.addEventListener('input', applyFilter);
  allPresent.addEventListener('click', () => {
    for (const r of rows) setStatus(r, 'Présent');
    noteChange();
  });
  saveButton.addEventListener('click', () => void save());

  updateControls();
  void load('');
}
