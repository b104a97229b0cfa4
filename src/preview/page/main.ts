/**
 * The preview page: the workbook like a spreadsheet (tab bar, grid, frozen header), the
 * "Club de l'alternance" menu and the real sidebar (dist/Sidebar.html) in a side panel.
 * The grid refreshes after every action and by polling the workbook's version.
 */
import { PREVIEW } from '../../i18n/fr/preview';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { Answer } from '../ui';
import { DialogRef, editCell, fetchState, MenuResponse, Meta, runMenu, saveCopy, selectCell } from './client';
import { ask, closeDocumentDialog, isDocumentDialogWindow, openDocumentDialog, showAlert, toast } from './dialogs';
import { errorDetails } from '../../core/errors';
import { clear, el } from '../../shared/dom';
import { columnLetters } from '../../shared/issues';
import { GridEditor } from './editor';
import { renderGrid, RenderedGrid } from './grid';
import { markCursor, unmarkCursor } from './grid-rows';

const PAGE_TEXT = PREVIEW.page;
const POLL_MS = 1500;

interface PageState {
  snapshot: (WorkbookSnapshot & { meta: Meta }) | null;
  active: string | null;
  lastSelection: string;
  grid: RenderedGrid | null;
  /** The selected cell of the tab shown (the grid's keyboard cursor). */
  cursor: { sheet: string; row: number; col: number } | null;
  scroll: Map<string, { left: number; top: number }>;
  busy: boolean;
  again: boolean;
}

const state: PageState = {
  snapshot: null,
  active: null,
  lastSelection: 'null',
  grid: null,
  cursor: null,
  scroll: new Map(),
  busy: false,
  again: false,
};

// ---------------------------------------------------------------------------------------
// Layout

const docTitle = el('div', { class: 'doc-title', id: 'doc-title' }, PAGE_TEXT.loading);
const menuButton = el(
  'button',
  { type: 'button', id: 'addon-menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
  PAGE_TEXT.menuTitle,
);
const menu = el('div', { class: 'menu', id: 'addon-menu', role: 'menu', 'aria-label': PAGE_TEXT.menuTitle, hidden: true });
const badge = el('span', { class: 'badge', id: 'source-badge' });
const saveButton = el('button', { type: 'button', class: 'primary', id: 'save-copy', hidden: true }, PAGE_TEXT.saveCopy);
const nameBox = el('div', { class: 'name-box', id: 'name-box' });
const cellValue = el('div', { class: 'cell-value', id: 'cell-value' });
const banner = el('div', { class: 'banner', id: 'banner', role: 'alert', hidden: true });
const gridScroll = el('div', { class: 'grid-scroll', id: 'grid-scroll' });
const frame = el('iframe', { id: 'sidebar-frame', title: PAGE_TEXT.menuTitle });
const panelClose = el(
  'button',
  { type: 'button', id: 'sidepanel-close', 'aria-label': PAGE_TEXT.sidebarClose, title: PAGE_TEXT.sidebarClose },
  '×',
);
const panel = el(
  'aside',
  { class: 'sidepanel', id: 'sidepanel', hidden: true, 'aria-label': PAGE_TEXT.menuTitle },
  el('header', {}, el('span', {}, PAGE_TEXT.menuTitle), panelClose),
  frame,
);
const tabs = el('nav', { class: 'tabbar', id: 'tabs', role: 'tablist', 'aria-label': PAGE_TEXT.sheetTabs });

function layout(): void {
  const app = document.getElementById('app')!;
  app.append(
    el(
      'header',
      { class: 'topbar' },
      el('div', { class: 'logo', 'aria-hidden': 'true' }, '▦'),
      el(
        'div',
        { class: 'doc' },
        docTitle,
        el(
          'div',
          { class: 'menubar' },
          ...['Fichier', 'Édition', 'Affichage', 'Insertion', 'Format', 'Données', 'Outils', 'Extensions'].map((m) =>
            el('span', { 'aria-hidden': 'true' }, m),
          ),
          menuButton,
          menu,
        ),
      ),
      el('div', { class: 'actions' }, badge, saveButton),
    ),
    el('div', { class: 'formula-bar' }, nameBox, el('div', { class: 'fx', 'aria-hidden': 'true' }, 'fx'), cellValue),
    banner,
    el('main', { class: 'workspace' }, el('section', { class: 'sheet-area' }, gridScroll), panel),
    // How to edit the grid, read by screen readers with the grid (aria-describedby).
    el('p', { id: 'grid-help', class: 'visually-hidden' }, PAGE_TEXT.editHint),
    tabs,
  );
  document.title = PAGE_TEXT.title;
}

// ---------------------------------------------------------------------------------------
// Menu

function buildMenu(meta: Meta): void {
  clear(menu);
  menuButton.textContent = meta.menu.title;
  menu.append(el('div', { class: 'menu-hint' }, PAGE_TEXT.menuHint));
  for (const item of meta.menu.items) {
    menu.append(
      el(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          'data-handler': item.handler,
          onclick: () => {
            closeMenu();
            void runHandler(item.handler);
          },
        },
        item.label,
      ),
    );
  }
}

function closeMenu(): void {
  menu.hidden = true;
  menuButton.setAttribute('aria-expanded', 'false');
}

menuButton.addEventListener('click', (ev) => {
  ev.stopPropagation();
  const open = menu.hidden;
  menu.hidden = !open;
  menuButton.setAttribute('aria-expanded', String(open));
  if (open) (menu.querySelector('button') as HTMLButtonElement | null)?.focus();
});
document.addEventListener('click', (ev) => {
  if (!menu.hidden && !menu.contains(ev.target as Node)) closeMenu();
});
document.addEventListener('keydown', (ev) => {
  if (menu.hidden) return;
  if (ev.key === 'Escape') {
    closeMenu();
    menuButton.focus();
    return;
  }
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    const items = Array.from(menu.querySelectorAll<HTMLButtonElement>('button[role=menuitem]'));
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = ev.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  }
});

/** Runs a menu handler; its questions are asked here and the handler replayed with the answers. */
async function runHandler(handler: string): Promise<void> {
  const answers: Answer[] = [];
  for (;;) {
    let r: MenuResponse;
    try {
      r = await runMenu(handler, answers);
    } catch (e) {
      showOffline(e);
      return;
    }
    for (const m of r.toasts) toast(m);
    for (const m of r.alerts) await showAlert(m);
    if (r.sidebar) openSidebar(r.sidebar);
    if (r.dialog) openDocumentDialog(r.dialog);
    if (!r.ok) {
      if (r.message) await showAlert(r.message);
      break;
    }
    if (!r.question) break;
    answers.push(await ask(r.question));
  }
  await refresh();
}

// ---------------------------------------------------------------------------------------
// Side panel

function openSidebar(view: string): void {
  panel.hidden = false;
  frame.src = `/sidebar?view=${encodeURIComponent(view)}&t=${Date.now()}`;
}

panelClose.addEventListener('click', () => {
  panel.hidden = true;
  frame.src = 'about:blank';
});

window.addEventListener('message', (ev) => {
  if (ev.origin !== window.location.origin) return;
  const data = ev.data as { source?: string; type?: string; dialog?: DialogRef | null } | null;
  if (data?.source !== 'apercu-sidebar') return;
  if (data.type === 'changed') void refresh();
  if (data.type === 'dialog' && data.dialog) openDocumentDialog(data.dialog);
  if (data.type === 'close') {
    if (isDocumentDialogWindow(ev.source)) closeDocumentDialog();
    else panelClose.click();
  }
});

// ---------------------------------------------------------------------------------------
// Save

saveButton.addEventListener('click', async () => {
  saveButton.disabled = true;
  saveButton.textContent = PAGE_TEXT.saving;
  try {
    const r = await saveCopy();
    if (r.ok) toast(r.message);
    else await showAlert(r.message);
  } catch (e) {
    showOffline(e);
  } finally {
    saveButton.disabled = false;
    saveButton.textContent = PAGE_TEXT.saveCopy;
  }
});

// ---------------------------------------------------------------------------------------
// Grid and tabs

function showBanner(text: string | null): void {
  banner.hidden = text === null;
  banner.textContent = text ?? '';
}

/**
 * A call to the preview server failed (most often: the server is stopped): the banner says so,
 * and the browser's console gets the failure's kind and stack (never its message), so that a
 * fault of the page itself does not hide behind the banner.
 */
function showOffline(e: unknown): void {
  console.warn(`[aperçu] ${errorDetails(e)}`);
  showBanner(PAGE_TEXT.offline);
}

function activeSheet(): SheetSnapshot | null {
  const snap = state.snapshot;
  if (!snap) return null;
  return snap.sheets.find((s) => s.name === state.active) ?? snap.sheets[0] ?? null;
}

function select(row: number, col: number, text: string, focus = false): void {
  gridScroll.querySelectorAll('td.selected, td[tabindex]').forEach(unmarkCursor);
  if (state.active) state.cursor = { sheet: state.active, row, col };
  const td = state.grid?.cell(row, col);
  if (td) {
    markCursor(td);
    if (focus) td.focus();
  }
  nameBox.textContent = `${columnLetters(col)}${row}`;
  cellValue.textContent = text;
}

/** A click in the grid, or the keyboard: the cell becomes the active cell the add-on sees (as in Sheets). */
function userSelect(row: number, col: number, text: string): void {
  select(row, col, text, true);
  const sheet = state.active;
  if (!sheet) return;
  state.lastSelection = JSON.stringify({ sheet, row, col });
  selectCell(sheet, row, col).catch(showOffline);
}

function textAt(row: number, col: number): string {
  return activeSheet()?.cells[row - 1]?.[col - 1] ?? '';
}

const editor = new GridEditor(gridScroll, {
  cursor: () => (state.cursor && state.cursor.sheet === state.active ? state.cursor : { row: 1, col: 1 }),
  reveal: (row, col) => state.grid?.cell(row, col) ?? state.grid?.reveal(row, col) ?? null,
  moveTo(row, col) {
    const grid = state.grid;
    if (!grid) return;
    const r = Math.min(Math.max(row, 1), grid.rows);
    const c = Math.min(Math.max(col, 1), grid.cols);
    if (!grid.cell(r, c)) grid.reveal(r, c);
    userSelect(r, c, textAt(r, c));
  },
  textAt,
  commit(row, col, text) {
    const sheet = state.active;
    if (!sheet) return;
    editCell(sheet, row, col, text)
      .then(async (r) => {
        if (!r.ok) await showAlert(`${PAGE_TEXT.editFailed} ${r.message ?? ''}`);
        await refresh();
      })
      .catch(showOffline);
  },
});

function renderTabs(): void {
  clear(tabs);
  for (const s of state.snapshot?.sheets ?? []) {
    const selected = s.name === state.active;
    tabs.append(
      el(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': String(selected),
          'data-sheet': s.name,
          onclick: () => showSheet(s.name),
        },
        s.name,
      ),
    );
  }
  tabs.append(el('span', { class: 'preview-note' }, PAGE_TEXT.previewNote));
}

function rememberScroll(): void {
  if (state.active) state.scroll.set(state.active, { left: gridScroll.scrollLeft, top: gridScroll.scrollTop });
}

function renderActive(): void {
  const sheet = activeSheet();
  if (!sheet) return;
  state.active = sheet.name;
  // A re-render (after an edit, a menu action, a poll) keeps the cursor and the focus on it.
  const hadFocus = gridScroll.contains(document.activeElement);
  if (state.cursor?.sheet !== sheet.name) state.cursor = { sheet: sheet.name, row: 1, col: 1 };
  const cursor = state.cursor;
  state.grid = renderGrid(gridScroll, sheet, userSelect, () => (state.cursor?.sheet === sheet.name ? state.cursor : null));
  const pos = state.scroll.get(sheet.name);
  gridScroll.scrollLeft = pos?.left ?? 0;
  gridScroll.scrollTop = pos?.top ?? 0;
  nameBox.textContent = `${columnLetters(cursor.col)}${cursor.row}`;
  cellValue.textContent = textAt(cursor.row, cursor.col);
  if (hadFocus) state.grid.cell(cursor.row, cursor.col)?.focus({ preventScroll: true });
}

function showSheet(name: string): void {
  rememberScroll();
  state.active = name;
  // Like Sheets, the tab shown is the active sheet (its cursor on A1 here).
  state.lastSelection = JSON.stringify({ sheet: name, row: 1, col: 1 });
  selectCell(name, 1, 1).catch(showOffline);
  renderTabs();
  renderActive();
}

/** Follows workbook.select() (e.g. "Aller à la cellule", the new report tab). */
function followSelection(snap: WorkbookSnapshot): void {
  const key = JSON.stringify(snap.selection);
  if (key === state.lastSelection) return;
  state.lastSelection = key;
  const sel = snap.selection;
  if (!sel || !snap.sheets.some((s) => s.name === sel.sheet)) return;
  if (sel.sheet !== state.active) {
    rememberScroll();
    state.active = sel.sheet;
    state.scroll.delete(sel.sheet);
    renderTabs();
    renderActive();
  }
  const cell = state.grid?.reveal(sel.row, sel.col);
  if (cell) {
    select(sel.row, sel.col, cell.textContent ?? '');
    cell.classList.add('flash');
  }
}

async function refresh(): Promise<void> {
  // No redraw under the person typing: the commit refreshes.
  if (editor.editing) return;
  if (state.busy) {
    // A change landed while a poll was in flight: fetch again once it is done.
    state.again = true;
    return;
  }
  state.busy = true;
  try {
    const r = await fetchState(state.snapshot ? state.snapshot.version : null);
    showBanner(null);
    // The person started typing meanwhile: keep their editor; the commit refreshes.
    if (editor.editing) return;
    if (r.unchanged) return;
    const first = state.snapshot === null;
    state.snapshot = r;
    if (first) {
      buildMenu(r.meta);
      docTitle.textContent = r.meta.demo ? PAGE_TEXT.demoTitle : (r.meta.fileName ?? '');
      badge.textContent = r.meta.demo ? PAGE_TEXT.demoBadge : PAGE_TEXT.fileBadge(r.meta.fileName ?? '');
      if (r.meta.simulatedToday) badge.textContent += ` · ${PAGE_TEXT.simulatedToday(r.meta.simulatedToday)}`;
      badge.className = r.meta.demo ? 'badge' : 'badge file';
      saveButton.hidden = false;
      if (r.meta.copyName) saveButton.title = r.meta.copyName;
      state.lastSelection = JSON.stringify(r.selection);
    }
    if (!r.sheets.some((s) => s.name === state.active)) state.active = r.sheets[0]?.name ?? null;
    rememberScroll();
    renderTabs();
    renderActive();
    document.body.setAttribute('data-version', String(r.version));
    followSelection(r);
  } catch (e) {
    showOffline(e);
  } finally {
    state.busy = false;
    if (state.again) {
      state.again = false;
      void refresh();
    }
  }
}

layout();
void refresh().then(() => openSidebar('home'));
setInterval(() => {
  if (document.visibilityState === 'visible') void refresh();
}, POLL_MS);
