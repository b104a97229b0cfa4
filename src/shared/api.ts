/** Types of the server functions the sidebar calls (SPEC §5). Shared by server and client. */
export type IsoDate = string;
export type Status = 'Présent' | 'Absent' | 'Excusé';
export const STATUSES: readonly Status[] = ['Présent', 'Absent', 'Excusé'];

export interface AttendanceSheetParticipant {
  id: string;
  name: string;
  status: Status | null;
  /** "À relancer" (SPEC §4) and why, in French. */
  needsFollowUp: boolean;
  followUpReason: string | null;
  /** `Téléphone` / `Email`, only when needsFollowUp (null otherwise). */
  phone: string | null;
  email: string | null;
}

/** An enrolled participant not expected on the date (SPEC §4 "Autres inscrits"). */
export interface AttendanceSheetOther {
  id: string;
  name: string;
}

export interface AttendanceSheet {
  date: IsoDate;
  session: { theme: string; facilitator: string; place: string } | null;
  participants: AttendanceSheetParticipant[];
  others: AttendanceSheetOther[];
  themes: string[];
  /** §4: the date has no session and its weekday is not the usual one of its year (SESSION_UNUSUAL_WEEKDAY's rule). */
  unusualWeekday: boolean;
}

export interface SaveAttendanceInput {
  date: IsoDate;
  theme?: string;
  facilitator?: string;
  place?: string;
  entries: { participantId: string; status: Status }[];
}

export interface SaveAttendanceResult {
  date: IsoDate;
  sessionCreated: boolean;
  /** The existing session's theme, animateur or lieu changed. */
  sessionUpdated: boolean;
  written: number;
  unchanged: number;
}

export type Severity = 'error' | 'warning';

export interface Issue {
  sheet: string;
  row: number;
  /** Canonical header of the column (SPEC §2.1), or null for an issue of a whole row or of the workbook. */
  column: string | null;
  /**
   * The header as written in the user's sheet (null exactly when `column` is): the one to show
   * (for MISSING_COLUMN, the canonical header; for a repeated header, the first).
   */
  header: string | null;
  severity: Severity;
  code: string;
  message: string;
}

/** Every issue of a check, tab then row (the CLI prints them all; the grid's notes carry them all). */
export interface CheckReport {
  rowsChecked: number;
  issues: Issue[];
}

/** validateWorkbook returns at most this many issues (SPEC §5: the payload stays small). */
export const MAX_RETURNED_ISSUES = 500;

/** What validateWorkbook returns (SPEC §5). */
export interface ValidationResult {
  rowsChecked: number;
  /** At most MAX_RETURNED_ISSUES: errors first, then tab (Participants, Séances, Présences), then row. */
  issues: Issue[];
  /** Counts of all issues, shown or not. */
  counts: { errors: number; warnings: number };
  /** True when some issues are not in `issues`. */
  truncated: boolean;
}

export interface Indicators {
  year: number;
  beneficiaries: number;
  newEntrants: number;
  carriedOver: number;
  plannedPlaces: number | null;
  fillRate: number | null;
  minors: { count: number; percent: number | null };
  qpv: { count: number; percent: number | null; unknown: number; byDistrict: Record<string, number> };
  sex: { F: number; H: number; unknown: number };
  communes: Record<string, number>;
  ageBands: { under18: number; '18to21': number; '22to25': number; '26plus': number; unknown: number };
  trainingLevels: Record<string, number>;
  attendance: {
    sessions: number;
    presences: number;
    absences: number;
    excused: number;
    presenceRate: number | null;
    meanPerSession: number | null;
    meanSessionsPerBeneficiary: number | null;
  };
  outcomes: {
    workStudy: number;
    apprenticeship: number;
    professionalisation: number;
    training: number;
    employment: number;
    dropout: number;
    other: number;
    stillSearching: number;
    positive: number;
    positiveRate: number | null;
    meanContractMonths: number | null;
  };
  excludedRows: number;
  /** SPEC §6: hours of the sessions (sums of whole minutes, rounded once to one decimal). */
  hours: {
    /** Sum of the durations of the sessions dated in Y (those with times). */
    delivered: number;
    /** Sum, over the Présent rows counted in attendance, of their date's session duration. */
    attended: number;
    /** Beneficiaries' attended hours / beneficiaries; null without beneficiaries. */
    perBeneficiary: number | null;
    /** `Séances` rows dated in Y without a duration. */
    sessionsWithoutTimes: number;
  };
  /** SPEC §6: `ageBands` split by `sex` (its cells add up to `ageBands`). */
  sexByAge: Record<'F' | 'H' | 'unknown', Indicators['ageBands']>;
}

export interface AnnualReportResult {
  sheetName: string;
  indicators: Indicators;
}

/** SPEC §10: one participant's path. Plain data: ISO dates, null (never undefined). */
export interface Journey {
  id: string;
  name: string;
  /** Completed years today. */
  age: number | null;
  commune: string | null;
  qpv: 'Oui' | 'Non' | null;
  quartier: string | null;
  entryDate: IsoDate | null;
  exitDate: IsoDate | null;
  /** Canonical (blank = En recherche; an unknown value as written). */
  situation: string;
  /** Only when the situation is Alternance signée. */
  contract: { type: string | null; start: IsoDate | null; months: number | null; employer: string | null } | null;
  /** Every readable Présences row of the person, oldest first. */
  sessions: { date: IsoDate; theme: string; status: Status }[];
  counts: { present: number; absent: number; excused: number; presenceRate: number | null };
  themesCovered: string[];
  themesToCover: string[];
  lastPresence: IsoDate | null;
  /**
   * Hours of the sessions attended Présent whose duration is known (SPEC §2.1, one decimal);
   * unknown = such sessions without a duration (no times, or no `Séances` row).
   */
  hours: { attended: number; unknown: number };
  needsFollowUp: boolean;
  followUpReason: string | null;
  phone: string | null;
  email: string | null;
}

export interface DirectoryEntry {
  id: string;
  /** "Nom Prénom". */
  name: string;
  /** Listed in today's attendance list (SPEC §4). */
  active: boolean;
}

export interface ParticipantJourneyResult {
  directory: DirectoryEntry[];
  journey: Journey | null;
}

/** SPEC §11: who would be anonymised today (IDs only, never names). */
export interface AnonymisationPlan {
  cutoff: IsoDate;
  retentionYears: number;
  ids: string[];
  /** How many per year of last activity. */
  byYear: Record<string, number>;
  /** Headers of the Participants columns that will be emptied. */
  columnsCleared: string[];
}

export interface AnonymiseInput {
  cutoff: IsoDate;
  ids: string[];
}

export interface AnonymiseResult {
  anonymised: number;
  presencesUpdated: number;
}

/** SPEC §4 "Nouveau jeune": the short form's fields (ISO dates; optional fields may be left out). */
export interface AddParticipantInput {
  date: IsoDate;
  lastName: string;
  firstName: string;
  birthDate: IsoDate;
  commune: string;
  sex?: 'F' | 'H';
  postcode?: string;
  phone?: string;
  email?: string;
  qpv?: 'Oui' | 'Non';
  district?: string;
  level?: string;
}

export interface AddParticipantResult {
  id: string;
  /** "Nom Prénom". */
  name: string;
  /** The 1-based row written in Participants. */
  row: number;
  /** Warnings of the checks (SPEC §3) on the new row: shown, not refused. */
  warnings: Issue[];
}

/** One line of the "Suivi" call list (SPEC §4). */
export interface FollowUpPerson {
  id: string;
  name: string;
  reason: string;
  lastPresence: IsoDate | null;
  phone: string | null;
  email: string | null;
}

export interface FollowUpList {
  /** Today. */
  date: IsoDate;
  people: FollowUpPerson[];
}

// The functions themselves (and the `ServerApi` type the sidebar calls them through) are
// declared once, in the registry: src/app/registry.ts.
