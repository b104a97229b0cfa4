/** In-page dialogs standing in for Apps Script's ui.alert / ui.prompt / ui.alert(YES_NO), and toasts. */
import { PREVIEW } from '../../i18n/fr/preview';
import type { Answer, Question } from '../ui';
import type { DialogRef } from './client';
import { el } from '../../shared/dom';

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

/** The iframe sandbox of Apps Script's dialogs (SPEC §9). */
const DIALOG_SANDBOX =
  'allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox';

let documentDialog: HTMLDialogElement | null = null;

/** Closes the dialog opened by openDocumentDialog, if any. */
export function closeDocumentDialog(): void {
  documentDialog?.close();
  documentDialog?.remove();
  documentDialog = null;
}

/** True when `source` is the window of the open document dialog. */
export function isDocumentDialogWindow(source: unknown): boolean {
  const frame = documentDialog?.querySelector('iframe');
  return !!frame && source === frame.contentWindow;
}

/**
 * A dialog of a server function or a menu action (SPEC §12), as Apps Script's showModalDialog:
 * its page in a sandboxed iframe of the given size; a new one replaces the previous one.
 */
export function openDocumentDialog(ref: DialogRef): void {
  closeDocumentDialog();
  const close = el(
    'button',
    { type: 'button', class: 'secondary doc-dialog-close', 'aria-label': PAGE_TEXT.dialogClose, onclick: closeDocumentDialog },
    '×',
  );
  const frame = el('iframe', {
    src: `/dialog?id=${encodeURIComponent(String(ref.id))}`,
    title: ref.title,
    sandbox: DIALOG_SANDBOX,
    style: `width: ${ref.width}px; height: ${ref.height}px; max-width: 90vw; max-height: 80vh; border: 0;`,
  });
  const dialog = el('dialog', { class: 'modal doc-dialog', 'aria-label': ref.title }, el('h2', {}, ref.title, close), frame);
  dialog.addEventListener('close', () => {
    if (documentDialog === dialog) closeDocumentDialog();
  });
  documentDialog = dialog;
  document.body.append(dialog);
  dialog.showModal();
}
