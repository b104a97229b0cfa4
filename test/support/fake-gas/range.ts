/** Range: a rectangle of a tab, 1-based; every call is counted as 'Range.method'. */
import { cellKey, columnLetters } from './a1';
import { displayCell, numberFormatOf, readCell, setRaw, writeCell } from './cells';
import type { FakeState } from './state';
import type { FakeFormat, SheetState } from './types';
import { FakeDataValidation } from './validation';

/** Apps Script's checks of a 2-D array given to setValues/setNotes/setNumberFormats. */
export function checkRect(state: FakeState, values: unknown, numRows: number, numCols: number, what: string): unknown[][] {
  if (!Array.isArray(values))
    state.fail(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${what}.`);
  if (values.length !== numRows) {
    state.fail(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`,
    );
  }
  for (const line of values) {
    if (!Array.isArray(line)) state.fail(`The parameters don't match the method signature for SpreadsheetApp.Range.${what}.`);
    if (line.length !== numCols) {
      state.fail(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numCols}.`,
      );
    }
  }
  return values as unknown[][];
}

export class FakeRange {
  constructor(
    private readonly state: FakeState,
    private readonly sheet: SheetState,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}
  private hit(method: string): void {
    this.state.hit(`Range.${method}`);
  }
  private each(visit: (row: number, col: number) => void): void {
    for (let rowOffset = 0; rowOffset < this.numRows; rowOffset++) {
      for (let colOffset = 0; colOffset < this.numCols; colOffset++) visit(this.row + rowOffset, this.col + colOffset);
    }
  }
  private grid<T>(cellValue: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let rowOffset = 0; rowOffset < this.numRows; rowOffset++) {
      const line: T[] = new Array(this.numCols);
      for (let colOffset = 0; colOffset < this.numCols; colOffset++)
        line[colOffset] = cellValue(this.row + rowOffset, this.col + colOffset);
      out.push(line);
    }
    return out;
  }
  /** Calls `visit` for each cell of a checked 2-D array with its cell's key. */
  private eachGiven(values: unknown, what: string, visit: (key: string, value: unknown, row: number, col: number) => void): void {
    const rect = checkRect(this.state, values, this.numRows, this.numCols, what);
    rect.forEach((line, rowOffset) =>
      line.forEach((value, colOffset) => {
        const row = this.row + rowOffset;
        const col = this.col + colOffset;
        visit(cellKey(row, col), value, row, col);
      }),
    );
  }
  private format(patch: FakeFormat): this {
    const formats = this.sheet.formats;
    this.each((row, col) => {
      const key = cellKey(row, col);
      formats.set(key, { ...(formats.get(key) ?? {}), ...patch });
    });
    return this;
  }
  private topLeft(): string {
    return cellKey(this.row, this.col);
  }

  // --- position ---------------------------------------------------------------------------
  getRow() {
    this.hit('getRow');
    return this.row;
  }
  getColumn() {
    this.hit('getColumn');
    return this.col;
  }
  getNumRows() {
    this.hit('getNumRows');
    return this.numRows;
  }
  getNumColumns() {
    this.hit('getNumColumns');
    return this.numCols;
  }
  getLastRow() {
    this.hit('getLastRow');
    return this.row + this.numRows - 1;
  }
  getLastColumn() {
    this.hit('getLastColumn');
    return this.col + this.numCols - 1;
  }
  getSheet() {
    this.hit('getSheet');
    return this.state.sheetObject(this.sheet);
  }
  getA1Notation() {
    this.hit('getA1Notation');
    const start = `${columnLetters(this.col)}${this.row}`;
    if (this.numRows === 1 && this.numCols === 1) return start;
    return `${start}:${columnLetters(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
  }

  // --- values -----------------------------------------------------------------------------
  getValues() {
    this.hit('getValues');
    return this.grid((row, col) => readCell(this.state, this.sheet, row, col));
  }
  getValue() {
    this.hit('getValue');
    return readCell(this.state, this.sheet, this.row, this.col);
  }
  getDisplayValues() {
    this.hit('getDisplayValues');
    return this.grid((row, col) => displayCell(this.state, this.sheet, row, col));
  }
  setValues(values: unknown) {
    this.hit('setValues');
    this.eachGiven(values, 'setValues', (_key, value, row, col) => writeCell(this.state, this.sheet, row, col, value));
    return this;
  }
  setValue(value: unknown) {
    this.hit('setValue');
    this.writeEach(value);
    return this;
  }
  /** Uncounted: used by RangeList.setValue. */
  writeEach(value: unknown) {
    this.each((row, col) => writeCell(this.state, this.sheet, row, col, value));
  }

  // --- formulas and notes -----------------------------------------------------------------
  getFormulas() {
    this.hit('getFormulas');
    return this.grid((row, col) => this.sheet.formulas.get(cellKey(row, col)) ?? '');
  }
  getFormula() {
    this.hit('getFormula');
    return this.sheet.formulas.get(this.topLeft()) ?? '';
  }
  setFormula(formula: string) {
    this.hit('setFormula');
    this.each((row, col) => {
      setRaw(this.sheet, row, col, '');
      this.sheet.formulas.set(cellKey(row, col), formula);
    });
    return this;
  }
  getNotes() {
    this.hit('getNotes');
    return this.grid((row, col) => this.sheet.notes.get(cellKey(row, col)) ?? '');
  }
  getNote() {
    this.hit('getNote');
    return this.sheet.notes.get(this.topLeft()) ?? '';
  }
  setNotes(notes: unknown) {
    this.hit('setNotes');
    this.eachGiven(notes, 'setNotes', (key, note) => {
      if (note === null || note === undefined || note === '') this.sheet.notes.delete(key);
      else this.sheet.notes.set(key, String(note));
    });
    return this;
  }
  setNote(note: string | null) {
    this.hit('setNote');
    this.noteEach(note);
    return this;
  }
  clearNote() {
    this.hit('clearNote');
    this.noteEach(null);
    return this;
  }
  /** Uncounted: used by RangeList.setNote and RangeList.clearNote. */
  noteEach(note: string | null) {
    this.each((row, col) =>
      note ? this.sheet.notes.set(cellKey(row, col), String(note)) : this.sheet.notes.delete(cellKey(row, col)),
    );
  }

  // --- formats ----------------------------------------------------------------------------
  getNumberFormat() {
    this.hit('getNumberFormat');
    return numberFormatOf(this.sheet, this.row, this.col) ?? 'General';
  }
  getNumberFormats() {
    this.hit('getNumberFormats');
    return this.grid((row, col) => numberFormatOf(this.sheet, row, col) ?? 'General');
  }
  setNumberFormat(format: string) {
    this.hit('setNumberFormat');
    this.numberFormatEach(format);
    return this;
  }
  /** Uncounted: used by RangeList.setNumberFormat. */
  numberFormatEach(format: string) {
    this.each((row, col) => this.setNumberFormatOf(row, col, String(format)));
  }
  /** 'General' is the default: stored only to override a column's format. */
  private setNumberFormatOf(row: number, col: number, format: string): void {
    if (format === 'General' && !this.sheet.columnFormats?.has(col)) this.sheet.numberFormats.delete(cellKey(row, col));
    else this.sheet.numberFormats.set(cellKey(row, col), format);
  }
  setNumberFormats(formats: unknown) {
    this.hit('setNumberFormats');
    this.eachGiven(formats, 'setNumberFormats', (_key, format, row, col) => this.setNumberFormatOf(row, col, String(format)));
    return this;
  }
  setFontWeight(weight: string | null) {
    this.hit('setFontWeight');
    return this.format({ fontWeight: weight ?? 'normal' });
  }
  setFontStyle(style: string | null) {
    this.hit('setFontStyle');
    return this.format({ fontStyle: style ?? 'normal' });
  }
  setFontSize(size: number) {
    this.hit('setFontSize');
    return this.format({ fontSize: size });
  }
  setFontColor(color: string | null) {
    this.hit('setFontColor');
    return this.format({ fontColor: color ?? '#000000' });
  }
  setBackground(color: string | null) {
    this.hit('setBackground');
    return this.format({ background: color ?? '#ffffff' });
  }
  setHorizontalAlignment(alignment: string | null) {
    this.hit('setHorizontalAlignment');
    return this.format({ horizontalAlignment: alignment ?? 'general' });
  }
  setVerticalAlignment(alignment: string | null) {
    this.hit('setVerticalAlignment');
    return this.format({ verticalAlignment: alignment ?? 'bottom' });
  }
  setWrap(wrap: boolean) {
    this.hit('setWrap');
    return this.format({ wrap });
  }
  setBorder(..._args: unknown[]) {
    this.hit('setBorder');
    return this;
  }
  getFontWeight() {
    this.hit('getFontWeight');
    return this.sheet.formats.get(this.topLeft())?.fontWeight ?? 'normal';
  }
  getBackground() {
    this.hit('getBackground');
    return this.sheet.formats.get(this.topLeft())?.background ?? '#ffffff';
  }

  // --- validations ------------------------------------------------------------------------
  setDataValidation(rule: FakeDataValidation | null) {
    this.hit('setDataValidation');
    this.each((row, col) =>
      rule ? this.sheet.validations.set(cellKey(row, col), { ...rule.rule }) : this.sheet.validations.delete(cellKey(row, col)),
    );
    return this;
  }
  getDataValidation() {
    this.hit('getDataValidation');
    const rule = this.sheet.validations.get(this.topLeft());
    return rule ? new FakeDataValidation(this.state, rule) : null;
  }
  getDataValidations() {
    this.hit('getDataValidations');
    return this.grid((row, col) => {
      const rule = this.sheet.validations.get(cellKey(row, col));
      return rule ? new FakeDataValidation(this.state, rule) : null;
    });
  }
  clearDataValidations() {
    this.hit('clearDataValidations');
    this.each((row, col) => this.sheet.validations.delete(cellKey(row, col)));
    return this;
  }

  // --- clearing and selection -------------------------------------------------------------
  clearContent() {
    this.hit('clearContent');
    this.each((row, col) => {
      setRaw(this.sheet, row, col, undefined);
      this.sheet.formulas.delete(cellKey(row, col));
    });
    return this;
  }
  clearFormat() {
    this.hit('clearFormat');
    this.each((row, col) => {
      this.sheet.formats.delete(cellKey(row, col));
      this.sheet.numberFormats.delete(cellKey(row, col));
    });
    return this;
  }
  clear() {
    this.hit('clear');
    this.each((row, col) => {
      const key = cellKey(row, col);
      setRaw(this.sheet, row, col, undefined);
      this.sheet.formulas.delete(key);
      this.sheet.formats.delete(key);
      this.sheet.numberFormats.delete(key);
    });
    return this;
  }
  activate() {
    this.hit('activate');
    this.state.activeSheetName = this.sheet.name;
    this.state.selection = { sheet: this.sheet.name, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
    return this;
  }
}
