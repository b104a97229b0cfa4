/**
 * Write plans: the writes a use case decides on the model read under the lock, as data, so
 * that core stays pure and one applier (src/app/apply-plan.ts) runs them through the
 * WorkbookPort. Each operation is one batch call of the port (a constant number of service
 * calls whatever the number of rows). Rows and columns are 1-based, as in Sheets.
 */
import type { CellValue } from './values';

/** A rectangle written in one call (WorkbookPort.writeValues). */
export interface RectangleWrite {
  kind: 'write';
  sheet: string;
  row: number;
  col: number;
  values: CellValue[][];
}

/** Scattered cells set to text, every other cell untouched (WorkbookPort.writeCells). */
export interface CellsWrite {
  kind: 'writeCells';
  sheet: string;
  cells: { row: number; col: number; value: string }[];
}

/** Some cells of a column (row → value), every other cell keeping what it holds (WorkbookPort.writeColumnCells). */
export interface ColumnWrite {
  kind: 'column';
  sheet: string;
  col: number;
  updates: ReadonlyMap<number, CellValue>;
}

/** A tab appended at the end (WorkbookPort.insertSheet). */
export interface SheetInsert {
  kind: 'insertSheet';
  sheet: string;
}

export type WriteOp = RectangleWrite | CellsWrite | ColumnWrite | SheetInsert;

/** The cells of one row (0-based column → value) as one rectangle per run of adjacent columns. */
export function rowRuns(sheet: string, row: number, cells: ReadonlyMap<number, CellValue>): RectangleWrite[] {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  const out: RectangleWrite[] = [];
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    out.push({ kind: 'write', sheet, row, col: cols[i] + 1, values: [cols.slice(i, j + 1).map((c) => cells.get(c)!)] });
    i = j + 1;
  }
  return out;
}
