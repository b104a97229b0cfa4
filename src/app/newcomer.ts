/**
 * "Nouveau jeune" and "Suivi" server functions (SPEC §4, §5): addParticipant appends one
 * Participants row under the document lock; getFollowUpList reads the call list of today.
 * Each tab is read once; the new row is written in a constant number of batch calls.
 */
import type { Services } from './ports';
import { isUserError, UserError, valueOrThrow } from '../core/errors';
import { followUpList } from '../core/follow-up';
import { planNewcomer, validateNewcomerInput } from '../core/newcomer';
import { ATTENDANCE, PARTICIPANTS, SETTINGS } from '../core/schema';
import { NEWCOMER_TEXT } from '../i18n/fr/newcomer';
import { ATTENDANCE_TEXT } from '../i18n/fr/attendance';
import type { AddParticipantResult, FollowUpList } from '../shared/api';
import { applyWritePlan } from './apply-plan';
import { requireParticipants } from './attendance';
import { readModel, withDocumentLock } from './read';

/** SPEC §5 addParticipant: refused with a French message and nothing written, or one row appended. */
export function addParticipant(services: Services, input: unknown): AddParticipantResult {
  const checked = valueOrThrow(validateNewcomerInput(input));
  try {
    return withDocumentLock(services, () => {
      const workbook = services.workbook;
      const model = readModel(workbook, [PARTICIPANTS, SETTINGS]);
      const plan = valueOrThrow(planNewcomer(model, checked, services.today()));
      applyWritePlan(workbook, plan.writes);
      const { id, name, row, warnings } = plan;
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
  // A tab without its header row or its ID column is said, not shown as "nobody to call".
  requireParticipants(model);
  return followUpList(model, services.today());
}
