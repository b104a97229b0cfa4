/**
 * `npm start` end to end, as a new user would try it: the built preview (node build/preview.js)
 * started as a child process on a free port, the page opened in headless Chromium; the menu
 * opens the real sidebar, attendance is recorded, the 2018 and 2017 reports are generated and
 * their key figures read in the grid.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { ensureBundleBuilt, newestMtime } from '../support/gas-local';

const ROOT = join(__dirname, '..', '..');
const PROGRAM = join(ROOT, 'build', 'preview.js');

/** build/preview.js as `npm start` would run it: rebuilt when missing or older than src/. */
function ensurePreviewBuilt(): void {
  if (existsSync(PROGRAM) && statSync(PROGRAM).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node build/preview.js` and resolves with its URL once it says it listens. */
function startPreview(port: number): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROGRAM], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the preview did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const m = /Aperçu du Club de l'alternance\u00a0: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the preview exited (${code}):\n${out}`));
    });
  });
}

/** Waits until `read()` satisfies `ok` (the page and the sidebar update asynchronously). */
async function waitUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** The grid's rows as text (first cells), read from the page. */
async function gridRows(page: Page): Promise<string[][]> {
  return page.$$eval('table.grid tbody tr', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').replace(/\u00a0/g, ' '))),
  );
}

async function rowStartingWith(page: Page, label: string): Promise<string[]> {
  const rows = await gridRows(page);
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row «\u00a0${label}\u00a0» in the grid`);
  return row;
}

async function openMenuItem(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: "Club de l'alternance" }).click();
  await page.getByRole('menuitem', { name: label }).click();
}

async function generateReport(page: Page, year: string): Promise<string> {
  await openMenuItem(page, 'Générer le bilan annuel…');
  const dialog = page.locator('dialog.modal');
  await dialog.locator('input').fill(year);
  await dialog.getByRole('button', { name: 'OK' }).click();
  // The tab may exist already: then the add-on asks before replacing it.
  const answer = page.locator('dialog.modal');
  await answer.waitFor();
  if (await answer.getByRole('button', { name: 'Oui' }).count()) {
    await answer.getByRole('button', { name: 'Oui' }).click();
    await page.locator('dialog.modal').waitFor();
  }
  const message = (await page.locator('dialog.modal [data-role=message]').textContent()) ?? '';
  await page.locator('dialog.modal').getByRole('button', { name: 'OK' }).click();
  await page.locator(`table.grid[data-sheet="Bilan ${year}"]`).waitFor();
  return message;
}

describeInChromium('npm start: the add-on running locally on the demo workbook', () => {
  let chrome: ChromiumSession;
  let preview: { child: ChildProcess; url: string; output: () => string };
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBundleBuilt();
    ensurePreviewBuilt();
    preview = await startPreview(await freePort());
    chrome = await launchChromium({ viewport: { width: 1400, height: 900 } });
    page = await chrome.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.url);
    await page.locator('table.grid[data-sheet="Participants"]').waitFor();
  });

  afterAll(async () => {
    await chrome?.close();
    if (preview?.child.exitCode === null) preview.child.kill('SIGTERM');
  });

  test('shows the workbook like a spreadsheet: tabs, column letters, frozen header, dates', async () => {
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['Participants', 'Séances', 'Présences', 'Paramètres']);
    await expect(page.locator('table.grid thead th[data-col="1"]').textContent()).resolves.toBe('A');
    const header = page.locator('table.grid tbody tr').first();
    await expect(header.getAttribute('class')).resolves.toMatch(/frozen/);
    expect((await gridRows(page))[0].slice(0, 3)).toEqual(['ID', 'Nom', 'Prénom']);
    expect((await gridRows(page))[1][10]).toMatch(/^\d{2}\/\d{2}\/2017$/);
    // No personal data on the server's console.
    expect(preview.output()).not.toMatch(/J17-|J18-|@example\.com/);
  });

  test('draws row 2 of Présences right under its header row, with no blank band', async () => {
    await page.getByRole('tab', { name: 'Présences' }).click();
    await page.locator('table.grid[data-sheet="Présences"] tr[data-r="2"]').waitFor();
    const gap = await page.evaluate(() => {
      const one = document.querySelector('table.grid[data-sheet="Présences"] tr[data-r="1"]')!.getBoundingClientRect();
      const two = document.querySelector('table.grid[data-sheet="Présences"] tr[data-r="2"]')!.getBoundingClientRect();
      return Math.round(two.top - one.bottom);
    });
    expect(gap).toBe(0);
    await page.getByRole('tab', { name: 'Participants' }).click();
    await page.locator('table.grid[data-sheet="Participants"]').waitFor();
  });

  test('the menu opens the real sidebar, whose calls run on the local server', async () => {
    await openMenuItem(page, 'Ouvrir le panneau');
    const sidebar = page.frameLocator('#sidebar-frame');
    await expect(page.locator('#sidepanel').isVisible()).resolves.toBe(true);
    await sidebar.getByRole('tab', { name: 'Accueil' }).waitFor();
  });

  test('records a session’s attendance from "Saisir les présences" and shows the new row in Présences', async () => {
    const before = (await page.evaluate(() => fetch('/api/state').then((r) => r.json()))) as {
      sheets: { name: string; rows: number }[];
    };
    const rowsBefore = before.sheets.find((s) => s.name === 'Présences')!.rows;

    await openMenuItem(page, 'Saisir les présences');
    const sidebar: FrameLocator = page.frameLocator('#sidebar-frame');
    const date = sidebar.locator('#att-date');
    await waitUntil(
      () => date.inputValue(),
      (v) => v === '2018-10-30',
      'the default date',
    );
    const person = sidebar.locator('fieldset.att-person').first();
    await person.waitFor();
    const id = (await person.getAttribute('data-id'))!;
    await expect(person.getByRole('radio', { name: 'Présent' }).isChecked()).resolves.toBe(false);
    await person.getByRole('radio', { name: 'Présent' }).check();
    await sidebar.getByRole('button', { name: 'Enregistrer' }).click();
    // A date without a session asks first (SPEC §4).
    const create = sidebar.getByRole('alertdialog').getByRole('button', { name: 'Créer la séance' });
    if (await create.isVisible()) await create.click();
    await waitUntil(
      () => sidebar.locator('#att-message').getAttribute('class'),
      (c) => /message-ok/.test(c ?? ''),
      'the saved message',
    );

    await page.getByRole('tab', { name: 'Présences' }).click();
    await page.locator('table.grid[data-sheet="Présences"]').waitFor();
    // The new row is at the end of the tab: scroll down to it, as a user would.
    await page.locator('#grid-scroll').evaluate((g) => (g.scrollTop = g.scrollHeight));
    await waitUntil(
      () => gridRows(page),
      (rows) => rows.some((r) => r[0] === '30/10/2018' && r[1] === id && r[3] === 'Présent'),
      'the new Présences row',
    );
    const state = (await page.evaluate(() => fetch('/api/state').then((r) => r.json()))) as {
      sheets: { name: string; rows: number }[];
    };
    expect(state.sheets.find((s) => s.name === 'Présences')!.rows).toBe(rowsBefore + 1);
  });

  test('"Vérifier le classeur" finds the demo’s deliberate faults', async () => {
    await openMenuItem(page, 'Vérifier le classeur');
    const sidebar = page.frameLocator('#sidebar-frame');
    await waitUntil(
      () => sidebar.locator('.checks-summary').textContent(),
      (t) => /\d+ erreurs?/.test(t ?? ''),
      'the checks summary',
    );
    const text = (await sidebar.locator('body').textContent()) ?? '';
    expect(text).toContain('31/02/2001');
  });

  test('generates the 2018 report and shows 56 beneficiaries, 16 % minors and 20 % QPV residents in the grid', async () => {
    const message = await generateReport(page, '2018');
    expect(message).toContain('Bilan 2018');
    await expect(page.getByRole('tab', { name: 'Bilan 2018' }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(await rowStartingWith(page, 'Bénéficiaires')).toContain('56');
    const minors = await rowStartingWith(page, 'Mineurs (moins de 18 ans)');
    expect(minors).toContain('9');
    expect(minors).toContain('16 %');
    const qpv = await rowStartingWith(page, 'Résidents QPV');
    expect(qpv).toContain('11');
    expect(qpv).toContain('20 %');
    // Its charts are drawn from the same chart specs.
    expect(await page.locator('.chart svg').count()).toBeGreaterThan(0);
  });

  test('generates the 2017 report: 64 beneficiaries for 55 planned places', async () => {
    await generateReport(page, '2017');
    expect(await rowStartingWith(page, 'Bénéficiaires')).toContain('64');
    expect(await rowStartingWith(page, 'Places prévues')).toContain('55');
  });

  test('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
