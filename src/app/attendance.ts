/**
 * Attendance server functions (SPEC §4, §5): the sidebar's getAttendanceSheet and
 * saveAttendance over injected services. Reads each tab once, writes in a constant number of
 * batch calls, under the document lock.
 */
import type { Services } from './ports';
import { buildAttendanceSheet, defaultAttendanceDay, parseRequestedDate, participantIndex } from '../core/attendance';
import { unknownParticipantMessage, validateSaveInput } from '../core/attendance-input';
import { planSave } from '../core/attendance-plan';
import { ATTENDANCE, PARTICIPANTS, SESSIONS } from '../core/schema';
import type { WorkbookModel } from '../core/workbook';
import { requireUsableParticipants } from '../core/checks/participants-usable';
import { isUserError, UserError, valueOrThrow } from '../core/errors';
import { ATTENDANCE_TEXT } from '../i18n/fr/attendance';
import type { AttendanceSheet, SaveAttendanceResult } from '../shared/api';
import { applyWritePlan } from './apply-plan';
import { readModel, withDocumentLock } from './read';

/** Participants must be readable for a roster or a save: a clear message otherwise. */
export function requireParticipants(model: WorkbookModel, suffix = ''): void {
  const add = (m: string): string => (suffix ? `${m} ${suffix}` : m);
  requireUsableParticipants(model, ['id', 'entryDate'], {
    tabMissing: add(ATTENDANCE_TEXT.participantsTabMissing),
    headerMissing: (sheet) => add(ATTENDANCE_TEXT.tabWithoutHeader(sheet).replace(` ${ATTENDANCE_TEXT.nothingSaved}`, '')),
    columnMissing: (header) => add(ATTENDANCE_TEXT.participantsColumnMissing(header)),
  });
}

/** SPEC §5 getAttendanceSheet: '' or undefined means the default date of SPEC §4. */
export function getAttendanceSheet(services: Services, date: unknown): AttendanceSheet {
  const requested = valueOrThrow(parseRequestedDate(date));
  const model = readModel(services.workbook);
  requireParticipants(model);
  const day = requested ?? defaultAttendanceDay(model, services.today());
  return buildAttendanceSheet(model, day);
}

function underLock<R>(services: Services, write: () => R): R {
  try {
    return withDocumentLock(services, write);
  } catch (e) {
    if (isUserError(e) && e.code === 'LOCK_BUSY') throw new UserError(ATTENDANCE_TEXT.lockBusy, 'LOCK_BUSY');
    throw e;
  }
}

/**
 * SPEC §5 saveAttendance, all-or-nothing: the input's shape is checked before anything is
 * read or locked; then, under the document lock, the tabs are read (a colleague may just
 * have saved), the IDs checked against Participants, and the plan written.
 */
export function saveAttendance(services: Services, input: unknown): SaveAttendanceResult {
  const save = valueOrThrow(validateSaveInput(input, services.today()));
  return underLock(services, () => {
    const workbook = services.workbook;
    const model = readModel(workbook, [PARTICIPANTS, SESSIONS, ATTENDANCE]);
    requireParticipants(model, ATTENDANCE_TEXT.nothingSaved);
    const index = participantIndex(model.participantRecords);
    const unknown = unknownParticipantMessage(save, index);
    if (unknown) throw new UserError(unknown, 'NOT_FOUND');
    const plan = valueOrThrow(planSave(model, save, index));
    applyWritePlan(workbook, plan.ops);
    const { sessionCreated, sessionUpdated, written, unchanged } = plan;
    return { date: save.date, sessionCreated, sessionUpdated, written, unchanged };
  });
}
