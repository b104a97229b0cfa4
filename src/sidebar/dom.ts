/**
 * The sidebar's DOM helpers: the shared builder (src/shared/dom.ts, also used by the preview
 * page) and the sidebar's status lines and busy buttons.
 */
export { append, clear, el } from '../shared/dom';

/** A status line (role=status) for success/failure messages. */
export function setMessage(node: HTMLElement, text: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
  node.textContent = text;
  node.className = `message message-${kind}`;
}

/**
 * Marks a button busy without disabling it: a disabled button loses the keyboard focus (it
 * falls to <body>), so a busy button stays focusable, says aria-disabled and ignores clicks
 * (check isBusy in its handler).
 */
export function setBusy(button: HTMLButtonElement, busy: boolean): void {
  if (busy) {
    button.setAttribute('aria-disabled', 'true');
    button.setAttribute('aria-busy', 'true');
  } else {
    button.removeAttribute('aria-disabled');
    button.removeAttribute('aria-busy');
  }
}

export function isBusy(button: HTMLButtonElement): boolean {
  return button.disabled || button.getAttribute('aria-disabled') === 'true';
}
