/**
 * Editing the grid as in Sheets (SPEC §8): arrows (Home, End) move the cursor; double-click, Enter or F2
 * edits the cell (typing a character starts over with it); in the editor, Enter commits and
 * moves down, Tab right (Shift: up, left), Escape cancels, leaving the cell commits; Delete
 * (or Backspace) empties the selected cell. Focus stays on the cell the person is on.
 */
import { PREVIEW } from '../../i18n/fr/preview';
import { el } from '../../shared/dom';
import { columnLetters } from '../../shared/issues';

export interface Cursor {
  row: number;
  col: number;
}

export interface EditorHost {
  /** The cursor (the selected cell). */
  cursor(): Cursor;
  /** The cell's element, rendered and scrolled into view (null when out of the grid). */
  reveal(row: number, col: number): HTMLTableCellElement | null;
  /** Moves the cursor (kept within the grid), selects that cell and focuses it. */
  moveTo(row: number, col: number): void;
  /** The cell's text as shown: what editing starts from. */
  textAt(row: number, col: number): string;
  /** Sends the cell's new text (one request per commit). */
  commit(row: number, col: number, text: string): void;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export class GridEditor {
  private input: HTMLInputElement | null = null;
  private cell: HTMLTableCellElement | null = null;
  private at: Cursor = { row: 1, col: 1 };
  private original = '';

  constructor(
    container: HTMLElement,
    private readonly host: EditorHost,
  ) {
    container.addEventListener('keydown', (ev) => this.onKeyDown(ev));
    container.addEventListener('dblclick', (ev) => {
      const td = (ev.target as Element).closest('td[role="gridcell"]') as HTMLTableCellElement | null;
      if (!td || this.input) return;
      const row = Number((td.parentElement as HTMLTableRowElement).dataset.r);
      this.host.moveTo(row, td.cellIndex);
      this.start(null);
    });
  }

  get editing(): boolean {
    return this.input !== null;
  }

  /** Opens the editor on the cursor's cell, with its text (or `initial`, typed over it). */
  start(initial: string | null): void {
    const { row, col } = this.host.cursor();
    const td = this.host.reveal(row, col);
    if (!td || this.input) return;
    this.at = { row, col };
    this.cell = td;
    this.original = this.host.textAt(row, col);
    const input = el('input', {
      type: 'text',
      class: 'cell-editor',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-label': PREVIEW.page.editLabel(`${columnLetters(col)}${row}`),
    });
    input.value = initial ?? this.original;
    input.addEventListener('keydown', (ev) => this.onEditorKey(ev));
    // Leaving the cell commits; leaving the window (another application) does not.
    input.addEventListener('blur', () => {
      if (document.hasFocus()) this.finish(true, null);
    });
    td.classList.add('editing');
    td.append(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    this.input = input;
  }

  /** Closes the editor; commits when asked and the text changed; then moves by `move`. */
  finish(commit: boolean, move: [number, number] | null): void {
    const input = this.input;
    const td = this.cell;
    if (!input || !td) return;
    this.input = null;
    this.cell = null;
    const text = input.value;
    input.remove();
    td.classList.remove('editing');
    if (commit && text !== this.original) {
      // Shown at once; the server's reading (a date, a number…) follows with the refresh.
      td.textContent = text.startsWith("'") ? text.slice(1) : text;
      this.host.commit(this.at.row, this.at.col, text);
    }
    if (move) this.host.moveTo(this.at.row + move[0], this.at.col + move[1]);
  }

  private onEditorKey(ev: KeyboardEvent): void {
    ev.stopPropagation();
    if (ev.key === 'Enter') {
      ev.preventDefault();
      this.finish(true, [ev.shiftKey ? -1 : 1, 0]);
    } else if (ev.key === 'Tab') {
      ev.preventDefault();
      this.finish(true, [0, ev.shiftKey ? -1 : 1]);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      this.finish(false, [0, 0]);
    }
  }

  private onKeyDown(ev: KeyboardEvent): void {
    const td = ev.target as Element;
    if (this.input || !(td instanceof HTMLTableCellElement) || td.getAttribute('role') !== 'gridcell') return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const { row, col } = this.host.cursor();
    const move = MOVES[ev.key];
    if (move) {
      ev.preventDefault();
      this.host.moveTo(row + move[0], col + move[1]);
    } else if (ev.key === 'Home' || ev.key === 'End') {
      ev.preventDefault();
      this.host.moveTo(row, ev.key === 'Home' ? 1 : Number.MAX_SAFE_INTEGER);
    } else if (ev.key === 'Enter' || ev.key === 'F2') {
      ev.preventDefault();
      this.start(null);
    } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      if (this.host.textAt(row, col) === '') return;
      td.textContent = '';
      this.host.commit(row, col, '');
    } else if (ev.key.length === 1) {
      // Typing on a selected cell replaces its content, as in Sheets.
      ev.preventDefault();
      this.start(ev.key);
    }
  }
}
