/**
 * Times of day and session times (SPEC §2.1, §2.2): `Séances` › `Début`/`Fin`, the defaults
 * of `Paramètres` (`Heure de début`, `Heure de fin`), durations. A time is a number of minutes
 * since midnight, 0..1439, rounded to the minute.
 */
import type { Day, OffsetSource } from './days';
import { BLANK, type CellValue, type Parsed, invalidValue, isDateValue, ok, textOf } from './values';
import type { Session, Settings, WorkbookModel } from './workbook';

export interface SessionTimes {
  /** Minutes since midnight. */
  start: number;
  end: number;
}

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;

/** Shared results for the 1 440 minutes of a day (no object per cell). */
const MINUTES: Parsed<number>[] = Array.from({ length: MINUTES_PER_DAY }, (_, m) => ok(m));

/** A rounded number of minutes as a result, within the day (rounding 23:59:40 gives 00:00). */
function minutesResult(minutes: number): Parsed<number> {
  return MINUTES[((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY];
}

/**
 * `14:00`, `9:05`, `14:00:00`, `14h`, `14h30`, `14 h 30`, `14H30`: hours 0–23, minutes 0–59
 * (seconds, when written, round to the nearest minute).
 */
const TIME_TEXT = /^(\d{1,2})\s*(?:h\s*(\d{2})?|:(\d{2})(?::(\d{2}))?)$/i;

function minutesOfText(text: string): number | null {
  const m = TIME_TEXT.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? m[3] ?? '0');
  const seconds = Number(m[4] ?? '0');
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return hours * 60 + minutes + Math.round(seconds / 60);
}

/**
 * A time of day (SPEC §2.2). A Date (Sheets gives a time cell as a Date on 30/12/1899) is read
 * in `timeZone` with the zone's full history, through `offsets` (in 1899 Paris was on local
 * mean time, UTC+0:09:21: the offset to the minute, then the rounding to the minute, give back
 * the time typed); a number from 0 to 1 (1 excluded) is a fraction of a day; text `14:00`,
 * `14h30`…
 */
export function parseTimeOfDay(cell: CellValue, timeZone: string, offsets: OffsetSource): Parsed<number> {
  if (isDateValue(cell)) {
    const ms = cell.getTime();
    const offset = Number.isFinite(ms) ? offsets(timeZone, ms) : Number.NaN;
    if (!Number.isFinite(offset)) return invalidValue(String(cell));
    // Rounded to the minute first (13:50:39 UTC + 9 min = 13:59:39 → 14:00), then within the day.
    return minutesResult(Math.round((ms + offset * MS_PER_MINUTE) / MS_PER_MINUTE));
  }
  if (typeof cell === 'number') {
    if (!(cell >= 0 && cell < 1)) return invalidValue(String(cell));
    return minutesResult(Math.round(cell * MINUTES_PER_DAY));
  }
  const text = textOf(cell);
  if (text === '') return BLANK;
  if (typeof cell === 'boolean') return invalidValue(text);
  const minutes = minutesOfText(text);
  return minutes === null ? invalidValue(text) : minutesResult(minutes);
}

/**
 * A session's times (SPEC §2.1): its own `Début`/`Fin` when both are readable and `Fin` is
 * after `Début`, else the defaults of `Paramètres` when both are given and `Fin` is after
 * `Début`, else null (no times, no duration).
 */
export function sessionTimes(settings: Settings, session: Session): SessionTimes | null {
  const { start, end } = session;
  if (start.status === 'ok' && end.status === 'ok' && end.value > start.value) return { start: start.value, end: end.value };
  return defaultSessionTimes(settings);
}

/** The default times of `Paramètres` (SPEC §2.1) when both are given and `Fin` is after `Début`, else null. */
export function defaultSessionTimes(settings: Settings): SessionTimes | null {
  const { defaultStart, defaultEnd } = settings;
  if (defaultStart !== null && defaultEnd !== null && defaultEnd > defaultStart) return { start: defaultStart, end: defaultEnd };
  return null;
}

/** Fin − Début, in minutes. */
export function durationMinutes(t: SessionTimes): number {
  return t.end - t.start;
}

/** Hours of a number of whole minutes, with one decimal, rounded once (SPEC §6): Math.round(minutes / 6) / 10. */
export function hoursOfMinutes(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/**
 * Duration in minutes of each date's session (the first `Séances` row of the date, SPEC §2.1);
 * a date whose session has no times maps to null, a date without a `Séances` row is absent.
 * Built once per model (the indicators look 200 000 `Présences` rows up in it).
 */
export function sessionMinutesByDay(model: Pick<WorkbookModel, 'settings' | 'sessionRecords'>): Map<Day, number | null> {
  const out = new Map<Day, number | null>();
  for (const s of model.sessionRecords) {
    if (s.date.status !== 'ok' || out.has(s.date.value)) continue;
    const times = sessionTimes(model.settings, s);
    out.set(s.date.value, times === null ? null : durationMinutes(times));
  }
  return out;
}
