/**
 * The one guard of the use cases that need `Participants` before they work (report,
 * documents, attendance list, journey, anonymisation): the tab exists, its header row is
 * found and the columns the use case needs are there. Each caller gives its own French texts;
 * the error is always a UserError coded WORKBOOK_UNUSABLE.
 */
import { UserError } from '../errors';
import { PARTICIPANTS, type ParticipantColumn, headerOf } from '../schema';
import type { WorkbookModel } from '../workbook';

/** What a caller says when `Participants` cannot be used (texts from src/i18n/fr). */
export interface ParticipantsGuardTexts {
  /** No `Participants` tab. */
  tabMissing: string;
  /** The tab (named as in the workbook) has no header row. */
  headerMissing: (sheet: string) => string;
  /** A needed column (canonical header) is absent. */
  columnMissing: (header: string) => string;
}

/**
 * Throws a UserError (WORKBOOK_UNUSABLE) with the caller's text when `Participants` is absent,
 * without a header row, or without one of `columns` (checked in their order).
 */
export function requireUsableParticipants(
  model: WorkbookModel,
  columns: readonly ParticipantColumn[],
  texts: ParticipantsGuardTexts,
): void {
  const table = model.participants;
  if (table.sheetName === null) throw new UserError(texts.tabMissing, 'WORKBOOK_UNUSABLE');
  if (table.headerRow === null) throw new UserError(texts.headerMissing(table.sheetName), 'WORKBOOK_UNUSABLE');
  for (const key of columns) {
    if (table.columns[key] === undefined)
      throw new UserError(texts.columnMissing(headerOf(PARTICIPANTS, key)), 'WORKBOOK_UNUSABLE');
  }
}
