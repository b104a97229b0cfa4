/**
 * Attendance save, its input (SPEC §5 saveAttendance): the shape of what the sidebar sends,
 * checked before anything is read or locked, and the IDs checked against `Participants`.
 */
import { Day, dayFromIso, frenchDate, isoOfDay } from './days';
import { Result, failure } from './errors';
import { ATTENDANCE_STATUS, AttendanceStatus } from './lists';
import { cleanText } from './text';
import { idKey } from './values';
import type { Participant } from './workbook';
import { ATTENDANCE_TEXT } from '../i18n/fr/attendance';
import { MAX_ENTRIES, MAX_FIELD_LENGTH, MAX_ID_LENGTH } from '../shared/limits';

export { MAX_ENTRIES, MAX_FIELD_LENGTH, MAX_ID_LENGTH };

export const STATUS_LABELS: readonly AttendanceStatus[] = ATTENDANCE_STATUS.labels;

export interface SaveEntry {
  participantId: string;
  idKey: string;
  status: AttendanceStatus;
}

export interface NormalizedSave {
  day: Day;
  date: string;
  /** null = not given (an existing value is kept). */
  theme: string | null;
  facilitator: string | null;
  place: string | null;
  entries: SaveEntry[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type FieldName = 'theme' | 'facilitator' | 'place';

function optionalText(input: Record<string, unknown>, name: FieldName): Result<string | null> {
  const v = input[name];
  const label = ATTENDANCE_TEXT.fieldLabels[name];
  if (v === undefined || v === null) return { ok: true, value: null };
  if (typeof v !== 'string') return failure(ATTENDANCE_TEXT.fieldNotText(label));
  const text = cleanText(v);
  if (text.length > MAX_FIELD_LENGTH) return failure(ATTENDANCE_TEXT.fieldTooLong(label, MAX_FIELD_LENGTH));
  return { ok: true, value: text === '' ? null : text };
}

function statusOf(v: unknown): AttendanceStatus | null {
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFC').trim();
  return (STATUS_LABELS as readonly string[]).includes(t) ? (t as AttendanceStatus) : null;
}

/**
 * Checks the shape of a saveAttendance input (everything that needs no workbook): a
 * rejection carries the French message. Statuses must be exactly Présent, Absent or Excusé
 * (the sheet's synonyms such as "P" are not accepted from the sidebar).
 */
export function validateSaveInput(input: unknown, today: Day | null = null): Result<NormalizedSave> {
  const fail = failure;
  if (!isRecord(input)) return fail(ATTENDANCE_TEXT.inputNotObject);
  const rawDate = input.date;
  if (rawDate === undefined || rawDate === null || (typeof rawDate === 'string' && rawDate.trim() === '')) {
    return fail(ATTENDANCE_TEXT.dateMissing);
  }
  if (typeof rawDate === 'number' || typeof rawDate === 'boolean') return fail(ATTENDANCE_TEXT.saveDateInvalid(String(rawDate)));
  // An object (even one whose toString is not a function) is never turned into text.
  if (typeof rawDate !== 'string') return fail(ATTENDANCE_TEXT.saveDateNotText);
  const day = dayFromIso(rawDate.trim());
  if (day === null) return fail(ATTENDANCE_TEXT.saveDateInvalid(rawDate.trim()));
  if (today !== null && day > today) return fail(ATTENDANCE_TEXT.saveDateInFuture(frenchDate(day)));

  const fields: Partial<Record<FieldName, string | null>> = {};
  for (const name of ['theme', 'facilitator', 'place'] as const) {
    const r = optionalText(input, name);
    if (!r.ok) return r;
    fields[name] = r.value;
  }

  const raw = input.entries;
  if (!Array.isArray(raw)) return fail(ATTENDANCE_TEXT.entriesNotList);
  if (raw.length > MAX_ENTRIES) return fail(ATTENDANCE_TEXT.tooManyEntries(raw.length, MAX_ENTRIES));
  const entries: SaveEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const e: unknown = raw[i];
    if (!isRecord(e)) return fail(ATTENDANCE_TEXT.entryNotObject(i + 1));
    const rawId = e.participantId;
    const id =
      typeof rawId === 'string' ? cleanText(rawId) : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : '';
    if (id === '') return fail(ATTENDANCE_TEXT.participantIdMissing(i + 1));
    if (id.length > MAX_ID_LENGTH) return fail(ATTENDANCE_TEXT.participantIdTooLong(i + 1));
    const rawStatus = e.status;
    if (rawStatus === undefined || rawStatus === null || rawStatus === '') return fail(ATTENDANCE_TEXT.statusMissing(id));
    const status = statusOf(rawStatus);
    if (status === null && typeof rawStatus === 'object') return fail(ATTENDANCE_TEXT.statusNotText(id));
    if (status === null) return fail(ATTENDANCE_TEXT.statusUnknown(id, String(rawStatus)));
    const key = idKey(id);
    if (seen.has(key)) return fail(ATTENDANCE_TEXT.participantRepeated(id));
    seen.add(key);
    entries.push({ participantId: id, idKey: key, status });
  }
  return {
    ok: true,
    value: {
      day,
      date: isoOfDay(day),
      theme: fields.theme ?? null,
      facilitator: fields.facilitator ?? null,
      place: fields.place ?? null,
      entries,
    },
  };
}

/** The first entry whose ID is not in `Participants`, as a French message; null when all are known. */
export function unknownParticipantMessage(save: NormalizedSave, index: ReadonlyMap<string, Participant>): string | null {
  for (const e of save.entries) if (!index.has(e.idKey)) return ATTENDANCE_TEXT.participantUnknown(e.participantId);
  return null;
}
