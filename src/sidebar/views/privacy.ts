/**
 * Sidebar "Données personnelles" view (SPEC §11): the rule in plain French, who is due for
 * anonymisation (count, table by year of last activity, columns emptied, IDs collapsed),
 * an explicit confirmation naming the count, the result, and what the add-on cannot do.
 * IDs only, never names; data enters the page as text only. The state and its transitions
 * are in ./privacy-model (tested without a browser); this file renders and sends requests.
 */
import { clear, el, setMessage } from '../dom';
import { call } from '../rpc';
import type { AnonymisationPlan } from '../../shared/api';
import { frenchNumber } from '../../i18n/fr/format';
import { PRIVACY } from '../../i18n/fr/privacy';
import * as model from './privacy-model';

interface PrivacyDom {
  view: HTMLElement;
  rule: HTMLElement;
  cutoff: HTMLElement;
  summary: HTMLElement;
  details: HTMLElement;
  message: HTMLElement;
  anonymiseButton: HTMLButtonElement;
  confirmBox: HTMLElement;
  confirmText: HTMLElement;
  confirmButton: HTMLButtonElement;
  cancelButton: HTMLButtonElement;
  refreshButton: HTMLButtonElement;
}

function buildDom(): PrivacyDom {
  const confirmText = el('p', { id: 'privacy-confirm-text' });
  const confirmButton = el('button', { type: 'button', class: 'danger', id: 'privacy-confirm' });
  const cancelButton = el('button', { type: 'button', id: 'privacy-cancel' }, PRIVACY.cancelButton);
  const confirmBox = el(
    'div',
    { class: 'privacy-confirm', role: 'group', 'aria-labelledby': 'privacy-confirm-text', hidden: true },
    confirmText,
    el('div', { class: 'row' }, confirmButton, cancelButton),
  );
  return {
    // aria-busy: true while a call to the server is under way (tests and assistive technologies wait for false).
    view: el('div', { class: 'privacy-view', 'aria-busy': 'true' }),
    rule: el('p', {}),
    cutoff: el('p', { class: 'muted' }),
    summary: el('p', { class: 'privacy-count' }),
    details: el('div', {}),
    message: el('div', { class: 'message', role: 'status', 'aria-live': 'polite' }),
    anonymiseButton: el('button', { type: 'button', class: 'primary', id: 'privacy-anonymise', hidden: true }),
    confirmBox,
    confirmText,
    confirmButton,
    cancelButton,
    refreshButton: el('button', { type: 'button', id: 'privacy-refresh' }, PRIVACY.refresh),
  };
}

function planDetails(p: AnonymisationPlan): HTMLElement[] {
  const n = p.ids.length;
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, PRIVACY.yearHeader),
    el('th', { scope: 'col', class: 'num' }, PRIVACY.countHeader),
  );
  const rows = model
    .yearRows(p)
    .map(([y, count]) => el('tr', {}, el('th', { scope: 'row' }, y), el('td', { class: 'num' }, frenchNumber(count))));
  return [
    el('table', {}, el('caption', {}, PRIVACY.byYearCaption), el('thead', {}, head), el('tbody', {}, rows)),
    el('h3', {}, PRIVACY.columnsHeading),
    el(
      'ul',
      { class: 'privacy-columns' },
      p.columnsCleared.map((c) => el('li', {}, c)),
    ),
    el('details', {}, el('summary', {}, PRIVACY.idsSummary(n)), el('p', { class: 'privacy-ids' }, p.ids.join(', '))),
  ];
}

/** Shows a state; the plan's parts are redrawn only when the plan itself changed. */
function render(dom: PrivacyDom, state: model.PrivacyState, planChanged: boolean): void {
  const n = model.dueCount(state);
  const busy = state.phase === 'loading' || state.phase === 'working';
  dom.view.setAttribute('aria-busy', busy ? 'true' : 'false');
  setMessage(dom.message, state.message.text, state.message.kind);
  if (planChanged && state.plan) {
    const p = state.plan;
    dom.rule.textContent = PRIVACY.rule(p.retentionYears);
    dom.cutoff.textContent = PRIVACY.cutoff(p.cutoff);
    dom.summary.textContent = n === 0 ? PRIVACY.noneDue : PRIVACY.due(n);
    dom.anonymiseButton.textContent = PRIVACY.anonymiseButton(n);
    clear(dom.details);
    if (n > 0) dom.details.append(...planDetails(p));
  }
  dom.anonymiseButton.hidden = n === 0;
  dom.anonymiseButton.disabled = n === 0 || state.phase === 'confirming';
  dom.confirmBox.hidden = state.phase !== 'confirming' && state.phase !== 'working';
  dom.confirmText.textContent = PRIVACY.confirmQuestion(n);
  dom.confirmButton.textContent = PRIVACY.confirmButton(n);
  dom.confirmButton.disabled = state.phase === 'working';
  dom.cancelButton.disabled = state.phase === 'working';
}

export function mountPrivacy(root: HTMLElement): void {
  const dom = buildDom();
  let state = model.initialPrivacyState;
  const show = (next: model.PrivacyState, focus?: HTMLElement | null): void => {
    const planChanged = next.plan !== state.plan;
    state = next;
    render(dom, state, planChanged);
    focus?.focus();
  };
  const load = (focus: HTMLElement | null): void => {
    show(model.refreshing(state));
    call('previewAnonymisation')
      .then((p) => show(model.planLoaded(state, p), focus))
      .catch((e: Error) => show(model.failed(state, e.message), focus));
  };

  dom.anonymiseButton.addEventListener('click', () => show(model.askConfirmation(state), dom.confirmButton));
  dom.cancelButton.addEventListener('click', () => show(model.cancelConfirmation(state), dom.anonymiseButton));
  dom.confirmButton.addEventListener('click', () => {
    const request = model.confirmedRequest(state);
    if (!request) return;
    show(model.working(state));
    // Keep focus where the person acted: the confirmation is gone, so the refresh button.
    call('anonymise', request)
      .then((result) => call('previewAnonymisation').then((p) => show(model.planLoaded(state, p, result), dom.refreshButton)))
      .catch((e: Error) => show(model.failed(state, e.message), dom.refreshButton));
  });
  dom.refreshButton.addEventListener('click', () => load(dom.refreshButton));

  root.append(dom.view);
  dom.view.append(
    el('h2', { class: 'view-title' }, PRIVACY.title),
    dom.rule,
    el('p', {}, PRIVACY.lastActivity),
    el('p', {}, PRIVACY.whatHappens),
    dom.cutoff,
    dom.summary,
    dom.details,
    el('div', { class: 'row privacy-actions' }, dom.anonymiseButton, dom.refreshButton),
    dom.confirmBox,
    dom.message,
    el('h3', {}, PRIVACY.historyHeading),
    el('p', { class: 'privacy-history' }, PRIVACY.history),
  );
  render(dom, state, false);
  load(null);
}
