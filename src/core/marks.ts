/**
 * Grid marks of the checks: cell notes. Each of our notes is one block that starts with
 * MARK_HEADER and comes after the user's own note text (separated by a blank line). A run
 * strips every block of the previous run and adds the new ones: users' notes are kept as
 * they were, and cells are never formatted.
 */
import type { Issue } from '../shared/api';
import { MARK_HEADER, CHECKS_VIEW } from '../i18n/fr/checks';

const SEPARATOR = '\n\n';

/** The user's part of a note (our block and its separator removed). */
export function stripMark(note: string): string {
  if (!note) return '';
  if (note.startsWith(MARK_HEADER)) return '';
  const at = note.indexOf(`\n${MARK_HEADER}`);
  if (at < 0) return note;
  const prefix = note.slice(0, at + 1);
  if (prefix.endsWith(SEPARATOR)) return prefix.slice(0, -SEPARATOR.length);
  return prefix.slice(0, -1);
}

/** The note of a cell: the user's text, then our block when there are lines. */
export function withMark(userNote: string, lines: readonly string[]): string {
  if (lines.length === 0) return userNote;
  const block = `${MARK_HEADER}\n${lines.join('\n')}`;
  return userNote === '' ? block : `${userNote}${SEPARATOR}${block}`;
}

/** One line of a note for an issue. */
export function markLine(issue: Issue): string {
  return `• ${CHECKS_VIEW.severity[issue.severity]}\u00a0: ${issue.message}`;
}

/** Lines to write per cell: row → column → lines (1-based), in issue order. */
export type CellMarks = Map<number, Map<number, string[]>>;

export function addMark(marks: CellMarks, row: number, col: number, line: string): void {
  let cols = marks.get(row);
  if (!cols) marks.set(row, (cols = new Map()));
  const lines = cols.get(col);
  if (lines) {
    if (!lines.includes(line)) lines.push(line);
  } else cols.set(col, [line]);
}

/** The lines of a cell, if any. */
export function marksAt(marks: CellMarks, row: number, col: number): string[] | undefined {
  return marks.get(row)?.get(col);
}

/** One rectangle of notes to write (1-based top-left). */
export interface NotesWrite {
  row: number;
  col: number;
  notes: string[][];
}

export interface NotesUpdate {
  /**
   * The smallest rectangle holding every cell whose note changes (nothing when up to date):
   * one write per tab whatever its number of rows. Cells inside it that do not change get
   * their current note back, as read.
   */
  writes: NotesWrite[];
  /** Number of cells carrying one of our blocks after the update. */
  marked: number;
}

/**
 * Given the current notes of a rectangle starting at (1, 1), returns what to write so that
 * every cell holds its user text plus the new marks. Only two kinds of cells are looked at:
 * those with a mark now and those holding one of our blocks before (found by a scan for the
 * header in non-empty notes); no key is built per cell of the grid. Marks outside the
 * rectangle are ignored.
 */
export function refreshNotes(current: string[][], marks: CellMarks): NotesUpdate {
  const width = current.reduce((w, line) => Math.max(w, line.length), 0);
  const changedRows: number[] = [];
  const changedCols: number[] = [];
  const changedValues: string[] = [];
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  const change = (row: number, col: number, value: string): void => {
    changedRows.push(row);
    changedCols.push(col);
    changedValues.push(value);
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  };
  let marked = 0;
  for (const [row, cols] of marks) {
    if (row < 1 || row > current.length) continue;
    const line = current[row - 1];
    for (const [col, lines] of cols) {
      if (col < 1 || col > width) continue;
      const note = line[col - 1] ?? '';
      const value = withMark(stripMark(note), lines);
      marked++;
      if (value !== note) change(row, col, value);
    }
  }
  // Old marks to remove: cells whose note holds our header and that have no mark now.
  for (let i = 0; i < current.length; i++) {
    const line = current[i];
    for (let j = 0; j < line.length; j++) {
      const note = line[j];
      if (!note || note.indexOf(MARK_HEADER) < 0) continue;
      if (marks.get(i + 1)?.has(j + 1)) continue;
      const value = stripMark(note);
      if (value !== note) change(i + 1, j + 1, value);
    }
  }
  if (changedValues.length === 0) return { writes: [], marked };
  const notes: string[][] = new Array(bottom - top + 1);
  for (let r = top; r <= bottom; r++) {
    const line = current[r - 1];
    const out: string[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = line[c - 1] ?? '';
    notes[r - top] = out;
  }
  for (let k = 0; k < changedValues.length; k++) notes[changedRows[k] - top][changedCols[k] - left] = changedValues[k];
  return { writes: [{ row: top, col: left, notes }], marked };
}
