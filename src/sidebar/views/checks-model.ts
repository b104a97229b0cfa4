/**
 * The "Contrôle" view's listing, without the DOM (tested with jest): which issues are shown
 * (errors only, or with the warnings; at most MAX_SHOWN), grouped by tab then row, the summary
 * line and how many are not shown. The view (checks.ts) only renders it.
 */
import { CHECKS_VIEW } from '../../i18n/fr/checks';
import type { Issue, ValidationResult } from '../../shared/api';

/** Issues rendered at most (the grid's notes carry all of them). */
export const MAX_SHOWN = 300;

export interface ChecksListing {
  summary: { text: string; kind: 'error' | 'info' | 'ok' };
  /** "Les cellules concernées sont marquées…": shown when there is any issue. */
  marksHint: boolean;
  /** Tab (first-seen order, '' for the whole workbook) → row → its issues. */
  groups: Map<string, Map<number, Issue[]>>;
  /** Issues counted on the server and not listed here (0 when all are). */
  notShown: number;
}

/** Issues grouped by tab (first-seen order, already tab then row) and row. */
export function groupIssues(issues: readonly Issue[]): Map<string, Map<number, Issue[]>> {
  const tabs = new Map<string, Map<number, Issue[]>>();
  for (const i of issues) {
    let rows = tabs.get(i.sheet);
    if (!rows) tabs.set(i.sheet, (rows = new Map()));
    const list = rows.get(i.row);
    if (list) list.push(i);
    else rows.set(i.row, [i]);
  }
  return tabs;
}

export function checksListing(result: ValidationResult, showWarnings: boolean): ChecksListing {
  const { errors, warnings } = result.counts;
  const summary =
    errors + warnings === 0
      ? { text: CHECKS_VIEW.allClear(result.rowsChecked), kind: 'ok' as const }
      : {
          text: CHECKS_VIEW.summary(errors, warnings, result.rowsChecked),
          kind: errors > 0 ? ('error' as const) : ('info' as const),
        };
  const visible = showWarnings ? result.issues : result.issues.filter((i) => i.severity === 'error');
  const shown = visible.slice(0, MAX_SHOWN);
  // Counted on the server over every issue (it returns at most 500 of them).
  const total = showWarnings ? errors + warnings : errors;
  return {
    summary,
    marksHint: result.issues.length > 0,
    groups: groupIssues(shown),
    notShown: Math.max(0, total - shown.length),
  };
}
