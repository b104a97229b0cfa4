/**
 * One tab drawn like a spreadsheet: column letters, row numbers, frozen rows (sticky), notes,
 * formats, list drop-downs and charts. Long tabs (Présences) render only the rows in view
 * (fixed row height, spacer rows above and below), so a tab of thousands of rows stays quick.
 */
import type { SheetSnapshot } from '../snapshot';
import { PREVIEW } from '../../i18n/fr/preview';
import { drawChart } from './chart';
import { clear, columnLetter, el } from './dom';

const DEFAULT_WIDTH = 100;
const ROW_NUMBER_WIDTH = 46;
const ROW_HEIGHT = 21;
const MIN_ROWS = 40;
const MIN_COLS = 12;
/** Above this many rows, only the rows in view are in the page. */
const VIRTUAL_ABOVE = 200;
const OVERSCAN = 30;

export interface RenderedGrid {
  /** Rows and columns drawn (the cursor stays within them). */
  rows: number;
  cols: number;
  /** The cell's element when its row is in the page. */
  cell(row: number, col: number): HTMLTableCellElement | null;
  /** Scrolls the cell into view (rendering its row if needed) and returns it. */
  reveal(row: number, col: number): HTMLTableCellElement | null;
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

/** The scroll listener of the grid currently drawn in a container (replaced at each render). */
const scrollListeners = new WeakMap<HTMLElement, () => void>();

export function renderGrid(
  container: HTMLElement,
  sheet: SheetSnapshot,
  onSelect: (row: number, col: number, text: string) => void,
  cursor: () => { row: number; col: number } | null = () => null,
): RenderedGrid {
  const previous = scrollListeners.get(container);
  if (previous) container.removeEventListener('scroll', previous);
  scrollListeners.delete(container);
  clear(container);

  let rows = Math.max(sheet.rows + 10, MIN_ROWS);
  let cols = Math.max(sheet.cols + 2, MIN_COLS);
  const width = (c: number): number => sheet.widths[c] ?? DEFAULT_WIDTH;
  for (const ch of sheet.charts) {
    rows = Math.max(rows, ch.anchor.row + Math.ceil(ch.height / ROW_HEIGHT) + 2);
    let w = 0;
    let c = ch.anchor.col;
    while (w < ch.width) w += width(c++);
    cols = Math.max(cols, c + 1);
  }
  const virtual = rows > VIRTUAL_ABOVE;
  const frozen = Math.min(sheet.frozenRows, rows);
  const notes = sheet.notes;
  const dropdowns = new Set(sheet.dropdowns);
  const letters: string[] = [''];
  for (let c = 1; c <= cols; c++) letters.push(columnLetter(c));

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
    tableWidth += width(c);
    colgroup.append(el('col', { style: `width:${width(c)}px` }));
  }
  table.style.width = `${tableWidth}px`;
  table.append(colgroup);
  const head = el('tr', { 'aria-rowindex': 1 }, el('th', { class: 'corner' }));
  for (let c = 1; c <= cols; c++) head.append(el('th', { scope: 'col', 'data-col': c }, letters[c]));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  table.append(body);

  const rendered = new Map<number, HTMLTableRowElement>();
  const buildRow = (r: number): HTMLTableRowElement => {
    const line = sheet.cells[r - 1] ?? [];
    const at = cursor();
    const tr = document.createElement('tr');
    tr.dataset.r = String(r);
    tr.setAttribute('aria-rowindex', String(r + 1));
    if (r <= frozen) tr.className = r === frozen ? 'frozen frozen-last' : 'frozen';
    const th = document.createElement('th');
    th.className = 'rownum';
    th.scope = 'row';
    th.textContent = String(r);
    tr.append(th);
    for (let c = 1; c <= cols; c++) {
      const key = `${r}:${c}`;
      const text = line[c - 1] ?? '';
      const td = document.createElement('td');
      td.dataset.ref = `${letters[c]}${r}`;
      td.setAttribute('role', 'gridcell');
      if (text !== '') td.textContent = text;
      const style = sheet.styles[key];
      if (style) {
        if (style.bold) td.style.fontWeight = 'bold';
        if (style.italic) td.style.fontStyle = 'italic';
        if (style.color) td.style.color = style.color;
        if (style.background) td.style.background = style.background;
        if (style.align) td.style.textAlign = style.align;
        if (style.size) td.style.fontSize = `${Math.round(style.size * 1.33)}px`;
        if (style.wrap && !virtual) td.classList.add('wrap');
      }
      // Like Sheets, text runs over the empty cells to its right.
      if (text !== '' && !style?.wrap && (!style?.align || style.align === 'left') && (line[c] ?? '') === '')
        td.classList.add('spill');
      const note = notes[key];
      if (note) {
        td.classList.add('has-note');
        td.title = note;
        td.dataset.note = note;
      } else if (text.length > 12) td.title = text;
      if (dropdowns.has(key)) td.classList.add('dropdown');
      if (r === at?.row && c === at.col) markCursor(td);
      tr.append(td);
    }
    rendered.set(r, tr);
    return tr;
  };

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

  for (let r = 1; r <= frozen; r++) body.append(buildRow(r));
  let update: () => void = () => undefined;
  if (!virtual) {
    for (let r = frozen + 1; r <= rows; r++) body.append(buildRow(r));
  } else {
    const spacer = (): HTMLTableRowElement => {
      const tr = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colspan: cols + 1 }));
      return tr;
    };
    const top = spacer();
    const bottom = spacer();
    body.append(top, bottom);
    let first = -1;
    let last = -1;
    update = () => {
      const start = Math.max(frozen + 1, Math.floor(container.scrollTop / ROW_HEIGHT) - OVERSCAN);
      const end = Math.min(rows, Math.ceil((container.scrollTop + container.clientHeight) / ROW_HEIGHT) + OVERSCAN);
      if (start === first && end === last) return;
      // The focused cell (the keyboard cursor) is drawn again: the focus goes to its new element.
      const active = document.activeElement;
      const focused =
        active instanceof HTMLTableCellElement && body.contains(active)
          ? { row: Number((active.parentElement as HTMLTableRowElement).dataset.r), col: active.cellIndex }
          : null;
      for (let r = first; r >= 0 && r <= last; r++) {
        rendered.get(r)?.remove();
        rendered.delete(r);
      }
      const fragment = document.createDocumentFragment();
      for (let r = start; r <= end; r++) fragment.append(buildRow(r));
      body.insertBefore(fragment, bottom);
      // An empty spacer takes no room (no blank band between the header and row 2).
      const above = (start - frozen - 1) * ROW_HEIGHT;
      const below = (rows - end) * ROW_HEIGHT;
      top.hidden = above === 0;
      bottom.hidden = below === 0;
      (top.cells[0] as HTMLElement).style.height = `${above}px`;
      (bottom.cells[0] as HTMLElement).style.height = `${below}px`;
      first = start;
      last = end;
      if (focused) (rendered.get(focused.row)?.cells[focused.col] as HTMLElement | undefined)?.focus({ preventScroll: true });
    };
    let pending = false;
    const onScroll = (): void => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        update();
      });
    };
    container.addEventListener('scroll', onScroll);
    scrollListeners.set(container, onScroll);
    update();
  }

  // Frozen rows stay under the column letters while scrolling.
  const headerHeight = head.offsetHeight || ROW_HEIGHT;
  let offset = headerHeight;
  for (let r = 1; r <= frozen; r++) {
    const tr = rendered.get(r)!;
    for (const c of Array.from(tr.cells)) c.style.top = `${offset}px`;
    offset += virtual ? ROW_HEIGHT : tr.offsetHeight || ROW_HEIGHT;
  }
  // A cell reached with the keyboard is scrolled into view below the sticky rows and beside the row numbers.
  container.style.scrollPaddingTop = `${offset}px`;
  container.style.scrollPaddingLeft = `${ROW_NUMBER_WIDTH}px`;

  const cell = (row: number, col: number): HTMLTableCellElement | null =>
    (rendered.get(row)?.cells[col] as HTMLTableCellElement | undefined) ?? null;

  for (const ch of sheet.charts) {
    let left = ROW_NUMBER_WIDTH;
    for (let c = 1; c < ch.anchor.col; c++) left += width(c);
    const anchor = cell(ch.anchor.row, ch.anchor.col);
    const topPx = anchor && !virtual ? anchor.offsetTop : headerHeight + (ch.anchor.row - 1) * ROW_HEIGHT;
    const box = el('div', { class: 'chart', 'data-chart': ch.title });
    box.style.left = `${left}px`;
    box.style.top = `${topPx}px`;
    box.style.width = `${ch.width}px`;
    box.style.height = `${ch.height}px`;
    box.append(drawChart(ch));
    inner.append(box);
  }

  return {
    rows,
    cols,
    cell,
    reveal(row, col) {
      if (virtual && !rendered.has(row)) {
        container.scrollTop = Math.max(0, (row - 1) * ROW_HEIGHT - container.clientHeight / 2);
        update();
      }
      const target = cell(row, col);
      if (target && !virtual && (row > 1 || col > 1)) target.scrollIntoView({ block: 'center', inline: 'nearest' });
      return target;
    },
  };
}
