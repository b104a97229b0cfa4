/**
 * The checks of SPEC §3 over the workbook model. Pure and linear: every cross-row check
 * (duplicates, look-ups) goes through a Map, so 10 000 participants and 200 000 attendance
 * rows cost one pass each. This module runs them and shapes the result; the checks of each
 * tab live in ./checks/ (issues: codes, severities and the issue list; participants,
 * duplicates, sessions, attendance; formats: phone, e-mail, postal code).
 */
import { MAX_RETURNED_ISSUES, type CheckReport, type Issue, type ValidationResult } from '../shared/api';
import { checkAttendance } from './checks/attendance';
import { IssueList } from './checks/issues';
import { checkParticipants } from './checks/participants';
import { checkSessions } from './checks/sessions';
import type { Day } from './days';
import { localeIssue } from './locale';
import type { TableLayout, WorkbookModel } from './workbook';

export { CHECK_CODES, CHECK_SEVERITY, CHECKED_TABS, type CheckCode, headerAsWritten, writtenHeader } from './checks/issues';

/** Runs every check of SPEC §3. `today` is the spreadsheet's current day. Every issue, tab then row. */
export function checkWorkbook(model: WorkbookModel, today: Day): CheckReport {
  const out = new IssueList([model.participants, model.sessions, model.attendance] as TableLayout<string>[]);
  checkParticipants(model, today, out);
  checkSessions(model, out);
  checkAttendance(model, today, out);
  const rowsChecked =
    (model.participants.headerRow === null ? 0 : model.participants.rowNumbers.length) +
    (model.sessions.headerRow === null ? 0 : model.sessions.rowNumbers.length) +
    (model.attendance.headerRow === null ? 0 : model.attendance.rowNumbers.length);
  const issues = out.sorted();
  // The spreadsheet's locale (Sheets only) comes first: it explains dates read wrong below.
  const locale = localeIssue(model.locale);
  return { rowsChecked, issues: locale ? [locale, ...issues] : issues };
}

/**
 * The result sent to the sidebar (SPEC §5): at most `max` issues, errors first, then tab and
 * row (the report's order is kept within each severity), with the counts of all issues.
 */
export function capIssues(report: CheckReport, max: number = MAX_RETURNED_ISSUES): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const i of report.issues) (i.severity === 'error' ? errors : warnings).push(i);
  let ordered = errors.length === 0 || warnings.length === 0 ? report.issues : errors.concat(warnings);
  // Issues of the whole workbook (sheet "", the locale) stay first.
  if (ordered.length > 0 && ordered[0].sheet !== '' && report.issues[0]?.sheet === '')
    ordered = [...ordered.filter((i) => i.sheet === ''), ...ordered.filter((i) => i.sheet !== '')];
  return {
    rowsChecked: report.rowsChecked,
    issues: ordered.length > max ? ordered.slice(0, max) : ordered,
    counts: { errors: errors.length, warnings: warnings.length },
    truncated: ordered.length > max,
  };
}

/** Counts of a result, for summaries. */
export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}
