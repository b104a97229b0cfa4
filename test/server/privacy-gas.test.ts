/**
 * Personal data (SPEC §11) through the built bundle dist/Code.js on the counting fake of the
 * Apps Script services, with the bundle's clock fixed: a workbook of two seasons (2017, 2018),
 * today 15/06/2020, so the cutoff is 15/06/2018.
 */
import * as vm from 'node:vm';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { dayFromIso, isoOfDay, DateCellReader } from '../../src/core/days';
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import type { CellValue } from '../../src/core/values';
import { MARK_HEADER } from '../../src/i18n/fr/checks';
import type { Issue } from '../../src/shared/api';
import { dateCell, participant, participantsTab, TZ } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { ensureBundleBuilt, LoadedBundle, loadBundle } from '../support/gas-local';

const TODAY = '2020-06-15';
const ATTENDANCE_HEADER = ['Date', 'ID participant', 'Participant', 'Statut'];
const SESSIONS_HEADER = ['Date', 'Thème', 'Animateur', 'Lieu'];
const TABS = ['Participants', 'Séances', 'Présences', 'Paramètres'];

const isDate = (c: unknown): c is Date => Object.prototype.toString.call(c) === '[object Date]';
const reader = new DateCellReader(TZ);
/** Date cells → 'YYYY-MM-DD' (Dates may come from the bundle's realm). */
const plain = (rows: unknown[][]): unknown[][] =>
  rows.map((r) => r.map((c) => (isDate(c) ? isoOfDay(reader.dayOf(new Date(c.getTime()))!) : c)));

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

interface Person {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  phone: string;
  email: string;
}

/** Two seasons of fictional people. A*: last activity before the cutoff; B*: after it; others never proposed. */
function seasons(): { sheets: Record<string, FakeInputCell[][]>; due: Person[]; kept: string[] } {
  const people = [
    participant({
      id: 'A-1',
      lastName: 'Fictif',
      firstName: 'Anaïs',
      birthDate: '2000-02-11',
      entryDate: '2017-03-06',
      situation: 'Formation',
      exitDate: '2017-10-20',
      phone: '06 11 22 33 44',
      email: 'anais.fictif@exemple.test',
      address: '1 rue Imaginaire',
      comment: 'Suivi renforcé',
    }),
    // Carried over into 2018: 17 at entry, 18 at her first Présent of 2018.
    participant({
      id: 'A-2',
      lastName: 'Inventé',
      firstName: 'Bérénice',
      birthDate: '2000-01-10',
      entryDate: '2017-09-04',
      phone: '0611223345',
      email: 'berenice@exemple.test',
      referrer: 'Pôle emploi fictif',
      careerPlan: 'Fleuriste',
    }),
    participant({
      id: 'A-3',
      lastName: 'Supposé',
      firstName: 'Cyril',
      sex: 'H',
      birthDate: '1998-05-20',
      entryDate: '2017-05-02',
      situation: 'Alternance signée',
      contractType: 'Apprentissage',
      contractStart: '2017-09-01',
      contractMonths: 24,
      employer: 'Boulangerie Fictive',
      trainingProvider: 'CFA Imaginaire',
      diploma: 'CAP Boulanger',
      phone: '0611223346',
      email: 'cyril@exemple.test',
    }),
    participant({
      id: 'B-1',
      lastName: 'Présent',
      firstName: 'Dora',
      birthDate: '1999-07-01',
      entryDate: '2018-03-05',
      phone: '0611223347',
      email: 'dora@exemple.test',
    }),
    participant({
      id: 'A-4',
      lastName: 'Quittant',
      firstName: 'Émile',
      sex: 'H',
      birthDate: '1999-12-01',
      entryDate: '2018-03-05',
      situation: 'Abandon',
      exitDate: '2018-05-30',
      qpvResident: 'Oui',
      qpvDistrict: 'Chaperon Vert',
      commune: 'Gentilly',
      postcode: '94250',
    }),
    participant({
      id: 'B-2',
      lastName: 'Signé',
      firstName: 'Fanny',
      birthDate: '1999-03-03',
      entryDate: '2018-06-01',
      situation: 'Alternance signée',
      contractType: 'Professionnalisation',
      contractStart: '2018-07-02',
      contractMonths: 12,
    }),
    participant({ id: '', lastName: 'SansId', firstName: 'Gaël', entryDate: '2016-01-04' }),
    participant({ id: 'T-DUP', lastName: 'Double', firstName: 'Hugo', entryDate: '2016-01-04' }),
    participant({ id: 't-dup ', lastName: 'Double', firstName: 'Inès', entryDate: '2016-02-01' }),
    participant({
      id: 'ANON-0007',
      lastName: '',
      firstName: '',
      birthDate: '',
      entryDate: '2016-03-01',
      ageAtEntry: 19,
      anonymisedOn: '2019-01-02',
    }),
    participant({ id: 'Z-1', lastName: 'SansDate', firstName: 'Jules', entryDate: '' }),
  ];
  const columns = [...(participantsTab(people)[0] as string[])];
  const tab = participantsTab(people) as FakeInputCell[][];
  // An unknown column, filled for one of the people due.
  tab[0].push('Notes perso');
  tab.slice(1).forEach((line, i) => line.push(i === 0 ? 'aime le dessin' : ''));
  expect(columns).toContain("Âge à l'entrée");

  const s2017 = ['2017-03-13', '2017-05-15', '2017-09-11', '2017-10-02'];
  const s2018 = ['2018-03-12', '2018-04-09', '2018-05-14', '2018-09-24'];
  const attendance: FakeInputCell[][] = [ATTENDANCE_HEADER];
  const mark = (date: string, id: string, name: string, status: string) => attendance.push([dateCell(date), id, name, status]);
  mark('2017-03-13', 'A-1', 'Fictif Anaïs', 'Présent');
  mark('2017-05-15', 'A-1', 'Fictif Anaïs', 'Absent');
  mark('2017-05-15', 'A-3', 'Supposé Cyril', 'Présent');
  mark('2017-09-11', 'A-2', 'Inventé Bérénice', 'Présent');
  mark('2017-10-02', 'A-2', 'Inventé Bérénice', 'Excusé');
  mark('2018-03-12', 'A-2', 'Inventé Bérénice', 'Présent');
  mark('2018-04-09', 'A-2', 'Inventé Bérénice', 'Présent');
  mark('2018-03-12', 'B-1', 'Présent Dora', 'Présent');
  mark('2018-03-12', 'A-4', 'Quittant Émile', 'Présent');
  mark('2018-05-14', 'A-4', 'Quittant Émile', 'Absent');
  mark('2018-09-24', 'B-1', 'Présent Dora', 'Présent');
  mark('2018-03-12', 'ANON-0007', '', 'Présent');
  const pick = (id: string): Person => {
    const p = people.find((x) => x.id === id)!;
    return {
      id,
      lastName: String(p.lastName),
      firstName: String(p.firstName),
      birthDate: String(p.birthDate),
      phone: String(p.phone ?? ''),
      email: String(p.email ?? ''),
    };
  };
  return {
    sheets: {
      Participants: tab,
      Séances: [SESSIONS_HEADER, ...[...s2017, ...s2018].map((d) => [dateCell(d), 'CV', 'Nadia', 'Salle 1'])],
      Présences: attendance,
      Paramètres: [
        ['Année', 'Places prévues'],
        [2017, 55],
        [2018, 55],
      ],
    },
    due: ['A-1', 'A-2', 'A-3', 'A-4'].map(pick),
    kept: ['B-1', 'B-2', '', 'T-DUP', 't-dup ', 'ANON-0007', 'Z-1'],
  };
}

function open(sheets: Record<string, FakeInputCell[][]>): { fake: FakeGas; bundle: LoadedBundle } {
  ensureBundleBuilt();
  const fake = createFakeGas({ sheets });
  const bundle = loadBundle(fake);
  fixClock(bundle, TODAY);
  return { fake, bundle };
}

function setNote(fake: FakeGas, sheet: string, row: number, col: number, note: string): void {
  const restore = fake.install();
  try {
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!.getRange(row, col).setNote(note);
  } finally {
    restore();
  }
}

function states(fake: FakeGas) {
  return TABS.map((t) => fake.tabState(t));
}

const errorKeys = (issues: Issue[]) =>
  new Set(issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}|${i.row}|${i.code}`));

/** The indicators of a year on plain values (Date cells as Sheets gives them). */
function indicatorsOf(values: Record<string, CellValue[][]>, year: number) {
  const wb = new MemoryWorkbook(TZ, values);
  return computeIndicators(readModel(wb), year);
}

function tabValues(fake: FakeGas): Record<string, CellValue[][]> {
  const out: Record<string, CellValue[][]> = {};
  for (const t of TABS) out[t] = fake.values(t).map((r) => r.map((c) => (isDate(c) ? new Date(c.getTime()) : c)));
  return out;
}

describe('previewAnonymisation through dist/Code.js', () => {
  it('proposes exactly the participants whose last activity is before the cutoff', () => {
    const { bundle } = open(seasons().sheets);
    const plan = bundle.call('previewAnonymisation');
    expect(plan).toEqual({
      cutoff: '2018-06-15',
      retentionYears: 2,
      ids: ['A-1', 'A-2', 'A-3', 'A-4'],
      byYear: { '2017': 2, '2018': 2 },
      columnsCleared: [
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
        'Notes perso',
      ],
    });
  });

  it('takes the retention from Paramètres › Durée de conservation (années)', () => {
    const { sheets } = seasons();
    sheets.Paramètres = [
      ['Année', 'Places prévues', 'Durée de conservation (années)'],
      [2017, 55, 1],
      [2018, 55, ''],
    ];
    const { bundle } = open(sheets);
    const plan = bundle.call('previewAnonymisation');
    expect([plan.cutoff, plan.retentionYears, plan.ids]).toEqual(['2019-06-15', 1, ['A-1', 'A-2', 'A-3', 'B-1', 'A-4', 'B-2']]);
  });
});

describe('anonymise through dist/Code.js', () => {
  function anonymised() {
    const data = seasons();
    const { fake, bundle } = open(data.sheets);
    const before = tabValues(fake);
    const beforeIssues = bundle.call('validateWorkbook').issues as Issue[];
    const indicatorsBefore = [2017, 2018].map((y) => bundle.call('computeIndicators', y));
    // The add-on's mark on A-1's name, a user's note on A-1's commune and on A-3's e-mail, a mark on B-1.
    setNote(fake, 'Participants', 2, 2, `${MARK_HEADER}\n• Erreur : exemple`);
    setNote(fake, 'Participants', 2, 6, 'Vérifier la commune');
    setNote(fake, 'Participants', 4, 23, 'Adresse perso de Cyril');
    setNote(fake, 'Participants', 5, 2, `${MARK_HEADER}\n• Erreur : exemple`);
    const plan = bundle.call('previewAnonymisation');
    const result = bundle.call('anonymise', { cutoff: plan.cutoff, ids: plan.ids });
    return { ...data, fake, bundle, before, beforeIssues, indicatorsBefore, result };
  }

  it('reports how many people and Présences rows it anonymised', () => {
    const { result } = anonymised();
    expect(result).toEqual({ anonymised: 4, presencesUpdated: 9 });
  });

  it('leaves no name, birth date, phone, e-mail or old ID of those people anywhere', () => {
    const { fake, due } = anonymised();
    const everything: string[] = [];
    for (const t of TABS) {
      for (const line of plain(fake.values(t))) for (const c of line) everything.push(String(c));
      for (const line of fake.notes(t)) for (const n of line) everything.push(n);
    }
    const text = everything.join('\n');
    for (const p of due) {
      for (const secret of [p.lastName, p.firstName, p.phone, p.email]) if (secret) expect(text).not.toContain(secret);
      expect(everything.filter((c) => c === p.id)).toEqual([]);
      expect(everything).not.toContain(p.birthDate);
    }
    expect(text).not.toContain('Boulangerie Fictive');
    expect(text).not.toContain('aime le dessin');
  });

  it('gives new ANON- IDs, the same in Participants and Présences, and stamps the rows', () => {
    const { fake } = anonymised();
    const rows = plain(fake.values('Participants'));
    const header = rows[0];
    const col = (h: string) => header.indexOf(h);
    const due = [1, 2, 3, 5].map((i) => rows[i]);
    expect(due.map((r) => r[col('ID')])).toEqual(['ANON-0008', 'ANON-0009', 'ANON-0010', 'ANON-0011']);
    expect(due.map((r) => r[col("Âge à l'entrée")])).toEqual([17, 17, 18, 18]);
    expect(due.map((r) => r[col('Anonymisé le')])).toEqual([TODAY, TODAY, TODAY, TODAY]);
    const presences = plain(fake.values('Présences')).slice(1);
    expect(presences.filter((r) => r[1] === 'ANON-0009').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['2017-09-11', '', 'Présent'],
      ['2017-10-02', '', 'Excusé'],
      ['2018-03-12', '', 'Présent'],
      ['2018-04-09', '', 'Présent'],
    ]);
  });

  it('keeps the other rows and the kept columns of anonymised rows unchanged', () => {
    const { fake, before } = anonymised();
    const after = plain(fake.values('Participants'));
    const old = plain(before.Participants);
    for (const i of [4, 6, 7, 8, 9, 10, 11]) expect(after[i]).toEqual(old[i]);
    const header = after[0];
    for (const h of [
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
    ]) {
      const c = header.indexOf(h);
      expect([1, 2, 3, 5].map((i) => after[i][c])).toEqual([1, 2, 3, 5].map((i) => old[i][c]));
    }
    const presencesBefore = plain(before.Présences).filter((r) => ['B-1', 'ANON-0007'].includes(String(r[1])));
    const presencesAfter = plain(fake.values('Présences')).filter((r) => ['B-1', 'ANON-0007'].includes(String(r[1])));
    expect(presencesAfter).toEqual(presencesBefore);
  });

  it("removes the add-on's notes and users' notes on emptied cells of those rows, and keeps the others", () => {
    const { fake } = anonymised();
    expect([fake.note('Participants', 2, 2), fake.note('Participants', 4, 23)]).toEqual(['', '']);
    expect(fake.note('Participants', 2, 6)).toBe('Vérifier la commune');
    expect(fake.note('Participants', 5, 2)).toContain(MARK_HEADER);
  });

  it("changes no indicator of either year, except the age of carried-over people (Âge à l'entrée)", () => {
    const { bundle, before } = anonymised();
    // The same records with the ages of SPEC §6: no birth date, the age at entry instead.
    const expected = before.Participants.map((r) => [...r]);
    const header = expected[0].map(String);
    const birth = header.indexOf('Date de naissance');
    const age = header.indexOf("Âge à l'entrée");
    const stamped = header.indexOf('Anonymisé le');
    [
      [1, 17],
      [2, 17],
      [3, 18],
      [5, 18],
    ].forEach(([i, years]) => {
      expected[i][birth] = '';
      expected[i][age] = years;
      expected[i][stamped] = dateCell(TODAY);
    });
    for (const year of [2017, 2018]) {
      expect(bundle.call('computeIndicators', year)).toEqual(indicatorsOf({ ...before, Participants: expected }, year));
    }
  });

  it('keeps every figure of 2017 (new entrants only) exactly as before', () => {
    const { bundle, indicatorsBefore } = anonymised();
    expect(bundle.call('computeIndicators', 2017)).toEqual(indicatorsBefore[0]);
  });

  it('counts the carried-over minor of 2018 with her age at entry', () => {
    const { bundle, indicatorsBefore } = anonymised();
    const after = bundle.call('computeIndicators', 2018);
    expect([indicatorsBefore[1].minors.count, after.minors.count]).toEqual([0, 1]);
  });

  it('adds no error to the checks', () => {
    const { bundle, beforeIssues } = anonymised();
    const after = errorKeys(bundle.call('validateWorkbook').issues as Issue[]);
    const before = errorKeys(beforeIssues);
    expect([...after].filter((k) => !before.has(k))).toEqual([]);
  });

  it('leaves nobody to propose afterwards', () => {
    const { bundle } = anonymised();
    expect(bundle.call('previewAnonymisation').ids).toEqual([]);
  });

  it("never lists an anonymised person in the directory of Parcours d'un jeune", () => {
    const { bundle } = anonymised();
    const ids = bundle.call('getParticipantJourney', 'B-1').directory.map((p: { id: string }) => p.id);
    expect(ids.filter((id: string) => id.startsWith('ANON-'))).toEqual([]);
    expect(ids).toContain('B-1');
  });

  it('never lists an anonymised person in the attendance sheet, nor in its others', () => {
    const { bundle } = anonymised();
    const sheet = bundle.call('getAttendanceSheet', '2018-03-12');
    const ids = [...sheet.participants, ...sheet.others].map((p: { id: string }) => p.id);
    expect(ids.filter((id: string) => id.startsWith('ANON-'))).toEqual([]);
    expect(ids).toContain('B-1');
  });
});

describe('anonymise refuses and writes nothing', () => {
  function refused(input: unknown): { message: string; unchanged: boolean } {
    const { fake, bundle } = open(seasons().sheets);
    const before = states(fake);
    let message = '';
    try {
      bundle.call('anonymise', input);
    } catch (e) {
      message = (e as Error).message;
    }
    return { message, unchanged: JSON.stringify(states(fake)) === JSON.stringify(before) };
  }

  it('when the plan changed since the preview (an ID less)', () => {
    const r = refused({ cutoff: '2018-06-15', ids: ['A-1', 'A-2', 'A-3'] });
    expect(r).toEqual({ message: expect.stringMatching(/a changé depuis son affichage/), unchanged: true });
  });

  it('when the plan changed since the preview (an ID more)', () => {
    const r = refused({ cutoff: '2018-06-15', ids: ['A-1', 'A-2', 'A-3', 'A-4', 'B-1'] });
    expect(r).toEqual({ message: expect.stringMatching(/Rien n'a été effacé/), unchanged: true });
  });

  it('when the request is not an object', () => {
    expect(refused('A-1').unchanged).toBe(true);
  });

  it('when the cutoff is not an ISO date', () => {
    expect(refused({ cutoff: '15/06/2018', ids: ['A-1'] })).toEqual({
      message: expect.stringMatching(/AAAA-MM-JJ/),
      unchanged: true,
    });
  });

  it('when the IDs are not a list of text', () => {
    expect(refused({ cutoff: '2018-06-15', ids: [1, 2] })).toEqual({
      message: expect.stringMatching(/identifiants/),
      unchanged: true,
    });
  });

  it('with an empty plan, writes nothing and says so', () => {
    const { sheets } = seasons();
    sheets.Paramètres = [
      ['Année', 'Durée de conservation (années)'],
      [2017, 10],
    ];
    const { fake, bundle } = open(sheets);
    const before = states(fake);
    expect(bundle.call('anonymise', { cutoff: '2010-06-15', ids: [] })).toEqual({ anonymised: 0, presencesUpdated: 0 });
    expect(JSON.stringify(states(fake))).toBe(JSON.stringify(before));
  });
});

describe('service calls of an anonymisation do not grow with the number of people', () => {
  function measure(n: number) {
    const people = Array.from({ length: n }, (_, i) =>
      participant({ id: `N-${i}`, lastName: `Nom${i}`, firstName: 'Test', entryDate: '2017-03-06', phone: '0611223344' }),
    );
    const attendance: FakeInputCell[][] = [ATTENDANCE_HEADER];
    for (let i = 0; i < n; i++) attendance.push([dateCell('2017-03-13'), `N-${i}`, `Nom${i} Test`, 'Présent']);
    for (let i = 0; i < n; i++) attendance.push([dateCell('2017-03-20'), `N-${i}`, `Nom${i} Test`, 'Absent']);
    const { fake, bundle } = open({
      Participants: participantsTab([...people, participant({ id: 'R-1', entryDate: '2020-03-02' })]) as FakeInputCell[][],
      Séances: [SESSIONS_HEADER, [dateCell('2017-03-13'), 'CV', '', ''], [dateCell('2017-03-20'), 'CV', '', '']],
      Présences: attendance,
      Paramètres: [
        ['Année', 'Places prévues'],
        [2017, 55],
      ],
    });
    for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 3))) setNote(fake, 'Participants', i + 2, 2, `${MARK_HEADER}\n• x`);
    fake.resetCalls();
    const plan = bundle.call('previewAnonymisation');
    const preview = fake.snapshotCalls();
    fake.resetCalls();
    const result = bundle.call('anonymise', { cutoff: plan.cutoff, ids: plan.ids });
    return { preview, write: fake.snapshotCalls(), result };
  }

  it('same calls for 2 and 200 people, to preview and to anonymise', () => {
    const small = measure(2);
    const large = measure(200);
    expect([small.result, large.result]).toEqual([
      { anonymised: 2, presencesUpdated: 4 },
      { anonymised: 200, presencesUpdated: 400 },
    ]);
    expect(large.preview).toEqual(small.preview);
    expect(large.write).toEqual(small.write);
    // One read per tab, then one per rewritten column (ID, Âge à l'entrée, Anonymisé le, and
    // Présences' ID): the cells between the rows anonymised are written back as they were.
    expect(small.write['Range.getValues']).toBe(3 + 4);
    expect(small.write['Range.getFormulas']).toBe(4);
    expect(small.write['Lock.tryLock']).toBe(1);
  });
});

// Days used above are valid.
test('the fixed today of these tests is a real day', () => {
  expect(dayFromIso(TODAY)).not.toBeNull();
});
