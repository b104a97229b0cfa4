import { el } from '../dom';
import { SIDEBAR } from '../../i18n/fr/sidebar';
import type { ViewName } from '../main';

export function mountHome(root: HTMLElement, go: (view: ViewName) => void): void {
  root.append(
    el('h2', { class: 'view-title' }, SIDEBAR.homeTitle),
    el('p', {}, SIDEBAR.homeIntro),
    el(
      'div',
      { class: 'stack' },
      el('button', { type: 'button', class: 'primary', onclick: () => go('attendance') }, 'Saisir les présences'),
      el('button', { type: 'button', onclick: () => go('checks') }, 'Vérifier le classeur'),
      el('button', { type: 'button', onclick: () => go('report') }, 'Bilan annuel'),
    ),
  );
}
