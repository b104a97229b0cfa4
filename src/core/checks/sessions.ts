/**
 * The checks of the Séances rows (SPEC §3): missing columns, times, dates (invalid, twice,
 * outside the season) and sessions away from their year's usual weekday.
 */
import { CHECK_MESSAGES } from '../../i18n/fr/checks';
import { Day, frenchDate, longFrenchDate, weekdayOf, yearOfDay } from '../days';
import { SESSIONS, headerOf } from '../schema';
import { sessionTimeProblems } from '../session-time-checks';
import type { WorkbookModel } from '../workbook';
import { daysByYear, usualWeekdayOf } from '../weekdays';
import { CheckCode, IssueList, TAB_SESSIONS, headerAsWritten, othersOf, pushGroup, reportMissingColumns } from './issues';

export function checkSessions(model: WorkbookModel, out: IssueList): void {
  const table = model.sessions;
  reportMissingColumns(table, TAB_SESSIONS, out, false);
  for (const p of sessionTimeProblems(table, model.sessionRecords)) {
    out.add(TAB_SESSIONS, p.row, headerOf(SESSIONS, p.column), table.columns[p.column]!, 'SESSION_TIME_INVALID', p.message);
  }
  if (table.headerRow === null || table.columns.date === undefined) return;
  const dateHeader = headerOf(SESSIONS, 'date');
  const col = table.columns.date;
  const add = (row: number, code: CheckCode, message: string): void => out.add(TAB_SESSIONS, row, dateHeader, col, code, message);
  const byDay = new Map<string, number[]>();
  for (const s of model.sessionRecords) {
    if (s.date.status === 'blank') {
      add(s.row, 'SESSION_DATE_INVALID', CHECK_MESSAGES.sessionDateMissing(headerAsWritten(table, 'date')));
      continue;
    }
    if (s.date.status === 'invalid') {
      add(s.row, 'SESSION_DATE_INVALID', CHECK_MESSAGES.sessionDateInvalid(s.date.text));
      continue;
    }
    const day = s.date.value;
    pushGroup(byDay, String(day), s.row);
    const year = yearOfDay(day);
    const season = model.settings.years.get(year);
    if (
      season &&
      ((season.seasonStart !== null && day < season.seasonStart) || (season.seasonEnd !== null && day > season.seasonEnd))
    ) {
      add(
        s.row,
        'SESSION_OUTSIDE_SEASON',
        CHECK_MESSAGES.sessionOutsideSeason(
          frenchDate(day),
          year,
          season.seasonStart === null ? null : frenchDate(season.seasonStart),
          season.seasonEnd === null ? null : frenchDate(season.seasonEnd),
        ),
      );
    }
  }
  for (const [day, rows] of byDay) {
    if (rows.length < 2) continue;
    for (const row of rows)
      add(
        row,
        'SESSION_DUPLICATE',
        CHECK_MESSAGES.sessionDuplicate(frenchDate(Number(day)), othersOf(rows, row), rows.length - 1),
      );
  }
  checkSessionWeekdays(model, add);
}

/** SESSION_UNUSUAL_WEEKDAY: a session away from its year's usual weekday (./weekdays). */
function checkSessionWeekdays(model: WorkbookModel, add: (row: number, code: CheckCode, message: string) => void): void {
  const usual = new Map<number, number | null>();
  for (const [year, days] of daysByYear(sessionDaysOf(model))) usual.set(year, usualWeekdayOf(days));
  for (const s of model.sessionRecords) {
    if (s.date.status !== 'ok') continue;
    const day = s.date.value;
    const year = yearOfDay(day);
    const w = usual.get(year) ?? null;
    if (w !== null && weekdayOf(day) !== w)
      add(s.row, 'SESSION_UNUSUAL_WEEKDAY', CHECK_MESSAGES.sessionUnusualWeekday(longFrenchDate(day), year, w, weekdayOf(day)));
  }
}

function sessionDaysOf(model: WorkbookModel): Day[] {
  const out: Day[] = [];
  for (const s of model.sessionRecords) if (s.date.status === 'ok') out.push(s.date.value);
  return out;
}
