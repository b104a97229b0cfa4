// --- Active cell (issue 11, "Parcours d'un jeune") ------------------------------- BEGIN
// Spreadsheet/Sheet.getCurrentCell() and getActiveRange(): the last activated range when it
// is on the active sheet, else A1 of the active sheet. fake.setActiveCell() moves the
// cursor as a user would (uncounted).
import { FakeRange } from './range';
import type { FakeState } from './state';
import type { SheetState } from './types';

/** The cursor on `sheet`: the selection (its top-left cell unless `whole`) when it is on that tab, else A1. */
export function cursorOn(state: FakeState, sheet: SheetState, whole: boolean): FakeRange {
  const selection = state.selection;
  if (selection && selection.sheet === sheet.name) {
    return new FakeRange(
      state,
      sheet,
      selection.row,
      selection.col,
      whole ? selection.numRows : 1,
      whole ? selection.numCols : 1,
    );
  }
  return new FakeRange(state, sheet, 1, 1, 1, 1);
}

/** Spreadsheet.getCurrentCell / getActiveRange: the cursor on the active tab (null without tabs). */
export function currentRange(state: FakeState, whole: boolean): FakeRange | null {
  const sheet = state.activeSheetState();
  return sheet ? cursorOn(state, sheet, whole) : null;
}

/** fake.setActiveCell: makes `sheet` active with its current cell at (row, col), uncounted. */
export function setActiveCell(state: FakeState, sheet: string, row: number, col = 1): void {
  state.findSheet(sheet);
  state.activeSheetName = sheet;
  state.selection = { sheet, row, col, numRows: 1, numCols: 1 };
}
// --- Active cell ---------------------------------------------------------------------- END
