/**
 * A button that opens a printed document (SPEC §12) in a dialog: one round trip (the server
 * function opens the dialog), a status line saying it opened or why not. The button stays
 * focusable while busy (setBusy).
 */
import { el, isBusy, setBusy, setMessage } from '../dom';
import { errorMessage } from '../rpc';
import { DOCUMENTS_TEXT } from '../../i18n/fr/documents';

const TEXT = DOCUMENTS_TEXT.sidebar;

export interface DocumentButton {
  node: HTMLElement;
  button: HTMLButtonElement;
}

/** `open` calls the server function; `label` is the button's text, `id` its element id. */
export function documentButton(id: string, label: string, open: () => Promise<unknown> | null): DocumentButton {
  const message = el('p', { role: 'status', 'aria-live': 'polite', class: 'message', id: `${id}-message` });
  const button = el('button', { type: 'button', id, 'aria-describedby': `${id}-message` }, label);
  button.addEventListener('click', async () => {
    if (isBusy(button)) return;
    const pending = open();
    if (pending === null) return;
    setBusy(button, true);
    setMessage(message, TEXT.opening, 'info');
    try {
      await pending;
      setMessage(message, TEXT.opened(label), 'ok');
    } catch (e) {
      setMessage(message, TEXT.failed(errorMessage(e)), 'error');
    } finally {
      setBusy(button, false);
    }
  });
  return { node: el('div', { class: 'doc-button' }, button, message), button };
}
