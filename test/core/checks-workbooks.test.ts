/**
 * Whole workbooks: messy but valid data gives no issue; planted faults are all found with
 * their code and row, and nothing else is reported; random cell contents never throw.
 */
import fc from 'fast-check';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { CHECK_CODES, CHECK_SEVERITY, checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { PARTICIPANTS } from '../../src/core/schema';
import type { CellValue } from '../../src/core/values';
import { readModel } from '../../src/server/read';
import { ParticipantInput, buildWorkbook, dateCell, participant } from '../support/builders';

const TODAY = dayFromIso('2026-11-26')!;

describe('messy but valid data', () => {
  it('gives zero issues: title row, synonyms, unknown columns, blank rows, text dates, serials, spelling variants', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      Participants: [
        ["Club de l'alternance — suivi des jeunes 2018", '', ''],
        [],
        [
          'N°',
          'Nom de famille',
          'Prénom',
          'Genre',
          'Né(e) le',
          'Ville',
          'CP',
          'QPV',
          'Quartier',
          'Niveau',
          "Date d'inscription",
          'Conseiller référent',
          'Statut',
          'Contrat',
          'Durée',
          'Début du contrat',
          'Sortie le',
          'Tél',
          'Courriel',
          'Remarques',
        ],
        [
          'P-01',
          'Martin',
          'Léa',
          'f',
          '15/04/2000',
          'le kremlin bicetre',
          '94270',
          'x',
          'péri-schuman bergonié martinets',
          'niveau IV',
          '05/03/2018',
          'M. Lefort',
          'alternance signee',
          'contrat pro',
          '12',
          '2018-09-03',
          '',
          '06 12 34 56 78',
          'lea.martin@exemple.fr',
          '',
        ],
        [
          'P-02',
          '=HYPERLINK("http://exemple.fr";"Dupont")',
          'Noé',
          'Homme',
          36631,
          'LE KREMLIN-BICÊTRE ',
          94270,
          'non',
          '',
          'CAP',
          dateCell('2018-03-12'),
          '',
          '',
          '',
          '',
          '',
          '',
          '07.98.76.54.32',
          '',
          'suivi renforcé',
        ],
        ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
        [
          'p-03 ',
          "N'Diaye",
          'Awa',
          'Mme',
          '1999-12-31',
          'Villejuif',
          '94800',
          'OUI',
          'Alexandre Dumas',
          'Bac pro',
          '2/4/2018',
          '',
          'Emploi',
          '',
          '',
          '',
          '30.09.2018',
          '+33 6 11 22 33 44',
          'awa.ndiaye@exemple.fr',
          '',
        ],
        [
          'P-04',
          'Lefèvre',
          'Théo',
          'M.',
          '01-06-2001',
          'cachan',
          '94230',
          '0',
          '',
          'sans diplome',
          '03/04/18',
          '',
          'Alternance',
          'Apprentissage',
          24,
          dateCell('2018-10-01'),
          '',
          612345678,
          '',
          '',
        ],
        [
          'P-05',
          'Benali',
          'Nour',
          'F',
          '06/02/2000',
          'Gentilly',
          '94250',
          'oui',
          'CHAPERON-VERT',
          'BTS',
          '06/06/2017',
          '',
          'Abandon',
          '',
          '',
          '',
          '13/08/2017',
          '',
          '',
          '',
        ],
        [
          'P-06',
          'Morin',
          'Emma',
          'Femme',
          '1998-02-22',
          'Arcueil',
          '94110',
          'Non',
          '',
          'Licence pro',
          '2018-04-03',
          '',
          'En recherche',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ],
      ],
      Séances: [
        ['Date de la séance', 'Atelier', 'Intervenant', 'Lieu'],
        ['06/03/2018', 'Validation du projet', 'Créations Omnivores', 'Mission locale'],
        [dateCell('2018-03-13'), 'CV', '', ''],
        [],
        [43182, 'Lettre de motivation', '', ''], // 2018-03-22 as a serial number
        ['2018-04-03', "Simulation d'entretien", '', ''],
        ['13.06.2017', 'Bilan', '', ''],
      ],
      Présences: [
        ['Séance', 'Identifiant', 'Participant', 'Présence'],
        ['06/03/2018', 'P-01', 'Martin Léa', 'présente'],
        [dateCell('2018-03-13'), 'p-01', 'Martin Léa', 'x'],
        ['13/03/2018', 'P-02', 'Dupont Noé', 'Absent'],
        [43182, ' P-02 ', '', 'E'],
        [],
        ['2018-04-03', 'P-03', '', 'P'],
        ['03/04/2018', 'P-04', '', 'Excusée'],
        ['13/06/2017', 'P-05', '', 'oui'],
        ['03/04/2018', 'P-06', 'Morin Emma', 'A'],
      ],
      Paramètres: [
        ['Année', 'Places prévues', 'Début de saison', 'Fin de saison'],
        [2017, 55, '01/03/2017', '31/10/2017'],
        [2018, 55, dateCell('2018-03-01'), '31/10/2018'],
      ],
    });
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(result.issues).toEqual([]);
    expect(result.rowsChecked).toBe(6 + 5 + 8);
  });
});

describe('planted faults', () => {
  it('are each reported with their code and row, and clean rows get nothing', () => {
    // Each entry: a participant and the codes it must raise (empty = clean row).
    const planted: [ParticipantInput, string[]][] = [];
    const clean = (o: ParticipantInput = {}): void => void planted.push([participant(o), []]);
    const fault = (codes: string[], o: ParticipantInput): void => void planted.push([participant(o), codes]);
    for (let i = 0; i < 40; i++)
      clean({
        id: `C-${i}`,
        commune: ['Arcueil', 'Cachan', 'Gentilly', 'Le Kremlin-Bicêtre', 'Villejuif'][i % 5],
        postcode: ['94110', '94230', '94250', '94270', '94800'][i % 5],
      });
    fault(['ID_MISSING'], { id: '' });
    fault(['ID_DUPLICATE'], { id: 'C-3' });
    fault(['NAME_MISSING'], { firstName: '' });
    fault(['DATE_INVALID'], { birthDate: '31/02/2001' });
    fault(['BIRTH_DATE_MISSING'], { birthDate: '' });
    fault(['ENTRY_DATE_MISSING'], { entryDate: '' });
    fault(['DATE_IN_FUTURE'], { entryDate: '2027-03-01', birthDate: '2008-01-01' });
    fault(['AGE_IMPLAUSIBLE'], { birthDate: '2015-01-01' });
    fault(['AGE_OUT_OF_RANGE'], { birthDate: '1990-01-01' });
    fault(['VALUE_NOT_ALLOWED'], { sex: 'Z' });
    fault(['COMMUNE_MISSING'], { commune: '', postcode: '' });
    fault(['COMMUNE_OUTSIDE_TERRITORY'], { commune: 'Fresnes', postcode: '94260' });
    fault(['POSTCODE_INVALID'], { postcode: '9480' });
    fault(['POSTCODE_MISMATCH'], { commune: 'Cachan', postcode: '94800' });
    fault(['QPV_DISTRICT_MISSING'], { qpvResident: 'Oui' });
    fault(['QPV_DISTRICT_UNKNOWN'], { qpvResident: 'Oui', qpvDistrict: 'Les Hautes-Bruyères' });
    fault(['QPV_INCONSISTENT'], { qpvResident: 'Non', qpvDistrict: 'La Plaine' });
    fault(['CONTRACT_TYPE_MISSING'], { situation: 'Alternance signée', contractStart: '2018-09-01' });
    fault(['CONTRACT_START_MISSING'], { situation: 'Alternance signée', contractType: 'Apprentissage' });
    fault(['CONTRACT_DURATION_INVALID'], {
      situation: 'Alternance signée',
      contractType: 'Apprentissage',
      contractStart: '2018-09-01',
      contractMonths: 60,
    });
    fault(['CONTRACT_AGE_RULE'], {
      birthDate: '1992-06-01',
      situation: 'Alternance signée',
      contractType: 'Professionnalisation',
      contractStart: '2018-09-01',
    });
    fault(['CONTRACT_FIELDS_WITHOUT_CONTRACT'], { contractType: 'Apprentissage' });
    fault(['EXIT_BEFORE_ENTRY'], { situation: 'Abandon', exitDate: '2018-01-01' });
    fault(['OUTCOME_DATE_MISSING'], { situation: 'Formation' });
    fault(['PHONE_INVALID'], { phone: '06 12 34 56' });
    fault(['EMAIL_INVALID'], { email: 'camille@exemple' });
    const twin = { lastName: 'Jumeau', firstName: 'Alex', birthDate: '2001-01-01' };
    fault(['POSSIBLE_DUPLICATE_PERSON'], { id: 'D-1', ...twin });
    fault(['POSSIBLE_DUPLICATE_PERSON'], { id: 'D-2', ...twin });
    for (let i = 40; i < 60; i++) clean({ id: `C-${i}` });

    const sessions = [
      { date: '2018-03-06' },
      { date: '2018-03-13' },
      { date: '2018-03-20' },
      { date: '2018-03-06' },
      { date: 'mardi' },
      { date: '2018-12-04' },
      { date: '2018-04-03', start: '14h', end: '' },
    ];
    const attendance = [
      { date: '2018-03-06', id: 'C-0', status: 'Présent' },
      { date: '2018-03-06', id: 'C-1', status: 'Absent' },
      { date: '2018-03-13', id: 'C-404', status: 'Présent' },
      { date: '2018-03-27', id: 'C-2', status: 'Présent' },
      { date: '2018-03-13', id: 'C-5', status: 'Présent' },
      { date: '2018-03-13', id: 'c-5', status: 'Présent' },
      { date: '2018-03-20', id: 'C-6', status: 'Malade' },
      { date: '2018-03-06', id: 'C-7', status: 'Excusé' },
    ];
    const wb = buildWorkbook({
      participants: [
        ...planted.map((p) => p[0]),
        participant({ id: 'E-1', entryDate: '2018-03-13' }),
        participant({ id: 'E-2', exitDate: '2018-03-10', situation: 'Emploi' }),
      ],
      sessions,
      attendance: [
        ...attendance,
        { date: '2018-03-06', id: 'E-1', status: 'P' },
        { date: '2018-03-13', id: 'E-2', status: 'P' },
        { date: '2026-11-27', id: 'C-0', status: 'Présent' },
      ],
      settings: [
        ['Année', 'Places prévues', 'Début de saison', 'Fin de saison'],
        [2018, 55, '01/03/2018', '31/10/2018'],
      ],
    });
    const result = checkWorkbook(readModel(wb), TODAY);
    const expected: string[] = [];
    planted.forEach(([, codes], i) => codes.forEach((c) => expected.push(`Participants:${i + 2}:${c}`)));
    expected.push(`Participants:${3 + 2}:ID_DUPLICATE`); // the clean C-3 shares its ID with the planted row
    expected.push(
      'Séances:2:SESSION_DUPLICATE',
      'Séances:5:SESSION_DUPLICATE',
      'Séances:6:SESSION_DATE_INVALID',
      'Séances:7:SESSION_OUTSIDE_SEASON',
      'Séances:8:SESSION_TIME_INVALID',
      'Présences:4:ATTENDANCE_UNKNOWN_PARTICIPANT',
      'Présences:5:ATTENDANCE_UNKNOWN_SESSION',
      'Présences:6:ATTENDANCE_DUPLICATE',
      'Présences:7:ATTENDANCE_DUPLICATE',
      'Présences:8:ATTENDANCE_STATUS_INVALID',
      'Présences:10:ATTENDANCE_BEFORE_ENTRY',
      'Présences:11:ATTENDANCE_AFTER_EXIT',
      'Présences:12:ATTENDANCE_IN_FUTURE',
    );
    const got = result.issues.map((i) => `${i.sheet}:${i.row}:${i.code}`);
    expect([...got].sort()).toEqual([...expected].sort());
    // Every code of the SPEC but MISSING_COLUMN is exercised here.
    expect(new Set(result.issues.map((i) => i.code)).size).toBe(CHECK_CODES.length - 1);
  });
});

describe('random cell contents', () => {
  const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(
      '',
      null,
      undefined,
      ' ',
      'Oui',
      'x',
      'Alternance signée',
      'Apprentissage',
      'Chaperon Vert',
      'Villejuif',
      'P',
      '31/02/2001',
      '=SOMME(A1)',
      '+33 6',
      '\t',
      'é',
    ),
    // Typed text never holds the words the messages are checked for (a quoted 'NaN' is not a bug).
    fc.string({ maxLength: 12 }).filter((t) => !/NaN|undefined|\[object/.test(t)),
    fc.integer({ min: -100_000, max: 3_000_000 }),
    // Sheets never gives NaN for a cell (a NaN would be quoted as « NaN » in the date messages).
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.date({ min: new Date(-5e13), max: new Date(5e13) }),
    fc.constant(new Date(NaN)),
    fc
      .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1990, max: 2030 }))
      .map(([d, m, y]) => `${d}/${m}/${y}`),
  );
  const rowsArb = (width: number) => fc.array(fc.array(cellArb, { minLength: 0, maxLength: width }), { maxLength: 8 });
  const participantHeaders = PARTICIPANTS.columns.map((c) => c.header);

  it('never throw and always give well-formed issues', () => {
    fc.assert(
      fc.property(
        rowsArb(participantHeaders.length),
        rowsArb(4),
        rowsArb(4),
        rowsArb(8),
        fc.boolean(),
        (people, sessions, attendance, settings, withTitle) => {
          const wb = new MemoryWorkbook('Europe/Paris', {
            Participants: [...(withTitle ? [['Titre']] : []), participantHeaders, ...people],
            Séances: [['Date', 'Thème', 'Animateur', 'Lieu'], ...sessions],
            Présences: [['Date', 'ID participant', 'Participant', 'Statut'], ...attendance],
            Paramètres: [
              [
                'Année',
                'Places prévues',
                'Début de saison',
                'Fin de saison',
                'Commune du territoire',
                'Quartier QPV',
                'Commune du QPV',
                'Seuil de confidentialité',
              ],
              ...settings,
            ],
          });
          const result = checkWorkbook(readModel(wb), TODAY);
          for (const i of result.issues) {
            expect(CHECK_CODES).toContain(i.code);
            expect(i.severity).toBe(CHECK_SEVERITY[i.code as keyof typeof CHECK_SEVERITY]);
            expect(['Participants', 'Séances', 'Présences']).toContain(i.sheet);
            expect(Number.isInteger(i.row) && i.row >= 1).toBe(true);
            expect(i.message).not.toMatch(/undefined|NaN|\[object/);
          }
          expect(result.rowsChecked).toBeLessThanOrEqual(people.length + sessions.length + attendance.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throw on random headers either', () => {
    const headerArb = fc.array(
      fc.oneof(fc.constantFrom(...participantHeaders, 'Date', 'Statut', 'ID', 'Présence'), fc.string({ maxLength: 6 })),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(headerArb, rowsArb(10), headerArb, rowsArb(10), (h1, r1, h2, r2) => {
        const wb = new MemoryWorkbook('Europe/Paris', {
          Participants: [h1, ...r1],
          Présences: [h2, ...r2],
          Séances: [h2, ...r1],
        });
        expect(() => checkWorkbook(readModel(wb), TODAY)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('large workbooks', () => {
  it('check 10 000 participants and 200 000 attendance rows with linear look-ups', () => {
    const people: ParticipantInput[] = [];
    for (let i = 0; i < 10_000; i++) people.push(participant({ id: `L-${i}`, firstName: `Prénom${i}` }));
    const sessions = Array.from({ length: 20 }, (_, i) => ({
      date: dateCell(`2018-${String(3 + Math.floor(i / 4)).padStart(2, '0')}-${String(6 + (i % 4) * 7).padStart(2, '0')}`),
    }));
    const attendance: { date: CellValue; id: CellValue; status: CellValue }[] = [];
    for (let s = 0; s < 20; s++)
      for (let i = 0; i < 10_000; i++) attendance.push({ date: sessions[s].date, id: `L-${i}`, status: 'Présent' });
    const wb = buildWorkbook({ participants: people, sessions, attendance });
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(result.rowsChecked).toBe(10_000 + 20 + 200_000);
    expect(result.issues).toEqual([]);
  });
});
