/**
 * Checks server functions (SPEC §3, §5): "Vérifier le classeur", "Préparer le classeur" and
 * the "Contrôle" view's cell selection. Each tab is read once (readModel) and every write is
 * one batch call per tab, whatever the number of rows.
 */
import { errorDetails, UserError } from '../core/errors';
import type { WorkbookPort } from '../core/port';
import type { Services } from './ports';
import { capIssues, checkWorkbook } from '../core/checks';
import { CellAddress, MarkedCells, NotesWrite, addMark, planNotes } from '../core/marks';
import { rowBands } from '../core/bands';
import { attendanceMoved, keyColumn, wholeTableMoved } from '../core/row-moves';
import { planAddsSomething, planPreparation } from '../core/prepare';
import { ATTENDANCE, DATA_TABS, PARTICIPANTS, SESSIONS, SETTINGS, findTabName } from '../core/schema';
import { normalizeKey, normalizeTabName } from '../core/text';
import { HEADER_SEARCH_ROWS, TableLayout, WorkbookModel, locateTable } from '../core/workbook';
import type { CheckReport, ValidationResult } from '../shared/api';
import { CHECKS_SERVER, PREPARE } from '../i18n/fr/checks';
import { LOCK_TIMEOUT_MS, readModel, readModelInBands, withDocumentLock } from './read';

/** Column (1-based) where a mark of this issue goes: its column, else the table's first recognised column. */
function markColumn(table: TableLayout<string>, column: string | null): number {
  if (column !== null) {
    const def = table.definition.columns.find((c) => c.header === column);
    const index = def ? table.columns[def.key] : undefined;
    if (index !== undefined) return index + 1;
  }
  return firstColumn(table);
}

function firstColumn(table: TableLayout<string>): number {
  const indexes = Object.values(table.columns) as number[];
  return indexes.length > 0 ? Math.min(...indexes) + 1 : 1;
}

/** The note writes of one tab: new marks, marks removed, rectangles of users' notes (one per band at most). */
interface PendingNotes {
  sheet: string;
  clear: CellAddress[];
  rewrites: NotesWrite[];
}

/**
 * Refreshes the notes of the checked tabs. Under the document lock (so that no save or
 * anonymisation of a colleague moves or rewrites notes in between), reads each tab's notes
 * once, plans the new note only for cells with a problem now or one of our marks before (each
 * marked cell's note: our marker, then that cell's messages), then writes: per tab, one call
 * for the marks removed and one rectangle for the cells whose note changes to another text
 * (see marks.ts). Nothing is written when no note changes, when the document lock was busy
 * ('busy'), or when the rows moved since the model was read ('moved': a colleague sorted a
 * tab, the marks would land on other rows; see core/row-moves.ts).
 */
export function refreshMarks(services: Services, model: WorkbookModel, report: CheckReport): MarksOutcome {
  const tables: TableLayout<string>[] = [model.participants, model.sessions, model.attendance];
  const marksByTab = new Map<string, MarkedCells>();
  for (const t of tables) marksByTab.set(t.definition.name, new Map());
  const columnOf = new Map<string, number>();
  for (const issue of report.issues) {
    const table = tables.find((t) => t.definition.name === issue.sheet);
    if (!table || table.sheetName === null) continue;
    const key = `${issue.sheet}\u0000${issue.column ?? ''}`;
    let col = columnOf.get(key);
    if (col === undefined) columnOf.set(key, (col = markColumn(table, issue.column)));
    addMark(marksByTab.get(issue.sheet)!, issue.row, col, issue.message);
  }
  const wb = services.workbook;
  const lock = services.lock;
  if (!lock.tryLock(LOCK_TIMEOUT_MS)) return 'busy';
  try {
    const pending = plannedNotes(wb, tables, marksByTab);
    if (pending.length === 0) return 'written';
    if (rowsMovedSinceRead(wb, model, new Set(pending.map((p) => p.sheet)))) return 'moved';
    for (const { sheet, clear, rewrites } of pending) {
      if (clear.length > 0) wb.setNoteOnCells(sheet, clear, '');
      for (const r of rewrites) wb.writeNotes(sheet, r.row, r.col, r.notes);
    }
    wb.flush();
  } finally {
    lock.releaseLock();
  }
  return 'written';
}

/** What became of the check's notes: written (or nothing to change), lock busy, rows moved since they were read. */
export type MarksOutcome = 'written' | 'busy' | 'moved';

/**
 * Whether the rows of a tab whose notes are about to change moved since the model was read (a
 * colleague sorted it): that tab's key column read again, one call per tab (core/row-moves.ts).
 */
function rowsMovedSinceRead(wb: WorkbookPort, model: WorkbookModel, written: ReadonlySet<string>): boolean {
  for (const t of [model.participants, model.sessions]) {
    if (t.sheetName === null || !written.has(t.sheetName)) continue;
    const col = keyColumn(t);
    if (col !== null && wholeTableMoved(t, col, wb.readColumn(t.sheetName, col + 1, t.lastRow))) return true;
  }
  const att = model.attendance;
  const idCol = att.columns.participantId;
  if (att.sheetName === null || !written.has(att.sheetName) || idCol === undefined) return false;
  return attendanceMoved(model.attendanceColumns, wb.readColumn(att.sheetName, idCol + 1, att.lastRow));
}

/** The note writes of every tab, planned on the notes read now (one read per band of a tab). */
function plannedNotes(wb: WorkbookPort, tables: TableLayout<string>[], marksByTab: Map<string, MarkedCells>): PendingNotes[] {
  const pending: PendingNotes[] = [];
  for (const t of tables) {
    if (t.sheetName === null || t.lastRow === 0 || t.width === 0) continue;
    const marks = marksByTab.get(t.definition.name)!;
    const tab: PendingNotes = { sheet: t.sheetName, clear: [], rewrites: [] };
    // `Présences`, read in bands, has its notes read in the same bands; they are planned as one
    // grid, so that the tab's new notes are one rectangle whichever bands change.
    const bands = t.kind === 'whole' ? [{ firstRow: 1, numRows: t.lastRow }] : rowBands(t.lastRow);
    const read = bands.map(({ firstRow, numRows }) => wb.readNotes(tab.sheet, firstRow, 1, numRows, t.width));
    // One native copy of the row references (not a push per row of 200 000).
    const current = read.length === 1 ? read[0] : ([] as string[][]).concat(...read);
    const plan = planNotes(current, marks);
    for (const c of plan.clear) tab.clear.push(c);
    if (plan.rewrite) tab.rewrites.push(plan.rewrite);
    if (tab.clear.length > 0 || tab.rewrites.length > 0) pending.push(tab);
  }
  return pending;
}

/**
 * The notes are a convenience: if they cannot be written (an environment without notes),
 * the check's result is still returned. Returns false when no note was refreshed. The failure
 * is logged by its kind and stack only (errorDetails): never its message, which may quote cells.
 */
function tryRefreshMarks(services: Services, model: WorkbookModel, report: CheckReport): MarksOutcome | 'failed' {
  try {
    return refreshMarks(services, model, report);
  } catch (e) {
    console.warn(`Club de l'alternance : notes du contrôle non écrites : ${errorDetails(e)}`);
    return 'failed';
  }
}

/** The model the checks run on, with the spreadsheet's locale (LOCALE_NOT_FRENCH; read only here). */
function readCheckedModel(workbook: WorkbookPort): WorkbookModel {
  const model = readModelInBands(workbook);
  model.locale = workbook.locale;
  return model;
}

/**
 * The sidebar's "Vérifier" (SPEC §5): runs every check and refreshes the grid's notes (for
 * every issue); returns at most MAX_RETURNED_ISSUES issues with the counts of all.
 */
export function validateWorkbook(services: Services): ValidationResult {
  const model = readCheckedModel(services.workbook);
  const report = checkWorkbook(model, services.today());
  tryRefreshMarks(services, model, report);
  return capIssues(report);
}

/** Menu "Vérifier le classeur": runs the check, refreshes the notes, opens the "Contrôle" view. */
export function checkWorkbookFromMenu(services: Services): ValidationResult {
  const model = readCheckedModel(services.workbook);
  const report = checkWorkbook(model, services.today());
  const marks = tryRefreshMarks(services, model, report);
  services.ui.showSidebar('checks');
  const result = capIssues(report);
  const { errors, warnings } = result.counts;
  if (services.ui.toast) services.ui.toast(toastOf(marks, errors, warnings));
  return result;
}

/** The menu's toast: the counts when the notes are up to date, else why they are not. */
function toastOf(marks: MarksOutcome | 'failed', errors: number, warnings: number): string {
  if (marks === 'written') return CHECKS_SERVER.toastSummary(errors, warnings);
  return marks === 'moved' ? CHECKS_SERVER.marksSkippedRowsMoved : CHECKS_SERVER.marksSkippedLockBusy;
}

export interface PrepareSummary {
  createdTabs: string[];
  appendedHeaders: { tab: string; headers: string[] }[];
  validatedColumns: number;
  untouched: string[];
  message: string;
}

/**
 * Menu "Préparer le classeur": creates what is missing, keeps what exists (idempotent).
 * A busy lock or a refusal throws a UserError: the menu's top-level catch (api.ts) shows it.
 */
export function prepareWorkbook(services: Services): PrepareSummary {
  const summary = prepareUnderLock(services);
  services.ui.alert(summary.message);
  return summary;
}

function prepareUnderLock(services: Services): PrepareSummary {
  return withDocumentLock(services, () => {
    const wb: WorkbookPort = services.workbook;
    const model = readModel(wb);
    const frozen: Record<string, number> = {};
    for (const t of [model.participants, model.sessions, model.attendance]) {
      if (t.sheetName !== null) frozen[t.sheetName] = wb.getFrozenRows(t.sheetName);
    }
    const plan = planPreparation(model, frozen);
    for (const tab of plan.createTabs) {
      wb.insertSheet(tab.name);
      wb.writeValues(tab.name, 1, 1, tab.values);
      wb.format(tab.name, 1, 1, 1, tab.values[0].length, { bold: true });
      wb.setFrozenRows(tab.name, 1);
    }
    for (const tab of plan.fillEmptyTabs) {
      wb.writeValues(tab.name, 1, 1, tab.values);
      wb.format(tab.name, 1, 1, 1, tab.values[0].length, { bold: true });
    }
    for (const a of plan.appendHeaders) wb.writeValues(a.sheet, a.row, a.col, a.below ? [a.headers, a.below] : [a.headers]);
    for (const f of plan.freeze) wb.setFrozenRows(f.sheet, f.rows);
    for (const v of plan.validations) wb.setValidation(v.sheet, v.row, v.col, v.numRows, v.numCols, v.rule);

    const createdTabs = [...plan.createTabs.map((t) => t.name), ...plan.fillEmptyTabs.map((t) => t.name)];
    const parts: string[] = [];
    if (createdTabs.length > 0) parts.push(PREPARE.createdTabs(createdTabs));
    if (plan.appendHeaders.length > 0) parts.push(PREPARE.addedColumns(plan.appendHeaders.map(addedColumnsText)));
    if (plan.freeze.length > 0) parts.push(PREPARE.frozen(plan.freeze.map((f) => f.sheet)));
    if (plan.validations.length > 0) parts.push(PREPARE.validations(plan.validations.length));
    for (const t of plan.untouched) parts.push(PREPARE.untouched(t));
    const message = planAddsSomething(plan)
      ? [PREPARE.done, ...parts].join('\n')
      : [PREPARE.alreadyReady, ...plan.untouched.map((t) => PREPARE.untouched(t))].join('\n');
    return {
      createdTabs,
      appendedHeaders: plan.appendHeaders.map((a) => ({ tab: a.tab, headers: a.headers })),
      validatedColumns: plan.validations.length,
      untouched: plan.untouched,
      message,
    };
  });
}

/** A tab's added columns in the summary: the settings of Paramètres counted, the others named. */
function addedColumnsText(a: { tab: string; headers: string[] }): { tab: string; headers: string[] } {
  return a.tab === SETTINGS.name ? { tab: a.tab, headers: [PREPARE.addedSettings(a.headers.length)] } : a;
}

/** The "Contrôle" view's button: selects the cell of an issue (canonical tab and header names). */
export function selectCell(services: Services, sheet: unknown, row: unknown, column: unknown): void {
  if (typeof sheet !== 'string' || typeof row !== 'number' || !Number.isInteger(row) || row < 1 || row > 10_000_000) {
    throw new UserError(CHECKS_SERVER.badSelectArguments, 'INVALID_INPUT');
  }
  if (column !== null && column !== undefined && typeof column !== 'string')
    throw new UserError(CHECKS_SERVER.badSelectArguments, 'INVALID_INPUT');
  const wb = services.workbook;
  const actual = findTabName(wb.sheetNames(), sheet);
  if (actual === null) throw new UserError(CHECKS_SERVER.tabNotFound(sheet), 'NOT_FOUND');
  const definition = DATA_TABS.find((d) => normalizeTabName(d.name) === normalizeTabName(sheet));
  let col = 1;
  if (definition && (definition === PARTICIPANTS || definition === SESSIONS || definition === ATTENDANCE)) {
    // Only the header search rows are needed (a big tab is not read for one click).
    const top = wb.readTopRows(actual, HEADER_SEARCH_ROWS);
    const table = locateTable<string>(definition, actual, top);
    const wanted = typeof column === 'string' ? normalizeKey(column) : null;
    const def = wanted === null ? undefined : definition.columns.find((c) => normalizeKey(c.header) === wanted);
    const index = def ? table.columns[def.key] : undefined;
    col = index !== undefined ? index + 1 : firstColumn(table);
  }
  if (!wb.select(actual, row, col)) throw new UserError(CHECKS_SERVER.rowNotFound(actual, row), 'NOT_FOUND');
}
