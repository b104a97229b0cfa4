/** readXlsx / writeXlsx: .xlsx exports read as Sheets' getValues() would give them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { readXlsx, writeXlsx, XlsxReadError } from '../../src/adapters/xlsx';
import { sheetsDate } from '../support/fake-gas';

/** The contract's worked example, copied into test/fixtures/exemples so a fresh clone has it. */
const example = join(__dirname, '..', 'fixtures', 'exemples', 'classeur-exemple.xlsx');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readXlsx on the worked example', () => {
  it('reads every tab, title row and blank row included', async () => {
    const wb = await readXlsx(example);
    expect(wb.sheetNames()).toEqual(['Participants', 'Séances', 'Présences', 'Paramètres']);
    const p = wb.readValues('Participants');
    expect(p[0][0]).toBe("Club de l'alternance — suivi des jeunes 2016-2019");
    expect(p[1].slice(0, 3)).toEqual(['ID', 'Nom', 'Prénom']);
    expect(new Set(p.map((r) => r.length)).size).toBe(1);
    expect(p.some((r) => r.every((c) => c === ''))).toBe(true);
  });

  it('gives date cells as midnight in Paris, and keeps numbers and text dates as they are', async () => {
    const wb = await readXlsx(example);
    const p = wb.readValues('Participants');
    const header = p[1];
    const entry = header.indexOf("Date d'inscription");
    const birth = header.indexOf('Né(e) le');
    const months = header.indexOf('Durée (mois)');
    // Row 3: entered on 03/10/2016 (a date cell), born on 14/06/1992 (text).
    expect(p[2][entry]).toEqual(sheetsDate('2016-10-03'));
    expect((p[2][entry] as Date).toISOString()).toBe('2016-10-02T22:00:00.000Z');
    expect(p[2][birth]).toBe('14/06/1992');
    expect(p[2][months]).toBe(6);
    const dates = p
      .slice(2)
      .flatMap((r) => [r[entry], r[birth]])
      .filter((c): c is Date => c instanceof Date);
    expect(dates.length).toBeGreaterThan(100);
    for (const d of dates) {
      const paris = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(d);
      expect(paris).toBe('00:00');
    }
    expect(p.slice(2).some((r) => typeof r[entry] === 'number')).toBe(true);
  });

  it('reads Paramètres numbers as numbers', async () => {
    const wb = await readXlsx(example);
    const s = wb.readValues('Paramètres');
    expect(s[0].slice(0, 2)).toEqual(['Année', 'Places prévues']);
    expect(s[1].slice(0, 2)).toEqual([2017, 55]);
  });

  it('honours another time zone', async () => {
    const wb = await readXlsx(example, 'America/Cayenne');
    const p = wb.readValues('Participants');
    const entry = p[1].indexOf("Date d'inscription");
    expect(p[2][entry]).toEqual(sheetsDate('2016-10-03', 'America/Cayenne'));
  });
});

describe('readXlsx refuses unusable input with a French message', () => {
  it('a missing file', async () => {
    await expect(readXlsx(join(dir, 'absent.xlsx'))).rejects.toThrow(
      new XlsxReadError(`Fichier introuvable\u00a0: ${join(dir, 'absent.xlsx')}`),
    );
  });
  it('a folder', async () => {
    await expect(readXlsx(dir)).rejects.toThrow(/est un dossier/);
  });
  it('a file that is not an .xlsx', async () => {
    const p = join(dir, 'faux.xlsx');
    writeFileSync(p, 'ID;Nom\n1;Martin\n');
    await expect(readXlsx(p)).rejects.toBeInstanceOf(XlsxReadError);
    await expect(readXlsx(p)).rejects.toThrow(/pas un classeur .xlsx valide/);
  });
});

describe('writeXlsx', () => {
  it('writes values, dates, notes and frozen rows that readXlsx reads back', async () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      Participants: [
        ['ID', 'Nom', "Date d'entrée", 'Durée'],
        ['T-1', '=pas une formule', sheetsDate('2018-03-05'), 12],
        ['T-2', 'Martin', sheetsDate('2018-07-14'), true],
      ],
    });
    wb.writeNotes('Participants', 2, 2, [['à vérifier']]);
    wb.setFrozenRows('Participants', 1);
    const p = join(dir, 'aller-retour.xlsx');
    await writeXlsx(wb, p);
    const back = await readXlsx(p);
    expect(back.readValues('Participants')).toEqual(wb.readValues('Participants'));
    expect(back.readNotes('Participants', 2, 2, 1, 1)).toEqual([['à vérifier']]);
    expect(back.getFrozenRows('Participants')).toBe(1);
  });
});
