/** "Qualité des données" (SPEC §6): the year's Présences rows the attendance could not count. */
import { attendanceQuality, dataQuality } from '../../src/core/data-quality';
import { computeYearFigures } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

describe('attendanceQuality', () => {
  const wb = () =>
    buildWorkbook({
      participants: [participant({ id: 'A-1', entryDate: '2018-03-01' }), participant({ id: 'A-2', entryDate: '2018-03-01' })],
      sessions: [{ date: '2018-03-06' }],
      attendance: [
        { date: '2018-03-06', id: 'A-1', status: 'Présent' },
        { date: '2018-03-06', id: 'Z-1', status: 'Présent' }, // unknown ID
        { date: '2018-03-06', id: '', status: 'Présent' }, // blank ID
        { date: '2018-03-06', id: 'A-2', status: 'peut-être' }, // unknown status
        { date: '2018-03-06', id: 'Z-1', status: 'rien' }, // unknown ID first: counted once
        { date: '3 mars', id: 'A-2', status: 'Présent' }, // unreadable date
        { date: '', id: 'A-2', status: 'Absent' }, // blank date
        { date: '2017-03-07', id: 'Z-1', status: 'Présent' }, // another year
      ],
    });

  it('counts each row once, by its first reason, within the year', () => {
    expect(attendanceQuality(readModel(wb()), 2018)).toEqual({ unknownId: 3, unknownStatus: 1, unreadableDate: 2 });
    expect(attendanceQuality(readModel(wb()), 2017)).toEqual({ unknownId: 1, unknownStatus: 0, unreadableDate: 2 });
  });

  it('adds up with the marks counted to every row dated in the year', () => {
    const model = readModel(wb());
    const { indicators } = computeYearFigures(model, 2018);
    const q = dataQuality(model, indicators);
    const a = indicators.attendance;
    expect(a.presences + a.absences + a.excused + q.attendance.unknownId + q.attendance.unknownStatus).toBe(5); // the rows dated 2018
  });
});
