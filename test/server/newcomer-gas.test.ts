/**
 * "Nouveau jeune" (addParticipant), the "Suivi" call list (getFollowUpList) and the weekday
 * warning through the built bundle dist/Code.js, on the counting fake of the Apps Script
 * services (it parses written text as Sheets does: a leading apostrophe keeps text as text).
 */
import { DateCellReader, isoOfDay, todayIn } from '../../src/core/days';
import type { CellValue } from '../../src/core/values';
import { participant, participantsTab, TZ } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

const reader = new DateCellReader(TZ);
const isDate = (c: unknown): c is Date => Object.prototype.toString.call(c) === '[object Date]';
const plainRows = (rows: CellValue[][]) =>
  rows.map((r) => r.map((c) => (isDate(c) ? isoOfDay(reader.dayOf(new Date(c.getTime()))!) : c)));
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const COLUMNS = [
  'id',
  'lastName',
  'firstName',
  'sex',
  'birthDate',
  'commune',
  'postcode',
  'entryDate',
  'phone',
  'email',
] as const;

/** People numbered P2018-0001 … P2018-n (the last one P2018-0107 when n = 107), in sheet order. */
function workbook(n = 107, extra: ReturnType<typeof participant>[] = []): FakeGas {
  const people = Array.from({ length: n }, (_, i) =>
    participant({
      id: `P2018-${String(i + 1).padStart(4, '0')}`,
      lastName: `Nom${i + 1}`,
      firstName: 'Test',
      entryDate: '2018-03-05',
      phone: '',
      email: '',
    }),
  );
  return createFakeGas({
    sheets: {
      Participants: participantsTab([...people, ...extra], [...COLUMNS]) as FakeInputCell[][],
      Séances: [['Date', 'Thème']],
      Présences: [['Date', 'ID participant', 'Participant', 'Statut']],
    },
  });
}

const NEWCOMER = {
  date: '2018-10-23',
  lastName: 'Lambert',
  firstName: 'Chloé',
  birthDate: '2001-05-04',
  commune: 'cachan',
  sex: 'F',
  postcode: '94230',
  phone: '0612345678',
  email: 'chloe.lambert@exemple.fr',
};

function failure(run: () => unknown): { message: string; code: unknown } {
  try {
    run();
  } catch (e) {
    return { message: String((e as Error).message), code: (e as { cause?: { code?: unknown } }).cause?.code };
  }
  throw new Error('expected a refusal');
}

beforeAll(() => ensureBundleBuilt());

describe('addParticipant in dist/Code.js', () => {
  it("appends one row with the team's next ID, canonical values, text kept as text and days as days", () => {
    const fake = workbook();
    const gas = loadBundle(fake);
    fake.resetCalls();
    const result = plain(gas.call('addParticipant', NEWCOMER));
    expect(result).toEqual({ id: 'P2018-0108', name: 'Lambert Chloé', row: 109, warnings: [] });
    const rows = plainRows(fake.values('Participants') as CellValue[][]);
    expect(rows).toHaveLength(109);
    expect(rows[108]).toEqual([
      'P2018-0108',
      'Lambert',
      'Chloé',
      'F',
      '2001-05-04',
      'Cachan',
      '94230',
      '2018-10-23',
      '0612345678',
      'chloe.lambert@exemple.fr',
    ]);
    expect(fake.lock.acquired).toBe(1);
    expect(fake.lock.released).toBe(1);
    // The person is then expected on the day.
    const sheet = plain(gas.call('getAttendanceSheet', '2018-10-23'));
    expect(sheet.participants.map((p: { id: string }) => p.id)).toContain('P2018-0108');
  });

  it('returns the warnings of the checks with the new row', () => {
    const fake = workbook(3);
    const gas = loadBundle(fake);
    const result = plain(gas.call('addParticipant', { ...NEWCOMER, commune: 'Paris', postcode: '', birthDate: '1990-01-10' }));
    expect(result.warnings.map((w: { code: string; row: number; severity: string }) => [w.code, w.row, w.severity])).toEqual([
      ['AGE_OUT_OF_RANGE', 5, 'warning'],
      ['COMMUNE_OUTSIDE_TERRITORY', 5, 'warning'],
    ]);
    expect(fake.values('Participants')).toHaveLength(5);
  });

  it('refuses a probable duplicate, naming the ID and the row already there', () => {
    const fake = workbook(5, [
      participant({ id: 'P2018-0006', lastName: 'LAMBERT', firstName: 'chloe', birthDate: '2001-05-04' }),
    ]);
    const before = JSON.stringify(fake.values('Participants'));
    const gas = loadBundle(fake);
    fake.resetCalls();
    const refused = failure(() => gas.call('addParticipant', NEWCOMER));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('P2018-0006');
    expect(refused.message).toContain('ligne 7');
    expect(JSON.stringify(fake.values('Participants'))).toBe(before);
    expect(fake.count('Range.setValues')).toBe(0);
    expect(fake.lock.held).toBe(false);
  });

  it.each([
    ['an implausible age', { birthDate: '2012-05-04' }],
    ['a missing name', { lastName: '  ' }],
    ['a missing first name', { firstName: '' }],
    ['a day after today', { date: '2099-01-06' }],
    ['a birth date after today', { birthDate: '2099-01-06' }],
    ['an impossible birth date', { birthDate: '2001-02-30' }],
    ['a birth date written JJ/MM/AAAA', { birthDate: '04/05/2001' }],
    ['a birth date not in AAAA-MM-JJ', { birthDate: '2001-5-4' }],
    ['a birth date with a time', { birthDate: '2001-05-04T00:00:00Z' }],
    ['a session date written JJ/MM/AAAA', { date: '23/10/2018' }],
    ['an unknown sex', { sex: 'Z' }],
    ['an impossible session date', { date: '2018-02-30' }],
  ])('refuses %s with a French message and writes nothing', (_label, change) => {
    const fake = workbook(5);
    const before = JSON.stringify(fake.values('Participants'));
    const gas = loadBundle(fake);
    fake.resetCalls();
    const refused = failure(() => gas.call('addParticipant', { ...NEWCOMER, ...change }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/Personne n'a été ajouté\.$/);
    expect(JSON.stringify(fake.values('Participants'))).toBe(before);
    expect(fake.count('Range.setValues')).toBe(0);
    expect(fake.lock.held).toBe(false);
  });

  it('refuses a birth date that is not AAAA-MM-JJ even when the person is already there (never written as text)', () => {
    const fake = workbook(5, [
      participant({ id: 'P2018-0006', lastName: 'LAMBERT', firstName: 'chloe', birthDate: '2001-05-04' }),
    ]);
    const before = JSON.stringify(fake.values('Participants'));
    const gas = loadBundle(fake);
    fake.resetCalls();
    const refused = failure(() => gas.call('addParticipant', { ...NEWCOMER, birthDate: '04/05/2001' }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(fake.values('Participants'))).toBe(before);
    expect(fake.count('Range.setValues')).toBe(0);
    expect(fake.lock.acquired).toBe(0);
  });

  it('stores a formula-like name as text, never as a formula', () => {
    const fake = workbook(2);
    const gas = loadBundle(fake);
    const name = '=HYPERLINK("http://x.test";"clic")';
    const result = plain(gas.call('addParticipant', { ...NEWCOMER, lastName: name, firstName: '+Léa' }));
    expect(result.row).toBe(4);
    expect(fake.formula('Participants', 4, 2)).toBe('');
    expect(fake.formula('Participants', 4, 3)).toBe('');
    expect(plainRows(fake.values('Participants') as CellValue[][])[3].slice(0, 3)).toEqual(['P2018-0003', name, '+Léa']);
  });

  it('makes the same service calls for 1 000 and 3 000 participants', () => {
    const measure = (n: number) => {
      const fake = workbook(n);
      const gas = loadBundle(fake);
      fake.resetCalls();
      const result = plain(gas.call('addParticipant', NEWCOMER));
      return { calls: fake.snapshotCalls(), result };
    };
    const small = measure(1000);
    const large = measure(3000);
    expect(small.result.id).toBe('P2018-1001');
    expect(large.result.id).toBe('P2018-3001');
    expect(large.calls).toEqual(small.calls);
    expect(small.calls['Range.setValues']).toBe(1);
    expect(small.calls['Lock.tryLock']).toBe(1);
  });
});

describe('getFollowUpList in dist/Code.js', () => {
  it('lists the people to call today, in one read per tab, with their contacts', () => {
    const today = todayIn(TZ);
    const iso = (daysAgo: number) => isoOfDay(today - daysAgo);
    const sessions = [28, 21, 14, 7].map(iso);
    const fake = createFakeGas({
      sheets: {
        Participants: participantsTab(
          [
            participant({
              id: 'S-1',
              lastName: 'Lambert',
              firstName: 'Chloé',
              entryDate: iso(35),
              phone: '06 12 34 56 78',
              email: 'c@exemple.fr',
            }),
            participant({ id: 'S-2', lastName: 'Benali', firstName: 'Yanis', entryDate: iso(35), phone: '', email: '' }),
          ],
          [...COLUMNS],
        ) as FakeInputCell[][],
        Séances: [
          ['Date', 'Thème'],
          ...sessions.map((d) => [participantsTab([participant({ entryDate: d })], ['entryDate'])[1][0], 'CV']),
        ] as FakeInputCell[][],
        Présences: [
          ['Date', 'ID participant', 'Participant', 'Statut'],
          ...sessions.flatMap((d, i) => {
            const cell = participantsTab([participant({ entryDate: d })], ['entryDate'])[1][0];
            return [
              [cell, 'S-1', 'Lambert Chloé', i === 0 ? 'Présent' : 'Absent'],
              [cell, 'S-2', 'Benali Yanis', 'Présent'],
            ];
          }),
        ] as FakeInputCell[][],
      },
    });
    const gas = loadBundle(fake);
    fake.resetCalls();
    const list = plain(gas.call('getFollowUpList'));
    expect(list).toEqual({
      date: isoOfDay(today),
      people: [
        {
          id: 'S-1',
          name: 'Lambert Chloé',
          reason: 'Absent aux trois dernières séances',
          lastPresence: sessions[0],
          phone: '06 12 34 56 78',
          email: 'c@exemple.fr',
        },
      ],
    });
    expect(fake.count('Range.getValues')).toBe(2);
    expect(fake.count('Range.setValues')).toBe(0);
  });
});

describe('the weekday warning in dist/Code.js', () => {
  const tuesdays = ['2018-10-02', '2018-10-09', '2018-10-16', '2018-10-23'];
  function fakeWithSessions(dates: string[]): FakeGas {
    const dateCells = participantsTab(
      dates.map((d) => participant({ entryDate: d })),
      ['entryDate'],
    )
      .slice(1)
      .map((r) => r[0]);
    return createFakeGas({
      sheets: {
        Participants: participantsTab([participant({ id: 'W-1', entryDate: '2018-03-05' })]) as FakeInputCell[][],
        Séances: [['Date', 'Thème'], ...dateCells.map((c) => [c, 'CV'])] as FakeInputCell[][],
        Présences: [['Date', 'ID participant', 'Participant', 'Statut']],
      },
    });
  }

  it('getAttendanceSheet says a new session on a Wednesday is unusual, not one on a Tuesday', () => {
    const gas = loadBundle(fakeWithSessions(tuesdays));
    expect(plain(gas.call('getAttendanceSheet', '2018-10-24')).unusualWeekday).toBe(true);
    expect(plain(gas.call('getAttendanceSheet', '2018-10-30')).unusualWeekday).toBe(false);
    expect(plain(gas.call('getAttendanceSheet', '2018-10-23')).unusualWeekday).toBe(false);
  });

  it('validateWorkbook warns on the session of an unusual weekday, naming both weekdays', () => {
    const gas = loadBundle(fakeWithSessions([...tuesdays, '2018-10-24']));
    const result = plain(gas.call('validateWorkbook'));
    const found = result.issues.filter((i: { code: string }) => i.code === 'SESSION_UNUSUAL_WEEKDAY');
    expect(found.map((i: { row: number; severity: string }) => [i.row, i.severity])).toEqual([[6, 'warning']]);
    expect(found[0].message).toMatch(/mercredi 24 octobre 2018.*le mardi/);
  });
});
