/**
 * SESSION_TIME_INVALID (SPEC §3): `Séances` › `Début` or `Fin` given and unreadable, only one
 * of them given, or `Fin` not after `Début`. One issue per row; its column is the unreadable
 * cell (`Début` first), else the blank one, else `Fin`. A tab with only one of the two columns
 * has no times and no issue.
 */
import { SESSION_TIME_MESSAGES } from '../i18n/fr/hours';
import { headerAsWritten } from './checks/issues';
import type { Session, TableLayout } from './workbook';
import type { SessionColumn } from './schema';

export interface SessionTimeProblem {
  row: number;
  column: 'start' | 'end';
  message: string;
}

/** The times problem of one session row, or null; `start` and `end` are the headers as the user wrote them. */
export function sessionTimeProblem(s: Session, start: string, end: string): SessionTimeProblem | null {
  if (s.start.status === 'invalid')
    return { row: s.row, column: 'start', message: SESSION_TIME_MESSAGES.unreadable(s.start.text, start) };
  if (s.end.status === 'invalid')
    return { row: s.row, column: 'end', message: SESSION_TIME_MESSAGES.unreadable(s.end.text, end) };
  if (s.start.status === 'blank' && s.end.status === 'blank') return null;
  if (s.start.status === 'blank') return { row: s.row, column: 'start', message: SESSION_TIME_MESSAGES.missing(start, end) };
  if (s.end.status === 'blank') return { row: s.row, column: 'end', message: SESSION_TIME_MESSAGES.missing(end, start) };
  if (s.end.value <= s.start.value)
    return { row: s.row, column: 'end', message: SESSION_TIME_MESSAGES.notAfter(s.start.value, s.end.value) };
  return null;
}

/** The times problems of a `Séances` tab, in row order (none unless both columns exist). */
export function sessionTimeProblems(table: TableLayout<SessionColumn>, sessions: readonly Session[]): SessionTimeProblem[] {
  if (table.headerRow === null || table.columns.start === undefined || table.columns.end === undefined) return [];
  const start = headerAsWritten(table, 'start');
  const end = headerAsWritten(table, 'end');
  const out: SessionTimeProblem[] = [];
  for (const s of sessions) {
    const p = sessionTimeProblem(s, start, end);
    if (p) out.push(p);
  }
  return out;
}
