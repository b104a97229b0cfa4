/**
 * Grid marks of the checks: cell notes. A marked cell gets one fixed note, MARK_NOTE (its
 * first line is MARK_HEADER); a cell that already holds a user's note gets MARK_NOTE after
 * the user's text (separated by a blank line). A run removes the marks of cells that no
 * longer have a problem: users' notes are kept as they were, and cells are never formatted.
 *
 * The note is the same on every marked cell (the "Contrôle" view gives each problem's
 * message): so all new marks of a tab are written with one call on exactly those cells, and
 * all stale marks removed with one more (SPEC §9: writing notes touches only the cells whose
 * note changes, in a constant number of calls).
 */
import { MARK_HEADER, MARK_NOTE } from '../i18n/fr/checks';

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

/** The note of a marked cell: MARK_NOTE, after the user's text when there is one. */
export function withMark(userNote: string): string {
  return userNote === '' ? MARK_NOTE : `${userNote}${SEPARATOR}${MARK_NOTE}`;
}

/** Cells to mark, row → columns (1-based). */
export type MarkedCells = Map<number, Set<number>>;

export function addMark(marks: MarkedCells, row: number, col: number): void {
  let cols = marks.get(row);
  if (!cols) marks.set(row, (cols = new Set()));
  cols.add(col);
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
  /** Cells whose note becomes MARK_NOTE (they had no note, or only one of our marks). */
  mark: CellAddress[];
  /** Cells whose note becomes empty (only one of our marks, no problem any more). */
  clear: CellAddress[];
  /**
   * Cells that keep a user's text and gain or lose our block: the smallest rectangle holding
   * them (null when there are none); its other cells get the note planned for them in `mark`
   * or `clear`, else their note as read, so the writes can be made in any order.
   */
  rewrite: NotesWrite | null;
  /** Number of cells carrying our mark after the update. */
  marked: number;
}

/**
 * Given the current notes of a rectangle starting at (`firstRow`, 1) — a whole tab, or one
 * band of its rows — plans the writes that give every marked cell our mark and remove it
 * from the others. Only two kinds of cells are looked at: the marked ones and those whose
 * note holds our header (a scan of the non-empty notes); no key is built per cell of the
 * grid. Marks outside the rectangle are ignored.
 */
export function planNotes(current: string[][], marks: MarkedCells, firstRow = 1): NotesPlan {
  const mark: CellAddress[] = [];
  const clear: CellAddress[] = [];
  const rewritten: { row: number; col: number; note: string }[] = [];
  let width = 0;
  for (const line of current) if (line.length > width) width = line.length;
  let marked = 0;
  const lastRow = firstRow + current.length - 1;
  for (const [row, cols] of marks) {
    if (row < firstRow || row > lastRow) continue;
    const line = current[row - firstRow];
    for (const col of cols) {
      if (col < 1 || col > width) continue;
      marked++;
      const note = line[col - 1] ?? '';
      const user = stripMark(note);
      const wanted = withMark(user);
      if (wanted === note) continue;
      if (user === '') mark.push({ row, col });
      else rewritten.push({ row, col, note: wanted });
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
  return { mark, clear, rewrite: rectangleOf(current, firstRow, rewritten, mark, clear), marked };
}

/**
 * The smallest rectangle holding `cells` with their new notes; its other cells get the note
 * planned for them (a cell of `mark` or `clear` inside it), else their note as read. So the
 * writes give the same notes in any order.
 */
function rectangleOf(
  current: string[][],
  firstRow: number,
  cells: { row: number; col: number; note: string }[],
  mark: CellAddress[],
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
  const notes: string[][] = new Array(bottom - top + 1);
  for (let r = top; r <= bottom; r++) {
    const line = current[r - firstRow];
    const out: string[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = line[c - 1] ?? '';
    notes[r - top] = out;
  }
  const inside = (c: CellAddress) => c.row >= top && c.row <= bottom && c.col >= left && c.col <= right;
  for (const c of mark) if (inside(c)) notes[c.row - top][c.col - left] = MARK_NOTE;
  for (const c of clear) if (inside(c)) notes[c.row - top][c.col - left] = '';
  for (const { row, col, note } of cells) notes[row - top][col - left] = note;
  return { row: top, col: left, notes };
}
