/**
 * Attendance on the counting fake of the Apps Script services: through the real adapter
 * (AppsScriptWorkbook / AppsScriptLock) and through the built bundle dist/Code.js.
 */
import type { Services } from '../../src/app/ports';
import { DateCellReader, dayFromIso, isoOfDay } from '../../src/core/days';
import type { CellValue } from '../../src/core/values';
import { getAttendanceSheet, saveAttendance } from '../../src/app/attendance';
import { dateCell, participant, participantsTab, TZ } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { withFakeServices } from '../support/fake-services';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

const reader = new DateCellReader(TZ);
/** Date cells → 'YYYY-MM-DD' (Dates may come from the bundle's own realm). */
const isDate = (c: unknown): c is Date => Object.prototype.toString.call(c) === '[object Date]';
const plain = (rows: CellValue[][]) =>
  rows.map((r) => r.map((c) => (isDate(c) ? isoOfDay(reader.dayOf(new Date(c.getTime()))!) : c)));

function withFake<T>(fake: FakeGas, todayIso: string, run: (services: Services) => T): T {
  return withFakeServices(fake, { today: todayIso, now: '2018-03-13T10:00:00Z' }, run);
}

const ATTENDANCE_HEADER = ['Date', 'ID participant', 'Participant', 'Statut'];
const SESSIONS_HEADER = ['Date', 'Thème', 'Animateur', 'Lieu'];

describe('formula-like text through the Apps Script adapter', () => {
  it('is stored as text, never as a formula, and read back unchanged', () => {
    const fake = createFakeGas({
      sheets: {
        Participants: participantsTab([
          participant({ id: 'F-1', lastName: '=IMPORTXML("http://x.test")', firstName: '@moi', entryDate: '2018-03-01' }),
          participant({ id: '-12', lastName: 'Petit', firstName: 'Jade', entryDate: '2018-03-01' }),
        ]) as FakeInputCell[][],
        Séances: [SESSIONS_HEADER],
        Présences: [ATTENDANCE_HEADER],
      },
    });
    const theme = '=HYPERLINK("http://x.test";"clic")';
    withFake(fake, '2018-03-13', (services) => {
      saveAttendance(services, {
        date: '2018-03-13',
        theme,
        facilitator: '+33 6 00 00 00 00',
        place: '-Salle 2',
        entries: [
          { participantId: 'F-1', status: 'Présent' },
          { participantId: '-12', status: 'Absent' },
        ],
      });
    });
    for (const [sheet, row, col] of [
      ['Séances', 2, 2],
      ['Séances', 2, 3],
      ['Séances', 2, 4],
      ['Présences', 2, 3],
      ['Présences', 3, 2],
    ] as const) {
      expect(fake.formula(sheet, row, col)).toBe('');
    }
    expect(plain(fake.values('Séances') as CellValue[][])[1]).toEqual(['2018-03-13', theme, '+33 6 00 00 00 00', '-Salle 2']);
    expect(plain(fake.values('Présences') as CellValue[][]).slice(1)).toEqual([
      ['2018-03-13', 'F-1', '=IMPORTXML("http://x.test") @moi', 'Présent'],
      ['2018-03-13', '-12', 'Petit Jade', 'Absent'],
    ]);
    const sheet = withFake(fake, '2018-03-13', (services) => getAttendanceSheet(services, '2018-03-13'));
    expect(sheet.session).toEqual({ theme, facilitator: '+33 6 00 00 00 00', place: '-Salle 2' });
    expect(sheet.participants.map((p) => [p.id, p.name, p.status])).toEqual([
      ['F-1', '=IMPORTXML("http://x.test") @moi', 'Présent'],
      ['-12', 'Petit Jade', 'Absent'],
    ]);
    expect(sheet.themes).toContain(theme);
  });
});

describe('service calls do not grow with the number of participants', () => {
  /** n participants, 10 past sessions recorded for everyone, half of them already recorded on the day. */
  function workbook(n: number): FakeGas {
    const people = Array.from({ length: n }, (_, i) =>
      participant({ id: `N-${i}`, lastName: `Nom${i}`, firstName: 'Test', entryDate: '2018-01-08' }),
    );
    const past = Array.from({ length: 10 }, (_, w) => dateCell(isoOfDay(dayFromIso('2018-01-09')! + 7 * w)));
    const attendance: FakeInputCell[][] = [ATTENDANCE_HEADER];
    for (const d of past)
      for (let i = 0; i < n; i++) attendance.push([d, `N-${i}`, `Nom${i} Test`, i % 3 ? 'Présent' : 'Absent']);
    const day = dateCell('2018-03-20');
    for (let i = 0; i < Math.min(n, 1000) / 2; i++) attendance.push([day, `N-${i}`, `Nom${i} Test`, 'Absent']);
    return createFakeGas({
      sheets: {
        Participants: participantsTab(people) as FakeInputCell[][],
        Séances: [SESSIONS_HEADER, ...past.map((d) => [d, 'CV', 'Nadia', 'Salle 1']), [day, 'Bilan', '', '']],
        Présences: attendance,
        Paramètres: [
          ['Année', 'Places prévues'],
          [2018, 55],
        ],
      },
    });
  }

  function measure(n: number) {
    const fake = workbook(n);
    const entries = Array.from({ length: Math.min(n, 1000) }, (_, i) => ({
      participantId: `N-${i}`,
      status: 'Présent' as const,
    }));
    return withFake(fake, '2018-03-20', (services) => {
      fake.resetCalls();
      const sheet = getAttendanceSheet(services, '2018-03-20');
      const open = fake.snapshotCalls();
      fake.resetCalls();
      const result = saveAttendance(services, { date: '2018-03-20', theme: "Simulation d'entretien", entries });
      const save = fake.snapshotCalls();
      return { open, save, sheet, result, fake };
    });
  }

  it('same calls for 100 and 10 000 participants, to open and to save', () => {
    const small = measure(100);
    const large = measure(10_000);
    expect(small.sheet.participants).toHaveLength(100);
    expect(large.sheet.participants).toHaveLength(10_000);
    expect(small.result).toEqual({ date: '2018-03-20', sessionCreated: false, sessionUpdated: true, written: 100, unchanged: 0 });
    expect(large.result).toEqual({
      date: '2018-03-20',
      sessionCreated: false,
      sessionUpdated: true,
      written: 1000,
      unchanged: 0,
    });
    expect(large.open).toEqual(small.open);
    expect(large.save).toEqual(small.save);
    // One batch read per tab to open; to save, Paramètres is not even read.
    expect(small.open['Range.getValues']).toBe(4);
    expect(small.save['Range.getValues']).toBe(3);
    expect(small.save['Range.setValues']).toBeLessThanOrEqual(3);
    expect(small.save['SpreadsheetApp.flush']).toBe(1);
    expect(small.save['Lock.tryLock']).toBe(1);
    expect(small.save['Lock.releaseLock']).toBe(1);
    // The saved state: every entry exactly once on the day.
    const rows = plain(large.fake.values('Présences') as CellValue[][]).filter((r) => r[0] === '2018-03-20');
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r[1])).size).toBe(1000);
    expect(rows.every((r) => r[3] === 'Présent')).toBe(true);
  });
});

describe('the built bundle (dist/Code.js) on the fake services', () => {
  beforeAll(() => ensureBundleBuilt());

  function bundleFake(extra: Record<string, FakeInputCell[][]> = {}) {
    return createFakeGas({
      sheets: {
        Participants: participantsTab([
          participant({ id: 'B-1', lastName: 'Roux', firstName: 'Maël', entryDate: '2018-03-01' }),
          participant({ id: 'B-2', lastName: 'Abadie', firstName: 'Zoé', entryDate: '2018-03-01' }),
        ]) as FakeInputCell[][],
        ...extra,
      },
    });
  }

  it('saves, creates the missing tabs and shows the saved state on re-opening', () => {
    const fake = bundleFake();
    const gas = loadBundle(fake);
    const input = {
      date: '2018-03-13',
      theme: 'CV',
      entries: [
        { participantId: 'B-1', status: 'Présent' },
        { participantId: 'b-2', status: 'Excusé' },
      ],
    };
    expect(gas.call('saveAttendance', input)).toEqual({
      date: '2018-03-13',
      sessionCreated: true,
      sessionUpdated: false,
      written: 2,
      unchanged: 0,
    });
    expect(gas.call('saveAttendance', input)).toEqual({
      date: '2018-03-13',
      sessionCreated: false,
      sessionUpdated: false,
      written: 0,
      unchanged: 2,
    });
    expect(plain(fake.values('Présences') as CellValue[][])).toEqual([
      ['Date', 'ID participant', 'Participant', 'Statut'],
      ['2018-03-13', 'B-1', 'Roux Maël', 'Présent'],
      ['2018-03-13', 'B-2', 'Abadie Zoé', 'Excusé'],
    ]);
    const sheet = gas.call('getAttendanceSheet', '2018-03-13');
    expect(JSON.parse(JSON.stringify(sheet))).toMatchObject({
      date: '2018-03-13',
      session: { theme: 'CV', facilitator: '', place: '' },
      participants: [
        { id: 'B-2', name: 'Abadie Zoé', status: 'Excusé' },
        { id: 'B-1', name: 'Roux Maël', status: 'Présent' },
      ],
    });
    expect(fake.lock.acquired).toBe(2);
    expect(fake.lock.released).toBe(2);
    expect(fake.lock.waits).toEqual([10_000, 10_000]);
  });

  it.each([
    ['an impossible date', { date: '2018-02-30', entries: [] }, /n'est pas valide/],
    ['an unknown status', { date: '2018-03-13', entries: [{ participantId: 'B-1', status: 'Retard' }] }, /inconnu/],
    ['an unknown participant', { date: '2018-03-13', entries: [{ participantId: 'B-9', status: 'Présent' }] }, /n'existe pas/],
    [
      'a repeated participant',
      {
        date: '2018-03-13',
        entries: [
          { participantId: 'B-1', status: 'Présent' },
          { participantId: 'B-1 ', status: 'Absent' },
        ],
      },
      /plusieurs fois/,
    ],
    [
      'more than 1 000 entries',
      { date: '2018-03-13', entries: Array.from({ length: 1001 }, () => ({ participantId: 'B-1', status: 'Présent' })) },
      /maximum/,
    ],
  ])('rejects %s and writes nothing', (_label, input, message) => {
    const fake = bundleFake({ Séances: [SESSIONS_HEADER], Présences: [ATTENDANCE_HEADER] });
    const before = JSON.stringify(fake.sheetNames().map((n) => fake.values(n)));
    const gas = loadBundle(fake);
    fake.resetCalls();
    let message_ = '';
    try {
      gas.call('saveAttendance', input);
    } catch (e) {
      message_ = String((e as Error).message);
    }
    expect(message_).toMatch(message);
    expect(message_).toMatch(/Rien n'a été enregistré/);
    expect(JSON.stringify(fake.sheetNames().map((n) => fake.values(n)))).toBe(before);
    expect(fake.count('Range.setValues')).toBe(0);
    expect(fake.count('Spreadsheet.insertSheet')).toBe(0);
    expect(fake.lock.held).toBe(false);
  });

  it('says another save is in progress when the lock is held elsewhere', () => {
    const fake = bundleFake({ Séances: [SESSIONS_HEADER], Présences: [ATTENDANCE_HEADER] });
    fake.lock.busy = true;
    const gas = loadBundle(fake);
    expect(() =>
      gas.call('saveAttendance', { date: '2018-03-13', entries: [{ participantId: 'B-1', status: 'Présent' }] }),
    ).toThrow(/un autre enregistrement est en cours, réessayez/);
    expect(fake.count('Range.setValues')).toBe(0);
  });

  it('refuses an invalid date in getAttendanceSheet and opens the default date on an empty one', () => {
    const fake = bundleFake({ Séances: [SESSIONS_HEADER, [dateCell('2018-03-13'), 'CV', '', '']] });
    const gas = loadBundle(fake);
    expect(() => gas.call('getAttendanceSheet', '31/02/2018')).toThrow(/n'est pas valide/);
    const sheet = gas.call('getAttendanceSheet', '');
    expect(sheet.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
