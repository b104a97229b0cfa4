/**
 * The tab "Bilan AAAA" through dist/Code.js (SPEC §6): it opens with `Structure`, the
 * programme and the year (never a to-do list), and ends with "Qualité des données" — each
 * kind of row the figures could not use, counted, with its fix from the menu. Districts by
 * count, then name, "Non précisé" last.
 */
import { createFakeGas, FakeGas, FakeInputCell, sheetsDate } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';
import { REPORT_PARTS } from '../../src/i18n/fr/report-parts';

beforeAll(() => ensureBundleBuilt());

const d = (iso: string) => sheetsDate(iso);

const PARTICIPANTS: FakeInputCell[][] = [
  ['ID', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Commune', 'Résident QPV', 'Quartier QPV', "Date d'entrée"],
  ['A-1', 'Martin', 'Léa', 'F', d('2001-06-15'), 'Villejuif', 'Oui', 'Alexandre Dumas', d('2018-03-01')],
  ['A-2', 'Benali', 'Yanis', 'H', d('1998-01-10'), 'Cachan', 'Oui', 'La Plaine', d('2018-03-01')],
  ['A-3', 'Durand', 'Sacha', 'H', d('1999-05-05'), 'Cachan', 'Oui', 'La Plaine', d('2018-03-01')],
  ['A-4', 'Petit', 'Inès', 'F', '', 'Arcueil', 'Oui', '', d('2018-03-01')], // no birth date; district not given
  ['A-5', 'Roux', 'Emma', 'F', d('2000-02-02'), 'Arcueil', 'Oui', 'Chaperon Vert', d('2018-03-01')],
  ['A-6', 'Sansdate', 'Noé', 'H', d('2000-02-02'), 'Arcueil', 'Non', '', ''], // no entry date: in no year
];

const SESSIONS: FakeInputCell[][] = [
  ['Date', 'Thème'],
  [d('2018-03-06'), 'CV'],
  [d('2018-03-13'), 'CV'],
];

const ATTENDANCE: FakeInputCell[][] = [
  ['Date', 'ID participant', 'Statut'],
  [d('2018-03-06'), 'A-1', 'Présent'],
  [d('2018-03-06'), 'X-9', 'Présent'], // unknown ID
  [d('2018-03-06'), 'A-2', 'peut-être'], // unknown status
  ['3 mars', 'A-3', 'Présent'], // unreadable date
  [d('2018-03-13'), 'A-1', 'Présent'],
  [d('2017-03-13'), 'X-9', 'Présent'], // unknown ID, another year: not in 2018's counts
];

function generate(settings?: FakeInputCell[][]): { fake: FakeGas; rows: string[][] } {
  const sheets: Record<string, FakeInputCell[][]> = { Participants: PARTICIPANTS, Séances: SESSIONS, Présences: ATTENDANCE };
  if (settings) sheets.Paramètres = settings;
  const fake = createFakeGas({ sheets });
  loadBundle(fake).call('generateAnnualReport', 2018);
  return { fake, rows: fake.values('Bilan 2018').map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : String(c)))) };
}

describe('the tab "Bilan AAAA"', () => {
  it('opens with the Structure of Paramètres, the programme and the year, and no to-do list', () => {
    const { rows } = generate([['Structure'], ['Mission locale de la Bièvre']]);
    expect(rows.slice(0, 2).map((r) => r[0])).toEqual(['Mission locale de la Bièvre', "Club de l'alternance — Bilan 2018"]);
    expect(rows[2][0]).toMatch(/^Généré le /);
    expect(rows.slice(0, 5).some((r) => /Attention|Corrigez|Vérifier le classeur/.test(r.join(' ')))).toBe(false);
  });

  it('opens with "Mission locale" when Paramètres has no Structure', () => {
    expect(generate().rows[0][0]).toBe('Mission locale');
  });

  it('ends with "Qualité des données": each count, and its fix from the menu', () => {
    const { rows } = generate();
    const q = REPORT_PARTS.quality;
    const start = rows.findIndex((r) => r[0] === q.title);
    expect(start).toBeGreaterThan(rows.findIndex((r) => r[0] === 'Présences par mois'));
    expect(rows[start].slice(0, 3)).toEqual([q.title, q.columns.count, q.columns.fix]);
    const counts = Object.fromEntries(rows.slice(start + 1, start + 7).map((r) => [r[0], Number(r[1])]));
    expect(counts).toEqual({
      [q.rows.excludedRows]: 1,
      [q.rows.ageUnknown]: 1,
      [q.rows.unknownId]: 1,
      [q.rows.unknownStatus]: 1,
      [q.rows.unreadableDate]: 1,
      [q.rows.sessionsWithoutTimes]: 2,
    });
    for (const r of rows.slice(start + 1, start + 6))
      expect(r[2]).toContain("menu Club de l'alternance › «\u00a0Vérifier le classeur\u00a0»");
    expect(rows.slice(start + 1).some((r) => /club-alternance verifier/.test(r.join(' ')))).toBe(false);
    // The last rows of the tab: the sentence that sums it up.
    expect(rows.slice(start).map((r) => r[0])).toContain(q.incomplete(7));
  });

  it('lists the districts by count, then name, with "Non précisé" last', () => {
    const { rows } = generate();
    const start = rows.findIndex((r) => r[0] === 'Résidents QPV par quartier');
    const names: string[] = [];
    for (let i = start + 1; rows[i][0] !== ''; i++) names.push(rows[i][0]);
    expect(names).toEqual(['La Plaine', 'Alexandre Dumas', 'Chaperon Vert', 'Non précisé']);
  });
});
