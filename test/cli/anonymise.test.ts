/** `club-alternance anonymiser` (SPEC §7, §11) on a copy of the worked example, in a temp dir. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx, writeXlsx } from '../../src/adapters/xlsx';
import { runAnonymise } from '../../src/cli/anonymise';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { runReport } from '../../src/cli/report';
import { anonymisationTargets } from '../../src/core/anonymisation';
import { ageOn, dayFromIso, isoOfDay, DateCellReader } from '../../src/core/days';
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import { attendanceRecordsOf } from '../../src/core/workbook';

const EXAMPLES = join(__dirname, '..', 'fixtures', 'exemples');
const dir = mkdtempSync(join(tmpdir(), 'anonymiser-cli-'));
const example = join(dir, 'classeur.xlsx');
copyFileSync(join(EXAMPLES, 'classeur-exemple.xlsx'), example);
const TODAY = dayFromIso('2026-11-26')!;
const CUTOFF = '2018-06-01';

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
  const code = await runAnonymise(args, io, TODAY);
  return { code, ...io };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
let n = 0;
const fresh = () => join(dir, `copie-${++n}.xlsx`);

async function report(file: string, year: number) {
  const io = capture();
  await runReport([file, '--annee', String(year), '--json'], io, { now: () => new Date('2026-11-26T09:00:00Z') });
  return JSON.parse(io.stdout);
}

describe('club-alternance anonymiser', () => {
  it('writes the copy and never touches the input file', async () => {
    const before = sha(example);
    const output = fresh();
    const r = await run(example, '--sortie', output, '--avant', CUTOFF);
    expect([r.code, existsSync(output), sha(example)]).toEqual([0, true, before]);
  });

  it('prints the number of people anonymised and no name', async () => {
    const original = readModel(await readXlsx(example));
    const planned = anonymisationTargets(original, TODAY, dayFromIso(CUTOFF)!).people;
    const r = await run(example, '--sortie', fresh(), '--avant', CUTOFF);
    expect(r.stdout).toMatch(new RegExp(`^${planned.length} personnes anonymisées \\(dernière activité avant le 01/06/2018\\)`));
    for (const p of planned) expect(r.stdout).not.toContain(p.lastName);
  });

  it('leaves no name, birth date or old ID of those people in the copy', async () => {
    const original = readModel(await readXlsx(example));
    const planned = anonymisationTargets(original, TODAY, dayFromIso(CUTOFF)!).people;
    expect(planned.length).toBeGreaterThan(10);
    const output = fresh();
    await run(example, '--sortie', output, '--avant', CUTOFF);
    const copy = await readXlsx(output);
    const reader = new DateCellReader('Europe/Paris');
    const cells = new Set<string>();
    for (const s of copy.sheets) {
      for (const line of s.cells) {
        for (const c of line) cells.add(c instanceof Date ? isoOfDay(reader.dayOf(c)!) : String(c ?? ''));
      }
    }
    const rows = readModel(copy).participantRecords;
    for (const p of planned) {
      const after = rows.find((x) => x.row === p.row)!;
      expect([after.lastName, after.firstName, after.birthDate.status, after.id.startsWith('ANON-')]).toEqual([
        '',
        '',
        'blank',
        true,
      ]);
      expect(cells.has(p.id)).toBe(false);
    }
  });

  it('empties the name of the Présences rows of a person renumbered by hand, dated before the cutoff', async () => {
    const wb = await readXlsx(example);
    const model = readModel(wb);
    const cutoff = dayFromIso(CUTOFF)!;
    const nameCol = model.attendance.columns.participantName!;
    const beforeCutoff = (r: { date: { status: string; value?: number } }) => r.date.status === 'ok' && r.date.value! < cutoff;
    const records = attendanceRecordsOf(model);
    const known = new Set(model.participantRecords.map((p) => p.idKey));
    // A person all of whose Présences rows, with a name, are dated before the cutoff.
    const victim = records.find(
      (r) =>
        known.has(r.idKey) &&
        String(model.attendance.values[r.row - 1][nameCol] ?? '') !== '' &&
        records.every((o) => o.idKey !== r.idKey || beforeCutoff(o)),
    )!;
    const person = model.participantRecords.find((p) => p.idKey === victim.idKey)!;
    const orphanRows = records.filter((r) => r.idKey === victim.idKey && beforeCutoff(r)).map((r) => r.row);
    expect(orphanRows.length).toBeGreaterThan(0);
    // Someone gave this person a new ID in Participants; their Présences rows keep the old one.
    wb.sheet(model.participants.sheetName!).cells[person.row - 1][model.participants.columns.id!] = `${person.id}-BIS`;
    const input = join(dir, 'renumerote.xlsx');
    await writeXlsx(wb, input);
    const output = fresh();
    expect((await run(input, '--sortie', output, '--avant', CUTOFF)).code).toBe(0);
    const copy = (await readXlsx(output)).sheet(model.attendance.sheetName!).cells;
    expect(orphanRows.map((row) => String(copy[row - 1][nameCol] ?? ''))).toEqual(orphanRows.map(() => ''));
    const text = copy.map((line) => line.map((c) => String(c ?? '')).join('|')).join('\n');
    expect(text).not.toContain(String(model.attendance.values[victim.row - 1][nameCol]));
  });

  it('gives a copy whose bilan of both years is the original records with the ages of SPEC §6', async () => {
    const output = fresh();
    await run(example, '--sortie', output, '--avant', CUTOFF);
    // Expected: the same records, without birth dates for those people but with their age at entry.
    const expected = await readXlsx(example);
    const model = readModel(expected);
    const planned = anonymisationTargets(model, TODAY, dayFromIso(CUTOFF)!).people;
    const cells = expected.sheet(model.participants.sheetName!).cells;
    const header = cells[model.participants.headerRow! - 1];
    const birth = model.participants.columns.birthDate!;
    const ageCol = header.length;
    header.push("Âge à l'entrée", 'Anonymisé le');
    for (const p of planned) {
      const line = cells[p.row - 1];
      while (line.length < ageCol) line.push('');
      line[ageCol] =
        p.birthDate.status === 'ok' && p.entryDate.status === 'ok' ? ageOn(p.birthDate.value, p.entryDate.value) : '';
      line[ageCol + 1] = new Date('2026-11-25T23:00:00Z');
      line[birth] = '';
    }
    const expectedModel = readModel(expected);
    for (const year of [2017, 2018]) {
      expect(await report(output, year)).toEqual(computeIndicators(expectedModel, year));
    }
  });

  it('keeps the 2017 bilan exactly as the original (no carried-over people that year)', async () => {
    const output = fresh();
    await run(example, '--sortie', output, '--avant', CUTOFF);
    const [a, b] = [await report(example, 2017), await report(output, 2017)];
    expect(b).toEqual(a);
  });

  it('refuses an existing output file and leaves it as it was', async () => {
    const output = fresh();
    writeFileSync(output, 'déjà là');
    const r = await run(example, '--sortie', output);
    expect([r.code, readFileSync(output, 'utf8'), r.stderr.join('\n')]).toEqual([
      2,
      'déjà là',
      expect.stringMatching(/existe déjà/),
    ]);
  });

  it('refuses to write over the input', async () => {
    const before = sha(example);
    const r = await run(example, '--sortie', example);
    expect([r.code, sha(example), r.stderr.join('\n')]).toEqual([2, before, expect.stringMatching(/est le classeur lu/)]);
  });

  it('refuses a command without --sortie', async () => {
    const r = await run(example);
    expect([r.code, r.stderr.join('\n')]).toEqual([2, expect.stringMatching(/--sortie/)]);
  });

  it('refuses a --avant that is not AAAA-MM-JJ', async () => {
    const r = await run(example, '--sortie', fresh(), '--avant', '01/06/2018');
    expect(r.code).toBe(2);
  });

  it('runs through the command dispatcher', async () => {
    const io = capture();
    const output = fresh();
    expect(await main(['anonymiser', example, '--sortie', output, '--avant', '2000-01-01'], io)).toBe(0);
    expect(io.stdout).toMatch(/^Personne à anonymiser/);
  });
});
