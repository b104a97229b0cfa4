/**
 * "Suivi" view (SPEC §4): the young people "à relancer" today, sorted like the attendance list,
 * each with the reason, the last presence, the phone (as text and as a tel: link) and the
 * e-mail: the team's call list, in one round trip (getFollowUpList). Links open in a new
 * window (target="_blank"): the sidebar's sandbox has no top navigation.
 */
import { call, errorMessage } from '../rpc';
import { clear, el, setMessage } from '../dom';
import { dayFromIso, longFrenchDate } from '../../core/days';
import { FOLLOW_UP_TEXT } from '../../i18n/fr/follow-up';
import type { FollowUpList, FollowUpPerson } from '../../shared/api';
import { telHref } from './attendance/roster';

const TEXT = FOLLOW_UP_TEXT;

function longDate(iso: string): string {
  const day = dayFromIso(iso);
  return day === null ? iso : longFrenchDate(day);
}

function contacts(p: FollowUpPerson): HTMLElement {
  return el(
    'p',
    { class: 'fu-contact' },
    p.phone
      ? el(
          'span',
          { class: 'fu-phone' },
          `${TEXT.phone}\u00a0: `,
          el('a', { href: telHref(p.phone), target: '_blank', rel: 'noopener' }, p.phone),
        )
      : el('span', {}, TEXT.noPhone),
    ' · ',
    p.email
      ? el(
          'span',
          { class: 'fu-email' },
          `${TEXT.email}\u00a0: `,
          el('a', { href: `mailto:${p.email}`, target: '_blank', rel: 'noopener' }, p.email),
        )
      : el('span', {}, TEXT.noEmail),
  );
}

function personItem(p: FollowUpPerson): HTMLElement {
  return el(
    'li',
    { class: 'fu-person', 'data-id': p.id },
    el('p', { class: 'fu-name' }, el('strong', {}, p.name), ' ', el('span', { class: 'muted' }, `(${p.id})`)),
    el('p', { class: 'fu-reason' }, p.reason),
    el('p', { class: 'fu-last muted' }, p.lastPresence ? TEXT.lastPresence(longDate(p.lastPresence)) : TEXT.neverPresent),
    contacts(p),
  );
}

export function mountFollowUp(root: HTMLElement): void {
  const intro = el('p', { class: 'muted', id: 'fu-intro' });
  const message = el('div', { role: 'status', 'aria-live': 'polite', class: 'message', id: 'fu-message' });
  const list = el('ul', { class: 'fu-list', id: 'fu-list', 'aria-label': TEXT.list });
  const reload = el('button', { type: 'button', id: 'fu-reload' }, TEXT.reload);
  const section = el(
    'section',
    { class: 'fu-view', 'aria-labelledby': 'fu-title', 'aria-busy': 'true' },
    el('h2', { id: 'fu-title', class: 'view-title' }, TEXT.title),
    intro,
    message,
    list,
    el('div', { class: 'fu-actions' }, reload),
  );
  root.append(section);

  const render = (data: FollowUpList): void => {
    intro.textContent = TEXT.intro(longDate(data.date));
    clear(list);
    for (const p of data.people) list.append(personItem(p));
    list.hidden = data.people.length === 0;
    setMessage(message, TEXT.count(data.people.length), 'info');
  };

  let loading = false;
  const load = async (): Promise<void> => {
    if (loading) return;
    loading = true;
    section.setAttribute('aria-busy', 'true');
    reload.setAttribute('aria-busy', 'true');
    setMessage(message, TEXT.loading, 'info');
    try {
      render(await call('getFollowUpList'));
    } catch (e) {
      setMessage(message, TEXT.failed(errorMessage(e)), 'error');
    } finally {
      loading = false;
      section.setAttribute('aria-busy', 'false');
      reload.removeAttribute('aria-busy');
    }
  };
  reload.addEventListener('click', () => void load());
  void load();
}
