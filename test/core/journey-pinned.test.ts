/**
 * Parcours d'un jeune (SPEC §10): what the journey module alone decides, pinned at its level —
 * the presence rate rounded to the nearest whole number, a date's theme taken from its first
 * `Séances` row, the last presence.
 */
import { buildJourney } from '../../src/core/journey';
import { dayFromIso } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const TODAY = dayFromIso('2018-11-26')!;
const DATES = ['2018-03-06', '2018-03-13', '2018-03-20', '2018-03-27', '2018-04-03', '2018-04-10'];

/** J1's journey with one `Présences` row per status, on consecutive session dates. */
function journeyWith(statuses: string[], sessions: { date: string; theme?: string }[] = []) {
  const model = readModel(
    buildWorkbook({
      participants: [participant({ id: 'J1', entryDate: '2018-03-01' })],
      sessions,
      attendance: statuses.map((status, i) => ({ date: DATES[i], id: 'J1', status })),
    }),
  );
  return buildJourney(model, 'j1', TODAY)!;
}

describe('presence rate of the Parcours', () => {
  it('rounds 1 present out of 3 down to 33 and 2 out of 3 up to 67', () => {
    expect(journeyWith(['Présent', 'Absent', 'Excusé']).counts).toEqual({
      present: 1,
      absent: 1,
      excused: 1,
      presenceRate: 33,
    });
    expect(journeyWith(['Présent', 'Absent', 'Présent']).counts.presenceRate).toBe(67);
  });

  it('rounds a half up: 1 present out of 8 is 13 (12.5), 5 out of 8 is 63 (62.5)', () => {
    const eight = (present: number) => [...Array(present).fill('Présent'), ...Array(8 - present).fill('Absent')];
    const model = (statuses: string[]) =>
      readModel(
        buildWorkbook({
          participants: [participant({ id: 'J1', entryDate: '2018-03-01' })],
          attendance: statuses.map((status, i) => ({ date: `2018-05-0${i + 1}`, id: 'J1', status })),
        }),
      );
    expect(buildJourney(model(eight(1)), 'J1', TODAY)!.counts.presenceRate).toBe(13);
    expect(buildJourney(model(eight(5)), 'J1', TODAY)!.counts.presenceRate).toBe(63);
  });

  it('counts Excusé in the denominator, and is null without any session', () => {
    expect(journeyWith(['Présent', 'Excusé']).counts.presenceRate).toBe(50);
    expect(journeyWith([]).counts).toEqual({ present: 0, absent: 0, excused: 0, presenceRate: null });
  });
});

describe("a session's theme in the Parcours", () => {
  it("is the theme of the date's first Séances row, in the sessions and the themes covered", () => {
    const j = journeyWith(
      ['Présent', 'Présent'],
      [
        { date: DATES[0], theme: 'CV' },
        { date: DATES[0], theme: 'Bilan' },
        { date: DATES[1], theme: 'lettre de MOTIVATION' },
        { date: DATES[1], theme: 'Simulation d’entretien' },
      ],
    );
    expect(j.sessions).toEqual([
      { date: DATES[0], theme: 'CV', status: 'Présent' },
      { date: DATES[1], theme: 'Lettre de motivation', status: 'Présent' },
    ]);
    expect(j.themesCovered).toEqual(['CV', 'Lettre de motivation']);
  });

  it('is blank for a date without a Séances row, and covers no theme when not Présent', () => {
    const j = journeyWith(['Présent', 'Absent'], [{ date: DATES[1], theme: 'Bilan' }]);
    expect(j.sessions.map((s) => s.theme)).toEqual(['', 'Bilan']);
    expect(j.themesCovered).toEqual([]);
  });
});

describe('last presence in the Parcours', () => {
  it('is the latest Présent date, not the latest row', () => {
    expect(journeyWith(['Présent', 'Présent', 'Absent', 'Excusé']).lastPresence).toBe(DATES[1]);
  });

  it('is null with no Présent', () => {
    expect(journeyWith(['Absent', 'Excusé']).lastPresence).toBeNull();
  });
});
