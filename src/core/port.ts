/**
 * The one small interface between the add-on's logic and a spreadsheet. Every method is one
 * batch operation on a rectangle: implementations must not loop over cells with service
 * calls. Rows and columns are 1-based, as in Sheets.
 */
import type { OffsetSource } from './days';
import type { CellValue } from './values';

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  background?: string;
  numberFormat?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

export type ValidationRule =
  | { kind: 'list'; values: string[]; allowInvalid: boolean; helpText?: string }
  | { kind: 'date'; allowInvalid: boolean; helpText?: string };

export interface ChartSpec {
  type: 'bar' | 'column' | 'pie' | 'line';
  title: string;
  /** Data rectangle on the same sheet: first column = labels, next columns = series; first row = headers. */
  range: { row: number; col: number; numRows: number; numCols: number };
  /** Where the chart's top-left corner sits. */
  anchor: { row: number; col: number };
  width?: number;
  height?: number;
}

export interface WorkbookPort {
  /** Spreadsheet time zone (Date cells are midnight in it). */
  readonly timeZone: string;
  /**
   * Offsets of that time zone, to read Date cells as days and write days as Date cells
   * (Apps Script: Intl, checked once per execution against Utilities.formatDate).
   */
  readonly offsets: OffsetSource;
  /**
   * The spreadsheet's locale (`fr_FR`, `en_US`), which decides how Sheets reads dates typed by
   * staff; undefined where there is none (an .xlsx file).
   */
  readonly locale?: string;
  sheetNames(): string[];
  /** The whole data range of a tab, one batch read. */
  readValues(sheet: string): CellValue[][];
  /**
   * The data range of a tab in the bands of `rowBands(lastRow)` (./bands: one batch read per
   * band, a fixed number for a big tab), given in order to `visit` with the data range's last
   * row: each band's cells can be let go before the next band is read. Nothing is visited for
   * an empty tab.
   */
  readValueBands(sheet: string, visit: (firstRow: number, rows: CellValue[][], lastRow: number) => void): void;
  /** The first `numRows` rows of the data range (one batch read), for callers that need only the headers. */
  readTopRows(sheet: string, numRows: number): CellValue[][];
  /** Rows 1…numRows of one column (1-based `col`), one batch read; shorter when the tab now has fewer rows. */
  readColumn(sheet: string, col: number, numRows: number): CellValue[];
  /**
   * One batch write of a rectangle. Strings are stored as plain text, never as formulas or
   * numbers (the adapter escapes them); Date values become date cells.
   */
  writeValues(sheet: string, row: number, col: number, values: CellValue[][]): void;
  /**
   * Writes single cells scattered over a tab (strings stored as text), one call per distinct
   * value, leaving every other cell untouched (Sheets: one RangeList per value).
   */
  writeCells(sheet: string, cells: readonly { row: number; col: number; value: string }[]): void;
  /**
   * Sets some cells of one column (1-based row → value, written as writeValues would), every
   * other cell keeping exactly what it holds (formulas, text, formats), in a number of calls
   * that does not grow with the rows (Sheets: one rectangle over their span, the cells in
   * between written back as read).
   */
  writeColumnCells(sheet: string, col: number, updates: ReadonlyMap<number, CellValue>): void;
  /** Appends a sheet at the end; no-op if a sheet of that exact name exists. */
  insertSheet(name: string): void;
  /** Clears contents, formats, notes, validations and charts (used only on generated tabs). */
  clearSheet(sheet: string): void;
  readNotes(sheet: string, row: number, col: number, numRows: number, numCols: number): string[][];
  writeNotes(sheet: string, row: number, col: number, notes: string[][]): void;
  /**
   * Gives scattered cells of a tab the same note in one call ('' removes their notes),
   * leaving every other cell untouched (Sheets: one RangeList).
   */
  setNoteOnCells(sheet: string, cells: readonly { row: number; col: number }[], note: string): void;
  getFrozenRows(sheet: string): number;
  setFrozenRows(sheet: string, rows: number): void;
  /** Data validation on a rectangle (clipped to the sheet's grid by the Apps Script adapter). */
  setValidation(sheet: string, row: number, col: number, numRows: number, numCols: number, rule: ValidationRule): void;
  format(sheet: string, row: number, col: number, numRows: number, numCols: number, format: CellFormat): void;
  setColumnWidth(sheet: string, col: number, width: number): void;
  addChart(sheet: string, chart: ChartSpec): void;
  /** Selects a cell and shows its tab; false (nothing selected) when the cell is past the tab's grid. */
  select(sheet: string, row: number, col: number): boolean;
  /**
   * The user's current cell: its tab and 1-based row (a constant number of service calls),
   * or null when unknown (no selection, an environment without one such as an .xlsx file).
   */
  activeCell(): { sheet: string; row: number } | null;
  /** Applies pending writes (SpreadsheetApp.flush). */
  flush(): void;
}
