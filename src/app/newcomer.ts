/**
 * "Nouveau jeune" and "Suivi" server functions (SPEC §4, §5): addParticipant appends one
 * Participants row under the document lock; getFollowUpList reads the call list of today.
 * Each tab is read once; the new row is written in a constant number of batch calls.
 */
import type { Services } from './ports';
import { isUserError, UserError } from '../core/errors';
import { followUpList } from '../core/follow-up';
import { planNewcomer, validateNewcomerInput } from '../core/newcomer';
import { ATTENDANCE, PARTICIPANTS, SETTINGS } from '../core/schema';
import { NEWCOMER_TEXT } from '../i18n/fr/newcomer';
import { ATTENDANCE_TEXT } from '../i18n/fr/attendance';
import type { AddParticipantResult, FollowUpList } from '../shared/api';
import { readModel, withDocumentLock } from './read';

/** SPEC §5 addParticipant: refused with a French message and nothing written, or one row appended. */
export function addParticipant(services: Services, input: unknown): AddParticipantResult {
  const checked = validateNewcomerInput(input);
  if (!checked.ok) throw new UserError(checked.message, 'INVALID_INPUT');
  try {
    return withDocumentLock(services, () => {
      const workbook = services.workbook;
      const model = readModel(workbook, [PARTICIPANTS, SETTINGS]);
      const plan = planNewcomer(model, checked.value, services.today());
      if (!plan.ok) throw new UserError(plan.message, 'INVALID_INPUT');
      for (const w of plan.value.writes) workbook.writeValues(w.sheet, w.row, w.col, w.values);
      const { id, name, row, warnings } = plan.value;
      return { id, name, row, warnings };
    });
  } catch (e) {
    if (isUserError(e) && e.code === 'LOCK_BUSY') throw new UserError(NEWCOMER_TEXT.lockBusy, 'LOCK_BUSY');
    throw e;
  }
}

/** SPEC §5 getFollowUpList: everyone "à relancer" today, in one round trip. */
export function getFollowUpList(services: Services): FollowUpList {
  const model = readModel(services.workbook, [PARTICIPANTS, ATTENDANCE]);
  const participants = model.participants;
  if (participants.sheetName === null) throw new UserError(ATTENDANCE_TEXT.participantsTabMissing, 'WORKBOOK_UNUSABLE');
  return followUpList(model, services.today());
}
