/**
 * The virtual window of a long tab (Présences): only the rows in view (plus a margin) are in
 * the page, between two spacer rows that take the height of the rows left out. Rows have a
 * fixed height, so the rows in view follow from the scroll position alone.
 */
import { el } from '../../shared/dom';
import { buildRow, type GridRows } from './grid-rows';

export const ROW_HEIGHT = 21;
/** Rows drawn above and below the ones in view. */
const OVERSCAN = 30;

/** The scroll listener of the grid currently drawn in a container (replaced at each render). */
const scrollListeners = new WeakMap<HTMLElement, () => void>();

/** Removes the scroll listener of the grid drawn before in this container, if any. */
export function forgetWindow(container: HTMLElement): void {
  const previous = scrollListeners.get(container);
  if (previous) container.removeEventListener('scroll', previous);
  scrollListeners.delete(container);
}

/**
 * Draws the rows in view below the frozen ones and follows the scrolling (once per animation
 * frame). Returns the function that draws the rows in view again (after a programmatic scroll).
 */
export function mountWindow(container: HTMLElement, body: HTMLElement, grid: GridRows, rows: number): () => void {
  const top = spacer(grid.cols);
  const bottom = spacer(grid.cols);
  body.append(top, bottom);
  let first = -1;
  let last = -1;
  const update = (): void => {
    const start = Math.max(grid.frozen + 1, Math.floor(container.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const end = Math.min(rows, Math.ceil((container.scrollTop + container.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    if (start === first && end === last) return;
    const focused = focusedCell(body);
    for (let r = first; r >= 0 && r <= last; r++) {
      grid.rendered.get(r)?.remove();
      grid.rendered.delete(r);
    }
    const fragment = document.createDocumentFragment();
    for (let r = start; r <= end; r++) fragment.append(buildRow(grid, r));
    body.insertBefore(fragment, bottom);
    // An empty spacer takes no room (no blank band between the header and row 2).
    sizeSpacer(top, (start - grid.frozen - 1) * ROW_HEIGHT);
    sizeSpacer(bottom, (rows - end) * ROW_HEIGHT);
    first = start;
    last = end;
    if (focused) (grid.rendered.get(focused.row)?.cells[focused.col] as HTMLElement | undefined)?.focus({ preventScroll: true });
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
  return update;
}

function spacer(cols: number): HTMLTableRowElement {
  return el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colspan: cols + 1 }));
}

function sizeSpacer(tr: HTMLTableRowElement, height: number): void {
  tr.hidden = height === 0;
  (tr.cells[0] as HTMLElement).style.height = `${height}px`;
}

/** The focused cell (the keyboard cursor), drawn again after a scroll: the focus goes to its new element. */
function focusedCell(body: HTMLElement): { row: number; col: number } | null {
  const active = document.activeElement;
  return active instanceof HTMLTableCellElement && body.contains(active)
    ? { row: Number((active.parentElement as HTMLTableRowElement).dataset.r), col: active.cellIndex }
    : null;
}
