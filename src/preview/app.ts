/**
 * The preview's HTTP server (node:http only), bound to 127.0.0.1.
 *
 *   GET  /                 the page (grid, tabs, menu, side panel)
 *   GET  /sidebar?view=v   dist/Sidebar.html with the google.script.run shim
 *   GET  /api/state?since=n  the workbook as display text (or {unchanged} when still at version n)
 *   POST /api/run   {name, args}       → createServerApi(services)[name](...args)
 *   POST /api/menu  {handler, answers} → createMenuActions(services)[handler]() by replay
 *   POST /api/save                     → <nom>.apercu.xlsx beside the opened file (the demo:
 *                                        club-alternance-demo.xlsx in the current folder, never over a file)
 *   POST /api/edit {sheet, row, col, text} → the cell takes the typed text, read as Sheets reads it
 *   POST /api/select {sheet, row, col} → the user's current cell (WorkbookPort.activeCell)
 *   GET  /dialog?id=n       a dialog a server function or the menu showed (SPEC §12), with the shim
 *
 * Every server function runs through the same Services as in Apps Script (workbook port,
 * document lock, UI), over the in-memory workbook. Nothing here logs cell contents.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import type { MemoryWorkbook } from '../adapters/memory';
import type { WorkbookPort } from '../core/port';
import type { LockPort, Services, SidebarView } from '../app/ports';
import { writeXlsx } from '../adapters/xlsx';
import { writeOutputWith } from '../cli/output';
import { Day, todayIn } from '../core/days';
import { errorDetails, userMessageOf } from '../core/errors';
import { PREVIEW } from '../i18n/fr/preview';
import { createMenuActions, createServerApi, MenuHandlerName } from '../app/api';
import { MENU_ITEMS, MENU_TITLE, SERVER_FUNCTIONS, type ServerApi } from '../app/registry';
import { buildPageHtml } from './assets';
import { SidebarMissingError, sidebarHtml, withScriptRunShim } from './sidebar';
import { isSidebarView } from '../shared/views';
import { workbookSnapshot } from './snapshot';
import { Answer, NeedInput, PreviewDialog, PreviewUi, Question } from './ui';
import { DEMO_COPY_NAME, saveDemoCopy } from './save-demo';
import { readTypedText } from './typing';

export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
const MAX_BODY = 2 * 1024 * 1024;
const MAX_ANSWERS = 20;
/** Sheets' limits: 50 000 characters in a cell, 18 278 columns (ZZZ), 10 million cells. */
const MAX_CELL_TEXT = 50_000;
const MAX_EDIT_COL = 18_278;
const MAX_EDIT_ROW = 10_000_000;
/** How far past a tab's last row and column an edit may land (the grid shows a few more). */
const EDIT_MARGIN_ROWS = 1000;
const EDIT_MARGIN_COLS = 100;

export interface PreviewOptions {
  workbook: MemoryWorkbook;
  /** Project root (holds dist/ and src/preview/page/). */
  root: string;
  /** The .xlsx the workbook was read from; null for the demo. */
  sourcePath: string | null;
  /** Today's calendar day (default: today in the workbook's time zone). */
  today?: () => Day;
  now?: () => Date;
  /** 'YYYY-MM-DD' when today is simulated (shown on the page). */
  simulatedToday?: string | null;
  /** Where the demo's copy is saved (default: the current directory). */
  demoSaveDir?: string;
}

export interface MenuResult {
  ok: boolean;
  /** Set when the handler waits for an answer: ask it, then post again with one more answer. */
  question?: Question;
  alerts: string[];
  toasts: string[];
  sidebar: SidebarView | null;
  /** A dialog to open (GET /dialog?id=…). */
  dialog?: DialogRef | null;
  message?: string;
}

/** What the page needs to open a dialog: the HTML itself is served by GET /dialog?id=…. */
export interface DialogRef {
  id: number;
  title: string;
  width: number;
  height: number;
}

/** Dialogs kept for GET /dialog (the latest ones; a page opens each right away). */
const KEPT_DIALOGS = 20;

/** Where "Enregistrer une copie" writes: <nom>.apercu.xlsx in the same folder. */
export function copyPathFor(sourcePath: string): string {
  const dir = dirname(resolve(sourcePath));
  const name = basename(sourcePath).replace(/\.xlsx$/i, '');
  return join(dir, `${name}.apercu.xlsx`);
}

class PreviewLock implements LockPort {
  private held = false;
  tryLock(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }
  releaseLock(): void {
    this.held = false;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the page shows of an error: a user error's French message, else the generic one. */
function messageOf(e: unknown): string {
  return userMessageOf(e) ?? PREVIEW.unexpected;
}

/** Logs an unexpected error's kind and stack (code locations only, never the workbook's data). */
function logBug(where: string, e: unknown): void {
  if (userMessageOf(e) !== null || e instanceof NeedInput) return;
  console.error(`[aperçu] erreur inattendue dans ${where} : ${errorDetails(e)}`);
}

const WRITES = new Set<string>([
  'writeValues',
  'insertSheet',
  'clearSheet',
  'writeCells',
  'writeColumnCells',
  'writeNotes',
  'setNoteOnCells',
  'setFrozenRows',
  'setValidation',
  'format',
  'setColumnWidth',
  'addChart',
  'select',
]);

/**
 * The workbook as a menu run sees it: the first write takes a deep copy of the sheets, so a
 * run that stops on a question can be undone (handlers normally ask before writing: then no
 * copy is made, whatever the size of the workbook).
 */
function undoableWorkbook(workbook: MemoryWorkbook): { port: WorkbookPort; undo(): void } {
  let saved: { sheets: MemoryWorkbook['sheets']; selection: MemoryWorkbook['selection'] } | null = null;
  const port = new Proxy(workbook, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && WRITES.has(prop)) {
        return (...args: unknown[]) => {
          saved ??= { sheets: structuredClone(target.sheets), selection: target.selection ? { ...target.selection } : null };
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return {
    port,
    undo() {
      if (!saved) return;
      workbook.sheets.splice(0, workbook.sheets.length, ...saved.sheets);
      workbook.selection = saved.selection;
      workbook.version++;
      saved = null;
    },
  };
}

export class PreviewApp {
  private readonly lock = new PreviewLock();
  private page: Promise<string> | null = null;
  private readonly todayFn: () => Day;
  private readonly nowFn: () => Date;
  private readonly dialogs = new Map<number, string>();
  private nextDialog = 1;

  constructor(readonly options: PreviewOptions) {
    this.todayFn = options.today ?? (() => todayIn(options.workbook.timeZone, new Date(), options.workbook.offsets));
    this.nowFn = options.now ?? (() => new Date());
  }

  get workbook(): MemoryWorkbook {
    return this.options.workbook;
  }

  services(ui: PreviewUi): Services {
    return { workbook: this.workbook, lock: this.lock, ui, today: this.todayFn, now: this.nowFn };
  }

  /** Builds the page (once); errors surface at start rather than on the first visit. */
  pageHtml(): Promise<string> {
    this.page ??= buildPageHtml(this.options.root);
    return this.page;
  }

  meta() {
    const source = this.options.sourcePath;
    return {
      demo: source === null,
      fileName: source === null ? null : basename(source),
      copyName: source === null ? DEMO_COPY_NAME : basename(copyPathFor(source)),
      simulatedToday: this.options.simulatedToday ?? null,
      menu: { title: MENU_TITLE, items: MENU_ITEMS.map((m) => ({ label: m.label, handler: m.handler })) },
    };
  }

  state(since: number | null) {
    if (since !== null && since === this.workbook.version) return { version: this.workbook.version, unchanged: true };
    return { ...workbookSnapshot(this.workbook), meta: this.meta() };
  }

  /** Keeps a dialog's HTML for GET /dialog and returns what the page needs to open it. */
  private keepDialog(dialog: PreviewDialog | null): DialogRef | null {
    if (dialog === null) return null;
    const id = this.nextDialog++;
    this.dialogs.set(id, dialog.html);
    for (const old of this.dialogs.keys()) if (this.dialogs.size > KEPT_DIALOGS) this.dialogs.delete(old);
    return { id, title: dialog.title, width: dialog.width, height: dialog.height };
  }

  /** A dialog's HTML with the google.script.run shim, or null when unknown. */
  dialogHtml(id: number): string | null {
    const html = this.dialogs.get(id);
    return html === undefined ? null : withScriptRunShim(html);
  }

  run(name: unknown, args: unknown): { ok: true; value: unknown; dialog: DialogRef | null } | { ok: false; message: string } {
    if (typeof name !== 'string' || !(SERVER_FUNCTIONS as readonly string[]).includes(name)) {
      return { ok: false, message: PREVIEW.unknownFunction(String(name)) };
    }
    if (!Array.isArray(args)) return { ok: false, message: PREVIEW.argsExpected };
    const ui = new PreviewUi();
    const api = createServerApi(this.services(ui));
    try {
      const fn = api[name as keyof ServerApi] as (...a: unknown[]) => unknown;
      const value = fn(...args);
      return { ok: true, value: value === undefined ? null : value, dialog: this.keepDialog(PreviewUi.lastDialog(ui.events)) };
    } catch (e) {
      logBug(name, e);
      return { ok: false, message: e instanceof NeedInput ? PREVIEW.unexpected : messageOf(e) };
    }
  }

  menu(handler: unknown, answers: unknown): MenuResult {
    const handlers = MENU_ITEMS.map((m) => m.handler as string);
    if (typeof handler !== 'string' || !handlers.includes(handler)) {
      return { ok: false, message: PREVIEW.unknownHandler(String(handler)), alerts: [], toasts: [], sidebar: null };
    }
    const list = answers === undefined ? [] : answers;
    if (
      !Array.isArray(list) ||
      list.length > MAX_ANSWERS ||
      !list.every((a) => a === null || typeof a === 'string' || typeof a === 'boolean')
    ) {
      return { ok: false, message: PREVIEW.answersExpected, alerts: [], toasts: [], sidebar: null };
    }
    const ui = new PreviewUi(list as Answer[]);
    const undoable = undoableWorkbook(this.workbook);
    const actions = createMenuActions({ ...this.services(ui), workbook: undoable.port });
    const collect = (): Pick<MenuResult, 'alerts' | 'toasts' | 'sidebar' | 'dialog'> => {
      const fresh = ui.freshEvents();
      const sidebars = fresh.filter((e) => e.kind === 'sidebar');
      return {
        alerts: fresh.filter((e) => e.kind === 'alert').map((e) => e.text),
        toasts: fresh.filter((e) => e.kind === 'toast').map((e) => e.text),
        sidebar: sidebars.length ? (sidebars[sidebars.length - 1].text as SidebarView) : null,
        dialog: this.keepDialog(PreviewUi.lastDialog(fresh)),
      };
    };
    let failure: unknown = null;
    try {
      actions[handler as MenuHandlerName]();
    } catch (e) {
      failure = e;
    }
    if (ui.pending) {
      // The run stopped at a question: undo anything it wrote, the replay will redo it.
      undoable.undo();
      return { ok: true, question: ui.pending, ...collect() };
    }
    if (failure !== null) {
      logBug(handler, failure);
      return { ok: false, message: messageOf(failure), ...collect() };
    }
    return { ok: true, ...collect() };
  }

  /** The page's grid moved the cursor: the active cell the server functions see (no change to the data). */
  selectCell(sheet: unknown, row: unknown, col: unknown): { ok: boolean } {
    const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10_000_000;
    if (typeof sheet !== 'string' || !this.workbook.sheets.some((s) => s.name === sheet) || !valid(row) || !valid(col)) {
      return { ok: false };
    }
    this.workbook.setActiveCell(sheet, row, col);
    return { ok: true };
  }

  /** A cell typed in the grid (one request per commit): the value Sheets would store. */
  editCell(sheet: unknown, row: unknown, col: unknown, text: unknown): { ok: boolean; message?: string } {
    const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_EDIT_ROW;
    const target = typeof sheet === 'string' ? this.workbook.sheets.find((s) => s.name === sheet) : undefined;
    if (!target || !valid(row) || !valid(col) || typeof text !== 'string') return { ok: false, message: PREVIEW.editRefused };
    if (text.length > MAX_CELL_TEXT) return { ok: false, message: PREVIEW.editTooLong(MAX_CELL_TEXT) };
    // Within what the grid shows (and Sheets' limits): a far cell would widen every read of the tab.
    const width = target.cells.reduce((w, line) => Math.max(w, line.length), 0);
    if (row > target.cells.length + EDIT_MARGIN_ROWS || col > Math.min(width + EDIT_MARGIN_COLS, MAX_EDIT_COL)) {
      return { ok: false, message: PREVIEW.editRefused };
    }
    this.workbook.writeValues(target.name, row, col, [[readTypedText(text, this.workbook.timeZone)]]);
    return { ok: true };
  }

  async save(): Promise<{ ok: boolean; message: string; file?: string }> {
    const source = this.options.sourcePath;
    if (source === null) return saveDemoCopy(this.workbook, this.options.demoSaveDir ?? process.cwd());
    const target = copyPathFor(source);
    if (resolve(target) === resolve(source)) return { ok: false, message: PREVIEW.saveFailed(PREVIEW.nothingToSave) };
    try {
      // Replaced whole (temporary file, then renamed), never over the opened file, even through a link.
      await writeOutputWith(target, { replace: true, inputPath: source, extension: '.xlsx' }, (temp) =>
        writeXlsx(this.workbook, temp),
      );
    } catch (e) {
      logBug('save', e);
      return { ok: false, message: PREVIEW.saveFailed(messageOf(e)) };
    }
    return { ok: true, message: PREVIEW.saved(basename(target)), file: basename(target) };
  }

  // ---------------------------------------------------------------------------------------
  // HTTP

  handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.route(req, res).catch((e) => {
      if (e instanceof HttpError) sendJson(res, e.status, { ok: false, message: e.message });
      else {
        logBug(req.url ?? '', e);
        sendJson(res, 500, { ok: false, message: PREVIEW.unexpected });
      }
    });
  };

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    checkHost(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      if (path === '/' || path === '/index.html') return sendHtml(res, await this.pageHtml());
      if (path === '/sidebar') {
        const view = url.searchParams.get('view') ?? 'home';
        const v: SidebarView = isSidebarView(view) ? view : 'home';
        try {
          return sendHtml(res, sidebarHtml(this.options.root, v));
        } catch (e) {
          if (e instanceof SidebarMissingError) return sendText(res, 500, e.message);
          throw e;
        }
      }
      if (path === '/dialog') {
        const html = this.dialogHtml(Number(url.searchParams.get('id')));
        if (html === null) throw new HttpError(404, PREVIEW.notFound);
        return sendHtml(res, html);
      }
      if (path === '/api/state') {
        const since = url.searchParams.get('since');
        return sendJson(res, 200, this.state(since === null || since === '' ? null : Number(since)));
      }
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      throw new HttpError(404, PREVIEW.notFound);
    }
    if (method === 'POST') {
      checkOrigin(req);
      const body = await readJson(req);
      if (path === '/api/run') return sendJson(res, 200, this.run(body.name, body.args));
      if (path === '/api/menu') return sendJson(res, 200, this.menu(body.handler, body.answers));
      if (path === '/api/save') return sendJson(res, 200, await this.save());
      if (path === '/api/edit') return sendJson(res, 200, this.editCell(body.sheet, body.row, body.col, body.text));
      if (path === '/api/select') return sendJson(res, 200, this.selectCell(body.sheet, body.row, body.col));
      throw new HttpError(404, PREVIEW.notFound);
    }
    throw new HttpError(405, PREVIEW.notFound);
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Only local names (no DNS rebinding: a page of another site cannot reach the preview). */
function checkHost(req: IncomingMessage): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!LOCAL_HOSTS.has(host)) throw new HttpError(403, PREVIEW.forbiddenHost);
}

function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).hostname.toLowerCase();
  } catch {
    // Not a URL: refused like any other foreign origin.
    throw new HttpError(403, PREVIEW.forbiddenHost);
  }
  if (!LOCAL_HOSTS.has(host)) throw new HttpError(403, PREVIEW.forbiddenHost);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, PREVIEW.jsonExpected);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, PREVIEW.bodyTooLarge);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Not JSON: answered 400 below, like JSON that is not an object.
  }
  throw new HttpError(400, PREVIEW.jsonExpected);
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'X-Frame-Options': 'SAMEORIGIN' });
  res.end(html);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export interface RunningPreview {
  app: PreviewApp;
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Builds the page, then listens on 127.0.0.1:port (0 = any free port). */
export async function startPreview(options: PreviewOptions, port: number = DEFAULT_PORT): Promise<RunningPreview> {
  const app = new PreviewApp(options);
  await app.pageHtml();
  const server = createServer(app.handle);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    app,
    server,
    port: actual,
    url: `http://${HOST}:${actual}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}
