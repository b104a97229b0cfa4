/**
 * Personal data (SPEC §11): previewAnonymisation and anonymise over injected services. Reads
 * each tab once, writes in a constant number of batch calls per tab, under the document lock;
 * all-or-nothing: a stale plan or an invalid request writes nothing.
 */
import {
  anonymisationTargets,
  cleanNotes,
  planAnonymisationWrites,
  validateAnonymiseInput,
  type AnonymisationPlan,
  type AnonymisationTargets,
} from '../core/anonymisation';
import type { Day } from '../core/days';
import { requireUsableParticipants } from '../core/checks/participants-usable';
import { UserError, valueOrThrow } from '../core/errors';
import type { WorkbookPort } from '../core/port';
import type { Services } from './ports';
import { ATTENDANCE, PARTICIPANTS, SETTINGS } from '../core/schema';
import { idKey } from '../core/values';
import type { WholeWorkbookModel, WorkbookModel } from '../core/workbook';
import { PRIVACY } from '../i18n/fr/privacy';
import type { AnonymiseResult } from '../shared/api';
import { applyWritePlan } from './apply-plan';
import { readModel, withDocumentLock } from './read';

const TABS = [PARTICIPANTS, ATTENDANCE, SETTINGS] as const;

function requireParticipants(model: WorkbookModel): void {
  requireUsableParticipants(model, ['id'], {
    tabMissing: PRIVACY.participantsMissing,
    headerMissing: () => PRIVACY.participantsUnusable,
    columnMissing: () => PRIVACY.participantsUnusable,
  });
}

/** SPEC §5 previewAnonymisation: who would be anonymised today (IDs only, never names). */
export function previewAnonymisation(services: Services): AnonymisationPlan {
  const model = readModel(services.workbook, TABS);
  requireParticipants(model);
  return anonymisationTargets(model, services.today()).plan;
}

/**
 * SPEC §5 anonymise: under the lock, the plan is computed again for today; when its IDs
 * differ (as sets, case and spaces ignored) from those sent, nothing is written (STALE).
 */
export function anonymise(services: Services, input: unknown): AnonymiseResult {
  const request = valueOrThrow(validateAnonymiseInput(input));
  return withDocumentLock(services, () => {
    const workbook = services.workbook;
    const model = readModel(workbook, TABS);
    requireParticipants(model);
    const today = services.today();
    const targets = anonymisationTargets(model, today);
    const planned = new Set(targets.people.map((p) => p.idKey));
    const sent = new Set(request.ids.map((i) => idKey(i)));
    if (sent.size !== planned.size || [...sent].some((k) => !planned.has(k))) throw new UserError(PRIVACY.stale, 'STALE');
    if (planned.size === 0) return { anonymised: 0, presencesUpdated: 0 };
    return applyAnonymisation(workbook, model, targets, today);
  });
}

/**
 * Runs the writes of an anonymisation through the port (the server under the lock, the CLI on
 * its in-memory copy): notes read first (one read per tab), values, then cleaned notes.
 */
export function applyAnonymisation(
  workbook: WorkbookPort,
  model: WholeWorkbookModel,
  targets: AnonymisationTargets,
  today: Day,
): AnonymiseResult {
  const writes = planAnonymisationWrites(model, targets, today);
  const notes = writes.notes.map((spec) => ({
    spec,
    current: workbook.readNotes(spec.sheet, spec.row, 1, spec.numRows, spec.numCols),
  }));
  applyWritePlan(workbook, writes.ops);
  for (const { spec, current } of notes) {
    const cleaned = cleanNotes(current, spec);
    if (cleaned) workbook.writeNotes(spec.sheet, cleaned.row, cleaned.col, cleaned.notes);
  }
  return { anonymised: writes.anonymised, presencesUpdated: writes.presencesUpdated };
}
