/** `club-alternance verifier` through main() with an injected CliIo, on temp .xlsx files. */
import { CLI_ENV, installCli } from '../support/cli-install';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-verifier-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recorder(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

const HEADER = ['ID', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Commune', 'Code postal', "Date d'entrée", 'Email'];
type Row = (string | number | Date | null)[];

async function xlsx(name: string, tabs: Record<string, Row[]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [tab, rows] of Object.entries(tabs)) {
    const ws = wb.addWorksheet(tab);
    rows.forEach((r) => ws.addRow(r));
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

function cleanTabs(): Record<string, Row[]> {
  return {
    Participants: [
      ['Suivi des jeunes 2018'],
      HEADER,
      ['A-1', 'Martin', 'Léa', 'F', utcDate('2000-04-15'), 'Villejuif', '94800', utcDate('2018-03-05'), 'lea.martin@exemple.fr'],
      ['A-2', 'Dupont', 'Noé', 'Homme', '12/06/1999', 'le kremlin bicetre', 94270, '02/03/2018', ''],
    ],
    Séances: [
      ['Date', 'Thème'],
      [utcDate('2018-03-06'), 'CV'],
    ],
    Présences: [
      ['Date', 'ID participant', 'Statut'],
      [utcDate('2018-03-06'), 'A-1', 'présente'],
      ['06/03/2018', 'a-2', 'x'],
    ],
  };
}

async function run(...argv: string[]) {
  const io = recorder();
  const code = await main(['verifier', ...argv], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), stderr: io.stderr };
}

describe('club-alternance verifier', () => {
  it('exits 0 with a French summary on a clean workbook', async () => {
    const path = await xlsx('propre.xlsx', cleanTabs());
    const r = await run(path);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe('Aucun problème\u00a0: 5 lignes vérifiées.');
  });

  it('exits 1 on errors, with text grouped by tab then row and a closing summary', async () => {
    const tabs = cleanTabs();
    tabs.Participants.push(['A-3', 'Petit', 'Jade', 'F', '31/02/2001', 'Fresnes', '94260', '05/03/2018', 'jade@']);
    tabs.Présences.push(['13/03/2018', 'ZZZ', 'P']);
    const path = await xlsx('erreurs.xlsx', tabs);
    const r = await run(path);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Participants — 1 erreur, 2 avertissements');
    expect(lines[1]).toBe(
      "  Participants, ligne 5, colonne E (Date de naissance) — Erreur — «\u00a031/02/2001\u00a0»\u00a0: ce jour n'existe pas (février 2001 n'a que 28 jours)\u00a0; corrigez la date.",
    );
    expect(lines[2]).toMatch(/^ {2}Participants, ligne 5, colonne F \(Commune\) — Avertissement — «\u00a0Fresnes\u00a0»/);
    expect(lines[3]).toMatch(/^ {2}Participants, ligne 5, colonne I \(Email\) — Avertissement — /);
    expect(lines[4]).toBe('');
    expect(lines[5]).toBe('Présences — 2 erreurs, 0 avertissement');
    expect(lines[6]).toMatch(/Présences, ligne 4, colonne A \(Date\) — Erreur — Aucune séance le 13\/03\/2018/);
    expect(lines[7]).toMatch(/Présences, ligne 4, colonne B \(ID participant\) — Erreur — L'ID «\u00a0ZZZ\u00a0»/);
    expect(lines[lines.length - 1]).toBe('Bilan du contrôle\u00a0: 7 lignes vérifiées, 3 erreurs, 2 avertissements.');
  });

  it('exits 0 when there are only warnings', async () => {
    const tabs = cleanTabs();
    tabs.Participants[3][5] = 'Fresnes';
    tabs.Participants[3][6] = '94260';
    const r = await run(await xlsx('avertissements.xlsx', tabs));
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Participants, ligne 4, colonne F (Commune) — Avertissement — «\u00a0Fresnes\u00a0» n'est pas une commune du territoire",
    );
  });

  it('shows labels, not codes, in the text output', async () => {
    const tabs = cleanTabs();
    tabs.Participants[3][5] = 'Fresnes';
    tabs.Participants[3][6] = '94260';
    const r = await run(await xlsx('libelles.xlsx', tabs));
    expect(r.out).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
  });

  it('gives the row, the column letter and the header as the team wrote it', async () => {
    const tabs = cleanTabs();
    // The team's own headers, in their own order: "Date d'inscription" in column C.
    tabs.Participants[1] = ['ID', 'Nom', "Date d'inscription", 'Prénom', 'Sexe', 'DDN', 'Ville', 'CP', 'Email'];
    tabs.Participants[2] = ['A-1', 'Martin', '3 mars', 'Léa', 'F', '', 'Villejuif', '94800', ''];
    tabs.Participants[3] = ['A-2', 'Dupont', '02/03/2018', 'Noé', 'H', '12/06/1999', 'Villejuif', '94800', ''];
    const r = await run(await xlsx('en-tetes.xlsx', tabs));
    expect(r.out).toContain(
      "Participants, ligne 3, colonne C (Date d'inscription) — Erreur — «\u00a03 mars\u00a0» n'est pas une date lisible",
    );
    expect(r.out).toContain(
      'Participants, ligne 3, colonne F (DDN) — Erreur — «\u00a0DDN\u00a0» vide\u00a0: indiquez la date de naissance',
    );
    expect(r.out).not.toContain("Date d'entrée");
  });

  it('gives the 27th column as AA', async () => {
    const tabs = cleanTabs();
    const filler = Array.from({ length: 26 - HEADER.length }, (_, i) => `Libre ${i + 1}`);
    tabs.Participants = tabs.Participants.map((row, r) =>
      r === 0 ? row : [...row, ...filler.map(() => ''), r === 1 ? 'Téléphone' : r === 2 ? '12' : ''],
    );
    tabs.Participants[1] = [...HEADER, ...filler, 'Téléphone'];
    const r = await run(await xlsx('colonne-aa.xlsx', tabs));
    expect(r.out).toContain('Participants, ligne 3, colonne AA (Téléphone) — Avertissement — «\u00a012\u00a0»');
  });

  it('prints exactly { rowsChecked, issues } with --json', async () => {
    const tabs = cleanTabs();
    tabs.Participants.push(['', 'Petit', 'Jade', 'F', '01/01/2001', 'Cachan', '94230', '05/03/2018', '']);
    const path = await xlsx('json.xlsx', tabs);
    const r = await run('--json', path);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out);
    expect(Object.keys(parsed)).toEqual(['rowsChecked', 'issues']);
    expect(parsed).toEqual({
      rowsChecked: 6,
      issues: [
        {
          sheet: 'Participants',
          row: 5,
          column: 'ID',
          header: 'ID',
          severity: 'error',
          code: 'ID_MISSING',
          message: expect.stringContaining('«\u00a0ID\u00a0» vide'),
        },
      ],
    });
  });

  it('never writes to its input', async () => {
    const tabs = cleanTabs();
    tabs.Participants.push(['A-1', 'Doublon', 'Jean', 'H', '01/01/2001', 'Cachan', '94230', '05/03/2018', '']);
    const path = await xlsx('intact.xlsx', tabs);
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    await run(path);
    await run(path, '--json');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  describe('exits 2 with one clear French line on stderr', () => {
    const expectUnusable = (r: { code: number; out: string; stderr: string[] }, pattern: RegExp) => {
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.stderr).toHaveLength(1);
      expect(r.stderr[0].trim().split('\n')).toHaveLength(1);
      expect(r.stderr[0]).toMatch(pattern);
    };

    it('for a missing file', async () => {
      expectUnusable(await run(join(dir, 'absent.xlsx')), /^Fichier introuvable\u00a0: .*absent\.xlsx$/);
    });

    it('for a file that is not an .xlsx', async () => {
      const csv = join(dir, 'export.csv');
      writeFileSync(csv, 'ID;Nom\nA-1;Martin\n');
      expectUnusable(await run(csv), /n'est pas un classeur \.xlsx/);
      const fake = join(dir, 'faux.xlsx');
      writeFileSync(fake, 'ceci n’est pas un zip');
      expectUnusable(await run(fake), /n'est pas un classeur \.xlsx/);
    });

    it('for a directory', async () => {
      const sub = join(dir, 'dossier.xlsx');
      mkdirSync(sub, { recursive: true });
      expectUnusable(await run(sub), /est un dossier/);
    });

    it('for a workbook without a Participants tab', async () => {
      const path = await xlsx('sans-participants.xlsx', { Feuille1: [['ID', 'Nom']] });
      expectUnusable(await run(path), /n'a pas d'onglet «\u00a0Participants\u00a0»/);
    });

    it('for bad arguments', async () => {
      expectUnusable(await run(), /Indiquez le classeur à vérifier/);
      expectUnusable(await run('a.xlsx', 'b.xlsx'), /Un seul classeur à la fois/);
      expectUnusable(await run('--csv', 'a.xlsx'), /Option inconnue\u00a0: «\u00a0--csv\u00a0»/);
    });
  });

  it('finds the Participants tab whatever its case and accents', async () => {
    const tabs = cleanTabs();
    const path = await xlsx('casse.xlsx', {
      ' PARTICIPANTS ': tabs.Participants,
      seances: tabs.Séances,
      PRESENCES: tabs.Présences,
    });
    const r = await run(path);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Aucun problème\u00a0: 5 lignes vérifiées.');
  });
});

describe('the built binary', () => {
  const _root = join(__dirname, '..', '..');
  let bin: string;
  const env = CLI_ENV;
  beforeAll(async () => {
    // bin/club-alternance.js next to its own build/cli.js, built here as scripts/build-node.mjs does
    // (isolated from the other entries of build/, which other work may be changing).
    bin = await installCli(dir);
  });

  it('exits 0, 1 and 2 as the SPEC says', async () => {
    const clean = await xlsx('bin-propre.xlsx', cleanTabs());
    const faulty = cleanTabs();
    faulty.Participants.push(['A-9', '', 'Jade', 'F', '01/01/2001', 'Cachan', '94230', '05/03/2018', '']);
    const bad = await xlsx('bin-erreurs.xlsx', faulty);
    const ok = spawnSync(process.execPath, [bin, 'verifier', clean], { encoding: 'utf8', env });
    expect(ok.status).toBe(0);
    const errors = spawnSync(process.execPath, [bin, 'verifier', bad, '--json'], { encoding: 'utf8', env });
    expect(errors.status).toBe(1);
    expect(JSON.parse(errors.stdout).issues[0].code).toBe('NAME_MISSING');
    const missing = spawnSync(process.execPath, [bin, 'verifier', join(dir, 'nulle-part.xlsx')], { encoding: 'utf8', env });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
