/**
 * `Présences` read in bands of rows (readModelInBands, for the figures and the checks) gives
 * the same model as a whole read: same records, same ID index, same row numbers.
 */
import fc from 'fast-check';
import { MIN_BAND_ROWS, READ_BANDS, rowBands } from '../../src/core/bands';
import type { CellValue } from '../../src/core/values';
import { attendanceRecordsOf, HEADER_SEARCH_ROWS, readWorkbook, WorkbookModel } from '../../src/core/workbook';
import { sheetsDate } from '../support/fake-gas';

const PARTICIPANTS: CellValue[][] = [
  ['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée"],
  ['T-1', 'Martin', 'Camille', '', '', '01/03/2018'],
  ['T-2', 'Durand', 'Léa', '', '', '01/03/2018'],
];

/** The model of a workbook whose Présences tab is `attendance`, read whole or in bands (and the bands read). */
function modelOf(attendance: CellValue[][], inBands: boolean): { model: WorkbookModel; bands: number } {
  const tabs: Record<string, CellValue[][]> = { Participants: PARTICIPANTS, Présences: attendance };
  let bands = 0;
  const model = readWorkbook({
    timeZone: 'Europe/Paris',
    sheetNames: Object.keys(tabs),
    values: (name) => tabs[name],
    valueBands: inBands
      ? (name, visit) => {
          const rows = tabs[name];
          for (const b of rowBands(rows.length)) {
            bands++;
            // A copy per band, as getValues gives: nothing shared with the other bands.
            visit(
              b.firstRow,
              rows.slice(b.firstRow - 1, b.firstRow - 1 + b.numRows).map((r) => [...r]),
              rows.length,
            );
          }
        }
      : undefined,
  });
  return { model, bands };
}

/** What the figures and the checks read of Présences. */
function attendanceView(m: WorkbookModel) {
  const t = m.attendance;
  return {
    headerRow: t.headerRow,
    columns: t.columns,
    missing: t.missing,
    width: t.width,
    lastRow: t.lastRow,
    rowNumbers: Array.from(t.rowNumbers),
    records: attendanceRecordsOf(m),
    people: m.people.keys,
  };
}

const DATA: CellValue[][] = [
  [sheetsDate('2018-03-06'), 'T-1', 'Présent'],
  [sheetsDate('2018-03-06'), ' t-2', 'absent'],
  ['', '', ''],
  ['31/02/2018', 'X-9', 'peut-être'],
  ['13/03/2018', 'T-1', 'E'],
  [sheetsDate('2018-03-13'), '', ''],
];
const cell = fc.constantFrom<CellValue>(...DATA.flat(), 'T-3', 'Excusé', sheetsDate('2018-03-20'), 42);
const row = fc.oneof(fc.array(cell, { minLength: 3, maxLength: 3 }), fc.constant<CellValue[]>(['', '', '']));
const titles = fc.array(fc.constantFrom<CellValue[]>(['Présences 2018', '', ''], ['', '', '']), { maxLength: 3 });
const header = fc.constantFrom<CellValue[]>(
  ['Date', 'ID participant', 'Statut'],
  ['Statut', 'Date', 'ID'],
  ['Nom', 'Commentaire', ''],
);

describe('Présences read in bands', () => {
  it('gives the same records, ID index and row numbers as a whole read, whatever the rows and the header row', () => {
    fc.assert(
      fc.property(titles, header, fc.array(row, { maxLength: 80 }), (top, head, rows) => {
        const tab = [...top, head, ...rows];
        expect(attendanceView(modelOf(tab, true).model)).toEqual(attendanceView(modelOf(tab, false).model));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only the rows down to the header row once the data rows are in columns', () => {
    const tab = [['Présences 2018', '', ''], ['Date', 'ID participant', 'Statut'], ...Array(40).fill(DATA).flat()];
    const { model, bands } = modelOf(tab, true);
    expect([
      bands,
      model.attendance.kind,
      model.attendance.head.length,
      'values' in model.attendance,
      model.attendance.lastRow,
    ]).toEqual([READ_BANDS, 'banded', 2, false, tab.length]);
  });

  it('keeps a tab without a header row whole, as a whole read does', () => {
    const tab = [['Nom', 'Commentaire', ''], ...Array(10).fill(DATA).flat()];
    const { model } = modelOf(tab, true);
    expect([model.attendance.headerRow, model.attendance.kind, model.attendance.head]).toEqual([null, 'whole', tab]);
  });
});

describe('rowBands', () => {
  it('cuts rows 1..lastRow into consecutive bands, READ_BANDS of them from READ_BANDS × MIN_BAND_ROWS rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), (lastRow) => {
        const bands = rowBands(lastRow);
        const covered = bands.reduce((next, b) => (b.firstRow === next && b.numRows > 0 ? next + b.numRows : Number.NaN), 1);
        const expectedCount = lastRow >= READ_BANDS * MIN_BAND_ROWS ? READ_BANDS : Math.ceil(lastRow / MIN_BAND_ROWS);
        expect([covered, bands.length]).toEqual([lastRow + 1, expectedCount]);
      }),
    );
  });

  it('puts every row where headers are searched in the first band', () => {
    expect(rowBands(1_000)[0].numRows).toBeGreaterThanOrEqual(HEADER_SEARCH_ROWS);
  });
});
