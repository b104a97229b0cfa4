/** The preview's grid edits (POST /api/edit): the in-memory workbook the checks and the sidebar read. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx, writeXlsx } from '../../src/adapters/xlsx';
import { displayText } from '../../src/preview/snapshot';
import { DateCellReader, dayFromIso } from '../../src/core/days';
import { PreviewApp, RunningPreview, startPreview } from '../../src/preview/app';
import { DEMO_OPEN_SESSION, generateDemoWorkbook } from '../../src/preview/demo';
import type { ValidationResult } from '../../src/shared/api';

const ROOT = join(__dirname, '..', '..');
const today = dayFromIso(DEMO_OPEN_SESSION)!;

function demoApp(): PreviewApp {
  return new PreviewApp({ workbook: generateDemoWorkbook(), root: ROOT, sourcePath: null, today: () => today });
}

function validate(app: PreviewApp): ValidationResult {
  const r = app.run('validateWorkbook', []);
  if (!r.ok) throw new Error(r.message);
  return r.value as ValidationResult;
}

/** A Participants row whose birth date is a clean date (no issue on that row). */
function cleanRow(app: PreviewApp, col: number): number {
  const issues = validate(app).issues.filter((i) => i.sheet === 'Participants');
  const cells = app.workbook.sheet('Participants').cells;
  for (let r = 2; r <= cells.length; r++) if (cells[r - 1][col - 1] instanceof Date && !issues.some((i) => i.row === r)) return r;
  throw new Error('no clean row');
}

describe('editing a cell of the preview', () => {
  it('stores what Sheets would store, bumps the version the page polls, and the checks see it', () => {
    const app = demoApp();
    const col = (app.workbook.sheet('Participants').cells[0] as string[]).indexOf('Date de naissance') + 1;
    const row = cleanRow(app, col);
    const before = validate(app).counts.errors;
    const version = app.workbook.version;
    expect(app.editCell('Participants', row, col, '30/02/2003')).toEqual({ ok: true });
    expect(app.workbook.version).toBe(version + 1);
    expect(app.workbook.sheet('Participants').cells[row - 1][col - 1]).toBe('30/02/2003');
    expect(validate(app).counts.errors).toBe(before + 1);
    // Typed back as a date, the error is gone.
    app.editCell('Participants', row, col, '15/03/2001');
    expect(app.workbook.sheet('Participants').cells[row - 1][col - 1]).toBeInstanceOf(Date);
    expect(validate(app).counts.errors).toBe(before);
  });

  it('accepts a cell a little past the last row and column, as the grid shows them', () => {
    const app = demoApp();
    const rows = app.workbook.sheet('Paramètres').cells.length;
    expect(app.editCell('Paramètres', rows + 30, 14, 'x')).toEqual({ ok: true });
    expect(app.workbook.sheet('Paramètres').cells[rows + 29][13]).toBe('x');
  });

  it('empties a cell with an empty text and shows a number and a time as Sheets does', () => {
    const app = demoApp();
    app.editCell('Paramètres', 30, 2, '12,5');
    app.editCell('Paramètres', 30, 3, '14h30');
    let sheet = app.state(null) as { sheets: { name: string; cells: string[][] }[] };
    expect(sheet.sheets.find((s) => s.name === 'Paramètres')!.cells[29].slice(1, 3)).toEqual(['12,5', '14:30:00']);
    app.editCell('Paramètres', 30, 2, '');
    sheet = app.state(null) as typeof sheet;
    expect(sheet.sheets.find((s) => s.name === 'Paramètres')!.cells[29][1]).toBe('');
  });

  it('refuses an unknown tab, a cell out of the sheet, a text that is not one, or too long, changing nothing', () => {
    const app = demoApp();
    const version = app.workbook.version;
    const refused = [
      app.editCell('Inconnu', 2, 2, 'x'),
      app.editCell('Participants', 0, 2, 'x'),
      app.editCell('Participants', 2, 1.5, 'x'),
      app.editCell('Participants', 2, 20_000, 'x'),
      app.editCell('Participants', 2, 200, 'x'),
      app.editCell('Paramètres', 5_000, 2, 'x'),
      app.editCell('Participants', 2, 2, 42),
      app.editCell('Participants', 2, 2, 'x'.repeat(50_001)),
    ];
    for (const r of refused) {
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/[A-Z].*\./);
    }
    expect(app.workbook.version).toBe(version);
  });
});

describe('a cell typed in the grid, in the saved copy', () => {
  it('keeps a time as a time and a date as a date through writeXlsx and readXlsx', async () => {
    const app = demoApp();
    app.editCell('Paramètres', 30, 2, '14h30');
    app.editCell('Paramètres', 30, 3, '15/03/2001');
    const dir = mkdtempSync(join(tmpdir(), 'apercu-heure-'));
    try {
      const file = join(dir, 'copie.xlsx');
      await writeXlsx(app.workbook, file);
      const back = await readXlsx(file);
      const line = back.sheet('Paramètres').cells[29];
      expect([line[1], line[2]]).toEqual([
        app.workbook.sheet('Paramètres').cells[29][1],
        app.workbook.sheet('Paramètres').cells[29][2],
      ]);
      expect(displayText(line[1], new DateCellReader(back.timeZone))).toBe('14:30:00');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('POST /api/edit', () => {
  let preview: RunningPreview;
  beforeAll(async () => {
    preview = await startPreview({ workbook: generateDemoWorkbook(), root: ROOT, sourcePath: null, today: () => today }, 0);
  });
  afterAll(async () => {
    await preview?.close();
  });

  it('writes the typed text into the server’s workbook, one request per commit', async () => {
    const r = await fetch(`${preview.url}api/edit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: 'Séances', row: 2, col: 2, text: "'=A1" }),
    });
    expect(await r.json()).toEqual({ ok: true });
    expect(preview.app.workbook.sheet('Séances').cells[1][1]).toBe('=A1');
  });
});
