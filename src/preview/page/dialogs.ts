/** In-page dialogs standing in for Apps Script's ui.alert / ui.prompt / ui.alert(YES_NO), and toasts. */
import { PREVIEW } from '../../i18n/fr/preview';
import type { Answer, Question } from '../ui';
import { el } from './dom';

const PAGE_TEXT = PREVIEW.page;

function open(build: (dialog: HTMLDialogElement, done: (a: Answer) => void) => void): Promise<Answer> {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'modal' });
    let settled = false;
    const done = (a: Answer): void => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(a);
    };
    build(dialog, done);
    dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault();
      done(null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function showAlert(message: string, title: string = PREVIEW.page.menuTitle): Promise<void> {
  return open((dialog, done) => {
    const ok = el('button', { type: 'button', class: 'primary', onclick: () => done(true) }, PAGE_TEXT.ok);
    dialog.append(el('h2', {}, title), el('p', { 'data-role': 'message' }, message), el('div', { class: 'buttons' }, ok));
    setTimeout(() => ok.focus(), 0);
  }).then(() => undefined);
}

export function ask(question: Question): Promise<Answer> {
  return open((dialog, done) => {
    dialog.append(el('h2', {}, question.title || PAGE_TEXT.menuTitle), el('p', { 'data-role': 'message' }, question.message));
    if (question.kind === 'prompt') {
      const input = el('input', { type: 'text', 'aria-label': question.message });
      input.value = question.defaultValue ?? '';
      const form = el(
        'form',
        { method: 'dialog' },
        input,
        el(
          'div',
          { class: 'buttons' },
          el('button', { type: 'button', class: 'secondary', onclick: () => done(null) }, PAGE_TEXT.cancel),
          el('button', { type: 'submit', class: 'primary' }, PAGE_TEXT.ok),
        ),
      );
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        done(input.value);
      });
      dialog.append(form);
      setTimeout(() => input.focus(), 0);
    } else {
      const yes = el('button', { type: 'button', class: 'primary', onclick: () => done(true) }, PAGE_TEXT.yes);
      dialog.append(
        el(
          'div',
          { class: 'buttons' },
          el('button', { type: 'button', class: 'secondary', onclick: () => done(false) }, PAGE_TEXT.no),
          yes,
        ),
      );
      setTimeout(() => yes.focus(), 0);
    }
  });
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function toast(message: string): void {
  let node = document.getElementById('toast');
  if (!node) {
    node = el('div', { id: 'toast', class: 'toast', role: 'status' });
    document.body.append(node);
  }
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    if (node) node.hidden = true;
  }, 5000);
}
