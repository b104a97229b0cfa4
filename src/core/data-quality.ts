/**
 * "Qualité des données" of the annual report (SPEC §6): how many rows the figures of year Y
 * could not use, and why. Computed once here, next to the indicators, for every output (tab
 * "Bilan AAAA", HTML report, CLI table). Aggregates only: counts, never a name or an ID.
 */
import { firstDayOfYear, lastDayOfYear } from './days';
import { CELL_OK, STATUS_INVALID, type WorkbookModel } from './workbook';
import type { Indicators } from '../shared/api';

/** The `Présences` rows the year's attendance could not count. */
export interface AttendanceQuality {
  /** Dated in Y, with an ID that is blank or in no `Participants` row. */
  unknownId: number;
  /** Dated in Y, ID known, `Statut` blank or not Présent / Absent / Excusé. */
  unknownStatus: number;
  /** `Date` blank or unreadable (the row belongs to no year), among rows that hold an ID or a status. */
  unreadableDate: number;
}

/** Everything the report's last part says (each count: rows or sessions left out of some figure). */
export interface DataQuality {
  /** `Participants` rows without a readable `Date d'entrée` (counted in no year). */
  excludedRows: number;
  /** Beneficiaries of Y without a readable birth date nor `Âge à l'entrée`. */
  ageUnknown: number;
  attendance: AttendanceQuality;
  /** `Séances` of Y without times (no hours). */
  sessionsWithoutTimes: number;
}

/** The `Présences` counts of year Y, in one pass over the model's compact columns (each row counted once, first reason wins). */
export function attendanceQuality(model: WorkbookModel, year: number): AttendanceQuality {
  const att = model.attendanceColumns;
  const known = model.people.participants.length;
  const first = firstDayOfYear(year);
  const last = lastDayOfYear(year);
  const out: AttendanceQuality = { unknownId: 0, unknownStatus: 0, unreadableDate: 0 };
  for (let i = 0; i < att.length; i++) {
    if (att.dateState[i] !== CELL_OK) {
      if (att.person[i] >= 0 || att.status[i] !== 0) out.unreadableDate++;
      continue;
    }
    const day = att.day[i];
    if (day < first || day > last) continue;
    const person = att.person[i];
    if (person < 0 || person >= known) out.unknownId++;
    else if (att.status[i] === 0 || att.status[i] === STATUS_INVALID) out.unknownStatus++;
  }
  return out;
}

/** The report's "Qualité des données" for year Y, from its indicators and the model. */
export function dataQuality(model: WorkbookModel, indicators: Indicators): DataQuality {
  return {
    excludedRows: indicators.excludedRows,
    ageUnknown: indicators.ageBands.unknown,
    attendance: attendanceQuality(model, indicators.year),
    sessionsWithoutTimes: indicators.hours.sessionsWithoutTimes,
  };
}

/** True when every figure could use every row. */
export function isComplete(q: DataQuality): boolean {
  const a = q.attendance;
  return q.excludedRows + q.ageUnknown + a.unknownId + a.unknownStatus + a.unreadableDate + q.sessionsWithoutTimes === 0;
}
