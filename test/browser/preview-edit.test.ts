/**
 * `npm start`: the grid edited as in Sheets (SPEC §8), in headless Chromium on the built
 * preview (node build/preview.js, started from an empty folder). A wrong birth date typed in
 * Participants gives "Vérifier le classeur" one more error; Escape cancels; Tab and Delete;
 * the demo's copy is saved in the current folder, never over a file; axe finds nothing blocking.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { blocking, describeViolations, runAxe } from '../support/axe';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { ensureBundleBuilt, newestMtime } from '../support/gas-local';

const ROOT = join(__dirname, '..', '..');
const PROGRAM = join(ROOT, 'build', 'preview.js');

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

function startPreview(port: number, cwd: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROGRAM], {
      cwd,
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
        resolve({ child, url: m[1] });
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

interface SheetState {
  name: string;
  cells: string[][];
  styles: Record<string, { align?: string }>;
}

/** A cell's display text as the server has it (not as the page shows it). */
async function serverText(page: Page, sheet: string, row: number, col: number): Promise<string> {
  const state = (await page.evaluate(() => fetch('/api/state').then((r) => r.json()))) as { sheets: SheetState[] };
  return state.sheets.find((s) => s.name === sheet)!.cells[row - 1]?.[col - 1] ?? '';
}

const focusedRef = (page: Page): Promise<string | null> =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.ref ?? null);

const cell = (page: Page, ref: string) => page.locator(`table.grid td[data-ref="${ref}"]`);

async function errorCount(page: Page): Promise<number> {
  await page.getByRole('button', { name: "Club de l'alternance" }).click();
  await page.getByRole('menuitem', { name: 'Vérifier le classeur' }).click();
  const sidebar = page.frameLocator('#sidebar-frame');
  const text = await waitUntil(
    () => sidebar.locator('.checks-summary').textContent({ timeout: 20_000 }),
    (t) => /\d+ erreurs?/.test(t ?? ''),
    'the checks summary',
  );
  return Number(/(\d+) erreurs?/.exec(text ?? '')![1]);
}

describeInChromium('npm start: the grid is edited as in Sheets', () => {
  let chrome: ChromiumSession;
  let preview: { child: ChildProcess; url: string };
  let page: Page;
  let folder: string;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureBundleBuilt();
    ensurePreviewBuilt();
    folder = mkdtempSync(join(tmpdir(), 'apercu-edition-'));
    preview = await startPreview(await freePort(), folder);
    chrome = await launchChromium({ viewport: { width: 1400, height: 900 } });
    page = await chrome.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.url);
    await page.locator('table.grid[data-sheet="Participants"]').waitFor();
  });

  afterAll(async () => {
    await chrome?.close();
    if (preview?.child.exitCode === null) preview.child.kill('SIGTERM');
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('Escape cancels an edit: the cell, the server and the focus are as before', async () => {
    const before = await serverText(page, 'Participants', 3, 3);
    expect(before).not.toBe('');
    await cell(page, 'C3').dblclick();
    const editor = page.getByRole('textbox', { name: 'Modifier la cellule C3' });
    await expect(editor.inputValue()).resolves.toBe(before);
    await editor.fill('Zzz');
    await editor.press('Escape');
    await expect(editor.count()).resolves.toBe(0);
    await expect(cell(page, 'C3').textContent()).resolves.toBe(before);
    expect(await focusedRef(page)).toBe('C3');
    expect(await serverText(page, 'Participants', 3, 3)).toBe(before);
  });

  test('a wrong birth date typed in Participants gives "Vérifier le classeur" one more error', async () => {
    const headers = await page.$$eval('table.grid[data-sheet="Participants"] tr[data-r="1"] td', (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    const col = headers.indexOf('Date de naissance') + 1;
    expect(col).toBeGreaterThan(0);
    const before = await errorCount(page);
    // A row whose birth date is a clean date with no note on it.
    const row = await page.$$eval(
      `table.grid[data-sheet="Participants"] tbody tr[data-r] td:nth-child(${col + 1})`,
      (tds) =>
        tds
          .filter((td) => /^\d{2}\/\d{2}\/\d{4}$/.test(td.textContent ?? '') && !td.classList.contains('has-note'))
          .map((td) => Number((td.parentElement as HTMLElement).dataset.r))[5],
    );
    const ref = `${String.fromCharCode(64 + col)}${row}`;
    await cell(page, ref).click();
    await expect(focusedRef(page)).resolves.toBe(ref);
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: `Modifier la cellule ${ref}` });
    await editor.fill('30/02/2003');
    await Promise.all([page.waitForResponse('**/api/edit'), editor.press('Enter')]);
    // Enter commits and moves down; the focus follows.
    await waitUntil(
      () => focusedRef(page),
      (r) => r === `${String.fromCharCode(64 + col)}${row + 1}`,
      'the cell below',
    );
    expect(await serverText(page, 'Participants', row, col)).toBe('30/02/2003');
    await waitUntil(
      () => errorCount(page),
      (n) => n === before + 1,
      'one more error',
    );
  });

  test('typed text is read as Sheets reads it; Tab moves right, Delete empties the cell', async () => {
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await page.locator('table.grid[data-sheet="Paramètres"]').waitFor();
    const target = 'B30';
    await cell(page, target).click();
    await page.keyboard.type('12,5');
    await Promise.all([page.waitForResponse('**/api/edit'), page.keyboard.press('Tab')]);
    await waitUntil(
      () => focusedRef(page),
      (r) => r === 'C30',
      'the cell on the right',
    );
    const state = (await page.evaluate(() => fetch('/api/state').then((r) => r.json()))) as { sheets: SheetState[] };
    const params = state.sheets.find((s) => s.name === 'Paramètres')!;
    expect(params.cells[29][1]).toBe('12,5');
    expect(params.styles['30:2']?.align).toBe('right');
    // The page redraws the tab after the edit's answer: type once it has (as a person would,
    // who sees the grid again), or a slow machine can lose the first keys to the redraw.
    await page.waitForLoadState('networkidle');
    await waitUntil(
      () => focusedRef(page),
      (r) => r === 'C30',
      'the cell on the right after the redraw',
    );
    await page.keyboard.type('14h30');
    await Promise.all([page.waitForResponse('**/api/edit'), page.keyboard.press('Enter')]);
    expect(await serverText(page, 'Paramètres', 30, 3)).toBe('14:30:00');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await waitUntil(
      () => focusedRef(page),
      (r) => r === 'B30',
      'B30 again',
    );
    await Promise.all([page.waitForResponse('**/api/edit'), page.keyboard.press('Delete')]);
    expect(await serverText(page, 'Paramètres', 30, 2)).toBe('');
  });

  test('leaving the cell for the side panel commits the edit', async () => {
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await cell(page, 'D31').dblclick();
    await page.getByRole('textbox', { name: 'Modifier la cellule D31' }).fill('Essai');
    await Promise.all([page.waitForResponse('**/api/edit'), page.locator('#sidebar-frame').click()]);
    expect(await serverText(page, 'Paramètres', 31, 4)).toBe('Essai');
    await expect(page.locator('.cell-editor').count()).resolves.toBe(0);
  });

  test('the page, its grid and its editor raise no blocking axe violation', async () => {
    await cell(page, 'A2').dblclick();
    await page.getByRole('textbox', { name: 'Modifier la cellule A2' }).waitFor();
    expect(describeViolations(blocking(await runAxe(page, '#app')))).toEqual([]);
    await page.keyboard.press('Escape');
    // A long tab draws only the rows in view (spacer rows around them).
    await page.getByRole('tab', { name: 'Présences' }).click();
    await page.locator('table.grid.virtual[data-sheet="Présences"]').waitFor();
    expect(describeViolations(blocking(await runAxe(page, '#app')))).toEqual([]);
  });

  test('arrows move through a long tab: rows out of view are drawn and the focus follows', async () => {
    await page.getByRole('tab', { name: 'Présences' }).click();
    await cell(page, 'B2').click();
    for (let i = 0; i < 80; i++) await page.keyboard.press('ArrowDown');
    await waitUntil(
      () => focusedRef(page),
      (r) => r === 'B82',
      'B82',
    );
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Modifier la cellule B82' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await focusedRef(page)).toBe('B82');
    await page.keyboard.press('Home');
    expect(await focusedRef(page)).toBe('A82');
  });

  test('"Enregistrer une copie" saves the demo in the current folder, never over a file', async () => {
    const save = page.getByRole('button', { name: 'Enregistrer une copie' });
    await Promise.all([page.waitForResponse('**/api/save'), save.click()]);
    await Promise.all([page.waitForResponse('**/api/save'), save.click()]);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['club-alternance-demo (2).xlsx', 'club-alternance-demo.xlsx']);
  });

  test('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
