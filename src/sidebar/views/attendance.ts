import { el } from '../dom';

/** Placeholder until its issue lands. */
export function mountAttendance(root: HTMLElement): void {
  root.append(el('p', {}, 'Cette vue arrive bientôt.'));
}
