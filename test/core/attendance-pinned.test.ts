/**
 * Attendance (SPEC §2.1, §4): what the attendance module alone decides, pinned at its level —
 * the first `Séances` row of a date is that date's session, the two "à relancer" reasons told
 * apart, and the latest `Présences` date as the default date.
 */
import {
  buildAttendanceSheet,
  defaultAttendanceDay,
  followUpOf,
  participantIndex,
  sessionOn,
  statusBook,
} from '../../src/core/attendance';
import { validateSaveInput } from '../../src/core/attendance-input';
import { planSave } from '../../src/core/attendance-plan';
import { dayFromIso, isoOfDay } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { ATTENDANCE_TEXT } from '../../src/i18n/fr/attendance';
import { buildWorkbook, participant } from '../support/builders';

const day = (iso: string): number => dayFromIso(iso)!;

function model(input: Parameters<typeof buildWorkbook>[0]) {
  return readModel(buildWorkbook(input));
}

describe("a date with several Séances rows: the first row is that date's session (SPEC §2.1)", () => {
  const sessions = [
    { date: '2018-03-06', theme: 'Validation du projet', facilitator: 'Nadia', place: 'Villejuif' },
    { date: '2018-03-13', theme: 'CV', facilitator: 'Nadia', place: 'Cachan' },
    { date: '2018-03-13', theme: 'Bilan', facilitator: 'Omar', place: 'Gentilly' },
    { date: '2018-03-13', theme: 'Lettre de motivation', facilitator: 'Inès', place: 'Arcueil' },
  ];

  it('sessionOn gives the first row of the date in sheet order', () => {
    expect(sessionOn(model({ sessions }), day('2018-03-13'))).toEqual({ theme: 'CV', facilitator: 'Nadia', place: 'Cachan' });
  });

  it('the attendance list of the date shows that first row', () => {
    const sheet = buildAttendanceSheet(model({ sessions }), day('2018-03-13'));
    expect(sheet.session).toEqual({ theme: 'CV', facilitator: 'Nadia', place: 'Cachan' });
  });

  it('a save updates that first row and leaves the later rows of the date alone', () => {
    const m = model({ participants: [participant({ id: 'S1', entryDate: '2018-03-01' })], sessions });
    const save = validateSaveInput({ date: '2018-03-13', theme: "Simulation d'entretien", entries: [] });
    if (!save.ok) throw new Error(save.message);
    const plan = planSave(m, save.value, participantIndex(m.participantRecords));
    if (!plan.ok) throw new Error(plan.message);
    const onSessions = plan.value.ops.filter((op) => 'sheet' in op && op.sheet === 'Séances');
    expect(onSessions).toEqual([{ kind: 'write', sheet: 'Séances', row: 3, col: 2, values: [["Simulation d'entretien"]] }]);
    expect([plan.value.sessionCreated, plan.value.sessionUpdated]).toEqual([false, true]);
  });

  it("a save with the first row's own theme changes nothing, whatever the later rows say", () => {
    const m = model({ participants: [participant({ id: 'S1', entryDate: '2018-03-01' })], sessions });
    const save = validateSaveInput({ date: '2018-03-13', theme: 'CV', facilitator: 'Nadia', place: 'Cachan', entries: [] });
    if (!save.ok) throw new Error(save.message);
    const plan = planSave(m, save.value, participantIndex(m.participantRecords));
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.ops.filter((op) => 'sheet' in op && op.sheet === 'Séances')).toEqual([]);
    expect(plan.value.sessionUpdated).toBe(false);
  });
});

describe('the two "à relancer" reasons (SPEC §4), from followUpOf', () => {
  const dates = ['2018-03-06', '2018-03-13', '2018-03-20', '2018-03-27'];
  /** F1's statuses at the four sessions (null = not recorded); F2 is present at every one. */
  function followUp(statuses: (string | null)[], on = '2018-04-03') {
    const attendance = [
      ...dates.flatMap((date, i) => (statuses[i] ? [{ date, id: 'F1', status: statuses[i]! }] : [])),
      ...dates.map((date) => ({ date, id: 'F2', status: 'Présent' })),
    ];
    const m = model({
      participants: [participant({ id: 'F1', entryDate: '2018-03-01' }), participant({ id: 'F2', entryDate: '2018-03-01' })],
      attendance,
    });
    const past = dates
      .map(day)
      .filter((d) => d < day(on))
      .sort((a, b) => b - a);
    return followUpOf(participantIndex(m.participantRecords).get('f1')!, past, statusBook(m));
  }

  it('are two different texts', () => {
    expect(ATTENDANCE_TEXT.followUpThreeAbsences).not.toBe(ATTENDANCE_TEXT.followUpNoPresence);
  });

  it('says three absences when the last three sessions are all recorded Absent', () => {
    expect(followUp([null, 'Absent', 'Absent', 'Absent'])).toEqual({
      needsFollowUp: true,
      reason: ATTENDANCE_TEXT.followUpThreeAbsences,
    });
  });

  it('still says three absences after four, and when an older session was Présent', () => {
    expect(followUp(['Absent', 'Absent', 'Absent', 'Absent']).reason).toBe(ATTENDANCE_TEXT.followUpThreeAbsences);
    expect(followUp(['Présent', 'Absent', 'Absent', 'Absent']).reason).toBe(ATTENDANCE_TEXT.followUpThreeAbsences);
  });

  it('says no presence when one of the three is Excusé', () => {
    expect(followUp([null, 'Absent', 'Excusé', 'Absent'])).toEqual({
      needsFollowUp: true,
      reason: ATTENDANCE_TEXT.followUpNoPresence,
    });
  });

  it('says no presence when one of the three was expected but not recorded', () => {
    expect(followUp([null, 'Absent', null, 'Absent'])).toEqual({
      needsFollowUp: true,
      reason: ATTENDANCE_TEXT.followUpNoPresence,
    });
  });

  it('says no presence when nothing was recorded at the three', () => {
    expect(followUp([null, null, null, null]).reason).toBe(ATTENDANCE_TEXT.followUpNoPresence);
  });

  it('flags nobody present at one of the last three, even the oldest of them', () => {
    expect(followUp([null, 'Présent', 'Absent', 'Absent'])).toEqual({ needsFollowUp: false, reason: null });
    expect(followUp([null, 'Absent', 'Absent', 'Présent'])).toEqual({ needsFollowUp: false, reason: null });
  });

  it('flags nobody with only two past sessions', () => {
    expect(followUp(['Absent', 'Absent', null, null], '2018-03-20')).toEqual({ needsFollowUp: false, reason: null });
  });

  it('gives the reason in the attendance list too', () => {
    const m = model({
      participants: [participant({ id: 'F1', entryDate: '2018-03-01' }), participant({ id: 'F2', entryDate: '2018-03-01' })],
      attendance: [
        ...dates.slice(1).map((date) => ({ date, id: 'F1', status: 'Absent' })),
        ...dates.map((date) => ({ date, id: 'F2', status: 'Présent' })),
      ],
    });
    const f1 = buildAttendanceSheet(m, day('2018-04-03')).participants.find((p) => p.id === 'F1')!;
    expect([f1.needsFollowUp, f1.followUpReason]).toEqual([true, ATTENDANCE_TEXT.followUpThreeAbsences]);
  });
});

describe('the latest Présences date as the default date (SPEC §4)', () => {
  const people = [participant({ id: 'D1', entryDate: '2018-03-01' })];

  it('is the latest date with Présences rows on or before today, out of season, whatever the order of the rows', () => {
    const m = model({
      participants: people,
      attendance: [
        { date: '2018-10-23', id: 'D1', status: 'Présent' },
        { date: '2018-10-30', id: 'D1', status: 'Absent' },
        { date: '2018-10-16', id: 'D1', status: 'Présent' },
      ],
    });
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-12-11')))).toBe('2018-10-30');
  });

  it('wins over an earlier Séances date, and a later Séances date wins over it', () => {
    const attendance = [{ date: '2018-10-30', id: 'D1', status: 'Présent' }];
    expect(
      isoOfDay(
        defaultAttendanceDay(model({ participants: people, sessions: [{ date: '2018-10-23' }], attendance }), day('2018-12-11')),
      ),
    ).toBe('2018-10-30');
    expect(
      isoOfDay(
        defaultAttendanceDay(model({ participants: people, sessions: [{ date: '2018-11-06' }], attendance }), day('2018-12-11')),
      ),
    ).toBe('2018-11-06');
  });

  it('is today when today has Présences rows but no Séances row, out of season', () => {
    const m = model({ participants: people, attendance: [{ date: '2018-12-11', id: 'D1', status: 'Présent' }] });
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-12-11')))).toBe('2018-12-11');
  });

  it('is the nearest upcoming date when every session is after today', () => {
    const m = model({
      participants: people,
      sessions: [{ date: '2019-03-12' }],
      attendance: [
        { date: '2019-03-19', id: 'D1', status: 'Présent' },
        { date: '2019-03-05', id: 'D1', status: 'Présent' },
      ],
    });
    expect(isoOfDay(defaultAttendanceDay(m, day('2019-01-15')))).toBe('2019-03-05');
  });
});
