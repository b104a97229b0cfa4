/**
 * "A new session is a decision" (SPEC §4): an in-page confirmation (role="alertdialog") that
 * names the weekday and the date, warns when that weekday is not the year's usual one, and
 * answers true ("Créer la séance") or false ("Annuler", Escape). The focus goes to the dialog
 * and comes back to where it was.
 */
import { el } from '../../dom';
import { dayFromIso, longFrenchDate, weekdayOf } from '../../../core/days';
import { WEEKDAY_NAMES } from '../../../i18n/fr/format';
import { NEW_SESSION_TEXT } from '../../../i18n/fr/follow-up';

export function confirmNewSession(host: HTMLElement, iso: string, unusualWeekday: boolean): Promise<boolean> {
  const day = dayFromIso(iso);
  const longDate = day === null ? iso : longFrenchDate(day);
  const returnTo = document.activeElement as HTMLElement | null;
  const create = el('button', { type: 'button', class: 'primary', id: 'att-confirm-create' }, NEW_SESSION_TEXT.confirm);
  const cancel = el('button', { type: 'button', id: 'att-confirm-cancel' }, NEW_SESSION_TEXT.cancel);
  const dialog = el(
    'div',
    {
      class: 'att-confirm',
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'att-confirm-title',
      'aria-describedby': 'att-confirm-text',
      id: 'att-confirm',
    },
    el('h3', { id: 'att-confirm-title' }, NEW_SESSION_TEXT.question(longDate)),
    el(
      'div',
      { id: 'att-confirm-text' },
      el('p', {}, NEW_SESSION_TEXT.explain),
      unusualWeekday && day !== null
        ? el('p', { class: 'att-confirm-warning' }, NEW_SESSION_TEXT.unusual(WEEKDAY_NAMES[weekdayOf(day)]))
        : null,
    ),
    el('div', { class: 'att-confirm-actions' }, create, cancel),
  );
  host.prepend(dialog);
  (unusualWeekday ? cancel : create).focus();
  return new Promise((resolve) => {
    const close = (answer: boolean): void => {
      dialog.remove();
      if (returnTo && document.contains(returnTo)) returnTo.focus();
      resolve(answer);
    };
    create.addEventListener('click', () => close(true));
    cancel.addEventListener('click', () => close(false));
    dialog.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        close(false);
      } else if (ev.key === 'Tab') {
        // The focus stays in the dialog while it is open.
        ev.preventDefault();
        (document.activeElement === create ? cancel : create).focus();
      }
    });
  });
}
