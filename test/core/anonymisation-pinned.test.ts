/**
 * Personal data (SPEC §11): what the anonymisation module alone decides, pinned here rather
 * than only through the bundle — the new ANON- numbers, the latest Présences date as the last
 * activity, and the exact list of emptied columns.
 */
import {
  anonymisationTargets,
  anonymousId,
  lastAttendanceDays,
  nextAnonymousNumber,
  planAnonymisation,
  planAnonymisationWrites,
} from '../../src/core/anonymisation';
import { dayFromIso, isoOfDay } from '../../src/core/days';
import { PARTICIPANTS } from '../../src/core/schema';
import type { CellValue } from '../../src/core/values';
import { readModel } from '../../src/app/read';
import { buildWorkbook, dateCell, participant, participantsTab, TZ } from '../support/builders';
import { MemoryWorkbook } from '../../src/adapters/memory';

const day = (iso: string) => dayFromIso(iso)!;
const TODAY = day('2026-11-26'); // cutoff with the default retention: 2024-11-26

describe('new ANON- numbers', () => {
  it('are above every ANON- ID found only in Présences, so two people never share one', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-1', entryDate: '2016-03-01' })],
      attendance: [
        // Someone anonymised long ago whose Participants row was deleted by hand.
        { date: '2016-03-08', id: 'ANON-0007', status: 'Présent' },
        { date: '2016-03-08', id: 'P-1', status: 'Présent' },
      ],
    });
    const model = readModel(wb);
    expect(nextAnonymousNumber(model)).toBe(8);
    const writes = planAnonymisationWrites(model, anonymisationTargets(model, TODAY), TODAY);
    expect([...writes.newIds]).toEqual([['p-1', 'ANON-0008']]);
  });

  it('are above every ANON- ID of Participants too, case ignored', () => {
    const wb = buildWorkbook({
      participants: [
        participant({
          id: 'anon-0012',
          lastName: '',
          firstName: '',
          birthDate: '',
          entryDate: '2016-03-01',
          anonymisedOn: '2020-01-01',
        }),
        participant({ id: 'P-1', entryDate: '2016-03-01' }),
      ],
      attendance: [{ date: '2016-03-08', id: 'ANON-0003', status: 'Absent' }],
    });
    expect(nextAnonymousNumber(readModel(wb))).toBe(13);
  });

  it('are written on four digits at least', () => {
    expect([anonymousId(8), anonymousId(12345)]).toEqual(['ANON-0008', 'ANON-12345']);
  });
});

describe('the latest Présences date (last activity, SPEC §11)', () => {
  it('is the latest date of the ID whatever the order of the rows and the status', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-1' }), participant({ id: 'P-2' })],
      attendance: [
        { date: '2025-01-07', id: 'P-1', status: 'Excusé' },
        { date: '2023-05-02', id: 'P-1', status: 'Présent' },
        { date: '2023-05-02', id: 'p-2', status: 'Présent' },
        { date: '2025-02-04', id: ' P-2 ', status: 'Absent' },
        { date: '2024-01-09', id: 'P-2', status: 'Présent' },
      ],
    });
    const last = lastAttendanceDays(readModel(wb));
    expect([...last].map(([key, d]) => [key, isoOfDay(d)])).toEqual([
      ['p-1', '2025-01-07'],
      ['p-2', '2025-02-04'],
    ]);
  });

  it("proposes only those whose latest Présences date is before the cutoff, counted by that date's year", () => {
    const wb = buildWorkbook({
      participants: [
        participant({ id: 'P-1', entryDate: '2022-03-01' }),
        participant({ id: 'P-2', entryDate: '2022-03-01' }),
        participant({ id: 'P-3', entryDate: '2022-03-01' }),
      ],
      attendance: [
        { date: '2025-01-07', id: 'P-1', status: 'Absent' },
        { date: '2023-05-02', id: 'P-1', status: 'Présent' },
        { date: '2023-05-02', id: 'P-2', status: 'Présent' },
        { date: '2025-01-07', id: 'P-2', status: 'Présent' },
        { date: '2023-05-02', id: 'P-3', status: 'Présent' },
        { date: '2023-09-12', id: 'P-3', status: 'Excusé' },
        { date: '2022-04-05', id: 'P-3', status: 'Présent' },
      ],
    });
    expect(planAnonymisation(readModel(wb), TODAY)).toEqual(
      expect.objectContaining({ cutoff: '2024-11-26', ids: ['P-3'], byYear: { '2023': 1 } }),
    );
  });

  it('wins over older dates of Participants, and loses to later ones', () => {
    const wb = buildWorkbook({
      participants: [
        participant({ id: 'P-1', entryDate: '2022-03-01', exitDate: '2022-06-30' }),
        participant({ id: 'P-2', entryDate: '2022-03-01', contractStart: '2024-02-05' }),
      ],
      attendance: [
        { date: '2023-02-07', id: 'P-1', status: 'Présent' },
        { date: '2023-02-07', id: 'P-2', status: 'Présent' },
      ],
    });
    expect(planAnonymisation(readModel(wb), TODAY).byYear).toEqual({ '2023': 1, '2024': 1 });
  });
});

describe('columns emptied by the anonymisation (SPEC §11)', () => {
  /** Every recognised Participants column in schema order, then an unknown column and a second `Commune`. */
  function fullWorkbook(): MemoryWorkbook {
    const keys = PARTICIPANTS.columns.map((c) => c.key).filter((k) => k !== 'ageAtEntry' && k !== 'anonymisedOn');
    const row = participant({
      id: 'P-1',
      entryDate: '2016-03-01',
      phone: '06 12 34 56 78',
      email: 'camille@example.org',
      address: '1 rue de la Paix',
      comment: 'note',
      employer: 'Boulangerie Fictive',
      referrer: 'Pôle emploi',
      careerPlan: 'Boulanger',
    });
    const tab = participantsTab([row], keys);
    const withExtra: CellValue[][] = [
      [...tab[0], 'Remarque interne', 'Commune'],
      [...tab[1], 'suivi', 'Cachan'],
    ];
    return new MemoryWorkbook(TZ, {
      Participants: withExtra,
      Séances: [
        ['Date', 'Thème'],
        [dateCell('2016-03-08'), 'CV'],
      ],
      Présences: [['Date', 'ID participant', 'Statut']],
    });
  }

  it('are exactly the personal columns, the unknown column and the second copy of a header, in sheet order', () => {
    const plan = planAnonymisation(readModel(fullWorkbook()), TODAY);
    expect(plan.ids).toEqual(['P-1']);
    expect(plan.columnsCleared).toEqual([
      'Nom',
      'Prénom',
      'Date de naissance',
      'Prescripteur',
      'Projet professionnel',
      'Employeur',
      'Téléphone',
      'Email',
      'Adresse',
      'Commentaire',
      'Remarque interne',
      'Commune',
    ]);
  });

  it('leave every column of the indicators and the ID alone', () => {
    const model = readModel(fullWorkbook());
    const { clearedColumns } = anonymisationTargets(model, TODAY);
    const header = model.participants.values[0];
    const kept = header.filter((_h, c) => !clearedColumns.includes(c));
    expect(kept).toEqual([
      'ID',
      'Sexe',
      'Commune',
      'Code postal',
      'Résident QPV',
      'Quartier QPV',
      'Niveau de formation',
      "Date d'entrée",
      'Situation',
      'Type de contrat',
      'Diplôme préparé',
      'Durée du contrat (mois)',
      'Organisme de formation',
      'Date de début du contrat',
      'Date de sortie',
    ]);
  });

  it('lists an unknown column even when it is blank on the rows to anonymise', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'P-1', entryDate: '2016-03-01' })] });
    const cells = wb.sheet('Participants').cells;
    cells[0].push('Notes', 'Suivi');
    cells[1].push('', 'rdv');
    expect(planAnonymisation(readModel(wb), TODAY).columnsCleared.slice(-2)).toEqual(['Notes', 'Suivi']);
  });
});
