/** The preview's HTTP API, over a real socket on an ephemeral port of 127.0.0.1. */
import { request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx';
import { dayFromIso } from '../../src/core/days';
import { RunningPreview, startPreview } from '../../src/preview/app';
import { DEMO_OPEN_SESSION, generateDemoWorkbook } from '../../src/preview/demo';
import type { MemoryWorkbook } from '../../src/adapters/memory';
import { ensureBundleBuilt } from '../support/gas-local';

const ROOT = join(__dirname, '..', '..');

interface Reply {
  status: number;
  type: string;
  body: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function http(
  preview: RunningPreview,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port: preview.port,
        method,
        path,
        headers: {
          ...(data !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text, json });
        });
      },
    );
    req.on('error', reject);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

const run = (p: RunningPreview, name: string, ...args: unknown[]) => http(p, 'POST', '/api/run', { name, args });
const menu = (p: RunningPreview, handler: string, answers: unknown[] = []) => http(p, 'POST', '/api/menu', { handler, answers });

describe('the preview server over HTTP', () => {
  let preview: RunningPreview;
  let workbook: MemoryWorkbook;
  const saveDir = mkdtempSync(join(tmpdir(), 'apercu-demo-'));

  beforeAll(async () => {
    ensureBundleBuilt(); // dist/Sidebar.html, served by /sidebar
    workbook = generateDemoWorkbook();
    const today = dayFromIso(DEMO_OPEN_SESSION)!;
    preview = await startPreview(
      { workbook, root: ROOT, sourcePath: null, today: () => today, simulatedToday: DEMO_OPEN_SESSION, demoSaveDir: saveDir },
      0,
    );
  });
  afterAll(async () => {
    await preview?.close();
    rmSync(saveDir, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 only, on the port it was given (0 = a free one)', () => {
    const address = preview.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(preview.port).toBeGreaterThan(0);
    expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/`);
  });

  test('serves the page with the add-on menu and the spreadsheet client', async () => {
    const r = await http(preview, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/text\/html/);
    expect(r.body).toContain('<html lang="fr">');
    expect(r.body).toContain('Aperçu local — Club de l&#39;alternance');
    expect(r.body).not.toMatch(/<\/script[^>]*>[\s\S]*<\/script[^>]*>[\s\S]*<\/script/); // one inlined script
  });

  test('gives the workbook as display text: tabs, JJ/MM/AAAA dates, frozen header, version', async () => {
    const r = await http(preview, 'GET', '/api/state');
    expect(r.status).toBe(200);
    const names = r.json.sheets.map((s: { name: string }) => s.name);
    expect(names).toEqual(['Participants', 'Séances', 'Présences', 'Paramètres']);
    const participants = r.json.sheets[0];
    expect(participants.frozenRows).toBe(1);
    expect(participants.cells[0].slice(0, 3)).toEqual(['ID', 'Nom', 'Prénom']);
    expect(participants.styles['1:1']).toMatchObject({ bold: true });
    const entryCol = participants.cells[0].indexOf("Date d'entrée");
    expect(participants.cells[1][entryCol]).toMatch(/^\d{2}\/\d{2}\/2017$/);
    expect(r.json.version).toBe(workbook.version);
    expect(r.json.meta).toMatchObject({ demo: true, fileName: null, simulatedToday: DEMO_OPEN_SESSION });
    expect(r.json.meta.menu.items.map((i: { label: string }) => i.label)).toEqual([
      'Ouvrir le panneau',
      'Saisir les présences',
      'Vérifier le classeur',
      'Générer le bilan annuel…',
      'Préparer le classeur',
      "Parcours d'un jeune",
      'Données personnelles…',
      "Imprimer la feuille d'émargement…",
      'Jeunes à relancer',
    ]);
  });

  test('answers "unchanged" when polled at the current version', async () => {
    const r = await http(preview, 'GET', `/api/state?since=${workbook.version}`);
    expect(r.json).toEqual({ version: workbook.version, unchanged: true });
  });

  test('runs a server function through the same API as google.script.run', async () => {
    const r = await run(preview, 'computeIndicators', 2018);
    expect(r.json.ok).toBe(true);
    expect(r.json.value.beneficiaries).toBe(56);
    expect(r.json.value.minors.percent).toBe(16);
    expect(r.json.value.qpv.percent).toBe(20);
  });

  test('returns the French message of a server function that refuses its input', async () => {
    const r = await run(preview, 'saveAttendance', { date: '31/02/2018', entries: [] });
    expect(r.status).toBe(200);
    expect(r.json.ok).toBe(false);
    expect(r.json.message).toMatch(/date/i);
  });

  test('refuses a function the sidebar cannot call', async () => {
    const r = await run(preview, 'constructor');
    expect(r.json).toEqual({ ok: false, message: 'Fonction serveur inconnue\u00a0: constructor.' });
    const r2 = await http(preview, 'POST', '/api/run', { name: 'computeIndicators', args: 'x' });
    expect(r2.json.ok).toBe(false);
  });

  test('saving attendance adds the Présences row and bumps the version the page polls', async () => {
    const before = workbook.version;
    const rowsBefore = workbook.sheet('Présences').cells.length;
    const sheet = (await run(preview, 'getAttendanceSheet', '')).json.value;
    expect(sheet.date).toBe(DEMO_OPEN_SESSION);
    const someone = sheet.participants[0];
    const saved = await run(preview, 'saveAttendance', {
      date: sheet.date,
      entries: [{ participantId: someone.id, status: 'Présent' }],
    });
    expect(saved.json).toMatchObject({ ok: true, value: { written: 1, sessionCreated: false } });
    expect(workbook.version).toBeGreaterThan(before);
    const state = (await http(preview, 'GET', `/api/state?since=${before}`)).json;
    const presences = state.sheets.find((s: { name: string }) => s.name === 'Présences');
    expect(presences.rows).toBe(rowsBefore + 1);
    expect(presences.cells.some((r: string[]) => r[0] === '30/10/2018' && r[1] === someone.id && r[3] === 'Présent')).toBe(true);
  });

  test('a menu item that opens the sidebar tells the page which view to show', async () => {
    const r = await menu(preview, 'menuRecordAttendance');
    expect(r.json).toMatchObject({ ok: true, sidebar: 'attendance', alerts: [] });
    expect(r.json.question).toBeUndefined();
  });

  test('a dialog of the menu or of a server function is served with the shim, for the page to open it', async () => {
    const asked = await menu(preview, 'menuPrintSignInSheet');
    expect(asked.json).toMatchObject({
      ok: true,
      alerts: [],
      sidebar: null,
      dialog: { title: "Imprimer la feuille d'émargement" },
    });
    const dateDialog = await http(preview, 'GET', `/dialog?id=${asked.json.dialog.id}`);
    expect([dateDialog.status, dateDialog.body.indexOf('google.script') < dateDialog.body.indexOf('<main>')]).toEqual([
      200,
      true,
    ]);
    expect(dateDialog.body).toContain(`value="${DEMO_OPEN_SESSION}"`);
    const shown = await run(preview, 'showSignInSheet', DEMO_OPEN_SESSION);
    expect(shown.json).toMatchObject({ ok: true, dialog: { title: "Feuille d'émargement", width: 900, height: 680 } });
    expect(shown.json.value.listed).toBeGreaterThan(0);
    const sheet = await http(preview, 'GET', `/dialog?id=${shown.json.dialog.id}`);
    expect([sheet.status, sheet.body.includes("Feuille d'émargement"), sheet.body.includes('window.print()')]).toEqual([
      200,
      true,
      true,
    ]);
    expect((await http(preview, 'GET', '/dialog?id=999999')).status).toBe(404);
  });

  test('"Générer le bilan annuel…" asks its questions by replay and writes the tab once answered', async () => {
    const asked = await menu(preview, 'menuGenerateReport');
    expect(asked.json.ok).toBe(true);
    expect(asked.json.question).toMatchObject({ kind: 'prompt' });
    expect(workbook.sheets.map((s) => s.name)).not.toContain('Bilan 2018');

    const done = await menu(preview, 'menuGenerateReport', ['2018']);
    expect(done.json.question).toBeUndefined();
    expect(done.json.alerts.join('\n')).toContain('Bilan 2018');
    const state = (await http(preview, 'GET', '/api/state')).json;
    expect(state.sheets.map((s: { name: string }) => s.name)).toContain('Bilan 2018');
    const report = state.sheets.find((s: { name: string }) => s.name === 'Bilan 2018');
    const text = report.cells.map((r: string[]) => r.join(' | ')).join('\n');
    expect(text).toMatch(/Bénéficiaires \| 56/);
    expect(report.charts.length).toBeGreaterThan(0);
    expect(report.charts[0].labels.length).toBeGreaterThan(0);
    expect(state.selection).toMatchObject({ sheet: 'Bilan 2018' });

    // A second time: the existing tab makes it ask for confirmation; "Non" changes nothing.
    const confirm = await menu(preview, 'menuGenerateReport', ['2018']);
    expect(confirm.json.question).toMatchObject({ kind: 'confirm' });
    const version = workbook.version;
    const refused = await menu(preview, 'menuGenerateReport', ['2018', false]);
    expect(refused.json.question).toBeUndefined();
    expect(refused.json.alerts.length).toBe(1);
    expect(workbook.version).toBe(version);
  });

  test('a cancelled prompt ends the handler without writing', async () => {
    const version = workbook.version;
    const r = await menu(preview, 'menuGenerateReport', [null]);
    expect(r.json).toMatchObject({ ok: true, alerts: [], sidebar: null });
    expect(r.json.question).toBeUndefined();
    expect(workbook.version).toBe(version);
  });

  test('refuses an unknown menu handler and malformed answers', async () => {
    expect((await menu(preview, 'eval')).json).toMatchObject({ ok: false, message: 'Action du menu inconnue\u00a0: eval.' });
    expect((await menu(preview, 'menuGenerateReport', [{ x: 1 }])).json.ok).toBe(false);
  });

  test('serves the real sidebar with the google.script.run shim before its scripts and the requested view', async () => {
    const r = await http(preview, 'GET', '/sidebar?view=attendance');
    expect(r.status).toBe(200);
    expect(r.body).toContain('data-initial-view="attendance"');
    const shim = r.body.indexOf('withSuccessHandler');
    const firstOtherScript = r.body.indexOf('<script>', r.body.indexOf('</script>'));
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(firstOtherScript);
    const unknownView = await http(preview, 'GET', '/sidebar?view=%22%3E%3Cscript%3E');
    expect(unknownView.body).toContain('data-initial-view="home"');
  });

  test('"Enregistrer une copie" saves the demo as club-alternance-demo.xlsx, then under a free name', async () => {
    const first = await http(preview, 'POST', '/api/save', {});
    expect(first.json).toMatchObject({ ok: true, file: 'club-alternance-demo.xlsx' });
    const before = readFileSync(join(saveDir, 'club-alternance-demo.xlsx'));
    const second = await http(preview, 'POST', '/api/save', {});
    expect(second.json).toMatchObject({ ok: true, file: 'club-alternance-demo (2).xlsx' });
    expect(readFileSync(join(saveDir, 'club-alternance-demo.xlsx')).equals(before)).toBe(true);
    expect(readdirSync(saveDir).sort()).toEqual(['club-alternance-demo (2).xlsx', 'club-alternance-demo.xlsx']);
    const copy = await readXlsx(join(saveDir, 'club-alternance-demo.xlsx'));
    expect(copy.sheetNames()).toEqual(workbook.sheetNames());
  });

  test('answers only to local host names (no DNS rebinding)', async () => {
    const r = await http(preview, 'GET', '/api/state', undefined, { Host: 'attacker.example:80' });
    expect(r.status).toBe(403);
    const fromPage = await http(
      preview,
      'POST',
      '/api/run',
      { name: 'validateWorkbook', args: [] },
      { Origin: 'https://attacker.example' },
    );
    expect(fromPage.status).toBe(403);
  });

  test('accepts only JSON bodies on its actions', async () => {
    const r = await http(preview, 'POST', '/api/run', 'name=validateWorkbook', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(415);
    expect(r.json.message).toMatch(/JSON/);
    const broken = await http(preview, 'POST', '/api/run', '{not json', { 'Content-Type': 'application/json' });
    expect(broken.status).toBe(400);
  });

  test('answers 404 in French for an unknown path', async () => {
    const r = await http(preview, 'GET', '/etc/passwd');
    expect(r.status).toBe(404);
    expect(r.json.message).toBe('Page introuvable.');
  });
});
