/**
 * getParticipantJourney through the built bundle dist/Code.js on the counting fake of the Apps
 * Script services: loosely written themes, the active row inside and outside `Participants`,
 * the same service calls for 100 and 10 000 participants, and never a write.
 */
import { generateDataset } from '../../bench/dataset';
import { participant, participantsTab } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

/** Two months ago and earlier: every date stays in the past whatever the day the test runs. */
const YEAR = new Date().getUTCFullYear() - 1;
const d = (mmdd: string) => `${YEAR}-${mmdd}`;

function workbook(): FakeGas {
  return createFakeGas({
    sheets: {
      Participants: [
        ['Liste des jeunes (titre)'],
        ...participantsTab([
          participant({ id: 'G-1', lastName: 'Benali', firstName: 'Yanis', entryDate: d('03-01'), phone: '06 39 98 00 01' }),
          participant({ id: 'G-2', lastName: 'Durand', firstName: 'Léo', entryDate: d('03-01') }),
        ]),
      ] as FakeInputCell[][],
      Séances: [
        ['Date', 'Thème', 'Animateur', 'Lieu'],
        [d('03-06'), '  préparation à l’entretien ', 'Nadia', 'Salle 1'],
        [d('03-13'), 'SIMULATION D ENTRETIEN', 'Nadia', 'Salle 1'],
        [d('03-20'), 'Cv', 'Nadia', 'Salle 1'],
        [d('03-27'), 'Atelier théâtre', 'Nadia', 'Salle 1'],
      ] as FakeInputCell[][],
      Présences: [
        ['Date', 'ID participant', 'Participant', 'Statut'],
        [d('03-20'), 'G-1', 'Benali Yanis', 'E'],
        [d('03-06'), 'G-1', 'Benali Yanis', 'présente'],
        [d('03-13'), 'g-1', 'Benali Yanis', 'X'],
        [d('03-27'), 'G-1', 'Benali Yanis', 'Présent'],
      ] as FakeInputCell[][],
    },
  });
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

beforeAll(() => ensureBundleBuilt());

describe('getParticipantJourney in dist/Code.js', () => {
  it('matches loosely written themes to the programme and covers only the sessions attended Présent', () => {
    const gas = loadBundle(workbook());
    const j = plain(gas.call('getParticipantJourney', 'G-1')).journey;
    expect([j.sessions, j.themesCovered]).toEqual([
      [
        { date: d('03-06'), theme: "Préparation à l'entretien", status: 'Présent' },
        { date: d('03-13'), theme: "Simulation d'entretien", status: 'Présent' },
        { date: d('03-20'), theme: 'CV', status: 'Excusé' },
        { date: d('03-27'), theme: 'Atelier théâtre', status: 'Présent' },
      ],
      ["Préparation à l'entretien", "Simulation d'entretien"],
    ]);
  });

  it('opens on the participant of the active row when the active sheet is Participants', () => {
    const fake = workbook();
    fake.setActiveCell('Participants', 4, 3); // title row, header row, G-1, G-2
    const r = plain(loadBundle(fake).call('getParticipantJourney', null));
    expect([r.journey?.id, r.journey?.name, r.directory.length]).toEqual(['G-2', 'Durand Léo', 2]);
  });

  it('gives the directory only when the active row is outside Participants', () => {
    const fake = workbook();
    fake.setActiveCell('Présences', 3, 2);
    const r = plain(loadBundle(fake).call('getParticipantJourney', null));
    expect([r.journey, r.directory.map((e: { id: string }) => e.id)]).toEqual([null, ['G-1', 'G-2']]);
  });

  it('gives no journey when the active row is the title above the header row', () => {
    const fake = workbook();
    fake.setActiveCell('Participants', 1, 1);
    expect(plain(loadBundle(fake).call('getParticipantJourney', null)).journey).toBeNull();
  });

  it('sends an unknown ID back as a French error', () => {
    const gas = loadBundle(workbook());
    expect(() => gas.call('getParticipantJourney', 'Z-404')).toThrow(/Aucun jeune n'a l'identifiant/);
  });

  it('logs nothing of the journey', () => {
    const gas = loadBundle(workbook());
    gas.call('getParticipantJourney', 'G-1');
    expect(gas.logs).toEqual([]);
  });
});

describe('service calls of getParticipantJourney', () => {
  function calls(n: number, id: 'active' | 'chosen') {
    const ds = generateDataset(n, { rowsPerParticipant: 2 });
    const fake = createFakeGas({ sheets: ds.tabs });
    const gas = loadBundle(fake);
    fake.setActiveCell('Participants', 5, 2);
    const arg = id === 'active' ? null : String(fake.cell('Participants', 2, 1));
    fake.resetCalls();
    const r = gas.call('getParticipantJourney', arg);
    return { calls: fake.snapshotCalls(), journey: r.journey !== null };
  }

  let small: { active: ReturnType<typeof calls>; chosen: ReturnType<typeof calls> };
  let large: typeof small;
  beforeAll(() => {
    small = { active: calls(100, 'active'), chosen: calls(100, 'chosen') };
    large = { active: calls(10_000, 'active'), chosen: calls(10_000, 'chosen') };
  });

  it('opens the journey of the active row in both workbooks', () => {
    expect([small.active.journey, large.active.journey, small.chosen.journey, large.chosen.journey]).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('makes the same calls for 10 000 participants as for 100 (active row)', () => {
    expect(large.active.calls).toEqual(small.active.calls);
  });

  it('makes the same calls for 10 000 participants as for 100 (chosen person)', () => {
    expect(large.chosen.calls).toEqual(small.chosen.calls);
  });

  it('never writes and reads each tab once', () => {
    const c = large.active.calls;
    const writes = Object.keys(c).filter((m) => /\.(set|insert|clear|delete|append|activate)/.test(m));
    expect([writes, c['Range.getValues']]).toEqual([[], 4]);
  });
});
