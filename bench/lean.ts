/**
 * `npm run bench:lean` — the SPEC §9 ratios again, under a *lean* stand-in of the Apps
 * Script services (indicative, never fails): getValues copies each row array (Date cells are
 * the stored objects, not new ones), getNotes copies the stored notes. Reading is then much
 * cheaper than through the counting fake (test/support/fake-gas), which builds every cell,
 * so the same code gives higher ratios: this measures how much of our own work is left on
 * top of reading, whatever the stand-in.
 */
import { createServerApi } from '../src/app/api';
import { appsScriptServices } from '../src/server/services';
import { MARK_HEADER } from '../src/i18n/fr/checks';
import type { Dataset } from './dataset';
import { cpuMs, median } from './measure';

type Cell = string | number | boolean | Date;

class LeanSheet {
  /** Notes as a dense grid of the values' shape ('' for none), as the values are stored. */
  notes: string[][];
  constructor(
    readonly name: string,
    readonly values: Cell[][],
  ) {
    this.notes = [];
    this.clearNotes();
  }
  /**
   * Removes every note. The grid stays dense: a sparse array written from row 941 on would
   * fall into V8's dictionary mode, and every note read or written would become a hash lookup
   * that no spreadsheet service pays.
   */
  clearNotes() {
    this.notes = this.values.map((row) => new Array<string>(row.length).fill(''));
  }
  getName() {
    return this.name;
  }
  getLastRow() {
    return this.values.length;
  }
  getLastColumn() {
    return this.values.reduce((w, r) => Math.max(w, r.length), 0);
  }
  getMaxRows() {
    return this.values.length + 1000;
  }
  getMaxColumns() {
    return this.getLastColumn() + 26;
  }
  getDataRange() {
    return new LeanRange(this, 1, 1, this.values.length, this.getLastColumn());
  }
  getRange(row: number, col: number, numRows = 1, numCols = 1) {
    return new LeanRange(this, row, col, numRows, numCols);
  }
  getRangeList(a1s: string[]) {
    const ranges = a1s.map((a1) => {
      const m = /^([A-Z]+)(\d+)(?::[A-Z]+(\d+))?$/.exec(a1);
      if (!m) throw new Error(`A1 ${a1}`);
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const first = Number(m[2]);
      return new LeanRange(this, first, col, (m[3] ? Number(m[3]) : first) - first + 1, 1);
    });
    return {
      setNote: (note: string) => ranges.forEach((r) => r.setNote(note)),
      clearNote: () => ranges.forEach((r) => r.setNote('')),
    };
  }
}

class LeanRange {
  constructor(
    private readonly sheet: LeanSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly numRows: number,
    private readonly numCols: number,
  ) {}
  getValues(): Cell[][] {
    const out: Cell[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line = this.sheet.values[this.row - 1 + i] ?? [];
      out[i] = copyOf(line, this.col, this.numCols, '');
    }
    return out;
  }
  /** Copies the stored notes, as getValues copies the values. */
  getNotes(): string[][] {
    const out: string[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line = this.sheet.notes[this.row - 1 + i] ?? [];
      out[i] = copyOf(line, this.col, this.numCols, '');
    }
    return out;
  }
  /** Copies the given notes into the stored grid (plain loops, as lean as the reads). */
  setNotes(notes: string[][]) {
    for (let i = 0; i < notes.length; i++) {
      const line = notes[i];
      const stored = this.storedRow(this.row - 1 + i);
      for (let j = 0; j < line.length; j++) stored[this.col - 1 + j] = line[j];
    }
    return this;
  }
  setNote(note: string) {
    for (let i = 0; i < this.numRows; i++) {
      const stored = this.storedRow(this.row - 1 + i);
      for (let j = 0; j < this.numCols; j++) stored[this.col - 1 + j] = note;
    }
    return this;
  }
  /** The stored row of notes (a row past the values gets a row of its own). */
  private storedRow(index: number): string[] {
    const notes = this.sheet.notes;
    while (notes.length <= index) notes.push([]);
    return notes[index];
  }
}

/** Columns `col`…`col + numCols - 1` (1-based) of a stored row, as a copy ('' past its end): a native slice. */
function copyOf<T>(line: readonly T[], col: number, numCols: number, blank: T): T[] {
  const out = line.slice(col - 1, col - 1 + numCols);
  while (out.length < numCols) out.push(blank);
  return out;
}

/** One formatter per time zone: the stand-in's Utilities.formatDate is a cheap call, as its reads are. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatDate(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

/** The measure is void if the check wrote no note (the stand-in's writes would not be measured). */
function assertMarksWritten(sheets: LeanSheet[]): void {
  const marked = sheets.some((s) => s.notes.some((line) => line.some((note) => note.startsWith(MARK_HEADER))));
  if (!marked) throw new Error('bench:lean : validateWorkbook n’a écrit aucune note, la mesure ne vaut rien');
}

/** Medians (CPU ms) of the floors and the two server functions under the lean stand-in. */
export interface LeanRatios {
  floorValues: number;
  floorValuesAndNotes: number;
  computeIndicators: number;
  validateWorkbook: number;
  indicatorsRatio: number;
  validationRatio: number;
  runs: number;
}

const SERVICE_GLOBALS = ['SpreadsheetApp', 'LockService', 'Utilities', 'Session'] as const;

/**
 * The SPEC §9 ratios under the lean stand-in: interleaved runs (A, B, indicators, check), a
 * forced garbage collection before each, medians. The Apps Script globals it installs are
 * put back as they were.
 */
export function measureLeanRatios(ds: Dataset, runs: number): LeanRatios {
  const sheets = Object.entries(ds.tabs).map(
    ([name, rows]) =>
      new LeanSheet(
        name,
        rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c)) as Cell[]),
      ),
  );
  const spreadsheet = {
    getSheets: () => sheets,
    getSheetByName: (name: string) => sheets.find((s) => s.name === name) ?? null,
    getSpreadsheetTimeZone: () => 'Europe/Paris',
    getActiveSheet: () => sheets[0],
    toast() {},
  };
  const globals = globalThis as Record<string, unknown>;
  const saved = SERVICE_GLOBALS.map((name) => globals[name]);
  globals.SpreadsheetApp = { getActiveSpreadsheet: () => spreadsheet, flush() {}, getUi: () => ({}) };
  globals.LockService = { getDocumentLock: () => ({ tryLock: () => true, releaseLock() {} }) };
  globals.Utilities = { formatDate };
  globals.Session = { getScriptTimeZone: () => 'Europe/Paris' };
  try {
    const api = () => createServerApi(appsScriptServices());
    const samples = { a: [] as number[], b: [] as number[], indicators: [] as number[], validate: [] as number[] };
    for (let i = 0; i <= runs; i++) {
      const a = cpuMs(() => sheets.forEach((s) => s.getDataRange().getValues())).ms;
      const b = cpuMs(() =>
        sheets.forEach((s) => {
          const r = s.getDataRange();
          r.getValues();
          r.getNotes();
        }),
      ).ms;
      const indicators = cpuMs(() => api().computeIndicators(ds.reportYear)).ms;
      for (const s of sheets) s.clearNotes();
      const validate = cpuMs(() => api().validateWorkbook()).ms;
      if (i === 0) {
        assertMarksWritten(sheets);
        continue; // warm-up
      }
      samples.a.push(a);
      samples.b.push(b);
      samples.indicators.push(indicators);
      samples.validate.push(validate);
    }
    const [a, b, indicators, validate] = [samples.a, samples.b, samples.indicators, samples.validate].map(median);
    return {
      floorValues: a,
      floorValuesAndNotes: b,
      computeIndicators: indicators,
      validateWorkbook: validate,
      indicatorsRatio: indicators / a,
      validationRatio: validate / b,
      runs,
    };
  } finally {
    SERVICE_GLOBALS.forEach((name, k) => {
      globals[name] = saved[k];
    });
  }
}
