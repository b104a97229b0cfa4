/**
 * The naive baseline: the same WorkbookPort (so the very same server code, reads and writes),
 * but every rectangle is read or written one cell at a time, as a first Apps Script version
 * typically does: `sheet.getRange(r, c).getValue()` / `.setValue(v)` / `.getNote()` /
 * `.setNote()` / one format call per cell and property, and the tab looked up again for every
 * operation. Only the I/O granularity differs from src/adapters/apps-script.ts.
 */
import { AppsScriptWorkbook, applyFormat, cellFor } from '../src/server/workbook';
import type { CellFormat, ValidationRule } from '../src/core/port';
import type { CellValue } from '../src/core/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class NaiveWorkbook extends AppsScriptWorkbook {
  constructor(private readonly ss: Spreadsheet) {
    super(ss);
  }

  private tab(name: string): Sheet {
    const s = this.ss.getSheetByName(name);
    if (!s) throw new Error(`L'onglet « ${name} » est introuvable.`);
    return s;
  }

  override sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  override readValues(sheet: string): CellValue[][] {
    const s = this.tab(sheet);
    const rows = Math.max(1, s.getLastRow());
    const cols = Math.max(1, s.getLastColumn());
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= cols; c++) line.push(s.getRange(r, c).getValue() as CellValue);
      out.push(line);
    }
    return out;
  }

  /** The whole tab, cell by cell, as one band. */
  override readValueBands(sheet: string, visit: (firstRow: number, rows: CellValue[][], lastRow: number) => void): void {
    const rows = this.readValues(sheet);
    visit(1, rows, rows.length);
  }

  override readTopRows(sheet: string, numRows: number): CellValue[][] {
    return this.readValues(sheet).slice(0, numRows);
  }

  override writeValues(sheet: string, row: number, col: number, values: CellValue[][]): void {
    if (values.length === 0 || values[0].length === 0) return;
    const s = this.tab(sheet);
    const lastRow = row + values.length - 1;
    const lastCol = col + values[0].length - 1;
    if (lastRow > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), lastRow - s.getMaxRows());
    if (lastCol > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), lastCol - s.getMaxColumns());
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        const cell = s.getRange(row + i, col + j);
        const out = cellFor(v, cell.getNumberFormat());
        if (out.format !== null) cell.setNumberFormat(out.format);
        cell.setValue(out.value);
      }),
    );
  }

  override readNotes(sheet: string, row: number, col: number, numRows: number, numCols: number): string[][] {
    const s = this.tab(sheet);
    const out: string[][] = [];
    for (let i = 0; i < numRows; i++) {
      const line: string[] = [];
      for (let j = 0; j < numCols; j++) line.push(s.getRange(row + i, col + j).getNote());
      out.push(line);
    }
    return out;
  }

  override writeNotes(sheet: string, row: number, col: number, notes: string[][]): void {
    const s = this.tab(sheet);
    notes.forEach((line, i) => line.forEach((n, j) => s.getRange(row + i, col + j).setNote(n)));
  }

  override format(sheet: string, row: number, col: number, numRows: number, numCols: number, f: CellFormat): void {
    const s = this.tab(sheet);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        applyFormat(s.getRange(row + i, col + j), f);
      }
    }
  }

  override setValidation(sheet: string, row: number, col: number, numRows: number, numCols: number, rule: ValidationRule): void {
    const s = this.tab(sheet);
    const builder = SpreadsheetApp.newDataValidation();
    if (rule.kind === 'list') builder.requireValueInList(rule.values, true);
    else builder.requireDate();
    builder.setAllowInvalid(rule.allowInvalid);
    if (rule.helpText) builder.setHelpText(rule.helpText);
    const built = builder.build();
    const rows = Math.min(numRows, s.getMaxRows() - row + 1);
    const cols = Math.min(numCols, s.getMaxColumns() - col + 1);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) s.getRange(row + i, col + j).setDataValidation(built);
  }
}
