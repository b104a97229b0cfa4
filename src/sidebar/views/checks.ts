/**
 * The "Contrôle" view: runs validateWorkbook (one server round trip through rpc.ts), shows a
 * summary and the issues grouped by tab and row; each issue has a button that selects its
 * cell. Data enters the page as text only.
 */
import { clear, el, isBusy, setBusy, setMessage } from '../dom';
import { call } from '../rpc';
import { CHECKS_VIEW } from '../../i18n/fr/checks';
import { SHEETS_TEXT } from '../../i18n/fr/sheets';
import type { Issue, ValidationResult } from '../../shared/api';
import { issueColumnLabel } from '../../shared/issues';

/** Issues rendered at most (the grid's notes carry all of them). */
export const MAX_SHOWN = 300;

/** Issues grouped by tab (first-seen order, already tab then row) and row. */
function groupIssues(issues: readonly Issue[]): Map<string, Map<number, Issue[]>> {
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

export function mountChecks(root: HTMLElement): void {
  let result: ValidationResult | null = null;
  const status = el('p', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const summary = el('div', { class: 'checks-summary' });
  const list = el('div', { class: 'checks-list' });
  const showWarnings = el('input', { type: 'checkbox', id: 'checks-show-warnings', checked: true, onchange: () => render() });
  const runButton = el('button', { type: 'button', class: 'primary', onclick: () => run() }, CHECKS_VIEW.run);

  root.append(
    el('h2', { class: 'view-title' }, CHECKS_VIEW.title),
    el('p', { class: 'muted' }, CHECKS_VIEW.intro),
    runButton,
    status,
    summary,
    el(
      'div',
      { class: 'row' },
      showWarnings,
      el('label', { for: 'checks-show-warnings', style: 'display:inline;font-weight:normal;margin:0' }, CHECKS_VIEW.showWarnings),
    ),
    list,
  );

  /** Selects the issue's cell; the focus stays on the button (it is never disabled). */
  function goTo(issue: Issue, button: HTMLButtonElement): void {
    if (isBusy(button)) return;
    setBusy(button, true);
    call('selectCell', issue.sheet, issue.row, issue.column)
      .then(() => setMessage(status, '', 'info'))
      .catch((e: Error) => setMessage(status, CHECKS_VIEW.selectFailed(e.message), 'error'))
      .finally(() => setBusy(button, false));
  }

  function issueItem(issue: Issue): HTMLElement {
    // An issue of the whole workbook (its locale) has no cell to select.
    const go: HTMLButtonElement | null =
      issue.sheet === ''
        ? null
        : el(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-label': CHECKS_VIEW.goAria(issue.sheet, issue.row, issue.header),
              onclick: () => goTo(issue, go!),
            },
            CHECKS_VIEW.go,
          );
    return el(
      'li',
      { class: `issue issue-${issue.severity}`, 'data-code': issue.code, style: 'overflow-wrap:anywhere;margin-bottom:4px' },
      el('span', { class: `badge badge-${issue.severity}` }, CHECKS_VIEW.severity[issue.severity]),
      ' ',
      issueColumnLabel(issue) ? el('strong', {}, `${issueColumnLabel(issue)}\u00a0: `) : null,
      issue.message,
      ' ',
      go,
    );
  }

  function render(): void {
    clear(summary);
    clear(list);
    if (!result) return;
    const { errors, warnings } = result.counts;
    summary.append(
      el(
        'p',
        { class: errors > 0 ? 'message message-error' : warnings > 0 ? 'message message-info' : 'message message-ok' },
        errors + warnings === 0
          ? CHECKS_VIEW.allClear(result.rowsChecked)
          : CHECKS_VIEW.summary(errors, warnings, result.rowsChecked),
      ),
    );
    if (result.issues.length > 0) summary.append(el('p', { class: 'muted' }, CHECKS_VIEW.marksHint));
    const visible = showWarnings.checked ? result.issues : result.issues.filter((i) => i.severity === 'error');
    const shown = visible.slice(0, MAX_SHOWN);
    for (const [sheet, rows] of groupIssues(shown)) {
      const section = el('section', { class: 'checks-tab' }, el('h3', {}, sheet || SHEETS_TEXT.workbookSection));
      for (const [row, issues] of rows) {
        if (sheet === '') {
          section.append(el('ul', {}, issues.map(issueItem)));
          continue;
        }
        section.append(
          el('div', { class: 'checks-row' }, el('h4', {}, CHECKS_VIEW.row(row)), el('ul', {}, issues.map(issueItem))),
        );
      }
      list.append(section);
    }
    // Counted on the server over every issue (it returns at most 500 of them).
    const total = showWarnings.checked ? errors + warnings : errors;
    if (total > shown.length) list.append(el('p', { class: 'muted' }, CHECKS_VIEW.notShown(total - shown.length)));
  }

  /** Runs the check; the focus stays on "Vérifier à nouveau" (it is never disabled). */
  function run(): void {
    if (isBusy(runButton)) return;
    setBusy(runButton, true);
    setMessage(status, CHECKS_VIEW.running, 'info');
    call('validateWorkbook')
      .then((r) => {
        result = r;
        setMessage(status, '', 'info');
        render();
      })
      .catch((e: Error) => setMessage(status, CHECKS_VIEW.failed(e.message), 'error'))
      .finally(() => {
        setBusy(runButton, false);
        runButton.textContent = CHECKS_VIEW.rerun;
      });
  }

  run();
}
