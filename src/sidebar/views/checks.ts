import { el } from '../dom';

/** Placeholder until its issue lands. */
export function mountChecks(root: HTMLElement): void {
  root.append(el('p', {}, 'Cette vue arrive bientôt.'));
}
