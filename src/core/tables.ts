/**
 * Tables of the workbook: finds a tab's header row and columns in the cell values an adapter
 * read, lists its non-empty data rows, and the small helpers that read cells of a row.
 */
import type { OffsetSource } from './days';
import { TabDefinition, findTabName, headerLookup } from './schema';
import type { Settings } from './settings';
import { normalizeKey } from './text';
import { CellValue, isBlank } from './values';

/** What the model needs from a workbook: its tab names and each tab's values. */
export interface WorkbookSource {
  timeZone: string;
  /** Offsets of the time zone (default: the runtime's Intl data). */
  offsets?: OffsetSource;
  /** The spreadsheet's locale, where there is one (Sheets: getSpreadsheetLocale). */
  locale?: string;
  sheetNames: string[];
  /** Values of a tab (one batch read), by its actual name. */
  values(sheetName: string): CellValue[][];
  /**
   * When given, `Présences` is read through it, in bands of rows (WorkbookPort.readValueBands):
   * its data rows then go straight into the model's compact columns, band after band, and
   * its table is then a BandedTable (only the rows down to the header row are kept).
   */
  valueBands?(sheetName: string, visit: (firstRow: number, rows: CellValue[][], lastRow: number) => void): void;
  /** Settings already read (then `Paramètres` is not read): a one-row model checked as its workbook would be. */
  settings?: Settings;
}

/** Rows 1–5 are searched for the header row. */
export const HEADER_SEARCH_ROWS = 5;

/**
 * What every table has, read whole or in bands: where the tab is, its header row and columns,
 * the rows of its data. Functions that only locate columns and rows (the checks, the notes)
 * take this; those that read or write cells of the data rows need a `Table`.
 */
export interface TableLayout<K extends string> {
  definition: TabDefinition<K>;
  /** Actual tab name in the workbook, or null when the tab is absent. */
  sheetName: string | null;
  /** 1-based sheet row of the headers, or null when none was recognised. */
  headerRow: number | null;
  /** 0-based column index of each recognised column (first occurrence wins). */
  columns: Partial<Record<K, number>>;
  /** Required columns not found. */
  missing: K[];
  /** Number of columns of the sheet's data range. */
  width: number;
  /** Number of rows of the sheet's data range. */
  lastRow: number;
  /** 'whole': a `Table` (every row's cells in `values`); 'banded': a `BandedTable` (no data cells). */
  kind: 'whole' | 'banded';
  /** 1-based sheet rows of the non-empty data rows below the header row: the cheap form of `rows`, used by the model. */
  rowNumbers: Int32Array;
  /**
   * The rows down to the header row at least (every row when no header row was recognised),
   * for the functions that read headers: a `Table`'s `values` itself.
   */
  head: CellValue[][];
}

/** A tab read whole: every row's cells (shared, never modified), `values[row - 1]`. */
export interface Table<K extends string> extends TableLayout<K> {
  kind: 'whole';
  values: CellValue[][];
}

/**
 * A tab read in bands (`Présences` for the figures and the checks): its data rows went
 * straight into the model's compact columns (WorkbookModel.attendanceColumns), band after
 * band, and were let go; only `head` is kept. No `values`: code that reads or writes cells of
 * the data rows does not compile against it.
 */
export interface BandedTable<K extends string> extends TableLayout<K> {
  kind: 'banded';
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  cells: CellValue[];
}

function rowIsEmpty(cells: CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === 'string' ? c.length > 0 && (c.charCodeAt(0) > 32 || c.trim() !== '') : !isBlank(c)) return false;
  }
  return true;
}

/** Finds the header row and the columns of a tab in its values. */
export function locateTable<K extends string>(
  definition: TabDefinition<K>,
  sheetName: string | null,
  values: CellValue[][],
): Table<K> {
  const lookup = headerLookup(definition);
  let headerRow: number | null = null;
  let columns: Partial<Record<K, number>> = {};
  const limit = Math.min(HEADER_SEARCH_ROWS, values.length);
  for (let r = 0; r < limit; r++) {
    const found: Partial<Record<K, number>> = {};
    let count = 0;
    values[r].forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const key = lookup.get(normalizeKey(cell));
      if (key !== undefined && found[key] === undefined) {
        found[key] = c;
        count++;
      }
    });
    if (count >= definition.minHeaders) {
      headerRow = r + 1;
      columns = found;
      break;
    }
  }
  const missing = definition.columns.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key);
  // A typed array allocated once (outside the garbage-collected heap), then cut to its length.
  const numbers = new Int32Array(headerRow === null ? 0 : values.length - headerRow);
  const count = headerRow === null ? 0 : nonEmptyRows(values, 1, headerRow, numbers, 0);
  const rowNumbers = numbers.subarray(0, count);
  // A plain object of one shape: no accessor per table (V8 would give each a shape of its
  // own, and recompile the functions that read tables on every call).
  return {
    definition,
    sheetName,
    headerRow,
    columns,
    missing,
    width: widthOf(values),
    lastRow: values.length,
    kind: 'whole',
    rowNumbers,
    head: values,
    values,
  };
}

export function widthOf(values: CellValue[][]): number {
  let width = 0;
  for (let r = 0; r < values.length; r++) if (values[r].length > width) width = values[r].length;
  return width;
}

/**
 * Writes into `into` (from index `count`) the 1-based sheet rows of the non-empty rows of
 * `values` (whose first row is sheet row `firstRow`) below sheet row `headerRow`; returns the
 * new count.
 */
export function nonEmptyRows(
  values: CellValue[][],
  firstRow: number,
  headerRow: number,
  into: Int32Array,
  count: number,
): number {
  for (let r = Math.max(0, headerRow - firstRow + 1); r < values.length; r++) {
    if (!rowIsEmpty(values[r])) into[count++] = firstRow + r;
  }
  return count;
}

const tableRowsCache = new WeakMap<Table<string>, TableRow[]>();

/** The non-empty data rows below the header row, as objects (built on first use, then kept). */
export function tableRows(table: Table<string>): TableRow[] {
  let rows = tableRowsCache.get(table);
  if (!rows) {
    const { values } = table;
    rows = Array.from(table.rowNumbers, (row) => ({ row, cells: values[row - 1] }));
    tableRowsCache.set(table, rows);
  }
  return rows;
}

export function cellOf<K extends string>(table: Table<K>, row: TableRow, key: K): CellValue {
  const c = table.columns[key];
  return c === undefined ? null : row.cells[c];
}

export function readTable<K extends string>(source: WorkbookSource, definition: TabDefinition<K>): Table<K> {
  const sheetName = findTabName(source.sheetNames, definition.name);
  return locateTable(definition, sheetName, sheetName ? source.values(sheetName) : []);
}

/** Spellings remembered per column while reading (beyond, each cell is parsed anew). */
const TEXT_CACHE_LIMIT = 5_000;

/**
 * `parse(cell)`, remembered in `results` (a column repeats a few spellings; beyond `limit`
 * entries, each new cell is parsed anew). A plain function over a Map rather than one closure
 * per column: V8 then keeps the readers' optimized code from one call of readWorkbook to the
 * next (closures made per call were embedded in it, and it was recompiled every time).
 */
export function remembered<T>(
  results: Map<CellValue, T>,
  cell: CellValue,
  parse: (cell: CellValue) => T,
  limit = TEXT_CACHE_LIMIT,
): T {
  let result = results.get(cell);
  if (result === undefined) {
    result = parse(cell);
    if (results.size < limit) results.set(cell, result);
  }
  return result;
}

/** The cell of a row in column `c` (null when the column is absent, c < 0). */
export function cellAt(row: CellValue[], c: number): CellValue {
  return c < 0 ? null : row[c];
}
