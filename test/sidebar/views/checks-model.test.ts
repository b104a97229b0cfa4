/** The "Contrôle" view's listing: grouping, filtering and summary, without a browser. */
import { checksListing, groupIssues, MAX_SHOWN } from '../../../src/sidebar/views/checks-model';
import { CHECKS_VIEW } from '../../../src/i18n/fr/checks';
import type { Issue, ValidationResult } from '../../../src/shared/api';

function issue(sheet: string, row: number, severity: 'error' | 'warning' = 'error'): Issue {
  return { sheet, row, column: null, header: null, severity, code: 'X', message: `${sheet}:${row}` };
}

function result(issues: Issue[], counts?: { errors: number; warnings: number }): ValidationResult {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { rowsChecked: 10, issues, counts: counts ?? { errors, warnings: issues.length - errors }, truncated: false };
}

describe('the checks view listing', () => {
  it('groups issues by tab (first-seen order) then row', () => {
    const groups = groupIssues([
      issue('Participants', 3),
      issue('Participants', 3),
      issue('Participants', 5),
      issue('Séances', 2),
    ]);
    expect([...groups.keys()]).toEqual(['Participants', 'Séances']);
    expect([...groups.get('Participants')!.keys()]).toEqual([3, 5]);
    expect(groups.get('Participants')!.get(3)).toHaveLength(2);
  });

  it('says all is clear, with no hint, when there is no issue', () => {
    const l = checksListing(result([]), true);
    expect(l.summary).toEqual({ text: CHECKS_VIEW.allClear(10), kind: 'ok' });
    expect(l.marksHint).toBe(false);
    expect(l.groups.size).toBe(0);
    expect(l.notShown).toBe(0);
  });

  it('is an error summary with errors, an info one with warnings only', () => {
    expect(checksListing(result([issue('P', 2)]), true).summary.kind).toBe('error');
    const warningsOnly = checksListing(result([issue('P', 2, 'warning')]), true);
    expect(warningsOnly.summary).toEqual({ text: CHECKS_VIEW.summary(0, 1, 10), kind: 'info' });
    expect(warningsOnly.marksHint).toBe(true);
  });

  it('hides the warnings when asked, and counts what is not shown', () => {
    const r = result([issue('P', 2), issue('P', 3, 'warning')], { errors: 1, warnings: 4 });
    expect([...checksListing(r, false).groups.get('P')!.keys()]).toEqual([2]);
    expect(checksListing(r, false).notShown).toBe(0);
    expect(checksListing(r, true).notShown).toBe(3);
  });

  it('lists at most MAX_SHOWN issues', () => {
    const many = Array.from({ length: MAX_SHOWN + 5 }, (_, i) => issue('P', i + 2));
    const l = checksListing(result(many), true);
    expect(l.groups.get('P')!.size).toBe(MAX_SHOWN);
    expect(l.notShown).toBe(5);
  });
});
