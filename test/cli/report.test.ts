/** `club-alternance bilan` (SPEC §7) on the worked example and on unusable inputs. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { readXlsx, writeXlsx } from '../../src/adapters/xlsx';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { parseReportArgs, runReport } from '../../src/cli/report';
import { attendanceRecordsOf } from '../../src/core/workbook';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const EXAMPLES = join(__dirname, '..', 'fixtures', 'exemples');
const dir = mkdtempSync(join(tmpdir(), 'bilan-cli-'));
const example = join(dir, 'classeur.xlsx');
copyFileSync(join(EXAMPLES, 'classeur-exemple.xlsx'), example);

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

async function run(...args: string[]) {
  const io = capture();
  const code = await runReport(args, io, { now: () => new Date('2019-01-10T09:00:00Z') });
  return { code, ...io };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('club-alternance bilan --json', () => {
  it.each([2017, 2018])('prints exactly the SPEC §6 JSON of the worked example for %i', async (year) => {
    const r = await run(example, '--annee', String(year), '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toEqual([]);
    // The published figures predate `hours` and `sexByAge` (checked in indicators-example.test.ts).
    const { hours, sexByAge, ...published } = JSON.parse(r.stdout);
    expect(published).toEqual(JSON.parse(readFileSync(join(EXAMPLES, `bilan-${year}.json`), 'utf8')));
    expect([hours.delivered, typeof sexByAge.F.under18]).toEqual([0, 'number']);
  });

  it('accepts --annee=AAAA and options in any order', async () => {
    const r = await run('--json', '--annee=2018', example);
    expect(JSON.parse(r.stdout).beneficiaries).toBe(64);
  });

  it('runs through the command dispatcher', async () => {
    const io = capture();
    expect(await main(['bilan', example, '--annee', '2017', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).fillRate).toBe(120);
  });
});

describe('club-alternance bilan (text)', () => {
  it('prints a readable French table with year N−1 and the change', async () => {
    const r = await run(example, '--annee', '2018');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Mission locale\nClub de l'alternance — Bilan 2018/);
    expect(r.stdout).toMatch(/Chiffres clés\s+2018\s+%\s+2017\s+%\s+Évolution/);
    expect(r.stdout).toMatch(/Bénéficiaires\s+64\s+66\s+−2/);
    expect(r.stdout).toMatch(/Taux de remplissage.*\s116 %\s+120 %\s+−4 pts/);
    expect(r.stdout).toMatch(/Mineurs \(moins de 18 ans\)\s+13\s+20 %/);
    expect(r.stdout).toMatch(/Moyenne de présents par séance\s+23,3\s+18,2\s+\+5,1/);
    // The CLI points to its own command, not to the add-on's menu.
    expect(r.stdout).toMatch(
      /Participants sans date d'entrée lisible.*\u00a0: 1 — .*«\u00a0club-alternance verifier <classeur.xlsx>\u00a0»/,
    );
    expect(r.stdout.indexOf('Qualité des données')).toBeGreaterThan(r.stdout.indexOf('Présences par mois'));
    expect(r.stdout).not.toMatch(/menu/);
    expect(r.stdout).not.toMatch(/Kaci|Yasmine|@exemple\.fr|P2018-/);
  });
});

describe('club-alternance bilan --sortie', () => {
  it('writes a self-contained HTML report and never touches the input file', async () => {
    const before = sha(example);
    const out = join(dir, 'bilan-2018.html');
    const r = await run(example, '--annee', '2018', '--sortie', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bilan-2018\.html/);
    expect(sha(example)).toBe(before);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Club de l&#39;alternance — Bilan 2018');
    expect(html).toContain('Généré le 10/01/2019');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html.match(/<table>/g)).toHaveLength(11);
    expect(html).toMatch(/@media print/);
    expect(html).not.toMatch(/Attention/);
    // Nothing fetched from anywhere: no URL, script, link, image or import.
    expect(html).not.toMatch(/https?:|\/\/[a-z]|<script|<link|<img|<iframe|@import|url\(/i);
  });

  it("holds none of the participants' names, e-mails, phones or IDs", async () => {
    const out = join(dir, 'bilan-prive.html');
    await run(example, '--annee', '2018', '--sortie', out);
    await run(example, '--annee', '2017', '--sortie', join(dir, 'bilan-prive-2017.html'));
    const html = readFileSync(out, 'utf8') + readFileSync(join(dir, 'bilan-prive-2017.html'), 'utf8');
    const model = readModel(await readXlsx(example));
    const districts = model.settings.qpvDistricts.map((d) => d.name).join(' ');
    const secrets = new Set<string>();
    for (const p of model.participantRecords) {
      secrets.add(`${p.lastName} ${p.firstName}`).add(`${p.firstName} ${p.lastName}`).add(p.id);
      if (p.email.status === 'ok') secrets.add(p.email.value);
      if (p.phone.status === 'ok') secrets.add(p.phone.value);
      if (!districts.includes(p.lastName)) secrets.add(p.lastName);
    }
    const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
    for (const s of secrets) if (s) expect(html).not.toContain(escaped(s));
    for (const name of attendanceRecordsOf(model).map((a) => a.participantId)) expect(html).not.toContain(name);
  });

  it('escapes text coming from the workbook', async () => {
    const wb = buildWorkbook({
      participants: [participant({ qpvResident: 'Oui', qpvDistrict: '<script>alert(1)</script>' })],
    });
    const path = join(dir, 'injection.xlsx');
    await writeXlsx(wb, path);
    const out = join(dir, 'injection.html');
    expect((await run(path, '--annee', '2018', '--sortie', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('masks small counts with the confidentiality threshold', async () => {
    const wb = buildWorkbook({
      participants: [participant({ commune: 'Arcueil' }), ...Array.from({ length: 6 }, () => participant({ commune: 'Cachan' }))],
      settings: [
        ['Année', 'Places prévues', 'Seuil de confidentialité'],
        [2018, 10, 5],
      ],
    });
    const path = join(dir, 'seuil.xlsx');
    await writeXlsx(wb, path);
    const out = join(dir, 'seuil.html');
    await run(path, '--annee', '2018', '--sortie', out);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<th scope="row">Arcueil<\/th><td class="num">&lt; 5<\/td><td class="num">—<\/td>/);
    expect(html).toMatch(/<th scope="row">Cachan<\/th><td class="num">6<\/td><td class="num">86\u00a0%<\/td>/);
    // The chart labels the masked bar "< 5" and draws nothing for it.
    expect(html).toMatch(/text-anchor="end">Arcueil<\/text><text [^>]*>&lt; 5<\/text>/);
  });

  it('prints both the JSON and the HTML when asked for both', async () => {
    const out = join(dir, 'les-deux.html');
    const r = await run(example, '--annee', '2017', '--json', '--sortie', out);
    expect(JSON.parse(r.stdout).year).toBe(2017);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses to write the report over the input file', async () => {
    const before = sha(example);
    const r = await run(example, '--annee', '2018', '--sortie', example);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/classeur lu/);
    expect(sha(example)).toBe(before);
  });
});

describe('unusable input: exit 2 with one clear French line', () => {
  const textFile = join(dir, 'notes.txt');
  writeFileSync(textFile, 'pas un classeur');
  const fakeXlsx = join(dir, 'faux.xlsx');
  writeFileSync(fakeXlsx, 'pas un classeur non plus');

  it.each([
    ['a missing file', [join(dir, 'absent.xlsx'), '--annee', '2018'], /^Fichier introuvable\u00a0: .*absent\.xlsx$/],
    ['a text file', [textFile, '--annee', '2018'], /n'est pas un fichier \.xlsx/],
    ['a broken .xlsx', [fakeXlsx, '--annee', '2018'], /pas un classeur \.xlsx valide/],
    ['no file', ['--annee', '2018'], /Indiquez le classeur/],
    ['no --annee', [example], /--annee AAAA/],
    ['--annee without a value', [example, '--annee'], /--annee AAAA/],
    ['a two-digit year', [example, '--annee', '18'], /Année invalide pour --annee\u00a0: «\u00a018\u00a0»/],
    ['a year in words', [example, '--annee', 'deux-mille'], /Année invalide/],
    ['an unknown option', [example, '--annee', '2018', '--pdf'], /Option inconnue\u00a0: «\u00a0--pdf\u00a0»/],
    ['two files', [example, example, '--annee', '2018'], /Argument en trop/],
    ['--sortie without a file', [example, '--annee', '2018', '--sortie'], /--sortie/],
  ])('%s', async (_what, args, message) => {
    const r = await run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).not.toContain('\n');
    expect(r.stderr[0]).toMatch(message);
  });

  it('a year without any data: exit 1 with one French line, as the menu refuses it', async () => {
    const r = await run(example, '--annee', '2005');
    expect([r.code, r.stdout, r.stderr]).toEqual([
      1,
      '',
      ["Aucune donnée pour 2005\u00a0: ni bénéficiaire ni séance. Aucun bilan n'a été généré."],
    ]);
  });

  it('an output folder that does not exist: a French sentence naming the file and the folder, no system error', async () => {
    const output = join(dir, 'absent', 'bilan.html');
    const r = await run(example, '--annee', '2018', '--sortie', output);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([
      `Impossible d'écrire ${output}\u00a0: le dossier ${join(dir, 'absent')} n'existe pas (créez-le, ou choisissez un autre dossier).`,
    ]);
  });

  it('a year out of range says which years are accepted', async () => {
    const r = await run(example, '--annee', '1850');
    expect(r.stderr).toEqual([
      'Année invalide pour --annee\u00a0: «\u00a01850\u00a0». Indiquez une année de 1990 à 2100, en quatre chiffres (par exemple --annee 2018).',
    ]);
  });

  it('a workbook without a Participants tab', async () => {
    const path = join(dir, 'autre.xlsx');
    await writeXlsx(new MemoryWorkbook('Europe/Paris', { Feuille1: [['Bonjour']] }), path);
    const r = await run(path, '--annee', '2018');
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual([expect.stringMatching(/n'a pas d'onglet «\u00a0Participants\u00a0»/)]);
  });

  it('parses arguments without touching the disk', () => {
    expect(parseReportArgs(['x.xlsx', '--annee', '2018', '--sortie', 'b.html'])).toEqual({
      file: 'x.xlsx',
      year: 2018,
      json: false,
      output: 'b.html',
      replace: false,
    });
    expect(parseReportArgs(['x.xlsx', '--annee', '2018', '--sortie', 'b.html', '--remplacer'])).toMatchObject({
      replace: true,
    });
  });
});

const chromiumPath = '/usr/bin/chromium';
(existsSync(chromiumPath) ? describe : describe.skip)('the HTML report in a browser', () => {
  it('renders its charts offline and prints to PDF', async () => {
    const out = join(dir, 'navigateur.html');
    await run(example, '--annee', '2018', '--sortie', out);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${out}`);
      const sizes = await page.$$eval('svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().height));
      expect(sizes).toHaveLength(3);
      for (const h of sizes) expect(h).toBeGreaterThan(100);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(requests).toEqual([`file://${out}`]);
    } finally {
      await browser.close();
    }
  });
});
