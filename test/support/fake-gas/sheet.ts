/** Sheet: one tab of the spreadsheet; every call is counted as 'Sheet.method'. */
import { parseA1 } from './a1';
import { cursorOn } from './active-cell';
import { lastColumnOf, lastRowOf, shiftRows } from './cells';
import { FakeChartBuilder, FakeEmbeddedChart } from './chart';
import { FakeRange } from './range';
import { FakeRangeList } from './range-list';
import type { FakeState } from './state';
import type { SheetState } from './types';

const DEFAULT_COLUMN_WIDTH = 100;

export class FakeSheet {
  constructor(
    private readonly state: FakeState,
    private readonly sheet: SheetState,
  ) {}
  private hit(method: string): void {
    this.state.hit(`Sheet.${method}`);
  }
  /** Ranges of a deleted tab fail, as in Apps Script. */
  private alive(): void {
    if (!this.state.sheets.includes(this.sheet)) this.state.fail('The sheet has been deleted.');
  }
  private fail(message: string): never {
    return this.state.fail(message);
  }

  // --- identity ---------------------------------------------------------------------------
  getName() {
    this.hit('getName');
    return this.sheet.name;
  }
  setName(name: string) {
    this.hit('setName');
    if (this.state.sheets.some((other) => other !== this.sheet && other.name === name)) {
      this.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.sheet.name = name;
    return this;
  }
  getSheetId() {
    this.hit('getSheetId');
    return this.sheet.id;
  }
  getIndex() {
    this.hit('getIndex');
    return this.state.sheets.indexOf(this.sheet) + 1;
  }
  getParent() {
    this.hit('getParent');
    return this.state.spreadsheet;
  }

  // --- ranges -----------------------------------------------------------------------------
  /** getRange(a1) or getRange(row, col, numRows = 1, numCols = 1). */
  getRange(rowOrA1: number | string, column?: number, rowCount?: number, columnCount?: number) {
    this.hit('getRange');
    this.alive();
    let row: number;
    let col: number;
    let numRows: number;
    let numCols: number;
    if (typeof rowOrA1 === 'string') ({ row, col, numRows, numCols } = parseA1(rowOrA1));
    else {
      if (column === undefined)
        this.fail("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
      row = rowOrA1;
      col = column;
      numRows = rowCount ?? 1;
      numCols = columnCount ?? 1;
    }
    for (const [value, what] of [
      [row, 'row'],
      [col, 'column'],
      [numRows, 'number of rows'],
      [numCols, 'number of columns'],
    ] as const) {
      if (!Number.isInteger(value)) this.fail(`The ${what} (${value}) must be an integer.`);
    }
    if (row < 1 || col < 1) this.fail('The starting row or column of the range is too small.');
    if (numRows < 1) this.fail('The number of rows in the range must be at least 1.');
    if (numCols < 1) this.fail('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.sheet.maxRows) this.fail('Those rows are out of bounds.');
    if (col + numCols - 1 > this.sheet.maxColumns) this.fail('Those columns are out of bounds.');
    return new FakeRange(this.state, this.sheet, row, col, numRows, numCols);
  }
  getRangeList(a1Notations: string[]) {
    this.hit('getRangeList');
    this.alive();
    return new FakeRangeList(this.state, this.sheet, a1Notations);
  }
  getDataRange() {
    this.hit('getDataRange');
    this.alive();
    return new FakeRange(this.state, this.sheet, 1, 1, Math.max(1, lastRowOf(this.sheet)), Math.max(1, lastColumnOf(this.sheet)));
  }
  /** Issue 11: see active-cell.ts. */
  getCurrentCell() {
    this.hit('getCurrentCell');
    return cursorOn(this.state, this.sheet, false);
  }
  getActiveRange() {
    this.hit('getActiveRange');
    return cursorOn(this.state, this.sheet, true);
  }

  // --- size -------------------------------------------------------------------------------
  getLastRow() {
    this.hit('getLastRow');
    return lastRowOf(this.sheet);
  }
  getLastColumn() {
    this.hit('getLastColumn');
    return lastColumnOf(this.sheet);
  }
  getMaxRows() {
    this.hit('getMaxRows');
    return this.sheet.maxRows;
  }
  getMaxColumns() {
    this.hit('getMaxColumns');
    return this.sheet.maxColumns;
  }
  insertRowsAfter(after: number, howMany: number) {
    this.hit('insertRowsAfter');
    if (howMany < 1 || after < 1 || after > this.sheet.maxRows) this.fail('Those rows are out of bounds.');
    if (after < lastRowOf(this.sheet)) shiftRows(this.sheet, after, howMany);
    this.sheet.maxRows += howMany;
    return this;
  }
  insertRows(before: number, howMany = 1) {
    this.hit('insertRows');
    if (before < 1 || before > this.sheet.maxRows) this.fail('Those rows are out of bounds.');
    shiftRows(this.sheet, before - 1, howMany);
    this.sheet.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    this.hit('insertColumnsAfter');
    if (after !== this.sheet.maxColumns && after < lastColumnOf(this.sheet))
      this.fail('fake-gas: inserting columns inside data is not supported');
    this.sheet.maxColumns += howMany;
    return this;
  }
  getFrozenRows() {
    this.hit('getFrozenRows');
    return this.sheet.frozenRows;
  }
  setFrozenRows(count: number) {
    this.hit('setFrozenRows');
    if (count < 0 || count >= this.sheet.maxRows) this.fail("You can't freeze all visible rows on the sheet.");
    this.sheet.frozenRows = count;
    return this;
  }
  getFrozenColumns() {
    this.hit('getFrozenColumns');
    return this.sheet.frozenColumns;
  }
  setFrozenColumns(count: number) {
    this.hit('setFrozenColumns');
    this.sheet.frozenColumns = count;
    return this;
  }

  // --- clearing ---------------------------------------------------------------------------
  clear() {
    // Contents and formats; notes, validations and charts stay (the adapter clears them).
    this.hit('clear');
    this.sheet.values = [];
    this.sheet.formulas.clear();
    this.sheet.formats.clear();
    this.sheet.numberFormats.clear();
    return this;
  }
  clearContents() {
    this.hit('clearContents');
    this.sheet.values = [];
    this.sheet.formulas.clear();
    return this;
  }
  clearFormats() {
    this.hit('clearFormats');
    this.sheet.formats.clear();
    this.sheet.numberFormats.clear();
    return this;
  }
  clearNotes() {
    this.hit('clearNotes');
    this.sheet.notes.clear();
    return this;
  }

  // --- charts -----------------------------------------------------------------------------
  getCharts() {
    this.hit('getCharts');
    return this.sheet.charts.map((chart) => new FakeEmbeddedChart(this.state, chart));
  }
  newChart() {
    this.hit('newChart');
    return new FakeChartBuilder(this.state, this.sheet);
  }
  insertChart(chart: FakeEmbeddedChart) {
    this.hit('insertChart');
    this.sheet.charts.push(chart.chart);
  }
  updateChart(chart: FakeEmbeddedChart) {
    this.hit('updateChart');
    const index = this.sheet.charts.findIndex((stored) => stored.id === chart.chart.id);
    if (index >= 0) this.sheet.charts[index] = chart.chart;
  }
  removeChart(chart: FakeEmbeddedChart) {
    this.hit('removeChart');
    this.sheet.charts = this.sheet.charts.filter((stored) => stored.id !== chart.chart.id);
  }

  // --- display ----------------------------------------------------------------------------
  activate() {
    this.hit('activate');
    this.state.activeSheetName = this.sheet.name;
    return this;
  }
  showSheet() {
    this.hit('showSheet');
    this.sheet.hidden = false;
    return this;
  }
  hideSheet() {
    this.hit('hideSheet');
    this.sheet.hidden = true;
    return this;
  }
  isSheetHidden() {
    this.hit('isSheetHidden');
    return this.sheet.hidden;
  }
  setColumnWidth(col: number, width: number) {
    this.hit('setColumnWidth');
    this.sheet.columnWidths.set(col, width);
    return this;
  }
  setColumnWidths(firstCol: number, count: number, width: number) {
    this.hit('setColumnWidths');
    for (let col = firstCol; col < firstCol + count; col++) this.sheet.columnWidths.set(col, width);
    return this;
  }
  getColumnWidth(col: number) {
    this.hit('getColumnWidth');
    return this.sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(_col: number, _count: number) {
    this.hit('autoResizeColumns');
    return this;
  }
  autoResizeColumn(_col: number) {
    this.hit('autoResizeColumn');
    return this;
  }
  setTabColor(_color: string) {
    this.hit('setTabColor');
    return this;
  }
}
