/**
 * The one applier of write plans (src/core/write-plan.ts): each operation becomes its single
 * batch call of the WorkbookPort, in order. Used by saveAttendance, anonymise and addParticipant.
 */
import type { WorkbookPort } from '../core/port';
import type { WriteOp } from '../core/write-plan';

export function applyWritePlan(workbook: WorkbookPort, ops: readonly WriteOp[]): void {
  for (const op of ops) {
    if (op.kind === 'insertSheet') workbook.insertSheet(op.sheet);
    else if (op.kind === 'write') workbook.writeValues(op.sheet, op.row, op.col, op.values);
    else if (op.kind === 'writeCells') workbook.writeCells(op.sheet, op.cells);
    else workbook.writeColumnCells(op.sheet, op.col, op.updates);
  }
}
