/** core/row-moves: whether the rows of a checked tab moved between the check's read and its notes. */
import { readModel } from '../../src/app/read';
import { attendanceMoved, keyColumn, wholeTableMoved } from '../../src/core/row-moves';
import type { CellValue } from '../../src/core/values';
import { buildWorkbook, participant } from '../support/builders';

function model() {
  return readModel(
    buildWorkbook({
      participants: [participant({ id: 'A-1' }), participant({ id: 'A-2' }), participant({ id: 'A-3' })],
      sessions: [{ date: '2018-03-06' }, { date: '2018-03-13' }],
      attendance: [
        { date: '2018-03-06', id: 'A-1', status: 'Présent' },
        { date: '2018-03-06', id: ' a-2 ', status: 'Absent' },
        { date: '2018-03-13', id: 'A-3', status: 'Présent' },
      ],
    }),
  );
}

/** The column `col` (0-based) of a whole table, as a new read would give it. */
function columnOf(values: CellValue[][], col: number): CellValue[] {
  return values.map((row) => {
    const cell = row[col];
    return cell instanceof Date ? new Date(cell.getTime()) : cell;
  });
}

describe('rows moved since the check read them', () => {
  it('uses the ID column of Participants and Présences, and the first recognised column elsewhere', () => {
    const m = readModel(buildWorkbook({ participants: [participant({ id: 'A-1' })], sessions: [{ date: '2018-03-06' }] }));
    expect(keyColumn(m.participants)).toBe(m.participants.columns.id);
    expect(keyColumn(m.attendance)).toBe(m.attendance.columns.participantId);
    expect(keyColumn(m.sessions)).toBe(Math.min(...(Object.values(m.sessions.columns) as number[])));
  });

  it('sees nothing when the tab is as read, Dates read again included', () => {
    const m = model();
    for (const t of [m.participants, m.sessions]) {
      const col = keyColumn(t)!;
      expect(wholeTableMoved(t, col, columnOf(t.values, col))).toBe(false);
    }
    const ids = ['ID participant', 'A-1', ' a-2 ', 'A-3'];
    expect(attendanceMoved(m.attendanceColumns, ids)).toBe(false);
  });

  it('sees two rows swapped, a row inserted above and rows removed at the end', () => {
    const m = model();
    const col = keyColumn(m.participants)!;
    const now = columnOf(m.participants.values, col);
    const swapped = [now[0], now[2], now[1], now[3]];
    expect(wholeTableMoved(m.participants, col, swapped)).toBe(true);
    expect(wholeTableMoved(m.participants, col, [now[0], '', ...now.slice(1)])).toBe(true);
    expect(wholeTableMoved(m.participants, col, now.slice(0, 2))).toBe(true);
    expect(attendanceMoved(m.attendanceColumns, ['ID participant', 'A-3', ' a-2 ', 'A-1'])).toBe(true);
    expect(attendanceMoved(m.attendanceColumns, ['ID participant', 'A-1', ' a-2 '])).toBe(true);
  });
});
