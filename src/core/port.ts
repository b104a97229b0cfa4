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
  /**
   * One batch write of a rectangle. Strings are stored as plain text, never as formulas or
   * numbers (the adapter escapes them); Date values become date cells.
   */
  writeValues(sheet: string, row: number, col: number, values: CellValue[][]): void;
  /**
   * Writes single cells scattered over a tab (strings stored as text), one call per distinct
   * value, leaving every other cell untouched. Every adapter can (Sheets: one RangeList per
   * value) and returns true; a false return would make the caller write a rectangle instead.
   */
  writeCells(sheet: string, cells: readonly { row: number; col: number; value: string }[]): boolean;
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
  /** Selects a cell and shows its tab. */
  select(sheet: string, row: number, col: number): void;
  /**
   * The user's current cell: its tab and 1-based row (a constant number of service calls),
   * or null when unknown (no selection, an environment without one such as an .xlsx file).
   */
  activeCell(): { sheet: string; row: number } | null;
  /** Applies pending writes (SpreadsheetApp.flush). */
  flush(): void;
}

/** The document lock (LockService.getDocumentLock()). */
export interface LockPort {
  tryLock(timeoutMs: number): boolean;
  releaseLock(): void;
}

import type { SidebarView } from '../shared/views';
export type { SidebarView };

/** What the menu handlers need from the user interface. */
export interface UiPort {
  showSidebar(view: SidebarView): void;
  alert(message: string): void;
  /** null when cancelled. */
  prompt(title: string, message: string, defaultValue?: string): string | null;
  confirm(title: string, message: string): boolean;
  toast?(message: string): void;
  /**
   * A modal dialog showing a self-contained HTML page (SPEC §12: the printed documents, the
   * date of a sign-in sheet). Optional: the stand-ins of tests that never show one need not.
   */
  showDialog?(html: string, title: string, size: { width: number; height: number }): void;
  /**
   * True for the signal a UI throws to stop a run at an unanswered question (the preview's
   * replay): the menu's top-level catch lets it through instead of reporting an error.
   */
  isInterruption?(e: unknown): boolean;
}

/** Everything server code needs, passed in (tests use small fakes). */
export interface Services {
  workbook: WorkbookPort;
  lock: LockPort;
  ui: UiPort;
  /** Today's calendar day in the spreadsheet's time zone. */
  today(): number;
  /** Current instant, for "generated on" stamps. */
  now(): Date;
}
