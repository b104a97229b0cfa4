/** Reads the workbook model through the port: one batch read per tab, each tab at most once. */
import type { WorkbookPort } from '../core/port';
import type { Services } from './ports';
import { WholeWorkbookModel, WorkbookModel, WorkbookSource, readWorkbook } from '../core/workbook';
import { findTabName, TabDefinition } from '../core/schema';
import type { CellValue } from '../core/values';
import { UserError } from '../core/errors';
import { COMMON } from '../i18n/fr/common';

/**
 * `only`: the tabs to read (by definition); the others are treated as absent. Default: all.
 * Every tab is read whole: the model for the functions that read or write `Présences` cells.
 */
export function readModel(workbook: WorkbookPort, only?: readonly TabDefinition[]): WholeWorkbookModel {
  return readWorkbook(sourceOf(workbook, only));
}

/**
 * The model for the functions that read `Présences` only through the model's columns
 * (figures and checks): that tab is read in bands (WorkbookPort.readValueBands, a fixed
 * number of batch reads), each band turned into columns and let go before the next one, so
 * that its 200 000 rows of cells are never all held at once. Its table is then a BandedTable
 * (only the rows down to the header row are kept): its type has no cells, so a function that
 * reads or writes them (and takes a WholeWorkbookModel) does not compile with this model.
 */
export function readModelInBands(workbook: WorkbookPort): WorkbookModel {
  return readWorkbook({
    ...sourceOf(workbook, undefined),
    valueBands: (name, visit) => workbook.readValueBands(name, visit),
  });
}

/** The source of readWorkbook over the port: each tab read at most once. */
function sourceOf(
  workbook: WorkbookPort,
  only: readonly TabDefinition[] | undefined,
): WorkbookSource & { valueBands?: undefined } {
  const cache = new Map<string, CellValue[][]>();
  const all = workbook.sheetNames();
  const sheetNames = only ? only.map((d) => findTabName(all, d.name)).filter((n): n is string => n !== null) : all;
  return {
    timeZone: workbook.timeZone,
    // The source itself, not a wrapper made per call: the date readers' optimized code then
    // stays valid from one call to the next (the Apps Script adapter checks its source here,
    // once per execution: a fixed number of Utilities.formatDate calls).
    offsets: workbook.offsets,
    sheetNames,
    values(name) {
      let v = cache.get(name);
      if (!v) {
        v = workbook.readValues(name);
        cache.set(name, v);
      }
      return v;
    },
  };
}

/** Lock wait before giving up (SPEC §9). */
export const LOCK_TIMEOUT_MS = 10_000;

/** Runs `write` under the document lock; flushes before releasing it. */
export function withDocumentLock<T>(services: Services, write: () => T): T {
  const lock = services.lock;
  if (!lock.tryLock(LOCK_TIMEOUT_MS)) throw new UserError(COMMON.lockBusy, 'LOCK_BUSY');
  try {
    const result = write();
    services.workbook.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
