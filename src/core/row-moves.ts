/**
 * Did the rows move since the model was read? "Vérifier" reads the values, runs the checks,
 * then writes its notes under the document lock; the lock keeps the add-on's own saves out,
 * but not a colleague who sorts the tab by hand in between: the marks would then land on
 * other people's rows. So, under the lock and just before the notes are written, each checked
 * tab's key column (its ID, or the first recognised column) is read again and compared with
 * what the checks saw, row by row; on any difference the notes are not written (SPEC §9, "No
 * data lost"). One read per tab, whatever the number of rows.
 */
import type { AttendanceColumns } from './attendance-columns';
import { type CellValue, isDateValue, textOf } from './values';
import type { TableLayout, Table } from './tables';

/** The tab's 0-based key column: its `id` column when it has one, else its first recognised column; null when none. */
export function keyColumn(table: TableLayout<string>): number | null {
  const columns = table.columns as Record<string, number | undefined>;
  if (columns.id !== undefined) return columns.id;
  if (columns.participantId !== undefined) return columns.participantId;
  const indexes = Object.values(columns).filter((c): c is number => c !== undefined);
  return indexes.length > 0 ? Math.min(...indexes) : null;
}

/** Two cells hold the same thing (a Date read again is another object with the same instant). */
function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (isDateValue(a) && isDateValue(b)) return a.getTime() === b.getTime();
  return textOf(a) === textOf(b);
}

/** A cell of the key column read now (`now[row - 1]`), '' past its end. */
function cellNow(now: readonly CellValue[], row: number): CellValue {
  return row - 1 < now.length ? now[row - 1] : '';
}

/** Whether a tab read whole moved: any data row's key cell differs from the one read now. */
export function wholeTableMoved(table: Table<string>, col: number, now: readonly CellValue[]): boolean {
  const rows = table.rowNumbers;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!sameCell(table.values[row - 1]?.[col] ?? '', cellNow(now, row))) return true;
  }
  return false;
}

/**
 * Whether `Présences` moved, from its typed columns (a banded table keeps no cells): each
 * row's ID as read (cleaned text) against the ID cell read now. A cell that is already that
 * text costs one comparison; others are cleaned first.
 */
export function attendanceMoved(columns: AttendanceColumns, now: readonly CellValue[]): boolean {
  const { row, idText, idTexts } = columns;
  for (let i = 0; i < columns.length; i++) {
    const expected = idTexts[idText[i]];
    const cell = cellNow(now, row[i]);
    if (cell !== expected && textOf(cell) !== expected) return true;
  }
  return false;
}
