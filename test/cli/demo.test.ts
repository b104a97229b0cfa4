/** `club-alternance demo` (SPEC §7, §8): the demo workbook written to a file, then used by the other commands. */
import { CLI_ENV, installCli } from '../support/cli-install';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-demo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string; stderr: string[] } {
  const io = {
    stdout: '',
    stderr: [] as string[],
    out(t: string) {
      io.stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err(t: string) {
      io.stderr.push(t);
    },
  };
  return io;
}

async function cli(...args: string[]) {
  const io = capture();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr.join('\n') };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('club-alternance demo', () => {
  it('writes a workbook on which bilan gives the published 2017 figures: 64 beneficiaries for 55 places', async () => {
    const file = join(dir, 'demo.xlsx');
    const written = await cli('demo', file);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('demo.xlsx');
    const report = await cli('bilan', file, '--annee', '2017', '--json');
    expect(report.code).toBe(0);
    const figures = JSON.parse(report.stdout);
    expect([figures.beneficiaries, figures.plannedPlaces]).toEqual([64, 55]);
  });

  it('gives the 2018 figures too, and verifier finds the demo’s deliberate faults', async () => {
    const file = join(dir, 'demo-2018.xlsx');
    expect((await cli('demo', file)).code).toBe(0);
    const figures = JSON.parse((await cli('bilan', file, '--annee', '2018', '--json')).stdout);
    expect(figures.beneficiaries).toBe(56);
    const checked = await cli('verifier', file, '--json');
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout).issues.some((i: { severity: string }) => i.severity === 'error')).toBe(true);
  });

  it('refuses an existing file (exit 2, one French line, the file untouched) unless --remplacer', async () => {
    const file = join(dir, 'deja-la.xlsx');
    writeFileSync(file, 'not a workbook');
    const before = sha(file);
    const refused = await cli('demo', file);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/existe déjà.*--remplacer/);
    expect(sha(file)).toBe(before);

    const replaced = await cli('demo', file, '--remplacer');
    expect(replaced.code).toBe(0);
    const figures = JSON.parse((await cli('bilan', file, '--annee', '2017', '--json')).stdout);
    expect(figures.beneficiaries).toBe(64);
  });

  it('refuses a name that is not .xlsx, a folder, a missing name and an unknown option (exit 2), writing nothing', async () => {
    const folder = join(dir, 'dossier.xlsx');
    mkdirSync(folder);
    const cases = [
      ['demo', join(dir, 'demo.csv')],
      ['demo', folder, '--remplacer'],
      ['demo'],
      ['demo', join(dir, 'x.xlsx'), '--force'],
      ['demo', join(dir, 'a.xlsx'), join(dir, 'b.xlsx')],
    ];
    const before = readdirSync(dir).sort();
    for (const args of cases) {
      const r = await cli(...args);
      expect([args.slice(1).join(' '), r.code, r.stdout]).toEqual([args.slice(1).join(' '), 2, '']);
      expect(r.stderr).not.toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('says why it cannot write into a missing folder, and leaves no temporary file', async () => {
    const r = await cli('demo', join(dir, 'nulle-part', 'demo.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Impossible d'écrire/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('works through the installed command (bin/club-alternance.js): exit 0, then 2 on the same file', async () => {
    // bin/club-alternance.js next to its own build/cli.js, built here as scripts/build-node.mjs does.
    const _root = join(__dirname, '..', '..');
    const bin = await installCli(dir);
    const env = CLI_ENV;
    const file = join(dir, 'par-la-commande.xlsx');
    const first = spawnSync(process.execPath, [bin, 'demo', file], { encoding: 'utf8', env });
    expect(first.status).toBe(0);
    const again = spawnSync(process.execPath, [bin, 'demo', file], { encoding: 'utf8', env });
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });
});
