/**
 * Indicators of a calendar year (SPEC §6): beneficiaries, carry-over, reference dates, ages,
 * outcomes, attendance. Pure: one pass over each table, Maps for look-ups.
 *
 * Readings of the SPEC (see docs/indicators.md):
 * - `excludedRows` counts every Participants row without a readable Date d'entrée (whatever
 *   the year: such a row cannot be placed in any year).
 * - A row is matched to Présences by its ID key (case and surrounding spaces ignored). A
 *   duplicated ID (an error of the checks) makes each of its rows a participant of its own,
 *   sharing that ID's attendance.
 * - Outcome: a situation without its date counts as reached in Y; an unreadable situation
 *   counts as not given (En recherche).
 * - meanContractMonths: over Alternance signée outcomes whose Durée is a whole number from 1 to
 *   48 (the values the checks accept).
 */
import { ageOn, Day, daysInMonth, firstDayOfYear, lastDayOfYear } from './days';
import { TRAINING_LEVEL } from './lists';
import { MAX_CONTRACT_MONTHS, MIN_CONTRACT_MONTHS } from './schema';
import { hoursOfMinutes, sessionMinutesByDay } from './session-times';
import { valueOf } from './values';
import { CELL_OK, Participant, STATUS_INVALID, WorkbookModel, situationOf, statusCode } from './workbook';
import type { Indicators } from '../shared/api';

/** Labels of the JSON keys that are not list labels (SPEC §6). */
export const OTHER_COMMUNES = 'Autres';
export const UNKNOWN_COMMUNE = 'Non renseigné';
export const UNKNOWN_TRAINING_LEVEL = 'Non renseigné';
export const UNKNOWN_DISTRICT = 'Non précisé';

/** Contract durations the checks accept: defined once in the schema. */
export { MAX_CONTRACT_MONTHS, MIN_CONTRACT_MONTHS };

/** Whole-number percentage, null when the denominator is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
}

/** Mean with one decimal, null when the denominator is 0. */
export function mean(total: number, count: number): number | null {
  return count > 0 ? Math.round((total / count) * 10) / 10 : null;
}

/** Per-ID attendance of a year, built in one pass over Présences. */
interface YearAttendance {
  /** idKey → slot (model.people.indexOf); the participants' slots index the typed arrays below. */
  slots: Map<string, number>;
  /** First Présent day in the year per slot (NO_DAY when none). */
  firstPresent: Float64Array;
  /** Présent rows in the year per slot. */
  presentCount: Int32Array;
  presences: number;
  absences: number;
  excused: number;
  /** Présent rows of known participants, per month (index 0 = January). */
  presencesByMonth: number[];
  /** Minutes of the sessions attended Présent in the year per slot (SPEC §6 hours). */
  attendedMinutes: Float64Array;
  /** Their sum over the known participants. */
  totalAttendedMinutes: number;
}

const NO_DAY = Number.POSITIVE_INFINITY;

/** Month index (0–11) of each day of the year, by offset from 1 January (month lengths, no date conversion). */
function monthTable(year: number): Uint8Array {
  const table = new Uint8Array(lastDayOfYear(year) - firstDayOfYear(year) + 1);
  let d = 0;
  for (let m = 1; m <= 12; m++) for (let n = daysInMonth(year, m); n > 0; n--) table[d++] = m - 1;
  return table;
}

/** `minutesOfDay`: the minutes of each day's session, by offset from 1 January (yearSessionMinutes). */
function yearAttendance(model: WorkbookModel, year: number, minutesOfDay: Float64Array): YearAttendance {
  const from = firstDayOfYear(year);
  const to = lastDayOfYear(year);
  const months = monthTable(year);
  // Slot k is the ID model.people.keys[k]; the participants' IDs come first.
  const known = model.people.participants.length;
  const firstPresent = new Float64Array(known).fill(NO_DAY);
  const presentCount = new Int32Array(known);
  const presencesByMonth: number[] = new Array(12).fill(0);
  const attendedMinutes = new Float64Array(known);
  let totalAttendedMinutes = 0;
  let presences = 0;
  let absences = 0;
  let excused = 0;
  // The hot loop (200 000 rows): typed arrays read by index, days compared as numbers with the
  // year's bounds, months from a table by offset; no object, string or closure per row.
  const { length, dateState, day: days, person, status } = model.attendanceColumns;
  for (let i = 0; i < length; i++) {
    const code = status[i];
    if (dateState[i] !== CELL_OK || code === 0 || code === STATUS_INVALID) continue;
    const day = days[i];
    if (day < from || day > to) continue;
    const slot = person[i];
    if (slot < 0 || slot >= known) continue;
    if (code === PRESENT_CODE) {
      presences++;
      presencesByMonth[months[day - from]]++;
      if (day < firstPresent[slot]) firstPresent[slot] = day;
      presentCount[slot]++;
      const minutes = minutesOfDay[day - from];
      attendedMinutes[slot] += minutes;
      totalAttendedMinutes += minutes;
    } else if (code === ABSENT_CODE) absences++;
    else excused++;
  }
  return {
    slots: model.people.indexOf,
    firstPresent,
    presentCount,
    presences,
    absences,
    excused,
    presencesByMonth,
    attendedMinutes,
    totalAttendedMinutes,
  };
}
const PRESENT_CODE = statusCode('Présent');
const ABSENT_CODE = statusCode('Absent');

/** A beneficiary of the year with the day their age is measured on. */
export interface Beneficiary {
  participant: Participant;
  carriedOver: boolean;
  referenceDay: Day;
}

function beneficiariesOf(model: WorkbookModel, year: number, attendance: YearAttendance): Beneficiary[] {
  const from = firstDayOfYear(year);
  const to = lastDayOfYear(year);
  const out: Beneficiary[] = [];
  for (const p of model.participantRecords) {
    if (p.entryDate.status !== 'ok') continue;
    const entry = p.entryDate.value;
    if (entry >= from && entry <= to) {
      out.push({ participant: p, carriedOver: false, referenceDay: entry });
    } else if (entry < from) {
      const slot = attendance.slots.get(p.idKey);
      const first = slot === undefined ? NO_DAY : attendance.firstPresent[slot];
      if (first !== NO_DAY) out.push({ participant: p, carriedOver: true, referenceDay: first });
    }
  }
  return out;
}

type OutcomeKey = 'workStudy' | 'training' | 'employment' | 'dropout' | 'other' | 'stillSearching';

/** Outcome of a participant for year Y (SPEC §6). */
export function outcomeFor(p: Participant, year: number): OutcomeKey {
  const situation = situationOf(p);
  if (situation.status !== 'ok') return 'stillSearching'; // unreadable = not given
  const s = situation.value;
  if (s === 'En recherche') return 'stillSearching';
  const date = s === 'Alternance signée' ? p.contractStart : p.exitDate;
  if (date.status === 'ok' && date.value > lastDayOfYear(year)) return 'stillSearching';
  switch (s) {
    case 'Alternance signée':
      return 'workStudy';
    case 'Formation':
      return 'training';
    case 'Emploi':
      return 'employment';
    case 'Abandon':
      return 'dropout';
    default:
      return 'other';
  }
}

/**
 * Age of a beneficiary at its reference day (SPEC §6): completed years since the readable
 * birth date; without one, `Âge à l'entrée` (anonymised rows, SPEC §11); else unknown.
 */
export function ageOf(p: Participant, referenceDay: Day): number | null {
  const birth = valueOf(p.birthDate);
  if (birth !== null) return ageOn(birth, referenceDay);
  return p.ageAtEntry.status === 'ok' && p.ageAtEntry.value >= 0 ? p.ageAtEntry.value : null;
}

/** Completed-years age bands of SPEC §6. */
export function ageBandOf(age: number): 'under18' | '18to21' | '22to25' | '26plus' {
  if (age < 18) return 'under18';
  if (age <= 21) return '18to21';
  if (age <= 25) return '22to25';
  return '26plus';
}

/** Everything the report shows for one year: the §6 indicators plus presences per month. */
export interface YearFigures {
  indicators: Indicators;
  /** Présent rows of known participants dated in Y, January..December. */
  presencesByMonth: number[];
}

/** What the year's beneficiaries add up to (one pass over them). */
interface BeneficiaryTally {
  carriedOver: number;
  minors: number;
  qpvCount: number;
  qpvUnknown: number;
  byDistrict: Record<string, number>;
  sex: Indicators['sex'];
  communes: Record<string, number>;
  ageBands: Indicators['ageBands'];
  sexByAge: Indicators['sexByAge'];
  trainingLevels: Record<string, number>;
  /** The outcome counts of SPEC §6 (the rates are worked out from them). */
  outcomes: Omit<Indicators['outcomes'], 'positive' | 'positiveRate' | 'meanContractMonths'>;
  contractMonthsTotal: number;
  contractMonthsCount: number;
  /** Présent rows in the year of the beneficiaries' IDs (each ID once). */
  beneficiaryPresences: number;
  /** Minutes attended in the year by the beneficiaries' IDs (each ID once). */
  beneficiaryMinutes: number;
}

function tallyBeneficiaries(
  model: WorkbookModel,
  year: number,
  beneficiaries: readonly Beneficiary[],
  att: YearAttendance,
): BeneficiaryTally {
  // Several short passes rather than one long one: each is a small function for the engine
  // to optimize (it recompiles them on most calls of a benchmark that collects garbage
  // between calls, and a big one cost ≈ 100 ms of compilation).
  return {
    ...tallyAges(beneficiaries),
    ...tallyResidence(model, beneficiaries),
    ...tallyProfile(beneficiaries),
    ...tallyOutcomes(beneficiaries, year),
    ...presencesOf(beneficiaries, att),
  };
}

function tallyAges(
  beneficiaries: readonly Beneficiary[],
): Pick<BeneficiaryTally, 'carriedOver' | 'minors' | 'ageBands' | 'sexByAge'> {
  let carriedOver = 0;
  let minors = 0;
  const ageBands = zeroBands();
  const sexByAge = { F: zeroBands(), H: zeroBands(), unknown: zeroBands() };
  for (const b of beneficiaries) {
    if (b.carriedOver) carriedOver++;
    const age = ageOf(b.participant, b.referenceDay);
    const band = age === null ? 'unknown' : ageBandOf(age);
    ageBands[band]++;
    if (band === 'under18') minors++;
    const sex = b.participant.sex;
    sexByAge[sex.status === 'ok' ? sex.value : 'unknown'][band]++;
  }
  return { carriedOver, minors, ageBands, sexByAge };
}

function zeroBands(): Indicators['ageBands'] {
  return { under18: 0, '18to21': 0, '22to25': 0, '26plus': 0, unknown: 0 };
}

function tallyResidence(
  model: WorkbookModel,
  beneficiaries: readonly Beneficiary[],
): Pick<BeneficiaryTally, 'qpvCount' | 'qpvUnknown' | 'byDistrict' | 'communes'> {
  let qpvCount = 0;
  let qpvUnknown = 0;
  // Counts by name in Maps, made into objects at the end (same key order): objects whose keys
  // are added at run time cost the engine far more to optimize.
  const byDistrict = new Map<string, number>();
  const communes = zeroCounts([...model.settings.territory, OTHER_COMMUNES, UNKNOWN_COMMUNE]);
  for (const { participant: p } of beneficiaries) {
    if (p.qpvResident.status === 'ok') {
      if (p.qpvResident.value) {
        qpvCount++;
        increment(byDistrict, p.qpvDistrict.status === 'ok' ? (p.qpvDistrictName ?? p.qpvDistrict.value) : UNKNOWN_DISTRICT);
      }
    } else qpvUnknown++;
    if (p.commune.status !== 'ok') increment(communes, UNKNOWN_COMMUNE);
    else if (p.inTerritory && p.communeName !== null) increment(communes, p.communeName);
    else increment(communes, OTHER_COMMUNES);
  }
  return { qpvCount, qpvUnknown, byDistrict: Object.fromEntries(byDistrict), communes: Object.fromEntries(communes) };
}

function tallyProfile(beneficiaries: readonly Beneficiary[]): Pick<BeneficiaryTally, 'sex' | 'trainingLevels'> {
  const sex = { F: 0, H: 0, unknown: 0 };
  const trainingLevels = zeroCounts([...TRAINING_LEVEL.labels, UNKNOWN_TRAINING_LEVEL]);
  for (const { participant: p } of beneficiaries) {
    if (p.sex.status !== 'ok') sex.unknown++;
    else if (p.sex.value === 'F') sex.F++;
    else sex.H++;
    increment(trainingLevels, p.trainingLevel.status === 'ok' ? p.trainingLevel.value : UNKNOWN_TRAINING_LEVEL);
  }
  return { sex, trainingLevels: Object.fromEntries(trainingLevels) };
}

/** Counts starting at 0 for `keys`, in that order (other keys are added as they come). */
function zeroCounts(keys: readonly string[]): Map<string, number> {
  return new Map(keys.map((k) => [k, 0]));
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function tallyOutcomes(
  beneficiaries: readonly Beneficiary[],
  year: number,
): Pick<BeneficiaryTally, 'outcomes' | 'contractMonthsTotal' | 'contractMonthsCount'> {
  const outcomes = {
    workStudy: 0,
    apprenticeship: 0,
    professionalisation: 0,
    training: 0,
    employment: 0,
    dropout: 0,
    other: 0,
    stillSearching: 0,
  };
  let contractMonthsTotal = 0;
  let contractMonthsCount = 0;
  for (const { participant: p } of beneficiaries) {
    const outcome = outcomeFor(p, year);
    outcomes[outcome]++;
    if (outcome !== 'workStudy') continue;
    if (p.contractType.status === 'ok') {
      if (p.contractType.value === 'Apprentissage') outcomes.apprenticeship++;
      else outcomes.professionalisation++;
    }
    const months = valueOf(p.contractMonths);
    if (months !== null && months >= MIN_CONTRACT_MONTHS && months <= MAX_CONTRACT_MONTHS) {
      contractMonthsTotal += months;
      contractMonthsCount++;
    }
  }
  return { outcomes, contractMonthsTotal, contractMonthsCount };
}

/** Présent rows and minutes attended in the year of the beneficiaries' IDs, each ID counted once. */
function presencesOf(
  beneficiaries: readonly Beneficiary[],
  att: YearAttendance,
): Pick<BeneficiaryTally, 'beneficiaryPresences' | 'beneficiaryMinutes'> {
  const slots = new Set<number>();
  for (const b of beneficiaries) {
    const slot = att.slots.get(b.participant.idKey);
    if (slot !== undefined) slots.add(slot);
  }
  let presences = 0;
  let minutes = 0;
  for (const slot of slots) {
    presences += att.presentCount[slot];
    minutes += att.attendedMinutes[slot];
  }
  return { beneficiaryPresences: presences, beneficiaryMinutes: minutes };
}

/** The sessions of year Y as hours need them (SPEC §2.1, §6): each date's session is its first `Séances` row. */
interface YearSessionMinutes {
  /** Minutes of each day's session, by offset from 1 January (0: no session, or no times). */
  byDay: Float64Array;
  /** Sum of the durations of the year's sessions (each date once). */
  delivered: number;
  /** `Séances` rows dated in Y whose session has no duration. */
  withoutTimes: number;
}

/** The year's session minutes (a pass over the few hundred `Séances` rows, before the Présences rows). */
export function yearSessionMinutes(model: WorkbookModel, year: number): YearSessionMinutes {
  const from = firstDayOfYear(year);
  const to = lastDayOfYear(year);
  const byDay = new Float64Array(to - from + 1);
  let delivered = 0;
  let withoutTimes = 0;
  const minutesByDay = sessionMinutesByDay(model);
  for (const s of model.sessionRecords) {
    if (s.date.status !== 'ok' || s.date.value < from || s.date.value > to) continue;
    if (minutesByDay.get(s.date.value) === null) withoutTimes++;
  }
  for (const [day, minutes] of minutesByDay) {
    if (day < from || day > to || minutes === null) continue;
    byDay[day - from] = minutes;
    delivered += minutes;
  }
  return { byDay, delivered, withoutTimes };
}

/** Sessions dated in year Y. */
function sessionsIn(model: WorkbookModel, year: number): number {
  const from = firstDayOfYear(year);
  const to = lastDayOfYear(year);
  let sessions = 0;
  for (const s of model.sessionRecords) {
    if (s.date.status === 'ok' && s.date.value >= from && s.date.value <= to) sessions++;
  }
  return sessions;
}

/** Participants rows without a readable Date d'entrée. */
function excludedRowsOf(model: WorkbookModel): number {
  let excludedRows = 0;
  for (const p of model.participantRecords) if (p.entryDate.status !== 'ok') excludedRows++;
  return excludedRows;
}

/**
 * The figures of year Y. No loop of its own: each pass is a function of its own, so that the
 * engine optimizes small pieces rather than recompiling one big function on every call.
 */
export function computeYearFigures(model: WorkbookModel, year: number): YearFigures {
  const sessionMinutes = yearSessionMinutes(model, year);
  const att = yearAttendance(model, year, sessionMinutes.byDay);
  const beneficiaries = beneficiariesOf(model, year, att);
  const total = beneficiaries.length;
  const {
    carriedOver,
    minors,
    qpvCount,
    qpvUnknown,
    byDistrict,
    sex,
    communes,
    ageBands,
    sexByAge,
    trainingLevels,
    outcomes,
    contractMonthsTotal,
    contractMonthsCount,
    beneficiaryPresences,
    beneficiaryMinutes,
  } = tallyBeneficiaries(model, year, beneficiaries, att);
  const sessions = sessionsIn(model, year);
  const excludedRows = excludedRowsOf(model);

  const plannedPlaces = model.settings.years.get(year)?.plannedPlaces ?? null;
  const positive = outcomes.workStudy + outcomes.training + outcomes.employment;
  const marked = att.presences + att.absences + att.excused;

  const indicators: Indicators = {
    year,
    beneficiaries: total,
    newEntrants: total - carriedOver,
    carriedOver,
    plannedPlaces,
    fillRate: plannedPlaces === null ? null : percent(total, plannedPlaces),
    minors: { count: minors, percent: percent(minors, total) },
    qpv: { count: qpvCount, percent: percent(qpvCount, total), unknown: qpvUnknown, byDistrict },
    sex,
    communes,
    ageBands,
    trainingLevels,
    attendance: {
      sessions,
      presences: att.presences,
      absences: att.absences,
      excused: att.excused,
      presenceRate: percent(att.presences, marked),
      meanPerSession: mean(att.presences, sessions),
      meanSessionsPerBeneficiary: mean(beneficiaryPresences, total),
    },
    outcomes: {
      ...outcomes,
      positive,
      positiveRate: percent(positive, total),
      meanContractMonths: mean(contractMonthsTotal, contractMonthsCount),
    },
    excludedRows,
    hours: {
      delivered: hoursOfMinutes(sessionMinutes.delivered),
      attended: hoursOfMinutes(att.totalAttendedMinutes),
      perBeneficiary: total > 0 ? Math.round(beneficiaryMinutes / 6 / total) / 10 : null,
      sessionsWithoutTimes: sessionMinutes.withoutTimes,
    },
    sexByAge,
  };
  return { indicators, presencesByMonth: att.presencesByMonth };
}

/** The indicators of SPEC §6 for calendar year `year`. */
export function computeIndicators(model: WorkbookModel, year: number): Indicators {
  return computeYearFigures(model, year).indicators;
}
