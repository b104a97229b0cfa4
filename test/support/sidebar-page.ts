/**
 * The real dist/Sidebar.html in Chromium, with a `google.script.run` stand-in whose calls run
 * the real server functions (createServerApi) on an in-memory workbook, in Node. Every call,
 * dialog, page error and outside request is recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Services, SidebarView } from '../../src/core/port';
import { createServerApi } from '../../src/server/api';
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
}

/** The sidebar HTML opened on a view, as AppsScriptUi.showSidebar serves it. */
export function sidebarHtml(view: SidebarView): string {
  ensureBundleBuilt();
  return readFileSync(join(DIST_DIR, 'Sidebar.html'), 'utf8').replace('data-initial-view="home"', `data-initial-view="${view}"`);
}

export async function openSidebarPage(chrome: ChromiumSession, html: string, services: Services): Promise<SidebarPage> {
  const api = createServerApi(services) as unknown as Record<string, (...a: unknown[]) => unknown>;
  const page = await chrome.context.newPage();
  const h: SidebarPage = { page, calls: [], dialogs: [], errors: [], requests: [] };
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
    if (url === `${ORIGIN}/`) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    h.requests.push(url);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/`);
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
