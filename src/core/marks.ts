/**
 * Grid marks of the checks: cell notes. A marked cell gets our block — MARK_HEADER, then the
 * messages of that cell's problems, one per line (SPEC §3: hovering the cell says what is
 * wrong); a cell that already holds a user's note gets the block after the user's text
 * (separated by a blank line). A run removes the marks of cells that no longer have a
 * problem: users' notes are kept as they were, and cells are never formatted.
 *
 * Only cells whose note changes are planned (SPEC §9), in a constant number of calls per tab
 * (per band of rows for Présences): the marks removed from cells left without a note in one
 * call on exactly those cells (the same empty note everywhere); every other new note — each
 * cell has its own text — in one rectangle, the smallest holding those cells (Apps Script
 * writes different notes in one call only on a rectangle: its other cells are given back the
 * note they hold, unchanged).
 */
import { MARK_HEADER } from '../i18n/fr/checks';

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

/** Our block for a cell: the add-on's marker, then the cell's messages, one per line. */
export function markNote(messages: readonly string[]): string {
  return `${MARK_HEADER}\n${messages.join('\n')}`;
}

/** The note of a marked cell: our block (`mark`, see markNote), after the user's text when there is one. */
export function withMark(userNote: string, mark: string): string {
  return userNote === '' ? mark : `${userNote}${SEPARATOR}${mark}`;
}

/** Cells to mark, row → column (1-based) → the messages of that cell, in the order given. */
export type MarkedCells = Map<number, Map<number, string[]>>;

/** Adds a problem's message to a cell's mark (a message already there is not repeated). */
export function addMark(marks: MarkedCells, row: number, col: number, message: string): void {
  let cols = marks.get(row);
  if (!cols) marks.set(row, (cols = new Map()));
  const messages = cols.get(col);
  if (!messages) cols.set(col, [message]);
  else if (!messages.includes(message)) messages.push(message);
}

/** A cell (1-based). */
export interface CellAddress {
  row: number;
  col: number;
}

/** One rectangle of notes to write (1-based top-left). */
export interface NotesWrite {
  row: number;
  col: number;
  notes: string[][];
}

export interface NotesPlan {
  /** Cells whose note becomes empty (only one of our marks, no problem any more). */
  clear: CellAddress[];
  /**
   * Cells whose note changes to a non-empty text (a new or different block of messages, or a
   * user's text that gains or loses our block): the smallest rectangle holding them (null when
   * there are none); its other cells get the note planned for them in `clear`, else their note
   * as read (unchanged), so the writes can be made in any order.
   */
  rewrite: NotesWrite | null;
  /** Number of cells carrying our mark after the update. */
  marked: number;
}

/**
 * Given the current notes of a rectangle starting at (`firstRow`, 1) — a whole tab, or one
 * band of its rows — plans the writes that give every marked cell our block with its
 * messages and remove it from the others. Only two kinds of cells are looked at: the marked ones and those whose
 * note holds our header (a scan of the non-empty notes); no key is built per cell of the
 * grid. Marks outside the rectangle are ignored.
 */
export function planNotes(current: string[][], marks: MarkedCells, firstRow = 1): NotesPlan {
  const clear: CellAddress[] = [];
  const rewritten: { row: number; col: number; note: string }[] = [];
  let width = 0;
  for (const line of current) if (line.length > width) width = line.length;
  let marked = 0;
  const lastRow = firstRow + current.length - 1;
  for (const [row, cols] of marks) {
    if (row < firstRow || row > lastRow) continue;
    const line = current[row - firstRow];
    for (const [col, messages] of cols) {
      if (col < 1 || col > width) continue;
      marked++;
      const note = line[col - 1] ?? '';
      const wanted = withMark(stripMark(note), markNote(messages));
      if (wanted !== note) rewritten.push({ row, col, note: wanted });
    }
  }
  // Old marks to remove: cells whose note holds our header and that have no problem now.
  for (let i = 0; i < current.length; i++) {
    const line = current[i];
    for (let j = 0; j < line.length; j++) {
      const note = line[j];
      if (!note || note.indexOf(MARK_HEADER) < 0) continue;
      const row = firstRow + i;
      if (marks.get(row)?.has(j + 1)) continue;
      const user = stripMark(note);
      if (user === note) continue;
      if (user === '') clear.push({ row, col: j + 1 });
      else rewritten.push({ row, col: j + 1, note: user });
    }
  }
  return { clear, rewrite: rectangleOf(current, firstRow, rewritten, clear), marked };
}

/**
 * The smallest rectangle holding `cells` with their new notes; its other cells get the note
 * planned for them (a cell of `clear` inside it), else their note as read. So the writes give
 * the same notes in any order.
 */
function rectangleOf(
  current: string[][],
  firstRow: number,
  cells: { row: number; col: number; note: string }[],
  clear: CellAddress[],
): NotesWrite | null {
  if (cells.length === 0) return null;
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const { row, col } of cells) {
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  // Rows of the rectangle without any note (most of them, on a big tab) share one blank row:
  // no array per row is built for them; a row is copied only when one of its cells is set.
  const blank: string[] = new Array(right - left + 1).fill('');
  const notes: string[][] = new Array(bottom - top + 1).fill(blank);
  for (let r = top; r <= bottom; r++) {
    const line = current[r - firstRow];
    if (hasNote(line, left, right)) notes[r - top] = rowSlice(line, left, right);
  }
  const set = (row: number, col: number, note: string) => {
    const i = row - top;
    if (notes[i] === blank) {
      if (note === '') return;
      notes[i] = blank.slice();
    }
    notes[i][col - left] = note;
  };
  for (const c of clear) {
    if (c.row >= top && c.row <= bottom && c.col >= left && c.col <= right) set(c.row, c.col, '');
  }
  for (const { row, col, note } of cells) set(row, col, note);
  return { row: top, col: left, notes };
}

/** Whether columns `left`…`right` (1-based) of a row of notes hold a note. */
function hasNote(line: string[], left: number, right: number): boolean {
  const end = Math.min(right, line.length);
  for (let j = left - 1; j < end; j++) if (line[j]) return true;
  return false;
}

/**
 * Columns `left`…`right` (1-based) of a row of notes, '' past its end. The rectangle can span
 * a whole Présences tab (200 000 rows): a native slice per row (packed, no per-cell loop).
 */
function rowSlice(line: string[], left: number, right: number): string[] {
  if (line.length >= right) return line.slice(left - 1, right);
  const out = line.slice(left - 1);
  while (out.length < right - left + 1) out.push('');
  return out;
}
