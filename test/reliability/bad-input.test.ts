/**
 * A corpus of bad workbooks and bad payloads, run through the built bundle (dist/Code.js) on
 * the counting fake, as Apps Script would run it. Each gets a clear French message, and the
 * workbook stays exactly as it was (deep snapshot: values with their types, formulas, notes,
 * formats, validations, frozen rows, sizes, tab list):
 * - rejected calls change nothing at all;
 * - "Vérifier" only adds or refreshes its own marks in notes (users' notes kept);
 * - report generation only adds its "Bilan AAAA" tab; a save and "Préparer le classeur" only
 *   add (no existing cell, note, format or validation is changed).
 */
import * as vm from 'node:vm';
import type { UserErrorCode } from '../../src/core/errors';
import { stripMark } from '../../src/core/marks';
import { REPORT } from '../../src/i18n/fr/report';
import { dateCell, participant, participantsTab } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle, LoadedBundle } from '../support/gas-local';
import { frenchProblems } from './support/french';
import { changesToExisting, diff, snapshot } from './support/snapshot';

type Sheets = Record<string, FakeInputCell[][]>;

const LONG = 50_000;
const SESSIONS_HEADER = ['Date', 'Thème', 'Animateur', 'Lieu'];
const ATTENDANCE_HEADER = ['Date', 'ID participant', 'Participant', 'Statut'];

function goodSheets(): Sheets {
  return {
    Participants: participantsTab([
      participant({ id: 'T-1', lastName: 'Martin', firstName: 'Léa', entryDate: '2018-03-01' }),
      participant({ id: 'T-2', lastName: 'Roux', firstName: 'Noé', entryDate: '2018-03-01' }),
    ]) as FakeInputCell[][],
    Séances: [SESSIONS_HEADER, [dateCell('2018-03-13'), 'CV', 'Nadia', 'Salle 1']],
    Présences: [ATTENDANCE_HEADER, [dateCell('2018-03-13'), 'T-1', 'Martin Léa', 'Présent']],
    Paramètres: [
      ['Année', 'Places prévues'],
      [2018, 55],
    ],
  };
}

const entryRow = (cells: FakeInputCell[]) => cells;
const BAD_WORKBOOKS: [string, () => Sheets][] = [
  ['an empty workbook (one empty tab)', () => ({ 'Feuille 1': [] })],
  ['the four tabs, all empty', () => ({ Participants: [], Séances: [], Présences: [], Paramètres: [] })],
  ['no Participants tab', () => ({ Séances: goodSheets().Séances, Présences: goodSheets().Présences })],
  ['no Séances nor Présences tab', () => ({ Participants: goodSheets().Participants })],
  [
    'duplicate headers',
    () => ({
      ...goodSheets(),
      Participants: [
        ['ID', 'Nom', 'Prénom', 'Nom', 'Date de naissance', 'Commune', "Date d'entrée", 'ID'],
        ['T-1', 'Martin', 'Léa', 'Dupont', dateCell('2000-04-15'), 'Villejuif', dateCell('2018-03-01'), 'T-9'],
        ['T-2', 'Roux', 'Noé', '', dateCell('2001-04-15'), 'Cachan', dateCell('2018-03-01'), 'T-1'],
      ],
      Présences: [
        ['Date', 'Statut', 'ID participant', 'Statut'],
        [dateCell('2018-03-13'), 'Présent', 'T-1', 'Absent'],
      ],
    }),
  ],
  [
    'blank headers',
    () => ({
      ...goodSheets(),
      Participants: [
        ['', '', '', '', ''],
        ['T-1', 'Martin', 'Léa', dateCell('2000-04-15'), dateCell('2018-03-01')],
      ],
      Présences: [
        ['Date', '', '', ''],
        [dateCell('2018-03-13'), 'T-1', 'Martin Léa', 'Présent'],
      ],
    }),
  ],
  [
    'merged header cells (a merged title row, a header merged over two columns)',
    () => ({
      ...goodSheets(),
      // getValues() gives a merged range's value in its first cell and '' in the others.
      Participants: [
        ["Club de l'alternance — suivi 2018", '', '', '', '', '', ''],
        ['ID', 'Nom', 'Prénom', 'Date de naissance', '', 'Commune', "Date d'entrée"],
        ['T-1', 'Martin', 'Léa', dateCell('2000-04-15'), 'vérifiée', 'Villejuif', dateCell('2018-03-01')],
      ],
      Présences: [
        ['Séance', '', 'Statut'],
        ['', 'ID participant', ''],
        [dateCell('2018-03-13'), 'T-1', 'Présent'],
      ],
    }),
  ],
  [
    '50 000-character cells',
    () => ({
      ...goodSheets(),
      Participants: [
        ['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée", 'Situation', 'Téléphone'],
        [
          'Z'.repeat(LONG),
          'N'.repeat(LONG),
          'Léa',
          'x'.repeat(LONG),
          'V'.repeat(LONG),
          dateCell('2018-03-01'),
          'é'.repeat(LONG),
          '0'.repeat(LONG),
        ],
        ['T-1', 'Martin', 'é'.repeat(LONG), dateCell('2000-04-15'), 'Villejuif', '1'.repeat(LONG), '', ''],
      ],
      Séances: [SESSIONS_HEADER, [dateCell('2018-03-13'), 'T'.repeat(LONG), 'A'.repeat(LONG), '']],
      Présences: [
        ATTENDANCE_HEADER,
        [dateCell('2018-03-13'), 'T-1', '', 'P'.repeat(LONG)],
        ['3'.repeat(LONG), 'Z'.repeat(LONG), '', 'Présent'],
      ],
    }),
  ],
  [
    'numbers where text is expected',
    () => ({
      ...goodSheets(),
      Participants: [
        [
          'ID',
          'Nom',
          'Prénom',
          'Sexe',
          'Date de naissance',
          'Commune',
          'Résident QPV',
          'Niveau de formation',
          "Date d'entrée",
          'Situation',
        ],
        [42, 12345, 3.5, 1, dateCell('2000-04-15'), 94800, 2, 4, dateCell('2018-03-01'), 7],
        entryRow(['T-1', 'Martin', 'Léa', 'F', 36631, 'Villejuif', 'Non', 'Bac', 43160, '']),
      ],
      Séances: [SESSIONS_HEADER, [dateCell('2018-03-13'), 7, 8, 9]],
      Présences: [ATTENDANCE_HEADER, [dateCell('2018-03-13'), 42, 1, 1]],
    }),
  ],
  [
    'booleans and dates where text is expected',
    () => ({
      ...goodSheets(),
      Participants: [
        ['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée"],
        [true, dateCell('2018-01-01'), false, true, dateCell('2018-01-02'), false],
      ],
      Présences: [ATTENDANCE_HEADER, [true, false, dateCell('2018-03-13'), dateCell('2018-03-14')]],
    }),
  ],
  [
    'headers below row 5',
    () => ({
      ...goodSheets(),
      Participants: [['Titre'], ['Sous-titre'], [''], [''], [''], [''], ...goodSheets().Participants],
    }),
  ],
  [
    'Présences without its Statut column',
    () => ({
      ...goodSheets(),
      Présences: [
        ['Date', 'ID participant', 'Participant'],
        [dateCell('2018-03-13'), 'T-1', 'Martin Léa'],
      ],
    }),
  ],
  [
    'unreadable Paramètres',
    () => ({
      ...goodSheets(),
      Paramètres: [
        ['Année', 'Places prévues', 'Début de saison', 'Seuil de confidentialité', 'Quartier QPV'],
        ['deux mille dix-huit', -5, 'bientôt', 'x', ''],
        [2018, 'beaucoup', 'hier', '', ''],
      ],
    }),
  ],
  [
    "Sheets' error values and formula text in cells",
    () => ({
      ...goodSheets(),
      Participants: [
        ['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée"],
        ['#REF!', '#N/A', '=HYPERLINK("http://exemple.fr";"x")', '#VALUE!', '#NAME?', '#DIV/0!'],
        ['T-1', 'Martin', 'Léa', dateCell('2000-04-15'), 'Villejuif', dateCell('2018-03-01')],
      ],
      Présences: [ATTENDANCE_HEADER, [dateCell('2018-03-13'), '#N/A', '', '#REF!']],
    }),
  ],
];

// ---------------------------------------------------------------------------------------

/** Workbooks without a usable Participants tab: the server functions that need it refuse. */
const UNUSABLE = [
  'an empty workbook (one empty tab)',
  'the four tabs, all empty',
  'no Participants tab',
  'blank headers',
  'headers below row 5',
];

/** Workbooks (other than the unusable ones) where the save of T-1 on 2018-03-20 is refused, and why. */
const SAVE_REFUSALS: Record<string, UserErrorCode> = {
  'merged header cells (a merged title row, a header merged over two columns)': 'WORKBOOK_UNUSABLE',
  'booleans and dates where text is expected': 'NOT_FOUND',
  'Présences without its Statut column': 'WORKBOOK_UNUSABLE',
};

interface Outcome {
  threw: string | null;
  /** The `cause.code` of the error thrown (UserErrorCode), null when the call succeeded. */
  code: string | null;
  result: unknown;
  fake: FakeGas;
  before: ReturnType<typeof snapshot>;
  after: ReturnType<typeof snapshot>;
}

/** Arguments built inside the bundle's realm, as google.script.run would deliver them. */
function inRealm(gas: LoadedBundle, args: unknown[]): unknown[] {
  const parse = vm.runInContext('JSON.parse', gas.context) as (s: string) => unknown[];
  return parse(JSON.stringify(args));
}

function runOn(sheets: Sheets, fn: string, args: unknown[] | 'none', prompt?: string): Outcome {
  const fake = createFakeGas({ sheets, answers: prompt === undefined ? {} : { prompts: [{ button: 'OK', text: prompt }] } });
  const gas = loadBundle(fake);
  const before = snapshot(fake);
  fake.resetCalls();
  let threw: string | null = null;
  let code: string | null = null;
  let result: unknown;
  try {
    result = args === 'none' ? gas.call(fn) : gas.call(fn, ...inRealm(gas, args));
  } catch (e) {
    threw = String((e as Error).message);
    code = String((e as { cause?: { code?: unknown } }).cause?.code);
    expect((e as Error).name).toBe('Error');
  }
  return { threw, code, result, fake, before, after: snapshot(fake) };
}

/** Messages the user saw: thrown message, alerts, toasts, issue messages. */
function shown(o: Outcome): string[] {
  const out: string[] = [];
  if (o.threw !== null) out.push(o.threw);
  for (const a of o.fake.uiLog.alerts) out.push(a.message);
  for (const t of o.fake.uiLog.toasts) out.push(t.message);
  return out;
}

const marksOnly = (before: string, after: string) => stripMark(after) === before;

function expectUnchanged(o: Outcome, options: Parameters<typeof diff>[2] = {}): void {
  expect(diff(o.before, o.after, options)).toEqual([]);
}

function expectFrench(messages: string[]): void {
  for (const m of messages) expect(frenchProblems(m)).toEqual([]);
}

it('every bad workbook named in the expectations exists', () => {
  const names = BAD_WORKBOOKS.map(([name]) => name);
  expect([...UNUSABLE, ...Object.keys(SAVE_REFUSALS)].filter((n) => !names.includes(n))).toEqual([]);
});

describe.each(BAD_WORKBOOKS)('a workbook with %s', (name, sheets) => {
  beforeAll(() => ensureBundleBuilt());
  const usable = !UNUSABLE.includes(name);
  const saveRefusal: UserErrorCode | null = usable ? (SAVE_REFUSALS[name] ?? null) : 'WORKBOOK_UNUSABLE';

  it("validateWorkbook: French issues, only the checks' marks are added to notes", () => {
    const o = runOn(sheets(), 'validateWorkbook', []);
    expect(o.threw).toBeNull();
    const result = o.result as { rowsChecked: number; issues: { message: string }[] };
    for (const i of result.issues) expect(frenchProblems(i.message, 400)).toEqual([]);
    expectUnchanged(o, { note: marksOnly });
  });

  it('menu « Vérifier le classeur »: French summary, only marks added', () => {
    const o = runOn(sheets(), 'menuCheckWorkbook', 'none');
    expect(o.threw).toBeNull();
    expect(o.fake.uiLog.toasts).toHaveLength(1);
    expectFrench(shown(o));
    expectUnchanged(o, { note: marksOnly });
  });

  it('getReportYears(): a result, nothing changed', () => {
    const o = runOn(sheets(), 'getReportYears', []);
    expect(o.code).toBeNull();
    expect(Array.isArray((o.result as { years: unknown }).years)).toBe(true);
    expectUnchanged(o);
  });

  it.each([
    ['getAttendanceSheet', ['']],
    ['getAttendanceSheet', ['2018-03-13']],
    ['computeIndicators', [2018]],
  ] as const)(`%s(%j): ${usable ? 'a result' : 'refused (WORKBOOK_UNUSABLE) in French'}, nothing changed`, (fn, args) => {
    const o = runOn(sheets(), fn, [...args]);
    expect(o.code).toBe(usable ? null : 'WORKBOOK_UNUSABLE');
    expectFrench(shown(o));
    expectUnchanged(o);
    expect(o.fake.count('Range.setValues') + o.fake.count('Range.setNotes')).toBe(0);
  });

  it(`generateAnnualReport(2018): ${usable ? 'only the new report tab is added' : 'refused (WORKBOOK_UNUSABLE) in French, nothing changed'}`, () => {
    const o = runOn(sheets(), 'generateAnnualReport', [2018]);
    expect(o.code).toBe(usable ? null : 'WORKBOOK_UNUSABLE');
    expectFrench(shown(o));
    if (usable) expectUnchanged(o, { allowNewTabs: ['Bilan 2018'] });
    else expectUnchanged(o);
  });

  it(`menu « Générer le bilan annuel… »: ${usable ? 'writes Bilan 2018 and sums it up' : 'alerts that Participants is missing, nothing changed'}`, () => {
    const o = runOn(sheets(), 'menuGenerateReport', 'none', '2018');
    expect(o.threw).toBeNull();
    const alerts = o.fake.uiLog.alerts.map((a) => a.message);
    if (usable) {
      expect(alerts).toHaveLength(1);
      expect(alerts[0].startsWith(REPORT.done('Bilan 2018'))).toBe(true);
      expect(o.fake.sheetNames()).toContain('Bilan 2018');
      expectUnchanged(o, { allowNewTabs: ['Bilan 2018'] });
    } else {
      expect(alerts).toEqual([REPORT.noParticipantsTab]);
      expectUnchanged(o);
    }
    expectFrench(shown(o));
  });

  it(`saveAttendance: ${saveRefusal === null ? 'saved, only additions' : `refused (${saveRefusal}) in French, nothing written`}`, () => {
    const o = runOn(sheets(), 'saveAttendance', [{ date: '2018-03-20', entries: [{ participantId: 'T-1', status: 'Présent' }] }]);
    expect(o.code).toBe(saveRefusal);
    expectFrench(shown(o));
    if (saveRefusal !== null) {
      expectUnchanged(o);
      expect(o.fake.count('Range.setValues')).toBe(0);
    } else {
      expect(o.result).toEqual(expect.objectContaining({ date: '2018-03-20' }));
      expect(changesToExisting(o.before, o.after)).toEqual([]);
    }
    expect(o.fake.lock.held).toBe(false);
  });

  it('menu « Préparer le classeur »: a French summary, only additions', () => {
    const o = runOn(sheets(), 'menuPrepareWorkbook', 'none');
    expect(o.threw).toBeNull();
    expect(o.fake.uiLog.alerts).toHaveLength(1);
    expectFrench(shown(o));
    expect(changesToExisting(o.before, o.after)).toEqual([]);
    expect(o.fake.lock.held).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------

const entry = (participantId: unknown, status: unknown = 'Présent') => ({ participantId, status });
const save = (extra: Record<string, unknown>) => ({ date: '2018-03-20', entries: [entry('T-1')], ...extra });

const BAD_PAYLOADS: [string, string, unknown[] | 'none'][] = [
  ['saveAttendance', 'no argument', 'none'],
  ['saveAttendance', 'null', [null]],
  ['saveAttendance', 'a string', ['T-1 Présent']],
  ['saveAttendance', 'a number', [42]],
  ['saveAttendance', 'a list', [[entry('T-1')]]],
  ['saveAttendance', 'an empty object', [{}]],
  ['saveAttendance', 'a numeric date', [save({ date: 20180320 })]],
  ['saveAttendance', 'a French-format date', [save({ date: '20/03/2018' })]],
  ['saveAttendance', 'an impossible date', [save({ date: '2018-02-30' })]],
  ['saveAttendance', 'a date with a time', [save({ date: '2018-03-20T10:00:00Z' })]],
  ['saveAttendance', 'entries as a string', [save({ entries: 'T-1' })]],
  ['saveAttendance', 'entries as an object', [save({ entries: { 0: entry('T-1') } })]],
  ['saveAttendance', 'a null entry', [save({ entries: [null] })]],
  ['saveAttendance', 'a number entry', [save({ entries: [42] })]],
  ['saveAttendance', 'a null ID', [save({ entries: [entry(null)] })]],
  ['saveAttendance', 'an object ID', [save({ entries: [entry({ id: 'T-1' })] })]],
  ['saveAttendance', 'a blank ID', [save({ entries: [entry('   ')] })]],
  ['saveAttendance', 'a 50 000-character ID', [save({ entries: [entry('T'.repeat(LONG))] })]],
  ['saveAttendance', 'an unknown ID', [save({ entries: [entry('T-99')] })]],
  ['saveAttendance', 'a repeated ID (case and spaces)', [save({ entries: [entry('T-1'), entry(' t-1 ', 'Absent')] })]],
  ['saveAttendance', 'a number status', [save({ entries: [entry('T-1', 1)] })]],
  ['saveAttendance', 'a missing status', [save({ entries: [{ participantId: 'T-1' }] })]],
  ['saveAttendance', 'an unknown status', [save({ entries: [entry('T-1', 'En retard')] })]],
  ['saveAttendance', 'a list status', [save({ entries: [entry('T-1', ['Présent'])] })]],
  ['saveAttendance', 'a number theme', [save({ theme: 42 })]],
  ['saveAttendance', 'an object facilitator', [save({ facilitator: { name: 'Nadia' } })]],
  ['saveAttendance', 'a 50 000-character theme', [save({ theme: 'T'.repeat(LONG) })]],
  ['saveAttendance', 'a 50 000-character place', [save({ place: 'L'.repeat(LONG) })]],
  ['saveAttendance', '1 001 entries', [save({ entries: Array.from({ length: 1001 }, (_, i) => entry(`T-${i}`)) })]],
  ['saveAttendance', '10 001 entries', [save({ entries: Array.from({ length: 10_001 }, () => entry('T-1')) })]],
  ['saveAttendance', 'a valid entry after an unknown one', [save({ entries: [entry('T-99'), entry('T-2')] })]],
  ['getAttendanceSheet', 'a number', [42]],
  ['getAttendanceSheet', 'an object', [{ date: '2018-03-13' }]],
  ['getAttendanceSheet', 'a list', [['2018-03-13']]],
  ['getAttendanceSheet', 'a boolean', [true]],
  ['getAttendanceSheet', 'an impossible date', ['2018-13-01']],
  ['getAttendanceSheet', 'a 50 000-character text', ['2'.repeat(LONG)]],
  ['computeIndicators', 'text', ['deux mille dix-huit']],
  ['computeIndicators', 'null', [null]],
  ['computeIndicators', 'a decimal year', [2018.5]],
  ['computeIndicators', 'a negative year', [-2018]],
  ['computeIndicators', 'an object', [{ year: 2018 }]],
  ['computeIndicators', 'a huge number', [1e21]],
  ['generateAnnualReport', 'text', ['deux mille dix-huit']],
  ['generateAnnualReport', 'null', [null]],
  ['generateAnnualReport', 'a list', [[2018]]],
  ['generateAnnualReport', 'a year far away', [3000]],
  ['generateAnnualReport', 'a year without data', [2010]],
  ['selectCell', 'numbers everywhere', [1, 2, 3]],
  ['selectCell', 'a negative row', ['Participants', -1, null]],
  ['selectCell', 'a decimal row', ['Participants', 2.5, 'Nom']],
  ['selectCell', 'an unknown tab', ['Inconnu', 2, null]],
  ['selectCell', 'an object column', ['Participants', 2, { c: 1 }]],
];

/** Payloads refused for another reason than INVALID_INPUT. */
const PAYLOAD_REFUSALS: Record<string, UserErrorCode> = {
  'saveAttendance with an unknown ID': 'NOT_FOUND',
  'saveAttendance with a valid entry after an unknown one': 'NOT_FOUND',
  'generateAnnualReport with a year without data': 'NO_DATA',
  'selectCell with an unknown tab': 'NOT_FOUND',
};

describe('bad payloads from the sidebar', () => {
  beforeAll(() => ensureBundleBuilt());

  it.each(BAD_PAYLOADS)('%s with %s: refused with its code and a French message, nothing changed', (fn, label, args) => {
    const o = runOn(goodSheets(), fn, args);
    expect(o.code).toBe(PAYLOAD_REFUSALS[`${fn} with ${label}`] ?? 'INVALID_INPUT');
    expectFrench([o.threw!]);
    expectUnchanged(o);
    expect(o.fake.count('Range.setValues') + o.fake.count('Range.setNotes') + o.fake.count('Spreadsheet.insertSheet')).toBe(0);
    expect(o.fake.lock.held).toBe(false);
  });

  it.each(['deux mille dix-huit', '18', '2018-2019', '9'.repeat(LONG)])(
    'the menu prompt answered %s: « not a valid year », nothing changed',
    (answer) => {
      const o = runOn(goodSheets(), 'menuGenerateReport', 'none', answer);
      expect(o.threw).toBeNull();
      expect(o.fake.uiLog.alerts.map((a) => a.message)).toEqual([REPORT.invalidYear(answer, 1990, 2100)]);
      expectFrench(shown(o));
      expectUnchanged(o);
    },
  );

  it('the menu prompt answered with spaces only: the suggested year (2018) is generated', () => {
    const o = runOn(goodSheets(), 'menuGenerateReport', 'none', '   ');
    expect(o.threw).toBeNull();
    const alerts = o.fake.uiLog.alerts.map((a) => a.message);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].startsWith(REPORT.done('Bilan 2018'))).toBe(true);
    expectUnchanged(o, { allowNewTabs: ['Bilan 2018'] });
  });
});

describe('a huge pile of duplicate rows', () => {
  beforeAll(() => ensureBundleBuilt());

  it('130 000 copies of one (date, ID) row: the save updates them all', () => {
    const sheets = goodSheets();
    const copies: FakeInputCell[][] = Array.from({ length: 130_000 }, () => [
      dateCell('2018-03-13'),
      'T-1',
      'Martin Léa',
      'Absent',
    ]);
    sheets.Présences = [ATTENDANCE_HEADER, ...copies];
    const o = runOn(sheets, 'saveAttendance', [{ date: '2018-03-13', entries: [{ participantId: 'T-1', status: 'Présent' }] }]);
    expect(o.threw).toBeNull();
    expect(o.result).toEqual({ date: '2018-03-13', sessionCreated: false, sessionUpdated: false, written: 1, unchanged: 0 });
    const statuses = new Set(
      o.fake
        .values('Présences')
        .slice(1)
        .map((r) => r[3]),
    );
    expect([...statuses]).toEqual(['Présent']);
    expect(o.fake.count('Range.setValues')).toBeLessThanOrEqual(2);
  });
});
