/**
 * "Parcours" view (SPEC §10): one round trip opens it (the directory, and the journey of the
 * participant on the active row of `Participants`); one per person chosen. Read-only. Names,
 * themes and contacts enter the page as text only (dom.ts), never as HTML. The directory's
 * search is in journey-model.ts (tested with jest).
 */
import { call, errorMessage } from '../rpc';
import { clear, el, setMessage } from '../dom';
import { dayFromIso, frenchDate } from '../../core/days';
import { JOURNEY_TEXT } from '../../i18n/fr/journey';
import { journeyHoursText } from '../../i18n/fr/hours';
import type { DirectoryEntry, Journey } from '../../shared/api';
import { certificateButton } from './certificate-button';
import { countText, directoryKeys, filterDirectory } from './journey-model';

const VIEW_TEXT = JOURNEY_TEXT.view;

const CSS = `
.jr-list { list-style: none; margin: 6px 0 0; padding: 0; }
.jr-list li { border-bottom: 1px solid #f1f3f4; }
.jr-list button { width: 100%; text-align: left; border: 0; border-radius: 0; background: none; padding: 6px 2px;
  display: flex; justify-content: space-between; gap: 6px; overflow-wrap: anywhere; }
.jr-list button:hover { background: #f1f3f4; }
.jr-count { font-size: 12px; margin: 4px 0; color: var(--color-muted-fg, #5f6368); }
.jr-badge { flex: none; font-size: 11px; padding: 0 6px; border-radius: 8px; border: 1px solid var(--color-ok-fg, #137333);
  color: var(--color-ok-fg, #137333); background: var(--color-ok-bg, #e6f4ea); align-self: center; }
.jr-person h3 { margin: 8px 0 2px; font-size: 15px; overflow-wrap: anywhere; }
.jr-person h3:focus { outline: 2px solid var(--color-accent, #1a73e8); outline-offset: 2px; }
.jr-person h4 { margin: 12px 0 4px; font-size: 13px; }
.jr-identity { margin: 0 0 6px; color: var(--color-muted-fg, #5f6368); }
.jr-facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0; }
.jr-facts dt { font-weight: bold; }
.jr-facts dd { margin: 0; overflow-wrap: anywhere; }
.jr-follow { margin: 8px 0; padding: 6px 8px; border-radius: 4px; border: 1px solid var(--color-warn-fg, #8c4a00);
  color: var(--color-warn-fg, #8c4a00); background: var(--color-warn-bg, #fef7e0); }
.jr-themes { margin: 0; padding-left: 18px; }
.jr-sessions td { overflow-wrap: anywhere; }
.jr-st-present { color: var(--color-ok-fg, #137333); }
.jr-st-absent { color: var(--color-error-fg, #b3261e); }
.jr-st-excused { color: var(--color-warn-fg, #8c4a00); }
.jr-back { margin: 0 0 4px; }
.jr-view a { color: var(--color-accent, #1a73e8); }
`;

const STATUS_CLASS: Record<string, string> = { Présent: 'jr-st-present', Absent: 'jr-st-absent', Excusé: 'jr-st-excused' };

function dateText(iso: string | null): string {
  if (iso === null) return VIEW_TEXT.none;
  const day = dayFromIso(iso);
  return day === null ? iso : frenchDate(day);
}

function fact(label: string, value: Node | string): HTMLElement[] {
  return [el('dt', {}, label), el('dd', {}, value)];
}

/** `tel:` keeps digits and a leading +; the text shown is the cell's. */
function phoneLink(phone: string, name: string): Node {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.replace(/\D/g, '').length < 6) return document.createTextNode(phone);
  return el('a', { href: `tel:${digits}`, 'aria-label': `${VIEW_TEXT.callLabel(name)} (${phone})` }, phone);
}

function emailLink(email: string, name: string): Node {
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) return document.createTextNode(email);
  return el(
    'a',
    { href: `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}`, 'aria-label': `${VIEW_TEXT.mailLabel(name)} (${email})` },
    email,
  );
}

/** The journey of one person, as DOM (text only). */
export function renderJourney(j: Journey): HTMLElement {
  const identity = [
    j.age === null ? VIEW_TEXT.ageUnknown : VIEW_TEXT.years(j.age),
    j.commune ?? VIEW_TEXT.communeUnknown,
    VIEW_TEXT.qpv(j.qpv, j.quartier),
  ].join(' · ');
  const facts: HTMLElement[] = [
    ...fact(VIEW_TEXT.entry, dateText(j.entryDate)),
    ...fact(VIEW_TEXT.exit, dateText(j.exitDate)),
    ...fact(VIEW_TEXT.situation, j.situation),
  ];
  const contract = j.contract
    ? el(
        'section',
        { 'aria-labelledby': 'jr-contract-title' },
        el('h4', { id: 'jr-contract-title' }, VIEW_TEXT.contract),
        el(
          'dl',
          { class: 'jr-facts' },
          ...fact(VIEW_TEXT.contractType, j.contract.type ?? VIEW_TEXT.notGiven),
          ...fact(VIEW_TEXT.contractStart, j.contract.start === null ? VIEW_TEXT.notGiven : dateText(j.contract.start)),
          ...fact(
            VIEW_TEXT.contractMonths,
            j.contract.months === null ? VIEW_TEXT.notGiven : VIEW_TEXT.months(j.contract.months),
          ),
          ...fact(VIEW_TEXT.employer, j.contract.employer ?? VIEW_TEXT.notGiven),
        ),
      )
    : null;
  const contacts = el(
    'dl',
    { class: 'jr-facts' },
    ...fact(VIEW_TEXT.phone, j.phone === null ? VIEW_TEXT.notGiven : phoneLink(j.phone, j.name)),
    ...fact(VIEW_TEXT.email, j.email === null ? VIEW_TEXT.notGiven : emailLink(j.email, j.name)),
  );
  const sessions =
    j.sessions.length === 0
      ? el('p', { class: 'muted' }, VIEW_TEXT.noSessions)
      : el(
          'table',
          { class: 'jr-sessions' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { scope: 'col' }, VIEW_TEXT.sessionDate),
              el('th', { scope: 'col' }, VIEW_TEXT.sessionTheme),
              el('th', { scope: 'col' }, VIEW_TEXT.sessionStatus),
            ),
          ),
          el(
            'tbody',
            {},
            ...j.sessions.map((s) =>
              el(
                'tr',
                {},
                el('td', {}, dateText(s.date)),
                el('td', {}, s.theme === '' ? el('span', { class: 'muted' }, VIEW_TEXT.noTheme) : s.theme),
                el('td', { class: STATUS_CLASS[s.status] ?? '' }, `${VIEW_TEXT.statusIcon[s.status] ?? ''} ${s.status}`.trim()),
              ),
            ),
          ),
        );
  const themeList = (themes: string[], empty: string): HTMLElement =>
    themes.length === 0
      ? el('p', { class: 'muted' }, empty)
      : el('ul', { class: 'jr-themes' }, ...themes.map((t) => el('li', {}, t)));

  return el(
    'article',
    { class: 'jr-person', 'data-id': j.id },
    el('h3', { id: 'jr-name', tabindex: -1 }, j.name),
    el('p', { class: 'jr-identity' }, identity),
    j.needsFollowUp ? el('p', { class: 'jr-follow', role: 'note' }, VIEW_TEXT.followUpLabel(j.followUpReason)) : null,
    el('dl', { class: 'jr-facts' }, ...facts),
    contract,
    el('h4', {}, VIEW_TEXT.contacts),
    contacts,
    el('h4', {}, VIEW_TEXT.attendance),
    el('p', { class: 'jr-counts' }, VIEW_TEXT.counts(j.counts.present, j.counts.absent, j.counts.excused)),
    el('p', { class: 'jr-rate' }, VIEW_TEXT.rate(j.counts.presenceRate)),
    el('p', { class: 'jr-hours' }, journeyHoursText(j.hours)),
    el(
      'p',
      { class: 'jr-last' },
      `${VIEW_TEXT.lastPresence}\u00a0: ${j.lastPresence === null ? VIEW_TEXT.noPresence : dateText(j.lastPresence)}`,
    ),
    el('h4', {}, VIEW_TEXT.themesCovered),
    themeList(j.themesCovered, VIEW_TEXT.noThemeCovered),
    el('h4', {}, VIEW_TEXT.themesToCover),
    themeList(j.themesToCover, VIEW_TEXT.allThemesCovered),
    el('h4', {}, VIEW_TEXT.sessions),
    sessions,
  );
}

function directoryItem(entry: DirectoryEntry, choose: (id: string) => void): HTMLElement {
  return el(
    'li',
    {},
    el(
      'button',
      { type: 'button', 'data-id': entry.id, onclick: () => choose(entry.id) },
      el('span', {}, entry.name),
      entry.active ? el('span', { class: 'jr-badge' }, VIEW_TEXT.activeBadge) : null,
    ),
  );
}

/** The view's parts: the directory (search, count, list) and the person (back button, journey). */
function buildParts() {
  const searchInput = el('input', {
    type: 'search',
    id: 'jr-search',
    placeholder: VIEW_TEXT.searchPlaceholder,
    autocomplete: 'off',
  });
  const count = el('p', { class: 'jr-count', id: 'jr-count', 'aria-live': 'polite' });
  const list = el('ul', { class: 'jr-list', id: 'jr-list', 'aria-label': VIEW_TEXT.directory });
  const directoryPane = el(
    'section',
    { class: 'jr-directory', 'aria-label': VIEW_TEXT.directory },
    el('p', { class: 'muted' }, VIEW_TEXT.intro),
    el('label', { for: 'jr-search' }, VIEW_TEXT.search),
    searchInput,
    count,
    list,
  );
  const backButton = el('button', { type: 'button', class: 'jr-back' }, VIEW_TEXT.back);
  const person = el('div', {});
  const personPane = el('section', { class: 'jr-person-pane', hidden: true }, backButton, person);
  const message = el('div', { role: 'status', 'aria-live': 'polite', class: 'message', id: 'jr-message' });
  const view = el(
    'div',
    { class: 'jr-view', 'aria-busy': 'true' },
    el('h2', {}, VIEW_TEXT.title),
    message,
    directoryPane,
    personPane,
  );
  return { searchInput, count, list, directoryPane, backButton, person, personPane, message, view };
}

export function mountJourney(root: HTMLElement): void {
  let directory: DirectoryEntry[] = [];
  let keys: string[] = [];
  let seq = 0;
  const { searchInput, count, list, directoryPane, backButton, person, personPane, message, view } = buildParts();
  root.append(el('style', {}, CSS), view);

  const renderList = (): void => {
    const { shown, matches } = filterDirectory(directory, keys, searchInput.value);
    clear(list);
    for (const entry of shown) list.append(directoryItem(entry, (id) => void choose(id)));
    count.textContent = countText(directory.length, matches);
  };

  const showDirectory = (focus: boolean): void => {
    personPane.hidden = true;
    directoryPane.hidden = false;
    clear(person);
    if (focus) searchInput.focus();
  };

  const showPerson = (j: Journey, focus: boolean): void => {
    clear(person);
    person.append(renderJourney(j), certificateButton(j.id).node);
    directoryPane.hidden = true;
    personPane.hidden = false;
    if (focus) (person.querySelector('#jr-name') as HTMLElement | null)?.focus();
  };

  /** One round trip: `id` null opens the view (directory and active row), an ID opens that person. */
  const request = async (id: string | null): Promise<void> => {
    const mine = ++seq;
    view.setAttribute('aria-busy', 'true');
    setMessage(message, VIEW_TEXT.loading, 'info');
    try {
      const r = await call('getParticipantJourney', id);
      if (mine !== seq) return;
      setMessage(message, '', 'info');
      if (id === null) {
        directory = r.directory;
        keys = directoryKeys(r.directory);
        renderList();
      }
      if (r.journey) showPerson(r.journey, id !== null);
      else if (id === null) showDirectory(false);
    } catch (e) {
      if (mine !== seq) return;
      setMessage(message, VIEW_TEXT.loadFailed(errorMessage(e)), 'error');
    } finally {
      if (mine === seq) view.setAttribute('aria-busy', 'false');
    }
  };
  const choose = (id: string): Promise<void> => request(id);

  searchInput.addEventListener('input', renderList);
  backButton.addEventListener('click', () => showDirectory(true));
  showDirectory(false);
  void request(null);
}
