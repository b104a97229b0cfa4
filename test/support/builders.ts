/**
 * Shared builders for test workbooks: fictional people, canonical headers, sensible defaults.
 * Dates may be given as 'YYYY-MM-DD' (stored as Sheets-like Date cells, midnight in Paris),
 * or as any raw cell value (text, serial number) to test parsing.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { dayFromIso, isoOfDay, midnightInTimeZone } from '../../src/core/days';
import type { CellValue } from '../../src/core/values';
import { ATTENDANCE, PARTICIPANTS, SESSIONS, ParticipantColumn } from '../../src/core/schema';

export const TZ = 'Europe/Paris';

/** A Date cell as Sheets' getValues() gives it: midnight of that day in Paris. */
export function dateCell(iso: string): Date {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return midnightInTimeZone(d, TZ);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function cell(v: CellValue): CellValue {
  return typeof v === 'string' && ISO.test(v) ? dateCell(v) : (v ?? '');
}

export type ParticipantInput = Partial<Record<ParticipantColumn, CellValue>>;

let counter = 0;

/**
 * Restarts the default IDs (T-0001, …) and first names: called before each test
 * (test/support/setup.ts), so a test's IDs never depend on the tests run before it.
 */
export function resetParticipantIds(): void {
  counter = 0;
}

/** A valid participant row of the territory (override any field). */
export function participant(overrides: ParticipantInput = {}): ParticipantInput {
  counter++;
  return {
    id: `T-${String(counter).padStart(4, '0')}`,
    lastName: 'Martin',
    firstName: `Camille${counter}`,
    sex: 'F',
    birthDate: '2000-04-15',
    commune: 'Villejuif',
    postcode: '94800',
    qpvResident: 'Non',
    trainingLevel: 'Bac (niveau 4)',
    entryDate: '2018-03-05',
    ...overrides,
  };
}

export interface WorkbookInput {
  participants?: ParticipantInput[];
  /** Participant columns to include (default: those used by any participant). */
  participantColumns?: ParticipantColumn[];
  /** `start`/`end` (Début, Fin): the two columns are added when a session gives either. */
  sessions?: { date: CellValue; theme?: string; facilitator?: string; place?: string; start?: CellValue; end?: CellValue }[];
  attendance?: { date: CellValue; id: CellValue; status: CellValue; name?: string }[];
  /** Raw Paramètres cells (header row first); omitted → no Paramètres tab. */
  settings?: CellValue[][];
  /** Extra raw tabs. */
  extraTabs?: Record<string, CellValue[][]>;
}

export function participantsTab(rows: ParticipantInput[], columns?: ParticipantColumn[]): CellValue[][] {
  const used =
    columns ??
    PARTICIPANTS.columns
      .map((c) => c.key)
      .filter((k) => PARTICIPANTS.columns.find((c) => c.key === k)!.required || rows.some((r) => r[k] !== undefined));
  const header = used.map((k) => PARTICIPANTS.columns.find((c) => c.key === k)!.header);
  return [header, ...rows.map((r) => used.map((k) => cell(r[k] ?? '')))];
}

export function buildWorkbook(input: WorkbookInput = {}): MemoryWorkbook {
  const tabs: Record<string, CellValue[][]> = {};
  tabs[PARTICIPANTS.name] = participantsTab(input.participants ?? [], input.participantColumns);
  const sessions = input.sessions ?? [];
  const withTimes = sessions.some((s) => s.start !== undefined || s.end !== undefined);
  tabs[SESSIONS.name] = [
    SESSIONS.columns.slice(0, withTimes ? 6 : 4).map((c) => c.header),
    ...sessions.map((s) => [
      cell(s.date),
      s.theme ?? '',
      s.facilitator ?? '',
      s.place ?? '',
      ...(withTimes ? [s.start ?? '', s.end ?? ''] : []),
    ]),
  ];
  tabs[ATTENDANCE.name] = [
    ['Date', 'ID participant', 'Participant', 'Statut'],
    ...(input.attendance ?? []).map((a) => [cell(a.date), a.id ?? '', a.name ?? '', a.status ?? '']),
  ];
  if (input.settings) tabs.Paramètres = input.settings;
  Object.assign(tabs, input.extraTabs ?? {});
  return new MemoryWorkbook(TZ, tabs);
}

/** Services over a memory workbook, with a fixed today and a recording UI and lock. */
export function memoryServices(workbook: MemoryWorkbook, todayIso = '2026-11-26') {
  const today = dayFromIso(todayIso)!;
  const ui = {
    sidebars: [] as string[],
    alerts: [] as string[],
    prompts: [] as string[],
    promptAnswers: [] as (string | null)[],
    confirmAnswers: [] as boolean[],
    showSidebar(view: string) {
      this.sidebars.push(view);
    },
    alert(message: string) {
      this.alerts.push(message);
    },
    prompt(_title: string, message: string) {
      this.prompts.push(message);
      return this.promptAnswers.length ? this.promptAnswers.shift()! : null;
    },
    confirm(_title: string, _message: string) {
      return this.confirmAnswers.length ? this.confirmAnswers.shift()! : true;
    },
  };
  const lock = {
    held: false,
    acquisitions: 0,
    busy: false,
    tryLock(_ms: number) {
      if (this.busy || this.held) return false;
      this.held = true;
      this.acquisitions++;
      return true;
    },
    releaseLock() {
      this.held = false;
    },
  };
  return { workbook, ui, lock, today: () => today, now: () => new Date('2026-11-26T10:00:00Z') };
}

// ---------------------------------------------------------------------------------------
// Two seasons (2017, 2018) with people kept from 2016, none with a Date de sortie: what a
// real workbook looks like after a few years (issue 10).

/** Every Tuesday from `from` to `to` (ISO dates). */
export function tuesdays(from: string, to: string): string[] {
  const out: string[] = [];
  const start = dayFromIso(from)!;
  const end = dayFromIso(to)!;
  // Serial day 3 (1900-01-02) was a Tuesday: serial % 7 === 3.
  for (let d = start + ((3 - (start % 7) + 7) % 7); d <= end; d += 7) out.push(isoOfDay(d));
  return out;
}

export interface TwoSeasonGroups {
  /** Entered in 2016, came in 2016 only. */
  from2016: string[];
  /** Entered in spring 2017, came until June 2017. */
  from2017: string[];
  /** Entered in spring 2017, came all 2017 and in March–April 2018 (two seasons). */
  carriedOver: string[];
  /** Entered 2018-03-01, came in March–April 2018 only. */
  spring2018Stopped: string[];
  /** Entered 2018-03-01, came until mid-June 2018 (then stopped: "à relancer" in the autumn). */
  spring2018: string[];
  /** Spring 2018, Alternance signée, contract started 2018-05-15. */
  contract: string;
  /** Entered 2018-09-04, came every session of the autumn. */
  autumn2018: string[];
  /** Entered in 2016, anonymised (never listed, never in others). */
  anonymised: string;
}

/** The groups of twoSeasonWorkbook(), by ID. */
export const TWO_SEASON_GROUPS: TwoSeasonGroups = {
  from2016: ['A16-1', 'A16-2', 'A16-3', 'A16-4', 'A16-5', 'A16-6'],
  from2017: ['B17-1', 'B17-2', 'B17-3', 'B17-4', 'B17-5', 'B17-6', 'B17-7', 'B17-8', 'B17-9'],
  carriedOver: ['C17-1', 'C17-2', 'C17-3'],
  spring2018Stopped: ['D18-1', 'D18-2', 'D18-3', 'D18-4'],
  spring2018: ['E18-1', 'E18-2', 'E18-3'],
  contract: 'E18-4',
  autumn2018: ['F18-1', 'F18-2', 'F18-3', 'F18-4', 'F18-5'],
  anonymised: 'ANON-1',
};

const SURNAMES = [
  'Bernard',
  'Camara',
  'Diallo',
  'Fontaine',
  'Garcia',
  'Haddad',
  'Lambert',
  'Nguyen',
  'Petit',
  'Roux',
  'Traoré',
  'Vidal',
];

/**
 * A workbook over two seasons (weekly Tuesday sessions March–October 2016, 2017 and 2018) with
 * 32 people, none with a Date de sortie. Expected on 2018-03-06: carriedOver + spring2018Stopped +
 * spring2018 + contract (11; others: from2016 + from2017); on 2018-06-13 (a Wednesday without
 * session): the same but the contract, started in May (10); on 2018-10-30: spring2018 (flagged
 * "à relancer": no presence since June) + autumn2018 (8; others: the 23 other enrolled).
 */
export function twoSeasonWorkbook(): MemoryWorkbook {
  const g = TWO_SEASON_GROUPS;
  const people: ParticipantInput[] = [];
  const attendance: { date: string; id: string; status: string }[] = [];
  let n = 0;
  const person = (id: string, entryDate: string, extra: ParticipantInput = {}): void => {
    people.push(
      participant({
        id,
        lastName: SURNAMES[n % SURNAMES.length],
        firstName: `Prénom${String(++n).padStart(2, '0')}`,
        entryDate,
        phone: `06 12 34 56 ${String(n).padStart(2, '0')}`,
        email: `jeune${n}@exemple.fr`,
        ...extra,
      }),
    );
  };
  const came = (ids: string[], from: string, to: string): void => {
    for (const date of tuesdays(from, to)) for (const id of ids) attendance.push({ date, id, status: 'Présent' });
  };
  for (const id of g.from2016) person(id, '2016-03-01');
  person(g.anonymised, '2016-03-01', {
    lastName: '',
    firstName: '',
    birthDate: '',
    phone: '',
    email: '',
    anonymisedOn: '2018-01-15',
  });
  for (const id of g.from2017) person(id, '2017-03-01');
  for (const id of g.carriedOver) person(id, '2017-03-01');
  for (const id of g.spring2018Stopped) person(id, '2018-03-01');
  for (const id of g.spring2018) person(id, '2018-03-01');
  person(g.contract, '2018-03-01', {
    situation: 'Alternance signée',
    contractType: 'Apprentissage',
    contractStart: '2018-05-15',
    contractMonths: 24,
  });
  for (const id of g.autumn2018) person(id, '2018-09-04');

  came([...g.from2016, g.anonymised], '2016-03-01', '2016-10-31');
  came(g.from2017, '2017-03-01', '2017-06-30');
  came(g.carriedOver, '2017-03-01', '2017-10-31');
  came(g.carriedOver, '2018-03-01', '2018-04-30');
  came(g.spring2018Stopped, '2018-03-01', '2018-04-24');
  came([...g.spring2018, g.contract], '2018-03-01', '2018-05-08');
  came(g.spring2018, '2018-05-09', '2018-06-12');
  came(g.autumn2018, '2018-09-04', '2018-10-23');
  const sessions = [
    ...tuesdays('2016-03-01', '2016-10-31'),
    ...tuesdays('2017-03-01', '2017-10-31'),
    ...tuesdays('2018-03-01', '2018-10-31'),
  ];
  return buildWorkbook({
    participants: people,
    sessions: sessions.map((date) => ({ date, theme: 'CV', facilitator: 'Nadia', place: 'Salle 1' })),
    attendance,
    settings: [
      ['Année', 'Places prévues'],
      [2017, 55],
      [2018, 55],
    ],
  });
}
