/**
 * Session times, hours and sexByAge through dist/Code.js (SPEC §2.1, §2.2, §3, §6, §9, §10):
 * times in every form Sheets hands over, SESSION_TIME_INVALID, the hours and sexByAge of a
 * small workbook computed by hand, Journey.hours, and "Préparer le classeur" adding the
 * settings once.
 */
import { createFakeGas, FakeGas, FakeInputCell, sheetsDate } from '../support/fake-gas';
import { wallClockToInstant } from '../support/fake-gas/dates';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

beforeAll(() => ensureBundleBuilt());

/** A time cell as Sheets gives it: the instant of that wall-clock time on 30/12/1899 in Paris (local mean time then). */
function sheetsTime(hours: number, minutes: number): Date {
  return new Date(wallClockToInstant(Date.UTC(1899, 11, 30, hours, minutes), 'Europe/Paris'));
}

const d = (iso: string) => sheetsDate(iso);

/** Plain data, as google.script.run would pass it. */
function call(fake: FakeGas, name: string, ...args: unknown[]): any {
  return JSON.parse(JSON.stringify(loadBundle(fake).call(name, ...args)));
}

const PARTICIPANTS: FakeInputCell[][] = [
  ['ID', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Commune', "Date d'entrée"],
  ['A-1', 'Martin', 'Léa', 'F', d('2001-06-15'), 'Cachan', d('2018-03-01')], // 16 at entry: under18
  ['A-2', 'Benali', 'Yanis', 'H', d('1998-01-10'), 'Arcueil', d('2018-03-01')], // 20: 18to21
  ['A-3', 'Durand', 'Sacha', '', d('1995-05-05'), 'Gentilly', d('2018-03-01')], // 22, sex not given: 22to25
  ['A-4', 'Petit', 'Inès', 'Femme', '', 'Villejuif', d('2018-03-01')], // no birth date: unknown band
  ['A-5', 'Moreau', 'Hugo', 'M.', d('1990-01-01'), 'Cachan', d('2017-09-01')], // carried over, 28 on 06/03/2018: 26plus
  ['A-6', 'Roux', 'Emma', 'F', d('2000-02-02'), 'Cachan', d('2017-01-01')], // no Présent in 2018: not a beneficiary
];

/** Séances in the forms Sheets hands over: 1899 Dates, text, fractions of a day. */
const SESSIONS: FakeInputCell[][] = [
  ['Date', 'Thème', 'Début', 'Fin'],
  [d('2018-03-06'), 'CV', sheetsTime(14, 0), sheetsTime(16, 30)], // 150 min
  [d('2018-03-13'), 'CV', '', ''], // no times of its own
  [d('2018-03-20'), 'Lettre de motivation', '14h', 1035 / 1440], // 14:00–17:15: 195 min
  [d('2018-03-06'), 'doublon', '9:00', '18:00'], // same date: the first row is the session
  [d('2017-12-19'), 'Bilan', '14 h 00', '16:00'], // another year
];

const ATTENDANCE: FakeInputCell[][] = [
  ['Date', 'ID participant', 'Statut'],
  [d('2018-03-06'), 'A-1', 'Présent'],
  [d('2018-03-06'), 'A-2', 'Présent'],
  [d('2018-03-06'), 'A-3', 'Absent'],
  [d('2018-03-06'), 'A-5', 'Présent'],
  [d('2018-03-06'), 'X-9', 'Présent'], // unknown ID: counted nowhere
  [d('2018-03-13'), 'A-1', 'Présent'],
  [d('2018-03-13'), 'A-2', 'Présent'],
  [d('2018-03-20'), 'A-1', 'Présent'],
  [d('2018-03-20'), 'A-3', 'Présent'],
  [d('2018-03-20'), 'A-4', 'Excusé'],
  [d('2018-04-03'), 'A-2', 'Présent'], // no Séances row: no hours
  [d('2017-12-19'), 'A-5', 'Présent'],
  [d('2017-12-19'), 'A-6', 'Présent'],
];

function workbook(settings?: FakeInputCell[][]): FakeGas {
  const sheets: Record<string, FakeInputCell[][]> = { Participants: PARTICIPANTS, Séances: SESSIONS, Présences: ATTENDANCE };
  if (settings) sheets.Paramètres = settings;
  return createFakeGas({ sheets });
}

describe('times of day in every form Sheets hands over (dist/Code.js)', () => {
  /** The hours delivered in 2018 by one session from `start` to 16:00. */
  function hoursUntil4pm(start: FakeInputCell): number {
    const fake = createFakeGas({
      sheets: {
        Participants: PARTICIPANTS,
        Séances: [
          ['Date', 'Début', 'Fin'],
          [d('2018-03-06'), start, '16:00'],
        ],
      },
    });
    return call(fake, 'computeIndicators', 2018).hours.delivered;
  }

  it.each([
    ['a 1899 Date at 14:00 Paris time (local mean time, UTC+0:09:21)', sheetsTime(14, 0), 2],
    ['a fraction of a day (14:00)', 14 / 24, 2],
    ['a fraction of a day rounded to the minute (0.5833… = 14:00)', 0.5833, 2],
    ['the text 14:00', '14:00', 2],
    ['the text 14h', '14h', 2],
    ['the text 14h30', '14h30', 1.5],
    ['the text 14 h 30', '14 h 30', 1.5],
    ['the text 9:05', '9:05', 6.9], // 415 min = 6.9166… h
  ])('reads %s', (_form, start, hours) => {
    expect(hoursUntil4pm(start)).toBe(hours);
  });

  it('reads 1899 Dates at 14:00 and 12:00 as such in the French message of an end before the start', () => {
    const fake = createFakeGas({
      sheets: {
        Participants: PARTICIPANTS,
        Séances: [
          ['Date', 'Début', 'Fin'],
          [d('2018-03-06'), sheetsTime(14, 0), sheetsTime(12, 0)],
        ],
      },
    });
    const [issue] = call(fake, 'validateWorkbook').issues.filter((i: { code: string }) => i.code === 'SESSION_TIME_INVALID');
    expect(issue.message).toContain("L'heure de fin (12\u00a0h\u00a000) n'est pas après l'heure de début (14\u00a0h\u00a000)");
  });
});

describe('hours and sexByAge of 2018 (dist/Code.js)', () => {
  it('counts the hours delivered and attended by hand: whole minutes, rounded once', () => {
    const i = call(workbook(), 'computeIndicators', 2018);
    // Delivered: 06/03 (150 min, its first row) + 20/03 (195 min) = 345 min = 5.75 h → 5.8.
    // Attended: 3 Présent on 06/03 × 150 + 2 on 20/03 × 195 = 840 min = 14 h (13/03 has no
    // times, 03/04 no Séances row, X-9 is unknown). Per beneficiary: 840 / 5 = 168 min = 2.8 h.
    // Without times: the row of 13/03 (4 rows in 2018, the duplicate of 06/03 has its date's times).
    expect(i.hours).toEqual({ delivered: 5.8, attended: 14, perBeneficiary: 2.8, sessionsWithoutTimes: 1 });
    expect(i.attendance.sessions).toBe(4);
  });

  it('gives the sessions without times the defaults of Paramètres', () => {
    const i = call(
      workbook([
        ['Heure de début', 'Heure de fin'],
        ['9h30', sheetsTime(12, 0)],
      ]),
      'computeIndicators',
      2018,
    );
    // 13/03 now lasts 9:30–12:00 = 150 min: delivered 495 min = 8.25 h → 8.3; attended
    // 840 + 2 × 150 = 1 140 min = 19 h; per beneficiary 1 140 / 5 = 228 min = 3.8 h.
    expect(i.hours).toEqual({ delivered: 8.3, attended: 19, perBeneficiary: 3.8, sessionsWithoutTimes: 0 });
  });

  it('splits ageBands by sex, its cells adding up to ageBands', () => {
    const i = call(workbook(), 'computeIndicators', 2018);
    const zero = { under18: 0, '18to21': 0, '22to25': 0, '26plus': 0, unknown: 0 };
    expect(i.sexByAge).toEqual({
      F: { ...zero, under18: 1, unknown: 1 },
      H: { ...zero, '18to21': 1, '26plus': 1 },
      unknown: { ...zero, '22to25': 1 },
    });
    expect(i.ageBands).toEqual({ under18: 1, '18to21': 1, '22to25': 1, '26plus': 1, unknown: 1 });
    for (const band of Object.keys(i.ageBands)) {
      expect(i.sexByAge.F[band] + i.sexByAge.H[band] + i.sexByAge.unknown[band]).toBe(i.ageBands[band]);
    }
  });

  it('gives a young person’s attended hours and the sessions without a duration in the Parcours', () => {
    // Présent on 06/03 (2 h 30), 13/03 (no times) and 03/04 (no Séances row).
    expect(call(workbook(), 'getParticipantJourney', 'A-2').journey.hours).toEqual({ attended: 2.5, unknown: 2 });
    const withDefaults = workbook([
      ['Heure de début', 'Heure de fin'],
      ['9:30', '12:00'],
    ]);
    expect(call(withDefaults, 'getParticipantJourney', 'A-2').journey.hours).toEqual({ attended: 5, unknown: 1 });
  });
});

describe('SESSION_TIME_INVALID (dist/Code.js)', () => {
  function timeIssues(sessions: FakeInputCell[][]) {
    const fake = createFakeGas({ sheets: { Participants: PARTICIPANTS, Séances: sessions } });
    return call(fake, 'validateWorkbook')
      .issues.filter((i: { sheet: string }) => i.sheet === 'Séances')
      .map((i: { row: number; column: string; code: string; severity: string }) => [i.row, i.column, i.code, i.severity]);
  }

  it('raises one error per row, on the unreadable cell (Début first), else the blank one, else Fin', () => {
    const rows: FakeInputCell[][] = [
      ['Date', 'Heure de début', 'Heure de fin'],
      [d('2018-03-06'), 'midi', ''], // 2: unreadable Début
      [d('2018-03-13'), '', 'midi'], // 3: unreadable Fin (before the blank Début)
      [d('2018-03-20'), 'midi', 'quatre heures'], // 4: both unreadable: Début, once
      [d('2018-03-27'), sheetsTime(14, 0), ''], // 5: Fin blank
      [d('2018-04-03'), '', 16 / 24], // 6: Début blank
      [d('2018-04-10'), '16:00', '14:00'], // 7: Fin not after Début
      [d('2018-04-17'), '14h', '14:00'], // 8: equal times
      [d('2018-04-24'), '', ''], // 9: no times: fine
      [d('2018-05-15'), sheetsTime(9, 5), sheetsTime(12, 0)], // 10: fine
    ];
    expect(timeIssues(rows)).toEqual([
      [2, 'Début', 'SESSION_TIME_INVALID', 'error'],
      [3, 'Fin', 'SESSION_TIME_INVALID', 'error'],
      [4, 'Début', 'SESSION_TIME_INVALID', 'error'],
      [5, 'Fin', 'SESSION_TIME_INVALID', 'error'],
      [6, 'Début', 'SESSION_TIME_INVALID', 'error'],
      [7, 'Fin', 'SESSION_TIME_INVALID', 'error'],
      [8, 'Fin', 'SESSION_TIME_INVALID', 'error'],
    ]);
  });

  it('says what is wrong in French', () => {
    const fake = createFakeGas({
      sheets: {
        Participants: PARTICIPANTS,
        Séances: [
          ['Date', 'Début', 'Fin'],
          [d('2018-03-06'), 'midi', '16:00'],
        ],
      },
    });
    const [issue] = call(fake, 'validateWorkbook').issues.filter((i: { code: string }) => i.code === 'SESSION_TIME_INVALID');
    expect(issue.message).toContain("«\u00a0midi\u00a0» n'est pas une heure lisible");
  });

  it('raises nothing on a tab with only one of the two columns', () => {
    expect(
      timeIssues([
        ['Date', 'Début'],
        [d('2018-03-06'), 'midi'],
        [d('2018-03-13'), '14:00'],
      ]),
    ).toEqual([]);
    expect(
      timeIssues([
        ['Date', 'Fin'],
        [d('2018-03-06'), 'midi'],
      ]),
    ).toEqual([]);
  });
});

describe('"Préparer le classeur" and the settings (dist/Code.js)', () => {
  it('adds the missing settings to Paramètres with their defaults, and Début/Fin to Séances, once', () => {
    const fake = createFakeGas({
      sheets: {
        Participants: PARTICIPANTS,
        Séances: [
          ['Date', 'Thème', 'Remarque'],
          [d('2018-03-06'), 'CV', 'salle 2'],
        ],
        Présences: ATTENDANCE,
        Paramètres: [
          ['Année', 'Places prévues', 'Structure'],
          [2018, 55, 'Mission locale de la Bièvre'],
          [2019, 60, ''],
        ],
      },
    });
    const gas = loadBundle(fake);
    gas.call('menuPrepareWorkbook');
    expect(fake.values('Paramètres')).toEqual([
      [
        'Année',
        'Places prévues',
        'Structure',
        'Durée de conservation (années)',
        'Mention des financeurs',
        'Heure de début',
        'Heure de fin',
        'Lignes vierges',
      ],
      [2018, 55, 'Mission locale de la Bièvre', 2, '', '', '', 5],
      [2019, 60, '', '', '', '', '', ''],
    ]);
    expect(fake.values('Séances')).toEqual([
      ['Date', 'Thème', 'Remarque', 'Début', 'Fin'],
      [d('2018-03-06'), 'CV', 'salle 2', '', ''],
    ]);
    const after = JSON.stringify([fake.values('Paramètres'), fake.values('Séances')]);
    loadBundle(fake).call('menuPrepareWorkbook');
    expect(JSON.stringify([fake.values('Paramètres'), fake.values('Séances')])).toBe(after);
  });

  it('creates Paramètres with every setting and its default when the tab is missing', () => {
    const fake = createFakeGas({ sheets: { Participants: PARTICIPANTS } });
    loadBundle(fake).call('menuPrepareWorkbook');
    const [header, row2] = fake.values('Paramètres');
    const at = (name: string) => row2[header.indexOf(name)];
    expect([
      at('Durée de conservation (années)'),
      at('Structure'),
      at('Mention des financeurs'),
      at('Heure de début'),
      at('Heure de fin'),
      at('Lignes vierges'),
    ]).toEqual([2, 'Mission locale', '', '', '', 5]);
    expect(fake.values('Séances')[0]).toEqual(['Date', 'Thème', 'Animateur', 'Lieu', 'Début', 'Fin', 'Commentaire']);
  });
});
