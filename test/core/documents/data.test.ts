/**
 * What the printed documents hold, read from a workbook (SPEC §12): the day's list of SPEC §4
 * (the expected group and anyone recorded for the date, sorted like the attendance list), the
 * session's times (its own, else the defaults), the settings; the sessions attended of a
 * certificate and its refusals.
 */
import { certificateData, signInSheetData } from '../../../src/core/documents/data';
import { defaultSignInSheetDay } from '../../../src/core/documents/date-dialog';
import { renderSignInSheet } from '../../../src/core/documents/sign-in-sheet';
import { dayFromIso } from '../../../src/core/days';
import { isUserError } from '../../../src/core/errors';
import type { CellValue } from '../../../src/core/values';
import { readModel } from '../../../src/app/read';
import { buildWorkbook, dateCell, participant, WorkbookInput } from '../../support/builders';

const d = (iso: string) => dayFromIso(iso) as number;

const SETTINGS: CellValue[][] = [
  ['Structure', 'Mention des financeurs', 'Lignes vierges', 'Heure de début', 'Heure de fin'],
  ['Mission locale de test', 'Avec le soutien du FSE', 2, '9h30', '12:00'],
];

function sessions(rows: CellValue[][]): Record<string, CellValue[][]> {
  return { Séances: [['Date', 'Thème', 'Animateur', 'Lieu', 'Début', 'Fin'], ...rows] };
}

function model(input: WorkbookInput) {
  return readModel(buildWorkbook(input));
}

function refusal(run: () => unknown): string | null {
  try {
    run();
  } catch (e) {
    if (isUserError(e)) return e.code;
    throw e;
  }
  return null;
}

const people = () => [
  participant({ id: 'P-1', lastName: 'Zidane', firstName: 'Inès', entryDate: '2018-09-01', phone: '06 11 22 33 44' }),
  participant({ id: 'P-2', lastName: 'Ábel', firstName: 'Léa', entryDate: '2018-09-01', email: 'lea@example.org' }),
  participant({ id: 'P-3', lastName: 'Martin', firstName: 'Noé', entryDate: '2017-01-10' }), // inactive since long ago
  participant({ id: 'P-4', lastName: 'Durand', firstName: 'Yan', entryDate: '2018-09-01', anonymisedOn: '2026-01-01' }),
];

describe('signInSheetData', () => {
  const input = (): WorkbookInput => ({
    participants: people(),
    settings: SETTINGS,
    extraTabs: sessions([
      [dateCell('2018-10-30'), 'CV', 'Nadia Roux', 'Salle 1', '14:00', '16:30'],
      [dateCell('2018-10-30'), 'Autre ligne', 'X', 'Y', '', ''],
      [dateCell('2018-11-06'), 'Lettre', 'Nadia Roux', 'Salle 2', '', ''],
    ]),
    attendance: [{ date: '2018-10-30', id: 'P-3', status: 'Présent' }],
  });

  it('lists the expected group and anyone recorded that day, sorted like the attendance list, anonymised rows left out', () => {
    const data = signInSheetData(model(input()), d('2018-10-30'));
    expect(data.people).toEqual([
      { lastName: 'Ábel', firstName: 'Léa' },
      { lastName: 'Martin', firstName: 'Noé' },
      { lastName: 'Zidane', firstName: 'Inès' },
    ]);
  });

  it('takes the first Séances row of the date and its own times, and the settings of Paramètres', () => {
    const data = signInSheetData(model(input()), d('2018-10-30'));
    expect([data.theme, data.facilitator, data.place, data.times, data.organisation, data.fundersNote, data.blankLines]).toEqual([
      'CV',
      'Nadia Roux',
      'Salle 1',
      { start: 14 * 60, end: 16 * 60 + 30 },
      'Mission locale de test',
      'Avec le soutien du FSE',
      2,
    ]);
  });

  it('falls back on the default times of Paramètres, and on none without them', () => {
    expect(signInSheetData(model(input()), d('2018-11-06')).times).toEqual({ start: 9 * 60 + 30, end: 12 * 60 });
    const noSettings = { ...input(), settings: undefined };
    const data = signInSheetData(model(noSettings), d('2018-11-06'));
    expect([data.times, data.organisation, data.fundersNote, data.blankLines]).toEqual([null, 'Mission locale', null, 5]);
  });

  it('accepts a date after today (a sheet is printed before the session) and a date without a session when people are expected', () => {
    const data = signInSheetData(model(input()), d('2018-10-23'));
    expect([data.theme, data.times, data.people.length]).toEqual(['', { start: 9 * 60 + 30, end: 12 * 60 }, 2]);
  });

  it('gives a date without a Séances row the default times of Paramètres, and none without both of them', () => {
    expect(signInSheetData(model(input()), d('2018-10-23')).times).toEqual({ start: 9 * 60 + 30, end: 12 * 60 });
    expect(signInSheetData(model({ ...input(), settings: undefined }), d('2018-10-23')).times).toBeNull();
    const startOnly: CellValue[][] = [
      ['Heure de début', 'Heure de fin'],
      ['9h30', ''],
    ];
    expect(signInSheetData(model({ ...input(), settings: startOnly }), d('2018-10-23')).times).toBeNull();
    const endBeforeStart: CellValue[][] = [
      ['Heure de début', 'Heure de fin'],
      ['14:00', '9:00'],
    ];
    expect(signInSheetData(model({ ...input(), settings: endBeforeStart }), d('2018-10-23')).times).toBeNull();
    const html = renderSignInSheet(signInSheetData(model(input()), d('2018-10-23')));
    expect(html).toContain('de 9\u00a0h\u00a030 à 12\u00a0h\u00a000');
  });

  it('refuses a date with no session and nobody listed', () => {
    expect(refusal(() => signInSheetData(model(input()), d('2016-01-05')))).toBe('NO_DATA');
  });

  it('prints no phone, e-mail nor birth date', () => {
    const html = renderSignInSheet(signInSheetData(model(input()), d('2018-10-30')));
    expect(html).not.toMatch(/06 11 22 33 44|lea@example\.org|2000/);
  });
});

describe('certificateData', () => {
  const input = (): WorkbookInput => ({
    participants: [...people(), participant({ id: 'P-5', lastName: 'Roy', firstName: 'Lou', birthDate: '' })],
    settings: [SETTINGS[0].slice(0, 3), SETTINGS[1].slice(0, 3)],
    extraTabs: sessions([
      [dateCell('2018-10-02'), 'cv', '', '', '14:00', '16:30'],
      [dateCell('2018-10-09'), 'Lettre de motivation', '', '', '', ''],
      [dateCell('2018-10-16'), 'Bilan', '', '', '14:00', '15:00'],
    ]),
    attendance: [
      { date: '2018-10-16', id: 'P-1', status: 'Présent' },
      { date: '2018-10-02', id: 'p-1 ', status: 'Présent' },
      { date: '2018-10-09', id: 'P-1', status: 'Présent' },
      { date: '2018-10-23', id: 'P-1', status: 'Absent' },
      { date: '2018-10-02', id: 'P-5', status: 'Excusé' },
    ],
  });

  it('lists the sessions attended Présent, oldest first, with their hours, and the hours known with the sessions without times', () => {
    const data = certificateData(model(input()), ' p-1', d('2026-11-26'));
    expect(data.sessions).toEqual([
      { date: d('2018-10-02'), theme: 'CV', hours: 2.5 },
      { date: d('2018-10-09'), theme: 'Lettre de motivation', hours: null },
      { date: d('2018-10-16'), theme: 'Bilan', hours: 1 },
    ]);
    expect([data.hours, data.firstName, data.lastName, data.birthDate, data.organisation, data.today]).toEqual([
      { attended: 3.5, unknown: 1 },
      'Inès',
      'Zidane',
      d('2000-04-15'),
      'Mission locale de test',
      d('2026-11-26'),
    ]);
  });

  it('refuses an unknown ID, an anonymised one, a repeated one and someone never Présent', () => {
    const m = model(input());
    const repeated = model({ ...input(), participants: [...people(), participant({ id: 'P-1 ', lastName: 'Autre' })] });
    expect([
      refusal(() => certificateData(m, 'P-404', d('2026-11-26'))),
      refusal(() => certificateData(m, 'P-4', d('2026-11-26'))),
      refusal(() => certificateData(repeated, 'P-1', d('2026-11-26'))),
      refusal(() => certificateData(m, 'P-5', d('2026-11-26'))),
    ]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'WORKBOOK_UNUSABLE', 'NO_DATA']);
  });
});

describe('defaultSignInSheetDay', () => {
  const m = model({ extraTabs: sessions([[dateCell('2018-10-30')], [dateCell('2018-11-13')], [dateCell('2018-11-06')]]) });

  it('is today when today has a session, else the next session, else today', () => {
    expect([
      defaultSignInSheetDay(m, d('2018-11-06')),
      defaultSignInSheetDay(m, d('2018-10-31')),
      defaultSignInSheetDay(m, d('2018-12-01')),
    ]).toEqual([d('2018-11-06'), d('2018-11-06'), d('2018-12-01')]);
  });
});
