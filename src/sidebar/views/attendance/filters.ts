/**
 * The roster's filters: the search (name or ID, accents and case ignored), the "À relancer (N)"
 * toggle (aria-pressed) and the "Autres inscrits (N)" disclosure (aria-expanded).
 */
import { el } from '../../dom';
import { normalizeKey } from '../../../core/text';
import { ATTENDANCE_TEXT } from '../../../i18n/fr/attendance';
import type { Row } from './roster';
import { rowShown } from './model';

const VIEW_TEXT = ATTENDANCE_TEXT.view;

export interface Toggle {
  button: HTMLButtonElement;
  on: boolean;
  set(on: boolean): void;
  setCount(n: number): void;
}

/** A real button that switches on and off; `attr` is aria-pressed or aria-expanded. */
export function toggleButton(
  id: string,
  attr: 'aria-pressed' | 'aria-expanded',
  label: (n: number) => string,
  onToggle: (on: boolean) => void,
): Toggle {
  const button = el('button', { type: 'button', id, class: 'att-toggle', [attr]: 'false' });
  const t: Toggle = {
    button,
    on: false,
    set(on: boolean) {
      t.on = on;
      button.setAttribute(attr, on ? 'true' : 'false');
    },
    setCount(n: number) {
      button.textContent = label(n);
      button.hidden = n === 0;
    },
  };
  button.addEventListener('click', () => {
    t.set(!t.on);
    onToggle(t.on);
  });
  t.setCount(0);
  return t;
}

export function followUpToggle(onToggle: (on: boolean) => void): Toggle {
  return toggleButton('att-follow-up', 'aria-pressed', VIEW_TEXT.followUpFilter, onToggle);
}

export function othersToggle(onToggle: (on: boolean) => void): Toggle {
  return toggleButton('att-others-toggle', 'aria-expanded', VIEW_TEXT.othersToggle, onToggle);
}

/** Search key of the query: '' shows everyone. */
export function queryKey(text: string): string {
  return normalizeKey(text);
}

/** Shows the rows matching the query (and only the flagged ones when `followUpOnly`); returns how many are shown. */
export function applyRowFilter(rows: readonly Row[], query: string, followUpOnly: boolean): number {
  let visible = 0;
  for (const r of rows) {
    const show = rowShown(r.searchKey, r.needsFollowUp, query, followUpOnly);
    r.node.hidden = !show;
    if (show) visible++;
  }
  return visible;
}
