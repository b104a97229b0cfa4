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
  return `• ${CHECKS_VIEW.severity[issue.severity]} : ${issue.message}`;
}

/** Lines to write per cell, keyed "row:col" (1-based), in issue order. */
export type CellMarks = Map<string, string[]>;

export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

export function addMark(marks: CellMarks, row: number, col: number, line: string): void {
  const k = cellKey(row, col);
  const lines = marks.get(k);
  if (lines) {
    if (!lines.includes(line)) lines.push(line);
  } else marks.set(k, [line]);
}

export interface NotesUpdate {
  /** The rectangle to write (1-based top-left) and its notes, or null when nothing changed. */
  write: { row: number; col: number; notes: string[][] } | null;
  /** Number of cells carrying one of our blocks after the update. */
  marked: number;
}

/**
 * Given the current notes of a rectangle starting at (1, 1), returns the smallest rectangle
 * to write so that every cell holds its user text plus the new marks.
 * Marks outside the rectangle are ignored.
 */
export function refreshNotes(current: string[][], marks: CellMarks): NotesUpdate {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let marked = 0;
  const width = current.reduce((w, line) => Math.max(w, line.length), 0);
  const next: string[][] = current.map((line, i) => {
    const out: string[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const note = line[j] ?? '';
      const lines = marks.get(cellKey(i + 1, j + 1));
      if (!note && !lines) {
        out[j] = '';
        continue;
      }
      const value = withMark(stripMark(note), lines ?? []);
      if (lines) marked++;
      if (value !== note) {
        if (i < top) top = i;
        if (i > bottom) bottom = i;
        if (j < left) left = j;
        if (j > right) right = j;
      }
      out[j] = value;
    }
    return out;
  });
  if (bottom < 0) return { write: null, marked };
  const notes = next.slice(top, bottom + 1).map((line) => line.slice(left, right + 1));
  return { write: { row: top + 1, col: left + 1, notes }, marked };
}
