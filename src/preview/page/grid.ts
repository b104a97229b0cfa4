/** One tab drawn like a spreadsheet: column letters, row numbers, frozen rows (sticky), notes, formats, charts. */
import type { SheetSnapshot } from '../snapshot';
import { PREVIEW } from '../../i18n/fr/preview';
import { drawChart } from './chart';
import { clear, columnLetter, el } from './dom';

const DEFAULT_WIDTH = 100;
const ROW_HEIGHT = 21;
const MIN_ROWS = 40;
const MIN_COLS = 12;

export interface RenderedGrid {
  cell(row: number, col: number): HTMLTableCellElement | null;
}

export function renderGrid(
  container: HTMLElement,
  sheet: SheetSnapshot,
  onSelect: (row: number, col: number, text: string) => void,
): RenderedGrid {
  clear(container);
  let rows = Math.max(sheet.rows + 10, MIN_ROWS);
  let cols = Math.max(sheet.cols + 2, MIN_COLS);
  for (const ch of sheet.charts) {
    rows = Math.max(rows, ch.anchor.row + Math.ceil(ch.height / ROW_HEIGHT) + 2);
    let w = 0;
    let c = ch.anchor.col;
    while (w < ch.width) w += sheet.widths[c++] ?? DEFAULT_WIDTH;
    cols = Math.max(cols, c + 1);
  }
  const notes = sheet.notes;
  const dropdowns = new Set(sheet.dropdowns);
  const table = el('table', { class: 'grid', 'data-sheet': sheet.name });
  const colgroup = el('colgroup', {}, el('col', { style: 'width:46px' }));
  let tableWidth = 46;
  for (let c = 1; c <= cols; c++) {
    const w = sheet.widths[c] ?? DEFAULT_WIDTH;
    tableWidth += w;
    colgroup.append(el('col', { style: `width:${w}px` }));
  }
  table.style.width = `${tableWidth}px`;
  table.append(colgroup);
  const head = el('tr', {}, el('th', { class: 'corner' }));
  for (let c = 1; c <= cols; c++) head.append(el('th', { scope: 'col', 'data-col': c }, columnLetter(c)));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const frozen = Math.min(sheet.frozenRows, rows);
  for (let r = 1; r <= rows; r++) {
    const line = sheet.cells[r - 1] ?? [];
    const tr = el('tr', { class: r <= frozen ? (r === frozen ? 'frozen frozen-last' : 'frozen') : null });
    tr.append(el('th', { class: 'rownum', scope: 'row', 'data-row': r }, String(r)));
    for (let c = 1; c <= cols; c++) {
      const key = `${r}:${c}`;
      const text = line[c - 1] ?? '';
      const td = el('td', { 'data-ref': `${columnLetter(c)}${r}` }, text);
      const style = sheet.styles[key];
      if (style) {
        if (style.bold) td.style.fontWeight = 'bold';
        if (style.italic) td.style.fontStyle = 'italic';
        if (style.color) td.style.color = style.color;
        if (style.background) td.style.background = style.background;
        if (style.align) td.style.textAlign = style.align;
        if (style.size) td.style.fontSize = `${Math.round(style.size * 1.33)}px`;
        if (style.wrap) td.classList.add('wrap');
      }
      // Like Sheets, text runs over the empty cells to its right.
      if (text !== '' && !style?.wrap && (!style?.align || style.align === 'left') && (line[c] ?? '') === '') td.classList.add('spill');
      const note = notes[key];
      if (note) {
        td.classList.add('has-note');
        td.title = note;
        td.setAttribute('data-note', note);
      } else if (text.length > 12) td.title = text;
      if (dropdowns.has(key)) td.classList.add('dropdown');
      td.addEventListener('click', () => onSelect(r, c, text));
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  const inner = el('div', { class: 'grid-inner' }, table);
  container.append(inner);
  if (sheet.rows === 0 && sheet.charts.length === 0) inner.append(el('div', { class: 'empty-note' }, PREVIEW.page.emptySheet));

  // Frozen rows stay under the column letters while scrolling.
  const headerHeight = (head as HTMLElement).offsetHeight || ROW_HEIGHT;
  let top = headerHeight;
  const trs = body.rows;
  for (let i = 0; i < frozen; i++) {
    const tr = trs[i];
    for (const cell of Array.from(tr.cells)) cell.style.top = `${top}px`;
    top += tr.offsetHeight || ROW_HEIGHT;
  }

  const cell = (row: number, col: number): HTMLTableCellElement | null => {
    const tr = trs[row - 1];
    return tr ? (tr.cells[col] as HTMLTableCellElement | undefined) ?? null : null;
  };
  for (const ch of sheet.charts) {
    const anchor = cell(ch.anchor.row, ch.anchor.col);
    if (!anchor) continue;
    const box = el('div', { class: 'chart', 'data-chart': ch.title });
    box.style.left = `${anchor.offsetLeft}px`;
    box.style.top = `${anchor.offsetTop}px`;
    box.style.width = `${ch.width}px`;
    box.style.height = `${ch.height}px`;
    box.append(drawChart(ch));
    inner.append(box);
  }
  return { cell };
}
