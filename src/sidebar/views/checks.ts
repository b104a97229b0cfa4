/**
 * The "Contrôle" view: runs validateWorkbook (one server round trip through rpc.ts), shows a
 * summary and the issues grouped by tab and row; each issue has a button that selects its
 * cell. Data enters the page as text only. What is listed (grouping, summary, how many are
 * not shown) is computed in checks-model.ts.
 */
import { clear, el, isBusy, setBusy, setMessage } from '../dom';
import { call } from '../rpc';
import { CHECKS_VIEW } from '../../i18n/fr/checks';
import { SHEETS_TEXT } from '../../i18n/fr/sheets';
import type { Issue, ValidationResult } from '../../shared/api';
import { checksListing } from './checks-model';
import { issueColumnLabel } from '../../shared/issues';

/** Selects the issue's cell; the focus stays on the button (it is never disabled). */
function goTo(issue: Issue, button: HTMLButtonElement, status: HTMLElement): void {
  if (isBusy(button)) return;
  setBusy(button, true);
  call('selectCell', issue.sheet, issue.row, issue.column)
    .then(() => setMessage(status, '', 'info'))
    .catch((e: Error) => setMessage(status, CHECKS_VIEW.selectFailed(e.message), 'error'))
    .finally(() => setBusy(button, false));
}

function issueItem(issue: Issue, status: HTMLElement): HTMLElement {
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
            onclick: () => goTo(issue, go!, status),
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

const SUMMARY_CLASS = { error: 'message message-error', info: 'message message-info', ok: 'message message-ok' };

/** The summary and the issues of a result, grouped by tab and row. */
function renderResult(
  parts: { summary: HTMLElement; list: HTMLElement; status: HTMLElement },
  result: ValidationResult,
  showWarnings: boolean,
): void {
  const { summary, list, status } = parts;
  const listing = checksListing(result, showWarnings);
  summary.append(el('p', { class: SUMMARY_CLASS[listing.summary.kind] }, listing.summary.text));
  if (listing.marksHint) summary.append(el('p', { class: 'muted' }, CHECKS_VIEW.marksHint));
  const items = (issues: Issue[]) =>
    el(
      'ul',
      {},
      issues.map((i) => issueItem(i, status)),
    );
  for (const [sheet, rows] of listing.groups) {
    const section = el('section', { class: 'checks-tab' }, el('h3', {}, sheet || SHEETS_TEXT.workbookSection));
    for (const [row, issues] of rows) {
      if (sheet === '') section.append(items(issues));
      else section.append(el('div', { class: 'checks-row' }, el('h4', {}, CHECKS_VIEW.row(row)), items(issues)));
    }
    list.append(section);
  }
  if (listing.notShown > 0) list.append(el('p', { class: 'muted' }, CHECKS_VIEW.notShown(listing.notShown)));
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

  function render(): void {
    clear(summary);
    clear(list);
    if (result) renderResult({ summary, list, status }, result, showWarnings.checked);
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
