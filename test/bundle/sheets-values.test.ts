/**
 * SPEC §2.2 "what Sheets does to written values", through the built bundle dist/Code.js on the
 * fake that behaves as Sheets (text parsed as if typed except in plain-text `@` cells, which
 * keep exactly what is written; a Date written into an unformatted cell shown with its time),
 * for a workbook whose ID columns are plain text and for one whose are not.
 */
import * as vm from 'node:vm';
import { participant, participantsTab, dateCell } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { ensureBundleBuilt, LoadedBundle, loadBundle } from '../support/gas-local';

const IDS = ['00101', '00102', '00103', '00104'];
const ATTENDANCE_HEADER = ['Date', 'ID participant', 'Participant', 'Statut'];
const SESSIONS_HEADER = ['Date', 'Thème', 'Animateur', 'Lieu'];

/** `new Date()` and Date.now() in the bundle give `iso` at noon in Paris. */
function fixClock(bundle: LoadedBundle, iso: string): void {
  vm.runInContext(
    `(() => {
      const Real = Date;
      const fixed = Real.parse('${iso}T10:00:00Z');
      function FixedDate(...a) {
        if (!new.target) return Real();
        return a.length === 0 ? new Real(fixed) : new Real(...a);
      }
      FixedDate.prototype = Real.prototype;
      FixedDate.now = () => fixed;
      FixedDate.UTC = Real.UTC;
      FixedDate.parse = Real.parse;
      globalThis.Date = FixedDate;
    })()`,
    bundle.context,
  );
}

function sheetOf(fake: FakeGas, name: string) {
  return fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
}

/** The text Sheets shows in a column, from row 2 down. */
function shown(fake: FakeGas, name: string, col: number): string[] {
  const sheet = sheetOf(fake, name);
  const rows = sheet.getLastRow() - 1;
  return rows < 1 ? [] : (sheet.getRange(2, col, rows, 1).getDisplayValues() as string[][]).map((r) => r[0]);
}

const VARIANTS: [string, boolean][] = [
  ['ID columns formatted as plain text (@)', true],
  ['ordinary ID columns', false],
];

describe.each(VARIANTS)('a workbook with %s', (_name, plainTextIds) => {
  beforeAll(() => ensureBundleBuilt());

  function open(sheets: Record<string, FakeInputCell[][]>, locale?: string): FakeGas {
    return createFakeGas({
      sheets,
      locale,
      columnFormats: plainTextIds ? { Participants: { A: '@' }, Présences: { B: '@' } } : undefined,
    });
  }

  function roster(): FakeInputCell[][] {
    return participantsTab(
      IDS.map((id, i) =>
        participant({ id, lastName: `Fictif${i}`, firstName: 'Camille', entryDate: '2018-03-01', phone: 612345670 + i }),
      ),
    ) as FakeInputCell[][];
  }

  it('saves the same text IDs and days shown as days, and finds what was saved on reopening the day', () => {
    const fake = open({ Participants: roster(), Séances: [SESSIONS_HEADER], Présences: [ATTENDANCE_HEADER] });
    const gas = loadBundle(fake);
    const statuses = ['Présent', 'Absent', 'Excusé', 'Présent'];
    const input = { date: '2018-03-13', theme: 'CV', entries: IDS.map((id, i) => ({ participantId: id, status: statuses[i] })) };
    expect(gas.call('saveAttendance', input)).toMatchObject({ sessionCreated: true, written: 4 });
    expect(
      fake
        .values('Présences')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(IDS);
    expect(shown(fake, 'Présences', 2)).toEqual(IDS);
    expect(shown(fake, 'Présences', 1)).toEqual(Array(4).fill('13/03/2018'));
    expect(shown(fake, 'Séances', 1)).toEqual(['13/03/2018']);
    const sheet = JSON.parse(JSON.stringify(gas.call('getAttendanceSheet', '2018-03-13')));
    const byId = Object.fromEntries(sheet.participants.map((p: { id: string; status: string }) => [p.id, p.status]));
    expect(byId).toEqual(Object.fromEntries(IDS.map((id, i) => [id, statuses[i]])));
    // Saving again adds no duplicate.
    expect(gas.call('saveAttendance', input)).toMatchObject({ written: 0, unchanged: 4 });
    expect(fake.values('Présences')).toHaveLength(5);
  });

  it("finds the statuses of rows an earlier save left as '00101, and saving them again adds nothing", () => {
    const attendance: FakeInputCell[][] = [ATTENDANCE_HEADER];
    IDS.forEach((id, i) => attendance.push([dateCell('2018-03-13'), `'${id}`, `Fictif${i} Camille`, 'Absent']));
    const fake = open({
      Participants: roster(),
      Séances: [SESSIONS_HEADER, [dateCell('2018-03-13'), 'CV', '', '']],
      Présences: attendance,
    });
    const gas = loadBundle(fake);
    const sheet = JSON.parse(JSON.stringify(gas.call('getAttendanceSheet', '2018-03-13')));
    expect(sheet.participants.map((p: { status: string }) => p.status)).toEqual(Array(4).fill('Absent'));
    const input = { date: '2018-03-13', entries: IDS.map((id) => ({ participantId: id, status: 'Absent' })) };
    expect(gas.call('saveAttendance', input)).toMatchObject({ written: 0, unchanged: 4 });
    expect(fake.values('Présences')).toHaveLength(5);
  });

  it('anonymises leaving every other row its values and formulas, IDs as the same text', () => {
    const old = (i: number) => i % 3 === 0;
    const people = Array.from({ length: 8 }, (_, i) =>
      participant({
        id: `0${200 + i}`,
        lastName: `Ancien${i}`,
        firstName: 'Alix',
        birthDate: '2000-01-15',
        entryDate: old(i) ? '2016-03-01' : '2020-03-02',
        phone: 612345678,
        ageAtEntry: '',
        anonymisedOn: '',
      }),
    );
    const attendance: FakeInputCell[][] = [ATTENDANCE_HEADER];
    people.forEach((p, i) =>
      attendance.push([dateCell(old(i) ? '2016-03-08' : '2020-03-10'), p.id as string, `Ancien${i} Alix`, 'Présent']),
    );
    const fake = open({
      Participants: participantsTab(people) as FakeInputCell[][],
      Séances: [SESSIONS_HEADER, [dateCell('2016-03-08'), 'CV', '', ''], [dateCell('2020-03-10'), 'CV', '', '']],
      Présences: attendance,
    });
    const participants = sheetOf(fake, 'Participants');
    const header = fake.values('Participants')[0];
    const ageCol = header.indexOf("Âge à l'entrée") + 1;
    const stampCol = header.indexOf('Anonymisé le') + 1;
    for (let r = 2; r <= 9; r++) participants.getRange(r, ageCol).setFormula(`=DATEDIF(C${r};E${r};"Y")`);
    const before = {
      values: fake.values('Participants'),
      formulas: fake.formulas('Participants'),
      presences: fake.values('Présences'),
    };
    const gas = loadBundle(fake);
    fixClock(gas, '2020-06-15');
    const plan = gas.call('previewAnonymisation');
    expect(plan.ids).toEqual(['0200', '0203', '0206']);
    expect(gas.call('anonymise', { cutoff: plan.cutoff, ids: plan.ids })).toEqual({ anonymised: 3, presencesUpdated: 3 });
    const after = {
      values: fake.values('Participants'),
      formulas: fake.formulas('Participants'),
      presences: fake.values('Présences'),
    };
    for (let i = 0; i < 8; i++) {
      if (old(i)) continue;
      expect(after.values[i + 1]).toEqual(before.values[i + 1]);
      expect(after.formulas[i + 1]).toEqual(before.formulas[i + 1]);
      expect(after.presences[i + 1]).toEqual(before.presences[i + 1]);
    }
    for (let i = 0; i < 8; i += 3) {
      expect(after.values[i + 1][0]).toMatch(/^ANON-\d{4}$/);
      expect(after.values[i + 1][ageCol - 1]).toBe(16);
      expect(after.formulas[i + 1][ageCol - 1]).toBe('');
      expect(after.presences[i + 1][1]).toBe(after.values[i + 1][0]);
    }
    expect(shown(fake, 'Participants', stampCol).filter((s) => s !== '')).toEqual(Array(3).fill('15/06/2020'));
  });

  it('gives a phone stored as a 9-digit number back with its 0 in the attendance list and the Parcours', () => {
    const people = roster();
    const sessions: FakeInputCell[][] = [SESSIONS_HEADER];
    const attendance: FakeInputCell[][] = [ATTENDANCE_HEADER];
    for (const day of ['2018-03-06', '2018-03-13', '2018-03-20']) {
      sessions.push([dateCell(day), 'CV', '', '']);
      attendance.push([dateCell(day), IDS[0], 'Fictif0 Camille', 'Absent']);
    }
    sessions.push([dateCell('2018-03-27'), 'CV', '', '']);
    const fake = open({ Participants: people, Séances: sessions, Présences: attendance });
    const gas = loadBundle(fake);
    const sheet = JSON.parse(JSON.stringify(gas.call('getAttendanceSheet', '2018-03-27')));
    const first = sheet.participants.find((p: { id: string }) => p.id === IDS[0]);
    expect([first.needsFollowUp, first.phone]).toEqual([true, '06 12 34 56 70']);
    const view = JSON.parse(JSON.stringify(gas.call('getParticipantJourney', IDS[1])));
    expect((view.journey ?? view).phone).toBe('06 12 34 56 71');
  });

  it('warns that an en_US workbook reads typed dates month first, and not a fr_FR one', () => {
    for (const [locale, expected] of [
      ['en_US', ['LOCALE_NOT_FRENCH']],
      ['fr_FR', []],
    ] as const) {
      const gas = loadBundle(open({ Participants: roster(), Présences: [ATTENDANCE_HEADER] }, locale));
      const result = gas.call('validateWorkbook');
      expect(result.issues.filter((i: { sheet: string }) => i.sheet === '').map((i: { code: string }) => i.code)).toEqual(
        expected,
      );
    }
  });
});
