/**
 * The real dist/Sidebar.html in Chromium, with a `google.script.run` stand-in whose calls run
 * the real server functions (createServerApi) on an in-memory workbook, in Node. Every call,
 * dialog, page error and outside request is recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { Services, SidebarView } from '../../src/app/ports';
import { createServerApi } from '../../src/app/api';
import type { ChromiumSession } from './chromium';
import { DIST_DIR, ensureBundleBuilt } from './gas-local';

const ORIGIN = 'http://sidebar.test';

/** window.google.script.run: withSuccessHandler / withFailureHandler chains, async calls. */
const GOOGLE_SCRIPT_RUN = `
(() => {
  const runner = (success, failure) => new Proxy({}, {
    get(_target, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, failure);
      if (prop === 'withFailureHandler') return (f) => runner(success, f);
      if (prop === 'withUserObject') return () => runner(success, failure);
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (...args) => {
        window.__gasCall(prop, JSON.stringify(args)).then((r) => {
          if (r.ok) { if (success) success(r.value); }
          else if (failure) failure(new Error(r.message));
        });
      };
    },
  });
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();
`;

export interface SidebarPage {
  page: Page;
  calls: { name: string; args: unknown[] }[];
  dialogs: string[];
  errors: string[];
  /** Requests to anything but the sidebar itself (all refused). */
  requests: string[];
  /** Console messages of every frame (Chromium reports a blocked navigation there). */
  console: string[];
  /** The sidebar's frame: the page's main frame, or the sandboxed iframe (`sandboxed`). */
  frame: Frame;
}

/** The sandbox flags of the iframe in which Apps Script shows a sidebar or a dialog (no top navigation). */
export const APPS_SCRIPT_SANDBOX =
  'allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox';

/** The outer page of the sandboxed variant: the sidebar inside an iframe sandboxed as Apps Script's. */
const SANDBOX_HOST = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Hôte</title></head>
<body style="margin:0"><iframe title="Barre latérale" src="/sidebar" sandbox="${APPS_SCRIPT_SANDBOX}" style="width:300px;height:780px;border:0"></iframe></body></html>`;

/** The sidebar HTML opened on a view, as AppsScriptUi.showSidebar serves it. */
export function sidebarHtml(view: SidebarView): string {
  ensureBundleBuilt();
  return readFileSync(join(DIST_DIR, 'Sidebar.html'), 'utf8').replace('data-initial-view="home"', `data-initial-view="${view}"`);
}

/**
 * Opens the sidebar page; with `sandboxed`, inside an iframe sandboxed as Apps Script does
 * (the stand-in of google.script.run is given to every frame).
 */
export async function openSidebarPage(
  chrome: ChromiumSession,
  html: string,
  services: Services,
  options: { sandboxed?: boolean } = {},
): Promise<SidebarPage> {
  const api = createServerApi(services) as unknown as Record<string, (...a: unknown[]) => unknown>;
  const page = await chrome.context.newPage();
  const h: SidebarPage = { page, calls: [], dialogs: [], errors: [], requests: [], console: [], frame: page.mainFrame() };
  page.on('console', (m) => h.console.push(m.text()));
  await page.exposeFunction('__gasCall', (name: string, json: string) => {
    const args = JSON.parse(json) as unknown[];
    h.calls.push({ name, args });
    try {
      return { ok: true, value: JSON.parse(JSON.stringify(api[name](...args) ?? null)) };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN);
  page.on('dialog', (d) => {
    h.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => h.errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    const body = options.sandboxed ? (url === `${ORIGIN}/` ? SANDBOX_HOST : url === `${ORIGIN}/sidebar` ? html : null) : null;
    if (body !== null || (!options.sandboxed && url === `${ORIGIN}/`))
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: body ?? html });
    h.requests.push(url);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/`);
  if (options.sandboxed) {
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('openSidebarPage: the sandboxed iframe has no frame');
    await frame.waitForLoadState();
    h.frame = frame;
  }
  return h;
}

/**
 * "Enregistrer" in the "Présences" view, then "Créer la séance" when the date has no session
 * yet (SPEC §4: the confirmation is in the page as soon as the click is handled).
 */
export async function saveWithConfirmation(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const create = page.getByRole('alertdialog').getByRole('button', { name: 'Créer la séance' });
  if (await create.isVisible()) await create.click();
}
