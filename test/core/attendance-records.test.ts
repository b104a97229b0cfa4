/**
 * Attendance (SPEC §4): how `Présences` rows are read for the list of a date — a repeated
 * (date, ID) row, and a `Présent` on the date itself as activity.
 */
import { buildAttendanceSheet, isExpectedOn, participantIndex, presenceIndex, statusBook } from '../../src/core/attendance';
import { dayFromIso } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const day = (iso: string): number => dayFromIso(iso)!;

describe('a (date, ID) recorded on several Présences rows', () => {
  function statusOf(rows: string[]): string | null {
    const model = readModel(
      buildWorkbook({
        participants: [participant({ id: 'R1', entryDate: '2018-03-01' })],
        attendance: rows.map((status) => ({ date: '2018-03-13', id: 'R1', status })),
      }),
    );
    return buildAttendanceSheet(model, day('2018-03-13')).participants.find((p) => p.id === 'R1')!.status;
  }

  it('shows the status of the last row', () => {
    expect(statusOf(['Absent', 'Présent'])).toBe('Présent');
    expect(statusOf(['Présent', 'Excusé'])).toBe('Excusé');
  });

  it('skips an unreadable or blank status on a later row', () => {
    expect(statusOf(['Absent', 'peut-être'])).toBe('Absent');
    expect(statusOf(['Excusé', ''])).toBe('Excusé');
  });
});

describe('activity within six calendar months (SPEC §4: a Présent from D minus 6 months up to D)', () => {
  /** An early entrant with a single Présent on `presentOn`: expected on 2018-09-11? */
  function expectedWithPresenceOn(presentOn: string): boolean {
    const model = readModel(
      buildWorkbook({
        participants: [participant({ id: 'E1', entryDate: '2017-03-07' })],
        attendance: [{ date: presentOn, id: 'E1', status: 'Présent' }],
      }),
    );
    const p = participantIndex(model.participantRecords).get('e1')!;
    return isExpectedOn(p, day('2018-09-11'), presenceIndex(statusBook(model)));
  }

  it('counts a Présent on D itself and on D minus 6 months, not the day before', () => {
    expect([
      expectedWithPresenceOn('2018-09-11'),
      expectedWithPresenceOn('2018-03-11'),
      expectedWithPresenceOn('2018-03-10'),
    ]).toEqual([true, true, false]);
  });

  it('does not count a Présent after D', () => {
    expect(expectedWithPresenceOn('2018-09-12')).toBe(false);
  });
});
