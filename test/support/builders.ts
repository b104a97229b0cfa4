/**
 * Shared builders for test workbooks: fictional people, canonical headers, sensible defaults.
 * Dates may be given as 'YYYY-MM-DD' (stored as Sheets-like Date cells, midnight in Paris),
 * or as any raw cell value (text, serial number) to test parsing.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { dayFromIso, midnightInTimeZone } from '../../src/core/days';
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
  sessions?: { date: CellValue; theme?: string; facilitator?: string; place?: string }[];
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
  tabs[SESSIONS.name] = [
    SESSIONS.columns.slice(0, 4).map((c) => c.header),
    ...(input.sessions ?? []).map((s) => [cell(s.date), s.theme ?? '', s.facilitator ?? '', s.place ?? '']),
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
