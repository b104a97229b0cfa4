/**
 * Model-based test of saveAttendance (fast-check commands): random sequences of saves,
 * refused saves, re-openings and hand edits by users, run through the real Apps Script
 * adapter on the counting fake, against a deliberately simple model of what `Présences` and
 * `Séances` must hold: rows in sheet order, one status updated in place per (date, ID), new
 * rows appended, users' rows never moved, refused saves change nothing.
 */
import fc from 'fast-check';
import { AppsScriptLock, AppsScriptWorkbook } from '../../src/server/workbook';
import type { Services } from '../../src/app/ports';
import { dayFromIso } from '../../src/core/days';
import { getAttendanceSheet, saveAttendance } from '../../src/app/attendance';
import type { SaveAttendanceResult, Status } from '../../src/shared/api';
import { dateCell, participant, participantsTab } from '../support/builders';
import { createFakeGas, FakeCell, FakeGas, FakeInputCell } from '../support/fake-gas';
import { frenchProblems } from './support/french';
import { diff, snapshot } from './support/snapshot';

// --- the model ---------------------------------------------------------------------------

/** What a user could type as a status, and what it means (SPEC §2.3). */
const MEANING: Record<string, Status> = {
  Présent: 'Présent',
  P: 'Présent',
  x: 'Présent',
  Présente: 'Présent',
  Oui: 'Présent',
  Absent: 'Absent',
  A: 'Absent',
  Absente: 'Absent',
  Non: 'Absent',
  Excusé: 'Excusé',
  E: 'Excusé',
  Excusée: 'Excusé',
};
const key = (id: string | number): string => String(id).replace(/\s+/g, ' ').trim().toLowerCase();

interface Row {
  date: string; // '' for a blank row
  id: string | number;
  name: string;
  status: string;
}
interface SessionRow {
  date: string;
  theme: string;
  facilitator: string;
  place: string;
}
interface Model {
  attendance: Row[];
  sessions: SessionRow[];
}

/** The people (ID as written in Participants → "Nom Prénom"). */
const PEOPLE: [string | number, string, string][] = [
  ['A-1', 'Martin', 'Léa'],
  ['A-2', 'Roux', 'Noé'],
  ['A-3', 'Petit', 'Jade'],
  ['A-4', "N'Diaye", 'Awa'],
  [42, 'Benali', 'Nour'],
];
const nameOf = (k: string): string => {
  const p = PEOPLE.find((x) => key(x[0]) === k)!;
  return `${p[1]} ${p[2]}`;
};
const idOf = (k: string): string | number => PEOPLE.find((x) => key(x[0]) === k)![0];
/** IDs as the sidebar may send them (case and spaces vary). */
const SENT_IDS = ['A-1', 'a-2', ' A-3 ', 'A-4', '42'];
const DATES = ['2018-03-06', '2018-03-13', '2018-03-20', '2018-03-27'];
const STATUSES: Status[] = ['Présent', 'Absent', 'Excusé'];
const TEXTS = ['', 'CV', '  Lettre   de motivation ', '=HYPERLINK("http://exemple.fr";"x")', '+33 6 00 00 00 00', 'Salle 2'];

function initial(): { model: Model; sheets: Record<string, FakeInputCell[][]> } {
  const attendance: Row[] = [
    { date: '2018-03-06', id: 'A-1', name: 'Martin Léa', status: 'Présent' },
    { date: '2018-03-06', id: 'a-2 ', name: '', status: 'P' },
    { date: '', id: '', name: '', status: '' },
    { date: '2018-03-06', id: 'ZZ-9', name: 'Inconnu', status: 'Absent' },
    { date: '2018-03-13', id: 'A-3', name: 'Petit Jade', status: 'x' },
  ];
  const sessions: SessionRow[] = [{ date: '2018-03-06', theme: 'CV', facilitator: 'Nadia', place: 'Salle 1' }];
  return {
    model: { attendance, sessions },
    sheets: {
      Participants: participantsTab(
        PEOPLE.map(([id, lastName, firstName]) => participant({ id, lastName, firstName, entryDate: '2018-03-01' })),
      ) as FakeInputCell[][],
      Séances: [
        ['Date', 'Thème', 'Animateur', 'Lieu'],
        ...sessions.map((s) => [dateCell(s.date), s.theme, s.facilitator, s.place]),
      ],
      Présences: [
        ['Date', 'ID participant', 'Participant', 'Statut'],
        ...attendance.map((r) => [r.date ? dateCell(r.date) : '', r.id, r.name, r.status]),
      ],
    },
  };
}

// --- the real system ---------------------------------------------------------------------

interface Real {
  fake: FakeGas;
  services(): Services;
}

function isoOf(v: FakeCell): string {
  if (Object.prototype.toString.call(v) !== '[object Date]') return String(v);
  // Midnight in Paris is 22:00 or 23:00 UTC the day before.
  return new Date((v as Date).getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
}

function sheetRows(fake: FakeGas, tab: string): (string | number | boolean)[][] {
  return fake
    .values(tab)
    .slice(1)
    .map((r) => r.map((c, i) => (i === 0 && c !== '' ? isoOf(c) : (c as string | number | boolean))));
}

function expectMatches(m: Model, r: Real): void {
  const width = (rows: unknown[][]) => rows.map((x) => x.slice(0, 4));
  expect(width(sheetRows(r.fake, 'Présences'))).toEqual(m.attendance.map((x) => [x.date, x.id, x.name, x.status]));
  expect(width(sheetRows(r.fake, 'Séances'))).toEqual(m.sessions.map((s) => [s.date, s.theme, s.facilitator, s.place]));
}

function run<T>(r: Real, fn: (s: Services) => T): T {
  const restore = r.fake.install();
  try {
    return fn(r.services());
  } finally {
    restore();
  }
}

// --- commands ------------------------------------------------------------------------------

const clean = (t: string): string | null => {
  const c = t.replace(/\s+/g, ' ').trim();
  return c === '' ? null : c;
};

class Save implements fc.Command<Model, Real> {
  constructor(
    readonly date: string,
    readonly entries: { participantId: string; status: Status }[],
    readonly theme: string | undefined,
    readonly facilitator: string | undefined,
    readonly place: string | undefined,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    // Expected, from the model.
    let written = 0;
    let unchanged = 0;
    for (const e of this.entries) {
      const k = key(e.participantId);
      const rows = m.attendance.filter((x) => x.date === this.date && key(x.id) === k);
      if (rows.length === 0) {
        m.attendance.push({ date: this.date, id: idOf(k), name: nameOf(k), status: e.status });
        written++;
      } else if (rows.every((x) => MEANING[x.status] === e.status)) unchanged++;
      else {
        for (const x of rows) if (MEANING[x.status] !== e.status) x.status = e.status;
        written++;
      }
    }
    const given = { theme: this.theme, facilitator: this.facilitator, place: this.place };
    let session = m.sessions.find((s) => s.date === this.date);
    const sessionCreated = !session;
    if (!session) m.sessions.push((session = { date: this.date, theme: '', facilitator: '', place: '' }));
    let sessionUpdated = false;
    for (const f of ['theme', 'facilitator', 'place'] as const) {
      const v = given[f] === undefined ? null : clean(given[f]!);
      if (v !== null && v !== '' && session[f] !== v) sessionUpdated = !sessionCreated;
      if (v !== null) session[f] = v;
    }
    const input = {
      date: this.date,
      entries: this.entries,
      ...(this.theme === undefined ? {} : { theme: this.theme }),
      ...(this.facilitator === undefined ? {} : { facilitator: this.facilitator }),
      ...(this.place === undefined ? {} : { place: this.place }),
    };
    const result: SaveAttendanceResult = run(r, (s) => saveAttendance(s, input));
    expect(result).toEqual({ date: this.date, sessionCreated, sessionUpdated, written, unchanged });
    expectMatches(m, r);
  }
  toString(): string {
    return `save(${this.date}, ${JSON.stringify(this.entries)}, ${JSON.stringify([this.theme, this.facilitator, this.place])})`;
  }
}

class RefusedSave implements fc.Command<Model, Real> {
  constructor(
    readonly input: unknown,
    readonly label: string,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const before = snapshot(r.fake);
    let message = '';
    try {
      run(r, (s) => saveAttendance(s, this.input));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(frenchProblems(message)).toEqual([]);
    expect(diff(before, snapshot(r.fake))).toEqual([]);
    expect(r.fake.lock.held).toBe(false);
    expectMatches(m, r);
  }
  toString(): string {
    return `refused(${this.label})`;
  }
}

class Reopen implements fc.Command<Model, Real> {
  constructor(readonly date: string) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const sheet = run(r, (s) => getAttendanceSheet(s, this.date));
    const expected = new Map<string, Status | null>();
    for (const [id] of PEOPLE) expected.set(key(id), null);
    // With several rows for (date, ID), the last readable status is shown (src/core/attendance.ts).
    for (const x of m.attendance) {
      const s = MEANING[x.status];
      if (x.date === this.date && expected.has(key(x.id)) && s !== undefined) expected.set(key(x.id), s);
    }
    expect(new Map(sheet.participants.map((p) => [key(p.id), p.status]))).toEqual(expected);
    const session = m.sessions.find((s) => s.date === this.date);
    expect(sheet.session).toEqual(
      session ? { theme: session.theme, facilitator: session.facilitator, place: session.place } : null,
    );
  }
  toString(): string {
    return `reopen(${this.date})`;
  }
}

/** A user types a status (a synonym) over an existing row of Présences. */
class HandEditStatus implements fc.Command<Model, Real> {
  constructor(
    readonly index: number,
    readonly text: string,
  ) {}
  check(m: Model): boolean {
    return m.attendance[this.index % m.attendance.length].date !== '';
  }
  run(m: Model, r: Real): void {
    const i = this.index % m.attendance.length;
    m.attendance[i].status = this.text;
    r.fake.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Présences')
      .getRange(i + 2, 4)
      .setValue(this.text);
    expectMatches(m, r);
  }
  toString(): string {
    return `handEdit(row ${this.index}, ${this.text})`;
  }
}

/** A user appends a row by hand (possibly a second row for the same date and ID). */
class HandAppend implements fc.Command<Model, Real> {
  constructor(
    readonly date: string,
    readonly id: string,
    readonly text: string,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    m.attendance.push({ date: this.date, id: this.id, name: '', status: this.text });
    const sheet = r.fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Présences');
    sheet.getRange(m.attendance.length + 1, 1, 1, 4).setValues([[dateCell(this.date), this.id, '', this.text]]);
    expectMatches(m, r);
  }
  toString(): string {
    return `handAppend(${this.date}, ${this.id}, ${this.text})`;
  }
}

const statusArb = fc.constantFrom(...STATUSES);
const entriesArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...SENT_IDS), statusArb), { selector: ([id]) => key(id), maxLength: SENT_IDS.length })
  .map((xs) => xs.map(([participantId, status]) => ({ participantId, status })));
const optionalText = fc.option(fc.constantFrom(...TEXTS), { nil: undefined });

const commands = [
  fc
    .tuple(fc.constantFrom(...DATES), entriesArb, optionalText, optionalText, optionalText)
    .map(([d, e, t, f, p]) => new Save(d, e, t, f, p) as fc.Command<Model, Real>),
  fc
    .constantFrom<[unknown, string]>(
      [{ date: '2018-03-13', entries: [{ participantId: 'B-404', status: 'Présent' }] }, 'ID inconnu'],
      [{ date: '2018-03-13', entries: [{ participantId: 'A-1', status: 'P' }] }, 'statut du tableur'],
      [
        {
          date: '2018-03-13',
          entries: [
            { participantId: 'A-1', status: 'Présent' },
            { participantId: 'a-1', status: 'Absent' },
          ],
        },
        'ID répété',
      ],
      [{ date: '2018-02-30', entries: [] }, 'date impossible'],
      [
        { date: '2018-03-13', entries: Array.from({ length: 1001 }, () => ({ participantId: 'A-1', status: 'Présent' })) },
        '1 001 présences',
      ],
      [{ date: '2018-03-13', theme: 'x'.repeat(201), entries: [] }, 'thème trop long'],
    )
    .map(([input, label]) => new RefusedSave(input, label) as fc.Command<Model, Real>),
  fc.constantFrom(...DATES).map((d) => new Reopen(d) as fc.Command<Model, Real>),
  fc
    .tuple(fc.nat(), fc.constantFrom(...Object.keys(MEANING)))
    .map(([i, t]) => new HandEditStatus(i, t) as fc.Command<Model, Real>),
  fc
    .tuple(fc.constantFrom(...DATES), fc.constantFrom('A-1', 'a-2', 'A-4'), fc.constantFrom('Absente', 'P', 'E'))
    .map(([d, id, t]) => new HandAppend(d, id, t) as fc.Command<Model, Real>),
];

describe('saveAttendance against a model of Présences and Séances', () => {
  it('random sequences of saves, refusals, re-openings and hand edits keep the sheet equal to the model', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 25 }), (cmds) => {
        const { model, sheets } = initial();
        const fake = createFakeGas({ sheets });
        const real: Real = {
          fake,
          services: () => ({
            workbook: new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
            lock: new AppsScriptLock(),
            ui: { showSidebar() {}, alert() {}, prompt: () => null, confirm: () => true },
            today: () => dayFromIso('2018-03-27')!,
            now: () => new Date('2018-03-27T10:00:00Z'),
          }),
        };
        expectMatches(model, real);
        fc.modelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 120) },
    );
  });
});

describe('cells between the rows a save updates', () => {
  /**
   * Status updates are scattered writes (Sheet.getRangeList(a1s).setValue(status), one call
   * per status): a formula, rich text or link in a Statut cell between two updated rows is
   * never rewritten.
   */
  it('keeps a formula typed in the Statut column between two updated rows', () => {
    const { sheets } = initial();
    sheets.Présences = [
      ['Date', 'ID participant', 'Participant', 'Statut'],
      [dateCell('2018-03-13'), 'A-1', 'Martin Léa', 'Absent'],
      [dateCell('2018-03-06'), 'A-4', "N'Diaye Awa", 'Présent'],
      [dateCell('2018-03-13'), 'A-2', 'Roux Noé', 'Absent'],
    ];
    const fake = createFakeGas({ sheets });
    const presences = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Présences');
    presences.getRange(3, 4).setFormula('=IF(B3<>"";"Présent";"")');
    const restore = fake.install();
    try {
      saveAttendance(
        {
          workbook: new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
          lock: new AppsScriptLock(),
          ui: { showSidebar() {}, alert() {}, prompt: () => null, confirm: () => true },
          today: () => dayFromIso('2018-03-27')!,
          now: () => new Date(),
        },
        {
          date: '2018-03-13',
          entries: [
            { participantId: 'A-1', status: 'Présent' },
            { participantId: 'A-2', status: 'Présent' },
          ],
        },
      );
    } finally {
      restore();
    }
    expect(fake.cell('Présences', 2, 4)).toBe('Présent');
    expect(fake.cell('Présences', 4, 4)).toBe('Présent');
    expect(fake.formula('Présences', 3, 4)).toBe('=IF(B3<>"";"Présent";"")');
  });
});
