/**
 * Personal data (SPEC §11): the writes planned by the anonymisation module on the model —
 * `Âge à l'entrée`, `Anonymisé le`, the new IDs in `Présences` and their `Participant` text.
 */
import { anonymisationTargets, planAnonymisationWrites } from '../../src/core/anonymisation';
import type { WriteOp } from '../../src/core/write-plan';
import { dayFromIso } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { buildWorkbook, dateCell, participant } from '../support/builders';

const TODAY = dayFromIso('2026-11-26')!;

function planned() {
  const model = readModel(
    buildWorkbook({
      participants: [
        participant({ id: 'P-1', birthDate: '2000-04-15', entryDate: '2016-03-01' }), // 15 at entry
        participant({ id: 'P-2', birthDate: '', ageAtEntry: 19, entryDate: '2016-03-01' }),
        participant({ id: 'K-1', entryDate: '2026-03-01' }), // recent: kept
        participant({ id: 'P-3', birthDate: '2000-03-01', entryDate: '2016-03-01' }), // 16 on the entry day itself
      ],
      attendance: [
        { date: '2016-03-08', id: 'P-1', status: 'Présent', name: 'Martin Camille1' },
        { date: '2016-03-08', id: 'K-1', status: 'Présent', name: 'Martin Camille3' },
        { date: '2016-03-15', id: 'p-2', status: 'Absent', name: 'Martin Camille2' },
        { date: '2016-03-15', id: 'P-3', status: 'Présent' },
      ],
    }),
  );
  const writes = planAnonymisationWrites(model, anonymisationTargets(model, TODAY), TODAY);
  const col = (key: 'ageAtEntry' | 'participantName') =>
    key === 'ageAtEntry' ? model.participants.columns.ageAtEntry! + 1 : model.attendance.columns.participantName! + 1;
  return { model, writes, col };
}

function writeAt(ops: WriteOp[], sheet: string, col: number, row?: number) {
  return ops.find((op) => op.kind === 'write' && op.sheet === sheet && op.col === col && (row === undefined || op.row === row));
}

/** The cells a column op changes, as [row, value] in row order (the other rows are not written). */
function columnUpdates(ops: WriteOp[], sheet: string, col: number): [number, unknown][] | undefined {
  const op = ops.find((o) => o.kind === 'column' && o.sheet === sheet && o.col === col);
  if (!op || op.kind !== 'column') return undefined;
  return [...op.updates].sort((a, b) => a[0] - b[0]).map(([r, v]) => [r, v instanceof Date ? v.getTime() : v]);
}

describe('the writes of an anonymisation', () => {
  it("put the completed years at the Date d'entrée in Âge à l'entrée, else keep the age already there", () => {
    const { writes, col } = planned();
    // K-1 (row 4) is not written at all: it keeps its blank cell (or its formula).
    expect(columnUpdates(writes.ops, 'Participants', col('ageAtEntry'))).toEqual([
      [2, 15],
      [3, 19],
      [5, 16],
    ]);
  });

  it("append the missing Anonymisé le column and stamp today's midnight in the workbook's time zone", () => {
    const { model, writes } = planned();
    const stampCol = model.participants.width + 1;
    expect(writeAt(writes.ops, 'Participants', stampCol, 1)).toEqual({
      kind: 'write',
      sheet: 'Participants',
      row: 1,
      col: stampCol,
      values: [['Anonymisé le']],
    });
    const stamp = dateCell('2026-11-26').getTime();
    expect(columnUpdates(writes.ops, 'Participants', stampCol)).toEqual([
      [2, stamp],
      [3, stamp],
      [5, stamp],
    ]);
  });

  it('give the new IDs to their Présences rows, keep the other rows, and empty their Participant text', () => {
    const { writes, col } = planned();
    // K-1's row (3) keeps its ID: it is not written.
    expect(columnUpdates(writes.ops, 'Présences', 2)).toEqual([
      [2, 'ANON-0001'],
      [4, 'ANON-0002'],
      [5, 'ANON-0003'],
    ]);
    const names = writes.ops.find((op) => op.kind === 'writeCells' && op.sheet === 'Présences');
    expect(names && names.kind === 'writeCells' && names.cells).toEqual([
      { row: 2, col: col('participantName'), value: '' },
      { row: 4, col: col('participantName'), value: '' },
    ]);
    expect([writes.anonymised, writes.presencesUpdated]).toEqual([3, 3]);
  });
});
