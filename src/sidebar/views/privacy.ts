/**
 * Sidebar "Données personnelles" view (SPEC §11): the rule in plain French, who is due for
 * anonymisation (count, table by year of last activity, columns emptied, IDs collapsed),
 * an explicit confirmation naming the count, the result, and what the add-on cannot do.
 * IDs only, never names; data enters the page as text only.
 */
import { clear, el, setMessage } from '../dom';
import { call } from '../rpc';
import type { AnonymisationPlan } from '../../shared/api';
import { frenchNumber } from '../../i18n/fr/format';
import { PRIVACY } from '../../i18n/fr/privacy';

export function mountPrivacy(root: HTMLElement): void {
  const rule = el('p', {});
  const cutoff = el('p', { class: 'muted' });
  const summary = el('p', { class: 'privacy-count' });
  const details = el('div', {});
  const actions = el('div', { class: 'row privacy-actions' });
  const message = el('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  let plan: AnonymisationPlan | null = null;

  const anonymiseButton = el('button', { type: 'button', class: 'primary', id: 'privacy-anonymise' });
  const confirmBox = el('div', {
    class: 'privacy-confirm',
    role: 'group',
    'aria-labelledby': 'privacy-confirm-text',
    hidden: true,
  });
  const confirmText = el('p', { id: 'privacy-confirm-text' });
  const confirmButton = el('button', { type: 'button', class: 'danger', id: 'privacy-confirm' });
  const cancelButton = el('button', { type: 'button', id: 'privacy-cancel' }, PRIVACY.cancelButton);
  const refreshButton = el('button', { type: 'button', id: 'privacy-refresh' }, PRIVACY.refresh);
  confirmBox.append(confirmText, el('div', { class: 'row' }, confirmButton, cancelButton));

  const showPlan = (p: AnonymisationPlan): void => {
    plan = p;
    rule.textContent = PRIVACY.rule(p.retentionYears);
    cutoff.textContent = PRIVACY.cutoff(p.cutoff);
    const n = p.ids.length;
    summary.textContent = n === 0 ? PRIVACY.noneDue : PRIVACY.due(n);
    clear(details);
    confirmBox.hidden = true;
    anonymiseButton.hidden = n === 0;
    anonymiseButton.disabled = n === 0;
    anonymiseButton.textContent = PRIVACY.anonymiseButton(n);
    if (n === 0) return;
    const years = Object.keys(p.byYear).sort();
    details.append(
      el(
        'table',
        {},
        el('caption', {}, PRIVACY.byYearCaption),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, PRIVACY.yearHeader),
            el('th', { scope: 'col', class: 'num' }, PRIVACY.countHeader),
          ),
        ),
        el(
          'tbody',
          {},
          years.map((y) => el('tr', {}, el('th', { scope: 'row' }, y), el('td', { class: 'num' }, frenchNumber(p.byYear[y])))),
        ),
      ),
      el('h3', {}, PRIVACY.columnsHeading),
      el(
        'ul',
        { class: 'privacy-columns' },
        p.columnsCleared.map((c) => el('li', {}, c)),
      ),
      el('details', {}, el('summary', {}, PRIVACY.idsSummary(n)), el('p', { class: 'privacy-ids' }, p.ids.join(', '))),
    );
  };

  // aria-busy: true while a call to the server is under way (tests and assistive technologies wait for false).
  const view = el('div', { class: 'privacy-view', 'aria-busy': 'true' });
  const busy = (on: boolean): void => view.setAttribute('aria-busy', on ? 'true' : 'false');

  const load = (focus: HTMLElement | null): void => {
    busy(true);
    setMessage(message, PRIVACY.loading, 'info');
    call('previewAnonymisation')
      .then((p) => {
        setMessage(message, '', 'info');
        showPlan(p);
      })
      .catch((e: Error) => setMessage(message, e.message, 'error'))
      .finally(() => {
        busy(false);
        focus?.focus();
      });
  };

  anonymiseButton.addEventListener('click', () => {
    if (!plan || plan.ids.length === 0) return;
    const n = plan.ids.length;
    confirmText.textContent = PRIVACY.confirmQuestion(n);
    confirmButton.textContent = PRIVACY.confirmButton(n);
    confirmBox.hidden = false;
    anonymiseButton.disabled = true;
    confirmButton.focus();
  });
  cancelButton.addEventListener('click', () => {
    confirmBox.hidden = true;
    anonymiseButton.disabled = false;
    anonymiseButton.focus();
  });
  confirmButton.addEventListener('click', () => {
    if (!plan) return;
    const request = { cutoff: plan.cutoff, ids: plan.ids };
    confirmButton.disabled = true;
    cancelButton.disabled = true;
    busy(true);
    setMessage(message, PRIVACY.working, 'info');
    call('anonymise', request)
      .then((result) =>
        call('previewAnonymisation').then((p) => {
          showPlan(p);
          setMessage(message, PRIVACY.done(result.anonymised, result.presencesUpdated), 'ok');
        }),
      )
      .catch((e: Error) => {
        confirmBox.hidden = true;
        anonymiseButton.disabled = false;
        setMessage(message, e.message, 'error');
      })
      .finally(() => {
        busy(false);
        confirmButton.disabled = false;
        cancelButton.disabled = false;
        // Keep focus where the person acted: the confirmation is gone, so the refresh button.
        refreshButton.focus();
      });
  });
  refreshButton.addEventListener('click', () => load(refreshButton));

  actions.append(anonymiseButton, refreshButton);
  root.append(view);
  view.append(
    el('h2', { class: 'view-title' }, PRIVACY.title),
    rule,
    el('p', {}, PRIVACY.lastActivity),
    el('p', {}, PRIVACY.whatHappens),
    cutoff,
    summary,
    details,
    actions,
    confirmBox,
    message,
    el('h3', {}, PRIVACY.historyHeading),
    el('p', { class: 'privacy-history' }, PRIVACY.history),
  );
  anonymiseButton.hidden = true;
  load(null);
}
