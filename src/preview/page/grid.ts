/**
 * One tab drawn like a spreadsheet: column letters, row numbers, frozen rows (sticky), notes,
 * formats, list drop-downs and charts. Long tabs (Présences) render only the rows in view
 * (fixed row height, spacer rows above and below: grid-window.ts), so a tab of thousands of
 * rows stays quick. The rows themselves are drawn by grid-rows.ts.
 */
import type { ChartData, SheetSnapshot } from '../snapshot';
import { PREVIEW } from '../../i18n/fr/preview';
import { clear, el } from '../../shared/dom';
import { columnLetters } from '../../shared/issues';
import { drawChart } from './chart';
import { buildRow, type GridRows } from './grid-rows';
import { forgetWindow, mountWindow, ROW_HEIGHT } from './grid-window';

const DEFAULT_WIDTH = 100;
const ROW_NUMBER_WIDTH = 46;
const MIN_ROWS = 40;
const MIN_COLS = 12;
/** Above this many rows, only the rows in view are in the page. */
const VIRTUAL_ABOVE = 200;

export interface RenderedGrid {
  /** Rows and columns drawn (the cursor stays within them). */
  rows: number;
  cols: number;
  /** The cell's element when its row is in the page. */
  cell(row: number, col: number): HTMLTableCellElement | null;
  /** Scrolls the cell into view (rendering its row if needed) and returns it. */
  reveal(row: number, col: number): HTMLTableCellElement | null;
}

export function renderGrid(
  container: HTMLElement,
  sheet: SheetSnapshot,
  onSelect: (row: number, col: number, text: string) => void,
  cursor: () => { row: number; col: number } | null = () => null,
): RenderedGrid {
  forgetWindow(container);
  clear(container);

  const { rows, cols } = gridSize(sheet);
  const virtual = rows > VIRTUAL_ABOVE;
  const letters: string[] = [''];
  for (let c = 1; c <= cols; c++) letters.push(columnLetters(c));
  const grid: GridRows = {
    sheet,
    cols,
    frozen: Math.min(sheet.frozenRows, rows),
    virtual,
    letters,
    dropdowns: new Set(sheet.dropdowns),
    cursor,
    rendered: new Map(),
  };

  const { table, head, body } = buildTable(sheet, rows, cols, virtual, letters);
  table.addEventListener('click', (ev) => {
    const td = (ev.target as Element).closest('td');
    const tr = td?.parentElement as HTMLTableRowElement | null;
    if (!td || !tr?.dataset.r) return;
    const r = Number(tr.dataset.r);
    const c = td.cellIndex;
    onSelect(r, c, sheet.cells[r - 1]?.[c - 1] ?? '');
  });

  const inner = el('div', { class: 'grid-inner' }, table);
  container.append(inner);
  if (sheet.rows === 0 && sheet.charts.length === 0) inner.append(el('div', { class: 'empty-note' }, PREVIEW.page.emptySheet));

  for (let r = 1; r <= grid.frozen; r++) body.append(buildRow(grid, r));
  let update: () => void = () => undefined;
  if (!virtual) {
    for (let r = grid.frozen + 1; r <= rows; r++) body.append(buildRow(grid, r));
  } else {
    update = mountWindow(container, body, grid, rows);
  }

  const headerHeight = head.offsetHeight || ROW_HEIGHT;
  stickFrozenRows(container, grid, headerHeight);
  const cell = (row: number, col: number): HTMLTableCellElement | null =>
    (grid.rendered.get(row)?.cells[col] as HTMLTableCellElement | undefined) ?? null;
  for (const ch of sheet.charts)
    inner.append(chartBox(ch, sheet, virtual ? null : cell(ch.anchor.row, ch.anchor.col), headerHeight));

  return {
    rows,
    cols,
    cell,
    reveal(row, col) {
      if (virtual && !grid.rendered.has(row)) {
        container.scrollTop = Math.max(0, (row - 1) * ROW_HEIGHT - container.clientHeight / 2);
        update();
      }
      const target = cell(row, col);
      if (target && !virtual && (row > 1 || col > 1)) target.scrollIntoView({ block: 'center', inline: 'nearest' });
      return target;
    },
  };
}

function columnWidth(sheet: SheetSnapshot, col: number): number {
  return sheet.widths[col] ?? DEFAULT_WIDTH;
}

/** Rows and columns drawn: the data, a margin like Sheets' empty cells, and room for the charts. */
function gridSize(sheet: SheetSnapshot): { rows: number; cols: number } {
  let rows = Math.max(sheet.rows + 10, MIN_ROWS);
  let cols = Math.max(sheet.cols + 2, MIN_COLS);
  for (const ch of sheet.charts) {
    rows = Math.max(rows, ch.anchor.row + Math.ceil(ch.height / ROW_HEIGHT) + 2);
    let w = 0;
    let c = ch.anchor.col;
    while (w < ch.width) w += columnWidth(sheet, c++);
    cols = Math.max(cols, c + 1);
  }
  return { rows, cols };
}

/** The table (role="grid"), its column widths and its header of column letters; the body is empty. */
function buildTable(
  sheet: SheetSnapshot,
  rows: number,
  cols: number,
  virtual: boolean,
  letters: string[],
): { table: HTMLTableElement; head: HTMLTableRowElement; body: HTMLTableSectionElement } {
  const table = el('table', {
    class: virtual ? 'grid virtual' : 'grid',
    'data-sheet': sheet.name,
    role: 'grid',
    'aria-label': PREVIEW.page.gridLabel(sheet.name),
    'aria-describedby': 'grid-help',
    'aria-rowcount': rows + 1,
    'aria-colcount': cols + 1,
  });
  const colgroup = el('colgroup', {}, el('col', { style: `width:${ROW_NUMBER_WIDTH}px` }));
  let tableWidth = ROW_NUMBER_WIDTH;
  for (let c = 1; c <= cols; c++) {
    const width = columnWidth(sheet, c);
    tableWidth += width;
    colgroup.append(el('col', { style: `width:${width}px` }));
  }
  table.style.width = `${tableWidth}px`;
  table.append(colgroup);
  const head = el('tr', { 'aria-rowindex': 1 }, el('th', { class: 'corner' }));
  for (let c = 1; c <= cols; c++) head.append(el('th', { scope: 'col', 'data-col': c }, letters[c]));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  table.append(body);
  return { table, head, body };
}

/**
 * Frozen rows stay under the column letters while scrolling; a cell reached with the keyboard
 * is scrolled into view below them and beside the row numbers.
 */
function stickFrozenRows(container: HTMLElement, grid: GridRows, headerHeight: number): void {
  let offset = headerHeight;
  for (let r = 1; r <= grid.frozen; r++) {
    const tr = grid.rendered.get(r)!;
    for (const c of Array.from(tr.cells)) c.style.top = `${offset}px`;
    offset += grid.virtual ? ROW_HEIGHT : tr.offsetHeight || ROW_HEIGHT;
  }
  container.style.scrollPaddingTop = `${offset}px`;
  container.style.scrollPaddingLeft = `${ROW_NUMBER_WIDTH}px`;
}

/** A chart placed over its anchor cell (`anchor`: that cell's element when drawn and measurable). */
function chartBox(ch: ChartData, sheet: SheetSnapshot, anchor: HTMLTableCellElement | null, headerHeight: number): HTMLElement {
  let left = ROW_NUMBER_WIDTH;
  for (let c = 1; c < ch.anchor.col; c++) left += columnWidth(sheet, c);
  const top = anchor ? anchor.offsetTop : headerHeight + (ch.anchor.row - 1) * ROW_HEIGHT;
  const box = el('div', { class: 'chart', 'data-chart': ch.title });
  box.style.left = `${left}px`;
  box.style.top = `${top}px`;
  box.style.width = `${ch.width}px`;
  box.style.height = `${ch.height}px`;
  box.append(drawChart(ch));
  return box;
}
