/**
 * In-memory workbook: the local preview, the CLI (after reading an .xlsx) and tests use it.
 * Strings are kept as the text they are (nothing is ever evaluated as a formula).
 */
import { UserError } from '../core/errors';
import { isDateValue, type CellValue } from '../core/values';
import { DEFAULT_TIME_ZONE, intlOffsetMinutes, type OffsetSource } from '../core/days';
import type { CellFormat, ChartSpec, WorkbookPort, ValidationRule } from '../core/port';
import { rowBands } from '../core/bands';

export interface MemorySheet {
  name: string;
  cells: CellValue[][];
  notes: Map<string, string>;
  formats: Map<string, CellFormat>;
  validations: { row: number; col: number; numRows: number; numCols: number; rule: ValidationRule }[];
  frozenRows: number;
  columnWidths: Map<number, number>;
  charts: ChartSpec[];
}

/**
 * Rows [from, to) of a sheet as getValues() gives them: a rectangle as wide as the widest
 * row, blanks as '', Date cells as new Date objects (empty rows: one shared frozen row).
 */
function rowsOf(s: MemorySheet, from: number, to: number): CellValue[][] {
  const width = s.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const out: CellValue[][] = [];
  // Rows without any cell (a stray far cell leaves a million of them) share one read-only
  // blank row: callers only read what they are given.
  let blank: CellValue[] | null = null;
  for (let r = from; r < to; r++) {
    const line = s.cells[r];
    if (line.length === 0) {
      blank ??= Object.freeze(new Array<CellValue>(width).fill('')) as CellValue[];
      out.push(blank);
      continue;
    }
    const cells: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = line[c];
      cells[c] = v === null || v === undefined ? '' : isDateValue(v) ? new Date(v.getTime()) : v;
    }
    out.push(cells);
  }
  return out;
}

function key(row: number, col: number): string {
  return `${row}:${col}`;
}

export function newMemorySheet(name: string, cells: CellValue[][] = []): MemorySheet {
  return {
    name,
    cells,
    notes: new Map(),
    formats: new Map(),
    validations: [],
    frozenRows: 0,
    columnWidths: new Map(),
    charts: [],
  };
}

/** Rows of a new tab's grid in Google Sheets. */
const SHEETS_DEFAULT_ROWS = 1000;

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets: MemorySheet[] = [];
  /** Number of calls per method, to assert batch budgets. */
  readonly calls: Record<string, number> = {};
  selection: { sheet: string; row: number; col: number } | null = null;
  /** Bumped on every change (the preview polls it). */
  version = 0;
  /** Offsets of the time zone: the runtime's Intl data. */
  readonly offsets: OffsetSource = intlOffsetMinutes;

  constructor(
    readonly timeZone = DEFAULT_TIME_ZONE,
    sheets: Record<string, CellValue[][]> = {},
  ) {
    for (const [name, cells] of Object.entries(sheets)) this.sheets.push(newMemorySheet(name, cells));
  }

  private count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  private changed(): void {
    this.version++;
  }

  sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new UserError(`Onglet introuvable\u00a0: ${name}`, 'NOT_FOUND');
    return s;
  }

  sheetNames(): string[] {
    this.count('sheetNames');
    return this.sheets.map((s) => s.name);
  }

  readValues(sheet: string): CellValue[][] {
    this.count('readValues');
    const s = this.sheet(sheet);
    return rowsOf(s, 0, s.cells.length);
  }

  readValueBands(sheet: string, visit: (firstRow: number, rows: CellValue[][], lastRow: number) => void): void {
    this.count('readValueBands');
    const s = this.sheet(sheet);
    const lastRow = s.cells.length;
    for (const { firstRow, numRows } of rowBands(lastRow))
      visit(firstRow, rowsOf(s, firstRow - 1, firstRow - 1 + numRows), lastRow);
  }

  readTopRows(sheet: string, numRows: number): CellValue[][] {
    this.count('readTopRows');
    const s = this.sheet(sheet);
    return rowsOf(s, 0, Math.min(s.cells.length, Math.max(0, numRows)));
  }

  readColumn(sheet: string, col: number, numRows: number): CellValue[] {
    this.count('readColumn');
    const s = this.sheet(sheet);
    const rows = Math.min(s.cells.length, Math.max(0, numRows));
    const out: CellValue[] = new Array(rows);
    for (let r = 0; r < rows; r++) out[r] = s.cells[r]?.[col - 1] ?? '';
    return out;
  }

  writeValues(sheet: string, row: number, col: number, values: CellValue[][]): void {
    this.count('writeValues');
    const s = this.sheet(sheet);
    values.forEach((line, i) => {
      const r = row - 1 + i;
      while (s.cells.length <= r) s.cells.push([]);
      const target = s.cells[r];
      line.forEach((v, j) => {
        const c = col - 1 + j;
        while (target.length < c) target.push('');
        target[c] = isDateValue(v) ? new Date(v.getTime()) : v === undefined || v === null ? '' : v;
      });
    });
    this.changed();
  }

  writeColumnCells(sheet: string, col: number, updates: ReadonlyMap<number, CellValue>): void {
    this.count('writeColumnCells');
    const s = this.sheet(sheet);
    for (const [row, v] of updates) {
      while (s.cells.length < row) s.cells.push([]);
      const line = s.cells[row - 1];
      while (line.length < col - 1) line.push('');
      line[col - 1] = isDateValue(v) ? new Date(v.getTime()) : v === undefined || v === null ? '' : v;
    }
    this.changed();
  }

  writeCells(sheet: string, cells: readonly { row: number; col: number; value: string }[]): void {
    this.count('writeCells');
    const s = this.sheet(sheet);
    for (const { row, col, value } of cells) {
      while (s.cells.length < row) s.cells.push([]);
      const line = s.cells[row - 1];
      while (line.length < col - 1) line.push('');
      line[col - 1] = value;
    }
    this.changed();
  }

  insertSheet(name: string): void {
    this.count('insertSheet');
    if (!this.sheets.some((s) => s.name === name)) this.sheets.push(newMemorySheet(name));
    this.changed();
  }

  clearSheet(sheet: string): void {
    this.count('clearSheet');
    const s = this.sheet(sheet);
    Object.assign(s, newMemorySheet(s.name));
    this.changed();
  }

  readNotes(sheet: string, row: number, col: number, numRows: number, numCols: number): string[][] {
    this.count('readNotes');
    const s = this.sheet(sheet);
    const out: string[][] = [];
    for (let i = 0; i < numRows; i++) {
      const line: string[] = [];
      for (let j = 0; j < numCols; j++) line.push(s.notes.get(key(row + i, col + j)) ?? '');
      out.push(line);
    }
    return out;
  }

  writeNotes(sheet: string, row: number, col: number, notes: string[][]): void {
    this.count('writeNotes');
    const s = this.sheet(sheet);
    notes.forEach((line, i) =>
      line.forEach((n, j) => {
        const k = key(row + i, col + j);
        if (n) s.notes.set(k, n);
        else s.notes.delete(k);
      }),
    );
    this.changed();
  }

  setNoteOnCells(sheet: string, cells: readonly { row: number; col: number }[], note: string): void {
    this.count('setNoteOnCells');
    const s = this.sheet(sheet);
    for (const { row, col } of cells) {
      if (note) s.notes.set(key(row, col), note);
      else s.notes.delete(key(row, col));
    }
    this.changed();
  }

  getFrozenRows(sheet: string): number {
    this.count('getFrozenRows');
    return this.sheet(sheet).frozenRows;
  }

  setFrozenRows(sheet: string, rows: number): void {
    this.count('setFrozenRows');
    this.sheet(sheet).frozenRows = rows;
    this.changed();
  }

  setValidation(sheet: string, row: number, col: number, numRows: number, numCols: number, rule: ValidationRule): void {
    this.count('setValidation');
    const s = this.sheet(sheet);
    s.validations = s.validations.filter(
      (v) => !(v.row === row && v.col === col && v.numRows === numRows && v.numCols === numCols),
    );
    s.validations.push({ row, col, numRows, numCols, rule });
    this.changed();
  }

  format(sheet: string, row: number, col: number, numRows: number, numCols: number, format: CellFormat): void {
    this.count('format');
    const s = this.sheet(sheet);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const k = key(row + i, col + j);
        s.formats.set(k, { ...(s.formats.get(k) ?? {}), ...format });
      }
    }
    this.changed();
  }

  setColumnWidth(sheet: string, col: number, width: number): void {
    this.count('setColumnWidth');
    this.sheet(sheet).columnWidths.set(col, width);
  }

  addChart(sheet: string, chart: ChartSpec): void {
    this.count('addChart');
    this.sheet(sheet).charts.push(chart);
    this.changed();
  }

  select(sheet: string, row: number, col: number): boolean {
    this.count('select');
    // The grid of a new Sheets tab has 1 000 rows; a tab with more data has as many.
    if (row > Math.max(this.sheet(sheet).cells.length, SHEETS_DEFAULT_ROWS)) return false;
    this.selection = { sheet, row, col };
    this.changed();
    return true;
  }

  /** The selection (select(), or a click on a cell of the preview's grid). */
  activeCell(): { sheet: string; row: number } | null {
    this.count('activeCell');
    return this.selection ? { sheet: this.selection.sheet, row: this.selection.row } : null;
  }

  /** The user moves the cursor (the preview's grid): no change to the workbook's contents. */
  setActiveCell(sheet: string, row: number, col: number): void {
    this.selection = { sheet, row, col };
  }

  flush(): void {
    this.count('flush');
  }

  /** Total number of port calls so far. */
  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }
}
