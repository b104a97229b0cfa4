/** Time cells in .xlsx files (SPEC §2.2): read as Sheets gives them, written back as times, for the CLI's hours. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { readXlsx, writeXlsx } from '../../src/adapters/xlsx';
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import { wallClockToInstant } from '../support/fake-gas/dates';
import { sheetsDate } from '../support/fake-gas';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-xlsx-times-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A workbook saved by a spreadsheet: Séances with time cells (hh:mm) and a date-time cell. */
async function savedBySpreadsheet(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet('Participants');
  p.addRow(['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée"]);
  p.addRow(['A-1', 'Martin', 'Léa', '15/06/2000', 'Cachan', '01/03/2018']);
  const s = wb.addWorksheet('Séances');
  s.addRow(['Date', 'Début', 'Fin']);
  const row = s.addRow([
    new Date(Date.UTC(2018, 2, 6)),
    new Date(Date.UTC(1899, 11, 30, 14, 0)),
    new Date(Date.UTC(1899, 11, 30, 16, 30)),
  ]);
  row.getCell(1).numFmt = 'dd/mm/yyyy';
  row.getCell(2).numFmt = 'hh:mm';
  row.getCell(3).numFmt = 'hh:mm';
  const pr = wb.addWorksheet('Présences');
  pr.addRow(['Date', 'ID participant', 'Statut']);
  pr.addRow(['06/03/2018', 'A-1', 'Présent']);
  await wb.xlsx.writeFile(path);
}

describe('time cells of an .xlsx file', () => {
  it('reads an hh:mm cell as Sheets gives it (14:00 in Paris on 30/12/1899) and counts its hours', async () => {
    const path = join(dir, 'heures.xlsx');
    await savedBySpreadsheet(path);
    const wb = await readXlsx(path);
    const [, cells] = wb.readValues('Séances');
    expect(cells[0]).toEqual(sheetsDate('2018-03-06'));
    // To the minute: the offset of 1899 (UTC+0:09:21) is applied to the minute.
    expect(
      Math.abs((cells[1] as Date).getTime() - wallClockToInstant(Date.UTC(1899, 11, 30, 14, 0), 'Europe/Paris')),
    ).toBeLessThan(60_000);
    expect(computeIndicators(readModel(wb), 2018).hours).toEqual({
      delivered: 2.5,
      attended: 2.5,
      perBeneficiary: 2.5,
      sessionsWithoutTimes: 0,
    });
  });

  it('writes time cells back as times and days as days', async () => {
    const memory = new MemoryWorkbook('Europe/Paris', {
      Séances: [
        ['Date', 'Début', 'Fin'],
        [sheetsDate('2018-03-06'), new Date(wallClockToInstant(Date.UTC(1899, 11, 30, 9, 5), 'Europe/Paris')), '12:00'],
      ],
    });
    const path = join(dir, 'ecrit.xlsx');
    await writeXlsx(memory, path);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(path);
    const row = raw.getWorksheet('Séances')!.getRow(2);
    expect([row.getCell(1).value, row.getCell(1).numFmt]).toEqual([new Date(Date.UTC(2018, 2, 6)), 'dd/mm/yyyy']);
    expect([row.getCell(2).value, row.getCell(2).numFmt]).toEqual([new Date(Date.UTC(1899, 11, 30, 9, 5)), 'hh:mm']);
    const back = await readXlsx(path);
    expect(computeIndicators(readModel(back), 2018).hours.delivered).toBe(2.9); // 9:05–12:00 = 175 min
  });
});
