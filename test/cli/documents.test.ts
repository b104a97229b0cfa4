/**
 * `club-alternance emargement` and `club-alternance attestation` (SPEC §7, §12) on an .xlsx
 * export in a temp dir: the HTML document written (the same as the dialog's), an unknown
 * date or ID refused in one French line with exit 1, the input never written, an existing
 * output refused unless --remplacer.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx } from '../../src/adapters/xlsx';
import { runCertificate } from '../../src/cli/attestation';
import { runSignInSheet } from '../../src/cli/emargement';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { dayFromIso } from '../../src/core/days';
import { DOCUMENTS_TEXT } from '../../src/i18n/fr/documents';
import { buildWorkbook, participant } from '../support/builders';

const dir = mkdtempSync(join(tmpdir(), 'documents-cli-'));
const input = join(dir, 'classeur.xlsx');
const TODAY = dayFromIso('2018-11-01')!;

beforeAll(async () => {
  const wb = buildWorkbook({
    participants: [
      participant({ id: 'C-1', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-09-04' }),
      participant({ id: 'C-2', lastName: 'Durand', firstName: 'Léo', entryDate: '2018-09-04' }),
      participant({ id: 'C-3', lastName: 'Roy', firstName: 'Lou', entryDate: '2018-09-04', anonymisedOn: '2026-01-05' }),
    ],
    sessions: [
      { date: '2018-10-02', theme: 'CV', facilitator: 'Nadia Roux', place: 'Salle 1' },
      { date: '2018-10-09', theme: 'Lettre de motivation', facilitator: 'Nadia Roux', place: 'Salle 1' },
    ],
    attendance: [
      { date: '2018-10-02', id: 'C-1', status: 'Présent' },
      { date: '2018-10-09', id: 'C-1', status: 'Présent' },
      { date: '2018-10-02', id: 'C-2', status: 'Absent' },
    ],
    settings: [
      ['Structure', 'Heure de début', 'Heure de fin'],
      ['Mission locale de la Bièvre', '14:00', '16:30'],
    ],
  });
  await writeXlsx(wb, input);
});

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

/** The lines written on stderr (one call may hold several lines). */
const stderrLines = (stderr: string[]): string[] =>
  stderr
    .join('\n')
    .split('\n')
    .filter((l) => l !== '');

async function run(command: typeof runSignInSheet, ...args: string[]) {
  const io = capture();
  const code = await command(args, io, TODAY);
  return { code, ...io };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
let n = 0;
const fresh = (ext = 'html') => join(dir, `document-${++n}.${ext}`);

describe('club-alternance emargement', () => {
  it('writes the sign-in sheet of the date as a self-contained HTML file and says how many people it lists', async () => {
    const output = fresh();
    const before = sha(input);
    const r = await run(runSignInSheet, input, '--date', '2018-10-09', '--sortie', output);
    const html = readFileSync(output, 'utf8');
    expect([r.code, r.stderr, r.stdout.trim()]).toEqual([
      0,
      [],
      `Feuille d'émargement écrite dans «\u00a0${output}\u00a0» (2\u00a0jeunes inscrits).`,
    ]);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('mardi 9 octobre 2018');
    expect(html).toMatch(/<td>Benali<\/td><td>Yanis<\/td>[\s\S]*<td>Durand<\/td><td>Léo<\/td>/);
    expect(html).toContain('de 14\u00a0h\u00a000 à 16\u00a0h\u00a030');
    expect(html).not.toMatch(/<link|<script src|https?:\/\//);
    expect(sha(input)).toBe(before);
  });

  it('refuses a date with no session and nobody listed in one French line, exit 1, nothing written', async () => {
    const output = fresh();
    const r = await run(runSignInSheet, input, '--date', '2015-01-06', '--sortie', output);
    expect([r.code, r.stderr.length, existsSync(output)]).toEqual([1, 1, false]);
    expect(r.stderr[0]).toMatch(/^Aucune séance le 06\/01\/2015/);
  });

  it('refuses an unreadable date and a missing --sortie as an unusable command line (exit 2)', async () => {
    expect((await run(runSignInSheet, input, '--date', '09/10/2018', '--sortie', fresh())).code).toBe(2);
    expect((await run(runSignInSheet, input, '--date', '2018-10-09')).code).toBe(2);
  });

  it('refuses an unreadable or missing --date or --sortie in exactly one French line on stderr, no usage', async () => {
    const cases: string[][] = [
      [input, '--date', '09/10/2018', '--sortie', fresh()],
      [input, '--date', '2018-02-31', '--sortie', fresh()],
      [input, '--sortie', fresh()],
      [input, '--date=', '--sortie', fresh()],
      [input, '--date', '2018-10-09'],
      [input, '--date', '2018-10-09', '--sortie='],
    ];
    for (const args of cases) {
      const r = await run(runSignInSheet, ...args);
      expect([args.join(' '), r.code, stderrLines(r.stderr).length, r.stdout]).toEqual([args.join(' '), 2, 1, '']);
      expect(stderrLines(r.stderr)[0]).not.toMatch(/Usage/);
    }
  });

  it('says that a well-written date does not exist, and why', async () => {
    const r = await run(runSignInSheet, input, '--date', '2018-02-31', '--sortie', fresh());
    expect([r.code, stderrLines(r.stderr)]).toEqual([
      2,
      ["La date «\u00a02018-02-31\u00a0» n'existe pas\u00a0: février 2018 n'a que 28 jours."],
    ]);
  });

  it('keeps the usage for an unknown option and for --help', async () => {
    const unknown = await run(runSignInSheet, input, '--jour', '2018-10-09', '--sortie', fresh());
    expect([unknown.code, stderrLines(unknown.stderr).length]).toEqual([2, 2]);
    expect(stderrLines(unknown.stderr)[1]).toMatch(/^Usage\u00a0: club-alternance emargement/);
    const help = await run(runSignInSheet, '--help');
    expect([help.code, help.stderr, help.stdout]).toEqual([0, [], `${DOCUMENTS_TEXT.cli.usageSignIn}\n`]);
  });

  it('is reached through the main command line', async () => {
    const output = fresh();
    const io = capture();
    expect(await main(['emargement', input, '--date=2018-10-02', `--sortie=${output}`], io)).toBe(0);
    expect(existsSync(output)).toBe(true);
  });
});

describe('club-alternance attestation', () => {
  it('writes the certificate of the ID as a self-contained HTML file', async () => {
    const output = fresh();
    const r = await run(runCertificate, input, '--id', 'c-1', '--sortie', output);
    const html = readFileSync(output, 'utf8');
    expect([r.code, r.stderr, r.stdout.trim()]).toEqual([
      0,
      [],
      `Attestation écrite dans «\u00a0${output}\u00a0» (2\u00a0séances).`,
    ]);
    expect(html).toContain('Yanis Benali, né(e) le samedi 15 avril 2000, a participé');
    expect(html).toContain('Fait le jeudi 1er novembre 2018');
    expect(html).toContain('5\u00a0h');
  });

  it('refuses a missing --id or --sortie in exactly one French line on stderr, no usage', async () => {
    for (const args of [
      [input, '--sortie', fresh()],
      [input, '--id', '  ', '--sortie', fresh()],
      [input, '--id', 'C-1'],
    ]) {
      const r = await run(runCertificate, ...args);
      expect([args.join(' '), r.code, stderrLines(r.stderr).length]).toEqual([args.join(' '), 2, 1]);
      expect(stderrLines(r.stderr)[0]).not.toMatch(/Usage/);
    }
  });

  it('refuses an unknown ID, an anonymised one and someone never Présent: one French line, exit 1, nothing written', async () => {
    for (const id of ['C-404', 'C-3', 'C-2']) {
      const output = fresh();
      const r = await run(runCertificate, input, '--id', id, '--sortie', output);
      expect([id, r.code, r.stderr.length, existsSync(output)]).toEqual([id, 1, 1, false]);
    }
  });
});

describe('outputs of the document commands', () => {
  it('never writes over the input, even through a symbolic or a hard link', async () => {
    const link = join(dir, 'lien.html');
    const hard = join(dir, 'lien-dur.html');
    symlinkSync(input, link);
    linkSync(input, hard);
    const before = sha(input);
    const direct = await run(runSignInSheet, input, '--date', '2018-10-02', '--sortie', input, '--remplacer');
    const linked = await run(runCertificate, input, '--id', 'C-1', '--sortie', link, '--remplacer');
    const hardLinked = await run(runCertificate, input, '--id', 'C-1', '--sortie', hard, '--remplacer');
    expect([direct.code, linked.code, hardLinked.code, sha(input)]).toEqual([2, 2, 2, before]);
  });

  it('refuses an existing output (exit 2) unless --remplacer, and leaves no temporary file', async () => {
    const output = fresh();
    writeFileSync(output, 'ancien');
    const refused = await run(runSignInSheet, input, '--date', '2018-10-02', '--sortie', output);
    expect([refused.code, readFileSync(output, 'utf8')]).toEqual([2, 'ancien']);
    const replaced = await run(runSignInSheet, input, '--date', '2018-10-02', '--sortie', output, '--remplacer');
    expect([replaced.code, readFileSync(output, 'utf8').startsWith('<!DOCTYPE html>')]).toEqual([0, true]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a missing workbook and a file that is not an .xlsx (exit 2)', async () => {
    const notXlsx = join(dir, 'texte.xlsx');
    writeFileSync(notXlsx, 'pas un classeur');
    expect((await run(runSignInSheet, join(dir, 'absent.xlsx'), '--date', '2018-10-02', '--sortie', fresh())).code).toBe(2);
    expect((await run(runCertificate, notXlsx, '--id', 'C-1', '--sortie', fresh())).code).toBe(2);
  });
});
