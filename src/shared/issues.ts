/** Presentation of an issue, shared by the sidebar and the CLI. */
import { normalizeKey } from '../core/text';
import type { Issue } from './api';

/**
 * The column to show before an issue's message — its header as written in the user's sheet —
 * or null when the message already starts with it ("«\u00a0DDN\u00a0» vide…" would repeat it).
 */
export function issueColumnLabel(issue: Pick<Issue, 'header' | 'message'>): string | null {
  if (issue.header === null || issue.header === '') return null;
  return normalizeKey(issue.message).startsWith(normalizeKey(issue.header)) ? null : issue.header;
}

/** The letters of a 1-based column number, as in a spreadsheet (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
