/**
 * Hostile files (SPEC §7, issue 20): files Excel or Sheets really produce, and outputs that
 * would overwrite something. Each case asserts the exit code, the one French line, the input
 * unchanged byte for byte, and the output: none, or whole.
 */
import { installCli } from '../support/cli-install';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx, writeXlsx } from '../../src/adapters/xlsx';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'test', 'fixtures', 'exemples', 'classeur-exemple.xlsx');
let dir: string;
let example: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-hostile-'));
  example = join(dir, 'classeur.xlsx');
  copyFileSync(EXAMPLE, example);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
let n = 0;
const fresh = (ext: string) => join(dir, `sortie-${++n}.${ext}`);

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
  const code = await main(argv, io);
  return { code, out: stdout.join('\n'), stderr };
}

/** Exit 2, exactly one French line matching `message`, the input unchanged. */
function expectRefused(r: { code: number; stderr: string[] }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toHaveLength(1);
  expect(r.stderr[0]).not.toContain('\n');
  expect(r.stderr[0]).toMatch(message);
}

/** The example with its tabs changed by `edit`, written with exceljs (as Excel would). */
async function exampleEdited(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  edit(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('a stray cell at A1048576', () => {
  it('is read as one more row, the others as without it', async () => {
    const stray = await exampleEdited('stray.xlsx', (wb) => {
      wb.getWorksheet('Participants')!.getCell('A1048576').value = 'x';
    });
    const [plain, inflated] = [await readXlsx(EXAMPLE), await readXlsx(stray)];
    const cells = (wb: typeof plain) => wb.sheet('Participants').cells;
    expect(cells(inflated)).toHaveLength(1_048_576);
    expect(cells(inflated)[1_048_575]).toEqual(['x']);
    const used = cells(inflated).filter((line) => line.length > 0);
    expect(used).toEqual([...cells(plain).filter((line) => line.length > 0), ['x']]);
  });

  it('verifier: the same issues as without it, plus those of that row', async () => {
    const stray = await exampleEdited('stray-verifier.xlsx', (wb) => {
      wb.getWorksheet('Participants')!.getCell('A1048576').value = 'x';
    });
    const before = sha(stray);
    const [plain, inflated] = [await run('verifier', example, '--json'), await run('verifier', stray, '--json')];
    const issues = (r: { out: string }) => JSON.parse(r.out).issues as { row: number }[];
    expect(inflated.code).toBe(1);
    expect(issues(inflated).filter((i) => i.row !== 1_048_576)).toEqual(issues(plain));
    expect(issues(inflated).some((i) => i.row === 1_048_576)).toBe(true);
    expect(sha(stray)).toBe(before);
  }, 120_000);

  it('a formatted empty cell there changes nothing at all', async () => {
    const stray = await exampleEdited('stray-format.xlsx', (wb) => {
      const cell = wb.getWorksheet('Participants')!.getCell('A1048576');
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
    const [plain, inflated] = [
      await run('bilan', example, '--annee', '2018', '--json'),
      await run('bilan', stray, '--annee', '2018', '--json'),
    ];
    expect([inflated.code, inflated.out]).toEqual([0, plain.out]);
  });
});

describe('outputs never overwrite anything', () => {
  it('bilan --sortie through a hard link to the input: refused, even with --remplacer', async () => {
    const input = join(dir, 'lie.xlsx');
    copyFileSync(EXAMPLE, input);
    const link = join(dir, 'lien-dur.html');
    linkSync(input, link);
    const before = sha(input);
    for (const extra of [[], ['--remplacer']]) {
      const r = await run('bilan', input, '--annee', '2018', '--sortie', link, ...extra);
      expectRefused(r, /classeur lu/);
      expect(sha(input)).toBe(before);
    }
  });

  it('anonymiser --sortie through a symbolic link to the input: refused, even with --remplacer', async () => {
    const link = join(dir, 'lien-symbolique.xlsx');
    symlinkSync(example, link);
    const before = sha(example);
    for (const extra of [[], ['--remplacer']]) {
      const r = await run('anonymiser', example, '--sortie', link, '--avant', '2018-06-01', ...extra);
      expectRefused(r, /est le classeur lu/);
      expect(sha(example)).toBe(before);
    }
  });

  it('an existing output: refused and left as it was; replaced whole with --remplacer', async () => {
    const output = fresh('html');
    writeFileSync(output, 'déjà là');
    const refused = await run('bilan', example, '--annee', '2018', '--sortie', output);
    expectRefused(refused, /existe déjà.*--remplacer/);
    expect(readFileSync(output, 'utf8')).toBe('déjà là');
    const replaced = await run('bilan', example, '--annee', '2018', '--sortie', output, '--remplacer');
    expect(replaced.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\s*$/i);
  });

  it('anonymiser --remplacer replaces an existing copy with a whole workbook', async () => {
    const output = fresh('xlsx');
    writeFileSync(output, 'ancienne copie');
    expectRefused(await run('anonymiser', example, '--sortie', output, '--avant', '2018-06-01'), /existe déjà/);
    expect(readFileSync(output, 'utf8')).toBe('ancienne copie');
    const r = await run('anonymiser', example, '--sortie', output, '--avant', '2018-06-01', '--remplacer');
    expect(r.code).toBe(0);
    expect((await readXlsx(output)).sheetNames()).toContain('Participants');
  });
});

describe('a write cut short (ulimit -f in a child shell)', () => {
  let bin: string;
  beforeAll(async () => {
    bin = await installCli(dir);
  });

  /** Runs the CLI in `bash` with files limited to 8 KB. */
  function limited(args: string[]) {
    const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    return spawnSync('bash', ['-c', `ulimit -f 8; exec ${quoted}`], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
  }

  it.each([
    ['bilan', 'html', (out: string) => ['bilan', example, '--annee', '2018', '--sortie', out]],
    ['anonymiser', 'xlsx', (out: string) => ['anonymiser', example, '--sortie', out, '--avant', '2018-06-01']],
  ])(
    '%s leaves no file at all, and the next run writes it whole',
    async (_name, ext, args) => {
      const folder = mkdtempSync(join(dir, 'coupe-'));
      const output = join(folder, `sortie.${ext}`);
      const before = sha(example);
      const cut = limited(args(output));
      expect(cut.status).toBe(2);
      expect(cut.stderr.trim().split('\n')).toHaveLength(1);
      expect(cut.stderr).toMatch(/^Impossible d'écrire .*sortie\.\w+\u00a0: /);
      expect(readdirSync(folder)).toEqual([]);
      expect(sha(example)).toBe(before);
      const again = await run(...args(output));
      expect(again.code).toBe(0);
      expect(readdirSync(folder)).toEqual([`sortie.${ext}`]);
    },
    60_000,
  );
});

describe('anonymiser refuses what it cannot do right (exit 2, no copy)', () => {
  it('a Participants header pushed down to row 7 by title rows', async () => {
    const wb = await readXlsx(EXAMPLE);
    const titles = ['Mission locale', 'Club de l’alternance', 'Suivi des jeunes', '', 'Saison 2018', ''].map((t) => [t]);
    wb.sheet('Participants').cells.unshift(...titles);
    const input = join(dir, 'titres.xlsx');
    await writeXlsx(wb, input);
    const before = sha(input);
    const output = fresh('xlsx');
    const r = await run('anonymiser', input, '--sortie', output, '--avant', '2018-06-01');
    expectRefused(r, /«\u00a0Participants\u00a0» n'a pas de ligne d'en-têtes.*aucune copie/);
    expect([existsSync(output), sha(input)]).toEqual([false, before]);
  });

  it('an --avant after today', async () => {
    const output = fresh('xlsx');
    const before = sha(example);
    const r = await run('anonymiser', example, '--sortie', output, '--avant', '2100-01-01');
    expectRefused(r, /--avant.*après aujourd'hui/);
    expect([existsSync(output), sha(example)]).toEqual([false, before]);
  });
});
