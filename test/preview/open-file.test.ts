/**
 * `npm start -- chemin/export.xlsx`: a user's export opened in memory; "Enregistrer une copie"
 * writes <nom>.apercu.xlsx beside it and never touches the original; an unreadable file stops
 * the start with a clear French message.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readXlsx, writeXlsx } from '../../src/adapters/xlsx';
import { copyPathFor } from '../../src/preview/app';
import { generateDemoWorkbook } from '../../src/preview/demo';
import { main } from '../../src/preview/server';

const ROOT = join(__dirname, '..', '..');
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

async function post(url: string, path: string, body: unknown): Promise<any> {
  const r = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return r.json();
}

describe('opening an .xlsx export', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apercu-'));
    file = join(dir, 'Suivi club 2018.xlsx');
    await writeXlsx(generateDemoWorkbook(), file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the copy is named <nom>.apercu.xlsx, in the same folder', () => {
    expect(copyPathFor('/data/Suivi club 2018.xlsx')).toBe('/data/Suivi club 2018.apercu.xlsx');
    expect(copyPathFor('/data/EXPORT.XLSX')).toBe('/data/EXPORT.apercu.xlsx');
    expect(copyPathFor('/data/a.apercu.xlsx')).toBe('/data/a.apercu.apercu.xlsx');
  });

  test('serves the file, saves changes to <nom>.apercu.xlsx and leaves the original byte for byte', async () => {
    const original = sha(file);
    const { io, out, err } = capture();
    const { code, running } = await main([file], { PORT: '0' }, io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(running).not.toBeNull();
    try {
      expect(out.join('\n')).toContain('Suivi club 2018.xlsx');
      const state = await (await fetch(new URL('/api/state', running!.url))).json();
      expect(state.meta).toMatchObject({
        demo: false,
        fileName: 'Suivi club 2018.xlsx',
        copyName: 'Suivi club 2018.apercu.xlsx',
      });
      expect(state.sheets.map((s: { name: string }) => s.name)).toEqual(['Participants', 'Séances', 'Présences', 'Paramètres']);

      const sheet = (await post(running!.url, '/api/run', { name: 'getAttendanceSheet', args: ['2018-10-30'] })).value;
      const id = sheet.participants[0].id;
      const saved = await post(running!.url, '/api/run', {
        name: 'saveAttendance',
        args: [{ date: '2018-10-30', entries: [{ participantId: id, status: 'Présent' }] }],
      });
      expect(saved.ok).toBe(true);

      const r = await post(running!.url, '/api/save', {});
      expect(r).toMatchObject({ ok: true, file: 'Suivi club 2018.apercu.xlsx' });
      expect(r.message).toContain("l'original n'a pas été modifié");
      const copy = join(dir, 'Suivi club 2018.apercu.xlsx');
      expect(existsSync(copy)).toBe(true);
      expect(sha(file)).toBe(original);

      const reread = await readXlsx(copy);
      const presences = reread.sheet('Présences').cells;
      expect(presences.some((row) => row[1] === id && row[3] === 'Présent' && row[0] instanceof Date)).toBe(true);
      const before = (await readXlsx(file)).sheet('Présences').cells.length;
      expect(presences.length).toBe(before + 1);
    } finally {
      await running!.close();
    }
  });

  test.each([
    ['a file that does not exist', (d: string) => join(d, 'absent.xlsx'), /Impossible d'ouvrir le classeur.*introuvable/],
    [
      'a file that is not an .xlsx workbook',
      (d: string) => {
        const p = join(d, 'abîmé.xlsx');
        writeFileSync(p, 'ceci n’est pas un classeur');
        return p;
      },
      /Impossible d'ouvrir le classeur.*pas un classeur \.xlsx valide/,
    ],
    [
      'a folder',
      (d: string) => {
        const p = join(d, 'dossier.xlsx');
        mkdirSync(p, { recursive: true });
        return p;
      },
      /Impossible d'ouvrir le classeur/,
    ],
    [
      'a .csv export',
      (d: string) => {
        const p = join(d, 'export.csv');
        writeFileSync(p, 'ID;Nom\n');
        return p;
      },
      /n'est pas un fichier \.xlsx/,
    ],
  ])('%s gives a clear French message and no server', async (_name, make, message) => {
    const { io, out, err } = capture();
    const { code, running } = await main([make(dir)], { PORT: '0' }, io);
    expect(running).toBeNull();
    expect(code).not.toBe(0);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  test('bad PORT or simulated date, extra arguments and unknown options are refused in French', async () => {
    for (const [argv, env, message] of [
      [[], { PORT: 'huit' }, /PORT=huit n'est pas un numéro de port valide/],
      [[], { PORT: '70000' }, /PORT=70000/],
      [[], { PORT: '0', APERCU_AUJOURDHUI: '31/02/2018' }, /APERCU_AUJOURDHUI=31\/02\/2018 n'est pas une date/],
      [['a.xlsx', 'b.xlsx'], { PORT: '0' }, /Un seul classeur à la fois/],
      [['--port=9'], { PORT: '0' }, /Option inconnue\u00a0: --port=9/],
    ] as const) {
      const { io, err } = capture();
      const { code, running } = await main([...argv], { ...env }, io);
      expect(running).toBeNull();
      expect(code).toBe(2);
      expect(err[0]).toMatch(message);
    }
  });

  test('--aide prints the usage and starts nothing', async () => {
    const { io, out } = capture();
    const { code, running } = await main(['--aide'], {}, io);
    expect([code, running]).toEqual([0, null]);
    expect(out.join('\n')).toMatch(/npm start \[-- chemin\/vers\/export\.xlsx\]/);
  });

  test('a port already in use gives a French hint instead of a stack trace', async () => {
    const first = await main([], { PORT: '0' }, capture().io);
    try {
      const { io, err } = capture();
      const second = await main([], { PORT: String(first.running!.port) }, io);
      expect(second.running).toBeNull();
      expect(second.code).toBe(1);
      expect(err[0]).toMatch(/déjà utilisé.*PORT=/);
    } finally {
      await first.running!.close();
    }
  });
});

describe('build/preview.js as a program', () => {
  const program = join(ROOT, 'build', 'preview.js');
  const exec = promisify(execFile);

  beforeAll(async () => {
    if (!existsSync(program)) await exec(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT });
  });

  test('an unreadable file: French message on stderr, non-zero exit, no server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apercu-'));
    const bad = join(dir, 'classeur.xlsx');
    writeFileSync(bad, 'pas un zip');
    try {
      await exec(process.execPath, [program, bad], { cwd: ROOT, env: { ...process.env, PORT: '0' }, timeout: 30_000 });
      throw new Error('the preview should have refused the file');
    } catch (e) {
      const err = e as { code?: number; stderr?: string; stdout?: string };
      expect(err.code).toBe(2);
      expect(err.stderr).toMatch(
        /^Impossible d'ouvrir le classeur\. Impossible de lire .*classeur\.xlsx\u00a0: ce n'est pas un classeur \.xlsx valide\.\n$/,
      );
      expect(err.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
