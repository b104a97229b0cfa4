/**
 * Every server function and menu action, as the sidebar and the menu call them, with the
 * uncounted preparation each needs so that a run does the same work whatever the size
 * (notes cleared before a check, report tab deleted before a creation, a new date for each
 * save). Shared by bench/bench.ts and test/reliability/service-calls.test.ts.
 */
import type { SaveAttendanceInput } from '../src/shared/api';
import type { FakeGas } from '../test/support/fake-gas';
import type { Dataset } from './dataset';

export const reportTab = (year: number): string => `Bilan ${year}`;

const saves = new WeakMap<Dataset, number>();
/** Each save goes to a new day after the last season (no Séances row yet): the same writes every time. */
export function nextSave(ds: Dataset): SaveAttendanceInput {
  const k = saves.get(ds) ?? 0;
  saves.set(ds, k + 1);
  const day = new Date(Date.UTC(2024, 10, 1) + k * 86_400_000).toISOString().slice(0, 10);
  return { ...ds.save, date: day };
}

/** Removes the notes of the data tabs (so that a check writes its marks again). */
export function clearNotes(fake: FakeGas): void {
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  for (const name of ['Participants', 'Séances', 'Présences']) ss.getSheetByName(name)?.clearNotes();
}

/** Deletes the year's report tab (so that the next generation creates it). */
export function deleteReport(fake: FakeGas, year: number): void {
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  const s = ss.getSheetByName(reportTab(year));
  if (s) ss.deleteSheet(s);
}

export type Call = (name: string, ...args: unknown[]) => unknown;

export interface Action {
  label: string;
  /** Top-level function of dist/Code.js. */
  fn: string;
  prepare?: (fake: FakeGas, ds: Dataset) => void;
  args: (ds: Dataset, fake: FakeGas) => unknown[];
}

export const ACTIONS: Action[] = [
  {
    label: 'onOpen (menu, AuthMode FULL)',
    fn: 'onOpen',
    args: (_ds, fake) => [{ authMode: fake.globals.ScriptApp.AuthMode.FULL }],
  },
  { label: 'getAttendanceSheet (ouvrir une séance)', fn: 'getAttendanceSheet', args: (ds) => [ds.existingSession] },
  { label: 'saveAttendance (nouvelle séance, 30 jeunes)', fn: 'saveAttendance', args: (ds) => [nextSave(ds)] },
  { label: 'validateWorkbook', fn: 'validateWorkbook', prepare: clearNotes, args: () => [] },
  { label: 'computeIndicators', fn: 'computeIndicators', args: (ds) => [ds.reportYear] },
  {
    label: 'generateAnnualReport (création)',
    fn: 'generateAnnualReport',
    prepare: (fake, ds) => deleteReport(fake, ds.reportYear),
    args: (ds) => [ds.reportYear],
  },
  { label: 'generateAnnualReport (remplacement)', fn: 'generateAnnualReport', args: (ds) => [ds.reportYear] },
  { label: 'getReportYears', fn: 'getReportYears', args: () => [] },
  { label: 'selectCell', fn: 'selectCell', args: () => ['Participants', 5, 'Commune'] },
  { label: 'Menu « Ouvrir le panneau »', fn: 'menuOpenSidebar', args: () => [] },
  { label: 'Menu « Saisir les présences »', fn: 'menuRecordAttendance', args: () => [] },
  { label: 'Menu « Vérifier le classeur »', fn: 'menuCheckWorkbook', prepare: clearNotes, args: () => [] },
  {
    label: 'Menu « Générer le bilan annuel… » (année saisie)',
    fn: 'menuGenerateReport',
    prepare: (fake, ds) => {
      deleteReport(fake, ds.reportYear);
      fake.answers.prompts.push({ button: 'OK', text: String(ds.reportYear) });
    },
    args: () => [],
  },
  { label: 'Menu « Préparer le classeur »', fn: 'menuPrepareWorkbook', args: () => [] },
  {
    label: 'getParticipantJourney (ligne active de Participants)',
    fn: 'getParticipantJourney',
    prepare: (fake) => fake.setActiveCell('Participants', 5, 2),
    args: () => [null],
  },
  {
    label: 'getParticipantJourney (un jeune choisi)',
    fn: 'getParticipantJourney',
    args: (_ds, fake) => [String(fake.cell('Participants', 2, 1))],
  },
  { label: "Menu « Parcours d'un jeune »", fn: 'menuParticipantJourney', args: () => [] },
];

export interface CallCount {
  /** Counts per 'Class.method'. */
  calls: Record<string, number>;
  total: number;
  /** Range reads (getValues, getValue, getNotes, getNote). */
  reads: number;
  /** Range writes (setValues, setValue, setNotes, setNote). */
  writes: number;
  error: string | null;
}

const READS = ['Range.getValues', 'Range.getValue', 'Range.getNotes', 'Range.getNote'];
const WRITES = ['Range.setValues', 'Range.setValue', 'Range.setNotes', 'Range.setNote'];

/** Counts the service calls of `run` (an exception is recorded, not thrown). */
export function countCalls(fake: FakeGas, run: () => unknown): CallCount {
  fake.resetCalls();
  let error: string | null = null;
  try {
    run();
  } catch (e) {
    error = (e as Error).message;
  }
  const calls = fake.snapshotCalls();
  const sum = (methods: string[]) => methods.reduce((n, m) => n + (calls[m] ?? 0), 0);
  return { calls, total: fake.totalCalls(), reads: sum(READS), writes: sum(WRITES), error };
}

/** Runs every action in order on one fake through `call` (dist/Code.js or src/). */
export function runActions(fake: FakeGas, ds: Dataset, call: Call): Map<string, CallCount> {
  const out = new Map<string, CallCount>();
  for (const a of ACTIONS) {
    a.prepare?.(fake, ds);
    const args = a.args(ds, fake);
    out.set(
      a.label,
      countCalls(fake, () => call(a.fn, ...args)),
    );
  }
  return out;
}
