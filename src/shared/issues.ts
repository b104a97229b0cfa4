/** Presentation of an issue, shared by the sidebar and the CLI. */
import { normalizeKey } from '../core/text';
import type { Issue } from './api';

/**
 * The column to show before an issue's message, or null when the message already starts with
 * it ("Date de naissance : Date de naissance manquante" would repeat it).
 */
export function issueColumnLabel(issue: Pick<Issue, 'column' | 'message'>): string | null {
  if (issue.column === null || issue.column === '') return null;
  return normalizeKey(issue.message).startsWith(normalizeKey(issue.column)) ? null : issue.column;
}
