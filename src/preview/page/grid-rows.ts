/**
 * The rows of the preview's grid: one <tr> per sheet row, one role="gridcell" <td> per cell,
 * with the cell's text, format, note, list drop-down and the keyboard cursor. Built on demand
 * (the virtual window of a long tab draws rows again while scrolling), so a row is built with
 * plain loops over shared tables (no closure, no object per cell beyond the elements).
 */
import type { CellStyle, SheetSnapshot } from '../snapshot';

/** What the row builder reads, built once per drawn tab. */
export interface GridRows {
  sheet: SheetSnapshot;
  cols: number;
  frozen: number;
  /** Long tabs keep a fixed row height: no wrapped text there. */
  virtual: boolean;
  /** Column letters by column number (index 0 unused). */
  letters: string[];
  dropdowns: Set<string>;
  cursor: () => { row: number; col: number } | null;
  /** The rows currently in the page, by row number. */
  rendered: Map<number, HTMLTableRowElement>;
}

/** The selected cell: outlined, the grid's one stop in the Tab order (roving tabindex). */
export function markCursor(td: HTMLTableCellElement): void {
  td.classList.add('selected');
  td.tabIndex = 0;
  td.setAttribute('aria-selected', 'true');
}

export function unmarkCursor(td: Element): void {
  td.classList.remove('selected');
  td.removeAttribute('tabindex');
  td.removeAttribute('aria-selected');
}

/** Builds row `r` (1-based) and records it in `grid.rendered`. */
export function buildRow(grid: GridRows, r: number): HTMLTableRowElement {
  const line = grid.sheet.cells[r - 1] ?? [];
  const at = grid.cursor();
  const tr = document.createElement('tr');
  tr.dataset.r = String(r);
  tr.setAttribute('aria-rowindex', String(r + 1));
  if (r <= grid.frozen) tr.className = r === grid.frozen ? 'frozen frozen-last' : 'frozen';
  const th = document.createElement('th');
  th.className = 'rownum';
  th.scope = 'row';
  th.textContent = String(r);
  tr.append(th);
  for (let c = 1; c <= grid.cols; c++) {
    const td = buildCell(grid, line, r, c);
    if (r === at?.row && c === at.col) markCursor(td);
    tr.append(td);
  }
  grid.rendered.set(r, tr);
  return tr;
}

function buildCell(grid: GridRows, line: readonly string[], r: number, c: number): HTMLTableCellElement {
  const key = `${r}:${c}`;
  const text = line[c - 1] ?? '';
  const td = document.createElement('td');
  td.dataset.ref = `${grid.letters[c]}${r}`;
  td.setAttribute('role', 'gridcell');
  if (text !== '') td.textContent = text;
  const style = grid.sheet.styles[key];
  if (style) applyStyle(td, style, grid.virtual);
  // Like Sheets, text runs over the empty cells to its right.
  if (text !== '' && !style?.wrap && (!style?.align || style.align === 'left') && (line[c] ?? '') === '')
    td.classList.add('spill');
  const note = grid.sheet.notes[key];
  if (note) {
    td.classList.add('has-note');
    td.title = note;
    td.dataset.note = note;
  } else if (text.length > 12) td.title = text;
  if (grid.dropdowns.has(key)) td.classList.add('dropdown');
  return td;
}

function applyStyle(td: HTMLTableCellElement, style: CellStyle, virtual: boolean): void {
  if (style.bold) td.style.fontWeight = 'bold';
  if (style.italic) td.style.fontStyle = 'italic';
  if (style.color) td.style.color = style.color;
  if (style.background) td.style.background = style.background;
  if (style.align) td.style.textAlign = style.align;
  if (style.size) td.style.fontSize = `${Math.round(style.size * 1.33)}px`;
  if (style.wrap && !virtual) td.classList.add('wrap');
}
