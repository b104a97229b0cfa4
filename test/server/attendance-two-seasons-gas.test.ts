/**
 * Issue 10 through the built bundle dist/Code.js (gas-local, counting fake of the Apps Script
 * services): the list of a late-season day on two seasons of data holds the current group only;
 * future dates are refused; a tab created by a save leaves the user on their sheet.
 */
import { DateCellReader, isoOfDay } from '../../src/core/days';
import { TWO_SEASON_GROUPS as G, participant, participantsTab, twoSeasonWorkbook } from '../support/builders';
import { createFakeGas, FakeInputCell } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

beforeAll(() => ensureBundleBuilt());

function twoSeasonFake() {
  const wb = twoSeasonWorkbook();
  const sheets: Record<string, FakeInputCell[][]> = {};
  for (const name of wb.sheetNames()) sheets[name] = wb.sheet(name).cells as FakeInputCell[][];
  return createFakeGas({ sheets });
}

type Sheet = { participants: { id: string; needsFollowUp: boolean }[]; others: { id: string; name: string }[] };
const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();

describe('the attendance list on two seasons of data, through dist/Code.js', () => {
  const gas = loadBundle(twoSeasonFake());
  const open = (iso: string) => JSON.parse(JSON.stringify(gas.call('getAttendanceSheet', iso))) as Sheet;

  it('on 2018-03-06 lists 11 people, the 15 of earlier years in others', () => {
    const sheet = open('2018-03-06');
    expect([sheet.participants.length, sheet.others.length]).toEqual([11, 15]);
  });

  it('on 2018-06-13 lists the spring group without the contract started in May', () => {
    expect(ids(open('2018-06-13').participants)).toEqual([...G.carriedOver, ...G.spring2018Stopped, ...G.spring2018].sort());
  });

  it('on 2018-10-30 lists the current group only (8 of 31 enrolled)', () => {
    const sheet = open('2018-10-30');
    expect([ids(sheet.participants), sheet.others.length]).toEqual([[...G.spring2018, ...G.autumn2018].sort(), 23]);
  });

  it('returns exactly the SPEC §5 keys, with null (never undefined) contacts for those not flagged', () => {
    const sheet = gas.call('getAttendanceSheet', '2018-10-30') as Record<string, unknown> & {
      participants: Record<string, unknown>[];
    };
    expect(Object.keys(sheet).sort()).toEqual(['date', 'others', 'participants', 'session', 'themes', 'unusualWeekday']);
    const autumn = sheet.participants.find((p) => p.id === G.autumn2018[0])!;
    expect(autumn).toEqual({
      id: G.autumn2018[0],
      name: autumn.name,
      status: null,
      needsFollowUp: false,
      followUpReason: null,
      phone: null,
      email: null,
    });
  });

  it('gives phone and e-mail of the people "à relancer"', () => {
    const sheet = gas.call('getAttendanceSheet', '2018-10-30') as { participants: Record<string, unknown>[] };
    const flagged = sheet.participants.filter((p) => p.needsFollowUp);
    expect(flagged.map((p) => [p.followUpReason, typeof p.phone, typeof p.email])).toEqual(
      G.spring2018.map(() => ['Aucune présence aux trois dernières séances', 'string', 'string']),
    );
  });
});

describe('dates of a save through dist/Code.js', () => {
  const people = () =>
    createFakeGas({
      sheets: {
        Participants: participantsTab([
          participant({ id: 'B-1', lastName: 'Roux', firstName: 'Maël', entryDate: '2018-03-01' }),
        ]) as FakeInputCell[][],
        Séances: [['Date', 'Thème', 'Animateur', 'Lieu']],
        Présences: [['Date', 'ID participant', 'Participant', 'Statut']],
      },
    });
  const tomorrow = (): string => {
    const today = new DateCellReader('Europe/Paris').dayOf(new Date())!;
    return isoOfDay(today + 1);
  };

  it.each([
    ['04/06/2030', '2030-06-04', /La séance du 04\/06\/2030 n'a pas encore eu lieu/],
    ['tomorrow', tomorrow(), /n'a pas encore eu lieu/],
    ['an empty date', '', /La date de la séance manque/],
  ])('refuses %s and writes nothing', (_what, date, message) => {
    const fake = people();
    const gas = loadBundle(fake);
    fake.resetCalls();
    expect(() => gas.call('saveAttendance', { date, entries: [{ participantId: 'B-1', status: 'Présent' }] })).toThrow(message);
    expect(fake.count('Range.setValues')).toBe(0);
  });

  it('reports sessionUpdated when the theme of an existing session changes', () => {
    const gas = loadBundle(people());
    gas.call('saveAttendance', { date: '2018-03-13', theme: 'CV', entries: [] });
    const again = gas.call('saveAttendance', { date: '2018-03-13', theme: 'Bilan', entries: [] });
    expect(JSON.parse(JSON.stringify(again))).toEqual({
      date: '2018-03-13',
      sessionCreated: false,
      sessionUpdated: true,
      written: 0,
      unchanged: 0,
    });
  });

  it('leaves the user on their sheet when a save creates the Présences tab', () => {
    const fake = createFakeGas({
      sheets: { Participants: participantsTab([participant({ id: 'B-1', entryDate: '2018-03-01' })]) as FakeInputCell[][] },
    });
    const gas = loadBundle(fake);
    gas.call('saveAttendance', { date: '2018-03-13', entries: [{ participantId: 'B-1', status: 'Présent' }] });
    expect(fake.sheetNames()).toContain('Présences');
    expect(fake.activeSheet()).toBe('Participants');
  });
});
