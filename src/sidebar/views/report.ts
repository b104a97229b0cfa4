/** Sidebar "Bilan" view: pick a year, generate the tab "Bilan AAAA", read the key figures. */
import { clear, el, isBusy, setBusy, setMessage } from '../dom';
import { call } from '../rpc';
import type { Indicators } from '../../shared/api';
import { REPORT } from '../../i18n/fr/report';
import { SIDEBAR } from '../../i18n/fr/sidebar';

const VIEW_TEXT = REPORT.sidebar;

/** Key figures as plain text lines (never HTML). */
export function keyFigureLines(i: Indicators): string[] {
  const figures = VIEW_TEXT.figures;
  const rows = REPORT.rows;
  const lines = [
    figures.beneficiaries(i.beneficiaries, i.plannedPlaces, i.fillRate),
    figures.entrants(i.newEntrants, i.carriedOver),
    figures.share(rows.minors, i.minors.count, i.minors.percent),
    figures.share(rows.qpv, i.qpv.count, i.qpv.percent),
    figures.sex(i.sex.F, i.sex.H, i.sex.unknown),
    figures.attendance(i.attendance.sessions, i.attendance.presences, i.attendance.presenceRate),
    figures.outcomes(i.outcomes.positive, i.outcomes.positiveRate, i.outcomes.workStudy),
  ];
  if (i.excludedRows > 0) lines.push(REPORT.excludedWarning(i.excludedRows));
  return lines;
}

export function mountReport(root: HTMLElement): void {
  const select = el('select', { id: 'report-year' });
  const note = el('p', { class: 'muted' });
  const button = el('button', { type: 'button', class: 'primary' }, VIEW_TEXT.generate);
  const message = el('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const figures = el('div', {});
  let existing = new Set<number>();

  const selectedYear = (): number | null => (select.value ? Number(select.value) : null);
  const refresh = (): void => {
    const year = selectedYear();
    const exists = year !== null && existing.has(year);
    button.textContent = exists && year !== null ? VIEW_TEXT.replace(year) : VIEW_TEXT.generate;
    note.textContent = exists && year !== null ? VIEW_TEXT.existsNote(`Bilan ${year}`) : '';
    button.disabled = year === null;
  };

  const showFigures = (i: Indicators): void => {
    clear(figures);
    figures.append(
      el('h3', {}, `${VIEW_TEXT.figuresTitle} ${i.year}`),
      el(
        'ul',
        {},
        keyFigureLines(i).map((l) => el('li', {}, l)),
      ),
    );
  };

  button.addEventListener('click', () => {
    const year = selectedYear();
    if (year === null || isBusy(button)) return;
    // Busy, not disabled: the focus stays on the button while the report is written.
    setBusy(button, true);
    setMessage(message, VIEW_TEXT.working, 'info');
    call('generateAnnualReport', year)
      .then((result) => {
        existing.add(year);
        setMessage(message, VIEW_TEXT.done(result.sheetName), 'ok');
        showFigures(result.indicators);
      })
      .catch((e: Error) => setMessage(message, e.message, 'error'))
      .finally(() => {
        setBusy(button, false);
        refresh();
      });
  });
  select.addEventListener('change', () => {
    clear(figures);
    setMessage(message, '', 'info');
    refresh();
  });

  root.append(
    el('h2', { class: 'view-title' }, SIDEBAR.reportTitle),
    el('p', {}, VIEW_TEXT.intro),
    el('label', { for: 'report-year' }, VIEW_TEXT.yearLabel),
    select,
    note,
    el('div', { class: 'row' }, button),
    message,
    figures,
  );
  button.disabled = true;
  setMessage(message, SIDEBAR.loading, 'info');
  call('getReportYears')
    .then(({ years, suggested, existing: ex }) => {
      existing = new Set(ex ?? []);
      setMessage(message, years.length === 0 ? VIEW_TEXT.noYears : '', 'info');
      for (const y of years) select.append(el('option', { value: String(y), selected: y === suggested }, String(y)));
      if (suggested !== null) select.value = String(suggested);
      refresh();
    })
    .catch((e: Error) => setMessage(message, e.message, 'error'));
}
