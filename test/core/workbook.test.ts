/** The workbook model (SPEC §2): tabs, header rows, columns, rows and typed records. */
import { dayFromYmd } from '../../src/core/days';
import { DEFAULT_QPV_DISTRICTS, DEFAULT_TERRITORY } from '../../src/core/lists';
import { PARTICIPANTS, SESSIONS } from '../../src/core/schema';
import type { CellValue } from '../../src/core/values';
import { attendanceRecordsOf, locateTable, readWorkbook, situationOf, tableRows, WorkbookModel } from '../../src/core/workbook';
import { sheetsDate } from '../support/fake-gas';

function model(tabs: Record<string, CellValue[][]>, timeZone = 'Europe/Paris'): WorkbookModel {
  const reads: string[] = [];
  const m = readWorkbook({
    timeZone,
    sheetNames: Object.keys(tabs),
    values(name) {
      reads.push(name);
      return tabs[name];
    },
  });
  // Each tab is read at most once.
  expect(new Set(reads).size).toBe(reads.length);
  return m;
}
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;
const HEADERS = ['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée"];

describe('header row', () => {
  it('is row 1 when it holds the headers', () => {
    const t = locateTable(PARTICIPANTS, 'Participants', [HEADERS, ['T-1', 'Martin', 'Camille', '', '', '']]);
    expect(t.headerRow).toBe(1);
    expect(t.columns).toMatchObject({ id: 0, lastName: 1, firstName: 2, birthDate: 3, commune: 4, entryDate: 5 });
    expect(t.missing).toEqual([]);
    expect(tableRows(t)).toEqual([{ row: 2, cells: ['T-1', 'Martin', 'Camille', '', '', ''] }]);
  });

  it('is found below title rows, up to row 5, and rows above it are ignored', () => {
    for (let titleRows = 0; titleRows <= 4; titleRows++) {
      const titles = Array.from({ length: titleRows }, (_, i) => [i === 0 ? 'Suivi des jeunes — Nom, Prénom, ID' : '', '', '']);
      const t = locateTable(PARTICIPANTS, 'Participants', [...titles, ['Nom', 'Prénom', 'ID'], ['Martin', 'Camille', 'T-1']]);
      expect(t.headerRow).toBe(titleRows + 1);
      expect(tableRows(t).map((r) => r.row)).toEqual([titleRows + 2]);
    }
  });

  it('is not looked for below row 5', () => {
    const rows = [[''], [''], [''], [''], [''], ['ID', 'Nom', 'Prénom'], ['T-1', 'Martin', 'Camille']];
    const t = locateTable(PARTICIPANTS, 'Participants', rows);
    expect(t.headerRow).toBeNull();
    expect(tableRows(t)).toEqual([]);
    expect(t.missing).toEqual(['id', 'lastName', 'firstName', 'birthDate', 'commune', 'entryDate']);
  });

  it('needs 3 recognised headers on Participants and 2 on Séances', () => {
    expect(
      locateTable(PARTICIPANTS, 'P', [
        ['ID', 'Nom', 'Inconnu'],
        ['ID', 'Nom', 'Prénom'],
      ]).headerRow,
    ).toBe(2);
    expect(
      locateTable(SESSIONS, 'S', [
        ['Date', 'Inconnu'],
        ['Date', 'Thème'],
      ]).headerRow,
    ).toBe(2);
    expect(locateTable(SESSIONS, 'S', [['Date'], ['x']]).headerRow).toBeNull();
  });

  it('counts a header repeated on a row once', () => {
    expect(
      locateTable(PARTICIPANTS, 'P', [
        ['ID', 'Identifiant', 'Nom'],
        ['ID', 'Nom', 'Prénom'],
      ]).headerRow,
    ).toBe(2);
  });

  it('takes the first of duplicate columns and ignores unknown ones', () => {
    const t = locateTable(PARTICIPANTS, 'P', [['Conseiller', 'Nom', 'ID', 'Prénom', 'Nom de famille', 'Identifiant']]);
    expect(t.columns).toEqual({ lastName: 1, id: 2, firstName: 3 });
  });

  it('accepts any column order and synonyms with odd case and accents', () => {
    const t = locateTable(PARTICIPANTS, 'P', [["  DATE D'INSCRIPTION", 'ne(e) le', 'VILLE', 'prenom', 'NOM DE FAMILLE', 'n°']]);
    expect(t.columns).toEqual({ entryDate: 0, birthDate: 1, commune: 2, firstName: 3, lastName: 4, id: 5 });
  });

  it('lists the required columns that are missing', () => {
    const t = locateTable(PARTICIPANTS, 'P', [['ID', 'Nom', 'Prénom']]);
    expect(t.missing).toEqual(['birthDate', 'commune', 'entryDate']);
  });

  it('ignores non-text cells when looking for headers', () => {
    expect(
      locateTable(SESSIONS, 'S', [
        [2018, 'Date', true],
        ['Date', 'Lieu'],
      ]).headerRow,
    ).toBe(2);
  });
});

describe('rows', () => {
  it('skips fully empty rows and keeps 1-based sheet row numbers', () => {
    const t = locateTable(PARTICIPANTS, 'P', [
      ['Titre'],
      ['ID', 'Nom', 'Prénom'],
      ['T-1', 'Martin', 'Camille'],
      ['', '  ', null],
      ['T-2', 'Durand', 'Léa'],
      ['', '', ''],
    ]);
    expect(tableRows(t).map((r) => r.row)).toEqual([3, 5]);
  });

  it('keeps a row with only an unknown column filled', () => {
    const t = locateTable(PARTICIPANTS, 'P', [
      ['ID', 'Nom', 'Prénom', 'Remarque perso'],
      ['', '', '', 'à rappeler'],
    ]);
    expect(tableRows(t).map((r) => r.row)).toEqual([2]);
  });
});

describe('readWorkbook', () => {
  it('finds the tabs ignoring case, accents and surrounding spaces', () => {
    const m = model({
      ' participants ': [HEADERS],
      SEANCES: [['Date', 'Thème']],
      presences: [['Date', 'ID', 'Statut']],
      'Paramètres ': [
        ['Année', 'Places prévues'],
        [2018, 55],
      ],
    });
    expect(m.participants.sheetName).toBe(' participants ');
    expect(m.sessions.sheetName).toBe('SEANCES');
    expect(m.attendance.sheetName).toBe('presences');
    expect(m.settings.sheetName).toBe('Paramètres ');
    expect(m.settings.years.get(2018)?.plannedPlaces).toBe(55);
  });

  it('reads participants into typed records', () => {
    const m = model({
      Participants: [
        ['Suivi 2018'],
        [...HEADERS, 'Sexe', 'Résident QPV', 'Quartier QPV', 'Niveau', 'Situation', 'Contrat', 'Durée'],
        [
          ' t-1 ',
          ' Martin ',
          'Camille',
          '14/06/2000',
          'le kremlin bicetre',
          sheetsDate('2018-03-05'),
          'Femme',
          'oui',
          'chaperon vert',
          'IV',
          '',
          'Contrat pro',
          '12',
        ],
        ['T-2', 'Durand', 'Léa', '31/02/2001', 'Paris', 43164, 'x', 'peut-être', '', '', 'Alternance', '', 'douze'],
      ],
    });
    const [a, b] = m.participantRecords;
    expect(a).toMatchObject({
      row: 3,
      id: 't-1',
      idKey: 't-1',
      lastName: 'Martin',
      firstName: 'Camille',
      sex: { status: 'ok', value: 'F' },
      birthDate: { status: 'ok', value: day(2000, 6, 14) },
      communeName: 'Le Kremlin-Bicêtre',
      inTerritory: true,
      qpvResident: { status: 'ok', value: true },
      qpvDistrictName: 'Chaperon Vert',
      trainingLevel: { status: 'ok', value: 'Bac (niveau 4)' },
      entryDate: { status: 'ok', value: day(2018, 3, 5) },
      situation: { status: 'blank' },
      contractType: { status: 'ok', value: 'Professionnalisation' },
      contractMonths: { status: 'ok', value: 12 },
    });
    expect(situationOf(a)).toEqual({ status: 'ok', value: 'En recherche' });
    expect(b).toMatchObject({
      row: 4,
      sex: { status: 'invalid' },
      commune: { status: 'ok', value: 'Paris' },
      communeName: 'Paris',
      inTerritory: false,
      qpvResident: { status: 'invalid' },
      entryDate: { status: 'ok', value: day(2018, 3, 5) },
      situation: { status: 'ok', value: 'Alternance signée' },
      contractMonths: { status: 'invalid' },
    });
    expect(b.birthDate.status).toBe('invalid');
  });

  it('reads sessions and attendance', () => {
    const m = model({
      Séances: [
        ['Date de la séance', 'Atelier', 'Intervenant', 'Lieu'],
        ['06/03/2018', ' CV ', 'A. Bernard', 'Villejuif'],
      ],
      Présences: [
        ['Séance', 'Identifiant', 'Présence'],
        [sheetsDate('2018-03-06'), ' T-1 ', 'présente'],
        ['06/03/2018', 'T-2', 'peut-être'],
      ],
    });
    expect(m.sessionRecords).toEqual([
      {
        row: 2,
        date: { status: 'ok', value: day(2018, 3, 6) },
        theme: 'CV',
        facilitator: 'A. Bernard',
        place: 'Villejuif',
        start: { status: 'blank' },
        end: { status: 'blank' },
        comment: '',
      },
    ]);
    expect(attendanceRecordsOf(m)[0]).toEqual({
      row: 2,
      date: { status: 'ok', value: day(2018, 3, 6) },
      participantId: 'T-1',
      idKey: 't-1',
      status: { status: 'ok', value: 'Présent' },
    });
    expect(attendanceRecordsOf(m)[1].status.status).toBe('invalid');
  });

  it('keeps every Présences cell as read: unreadable texts, blank cells, each spelling of an ID', () => {
    const m = model({
      Participants: [HEADERS, ['T-1', 'Martin', 'Camille', '', '', '01/03/2018']],
      Présences: [
        ['Date', 'ID participant', 'Statut'],
        ['31/02/2018', 't-1 ', 'peut-être'],
        ['', 'T-1', ''],
        [sheetsDate('2018-03-06'), 'X-9', 'E'],
        ['06/03/2018', '', 'Absente'],
      ],
    });
    expect(attendanceRecordsOf(m).map((a) => [a.row, a.date, a.participantId, a.idKey, a.status])).toEqual([
      [2, { status: 'invalid', text: '31/02/2018' }, 't-1', 't-1', { status: 'invalid', text: 'peut-être' }],
      [3, { status: 'blank' }, 'T-1', 't-1', { status: 'blank' }],
      [4, { status: 'ok', value: day(2018, 3, 6) }, 'X-9', 'x-9', { status: 'ok', value: 'Excusé' }],
      [5, { status: 'ok', value: day(2018, 3, 6) }, '', '', { status: 'ok', value: 'Absent' }],
    ]);
  });

  it('numbers every ID once, those of Participants first, the first row of a repeated ID winning', () => {
    const m = model({
      Participants: [
        HEADERS,
        ['B-2', 'Roux', 'Ana', '', '', ''],
        ['A-1', 'Martin', 'Léa', '', '', ''],
        [' b-2', 'Roux', 'Eva', '', '', ''],
      ],
      Présences: [
        ['Date', 'ID participant', 'Statut'],
        ['06/03/2018', 'Z-9', 'P'],
        ['06/03/2018', 'a-1', 'P'],
        ['06/03/2018', 'z-9 ', 'P'],
      ],
    });
    expect(m.people.keys).toEqual(['b-2', 'a-1', 'z-9']);
    expect(m.people.participants.map((p) => p.firstName)).toEqual(['Ana', 'Léa']);
    expect(Array.from(m.attendanceColumns.person)).toEqual([2, 1, 2]);
  });

  it('works with missing tabs: no rows, all required columns missing, default settings', () => {
    const m = model({});
    expect(m.participantRecords).toEqual([]);
    expect(m.participants.sheetName).toBeNull();
    expect(m.participants.missing).toHaveLength(6);
    expect(m.settings.sheetName).toBeNull();
    expect(m.settings.years.size).toBe(0);
    expect(m.settings.territory).toEqual(DEFAULT_TERRITORY);
    expect(m.settings.qpvDistricts.map((d) => d.name)).toEqual(DEFAULT_QPV_DISTRICTS.map((d) => d.name));
    expect(m.settings.confidentialityThreshold).toBeNull();
  });

  it('reads Paramètres columns downwards until their first empty cell', () => {
    const m = model({
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
        [2017, 55, '06/03/2017', sheetsDate('2017-10-31'), 'Arcueil', 'Chaperon Vert', 'Arcueil', 5],
        ['2018', '60', '', '', 'Cachan', 'Chaperon Vert', 'Gentilly', ''],
        ['', '', '', '', '', 'La Plaine', 'Cachan', ''],
        [2019, 70, '', '', 'Fresnes', '', '', ''],
      ],
    });
    expect([...m.settings.years.keys()]).toEqual([2017, 2018]);
    expect(m.settings.years.get(2017)).toEqual({
      year: 2017,
      plannedPlaces: 55,
      seasonStart: day(2017, 3, 6),
      seasonEnd: day(2017, 10, 31),
    });
    expect(m.settings.years.get(2018)).toEqual({ year: 2018, plannedPlaces: 60, seasonStart: null, seasonEnd: null });
    expect(m.settings.territory).toEqual(['Arcueil', 'Cachan']);
    expect(m.settings.qpvDistricts).toEqual([
      { name: 'Chaperon Vert', communes: ['Arcueil', 'Gentilly'] },
      { name: 'La Plaine', communes: ['Cachan'] },
    ]);
    expect(m.settings.confidentialityThreshold).toBe(5);
  });

  it('honours a Paramètres tab with a single recognised header', () => {
    const m = model({ Paramètres: [['Seuil de confidentialité'], [3]] });
    expect(m.settings.confidentialityThreshold).toBe(3);
    expect(m.settings.territory).toEqual(DEFAULT_TERRITORY);
  });

  it('reads Date cells in the workbook time zone', () => {
    const m = model(
      {
        Séances: [
          ['Date', 'Thème'],
          [sheetsDate('2018-03-06', 'America/Cayenne'), 'CV'],
        ],
      },
      'America/Cayenne',
    );
    expect(m.sessionRecords[0].date).toEqual({ status: 'ok', value: day(2018, 3, 6) });
  });
});
