/** Inputs of the attendance sheet read as the user meant them (mutants of src/core/attendance.ts). */
import { buildAttendanceSheet, parseRequestedDate } from '../../src/core/attendance';
import { validateSaveInput } from '../../src/core/attendance-input';
import { dayFromIso } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

describe('a save from the sidebar', () => {
  it('accepts a status typed with a combining accent (Pre\\u0301sent) as Présent', () => {
    const v = validateSaveInput({ date: '2018-03-05', entries: [{ participantId: 'T-1', status: 'Pre\u0301sent' }] });
    expect(v).toEqual({
      ok: true,
      value: expect.objectContaining({ entries: [expect.objectContaining({ status: 'Présent' })] }),
    });
  });
});

describe('the requested date of the attendance sheet', () => {
  it('is read with surrounding spaces (" 2018-03-05 ")', () => {
    expect(parseRequestedDate(' 2018-03-05 ')).toEqual({ ok: true, value: dayFromIso('2018-03-05') });
  });
});

describe("the day's list", () => {
  it('keeps a person recorded that day with a blank status, even when not expected that day', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'L-1', lastName: 'Lune', entryDate: '2018-04-01' })],
      sessions: [{ date: '2018-03-13' }],
      attendance: [{ date: '2018-03-13', id: 'L-1', status: '' }],
    });
    const sheet = buildAttendanceSheet(readModel(wb), dayFromIso('2018-03-13')!);
    expect(sheet.participants.map((p) => [p.id, p.status])).toEqual([['L-1', null]]);
  });
});
