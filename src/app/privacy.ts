/**
 * Personal data (SPEC §11): previewAnonymisation and anonymise over injected services. Reads
 * each tab once, writes in a constant number of batch calls per tab, under the document lock;
 * all-or-nothing: a stale plan or an invalid request writes nothing.
 */
import {
  anonymisationTargets,
  cleanNotes,
  planAnonymisationWrites,
  type AnonymisationPlan,
  type AnonymisationTargets,
} from '../core/anonymisation';
import { Day, dayFromIso } from '../core/days';
import { UserError } from '../core/errors';
import type { WorkbookPort } from '../core/port';
import type { Services } from './ports';
import { ATTENDANCE, PARTICIPANTS, SETTINGS } from '../core/schema';
import { idKey } from '../core/values';
import type { WholeWorkbookModel, WorkbookModel } from '../core/workbook';
import { PRIVACY } from '../i18n/fr/privacy';
import type { AnonymiseResult } from '../shared/api';
import { readModel, withDocumentLock } from './read';

const TABS = [PARTICIPANTS, ATTENDANCE, SETTINGS] as const;

function requireParticipants(model: WorkbookModel): void {
  const participantsTable = model.participants;
  if (participantsTable.sheetName === null) throw new UserError(PRIVACY.participantsMissing, 'WORKBOOK_UNUSABLE');
  if (participantsTable.headerRow === null || participantsTable.columns.id === undefined)
    throw new UserError(PRIVACY.participantsUnusable, 'WORKBOOK_UNUSABLE');
}

/** SPEC §5 previewAnonymisation: who would be anonymised today (IDs only, never names). */
export function previewAnonymisation(services: Services): AnonymisationPlan {
  const model = readModel(services.workbook, TABS);
  requireParticipants(model);
  return anonymisationTargets(model, services.today()).plan;
}

/** The shape of an anonymise request: cutoff 'YYYY-MM-DD', ids a list of strings. */
export function validateAnonymiseInput(input: unknown): { cutoff: string; ids: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new UserError(PRIVACY.inputNotObject, 'INVALID_INPUT');
  const { cutoff, ids } = input as Record<string, unknown>;
  if (typeof cutoff !== 'string' || dayFromIso(cutoff.trim()) === null)
    throw new UserError(PRIVACY.cutoffInvalid, 'INVALID_INPUT');
  if (!Array.isArray(ids) || !ids.every((i): i is string => typeof i === 'string'))
    throw new UserError(PRIVACY.idsInvalid, 'INVALID_INPUT');
  return { cutoff: cutoff.trim(), ids };
}

/**
 * SPEC §5 anonymise: under the lock, the plan is computed again for today; when its IDs
 * differ (as sets, case and spaces ignored) from those sent, nothing is written (STALE).
 */
export function anonymise(services: Services, input: unknown): AnonymiseResult {
  const request = validateAnonymiseInput(input);
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
  for (const op of writes.ops) {
    if (op.kind === 'write') workbook.writeValues(op.sheet, op.row, op.col, op.values);
    else if (op.kind === 'column') workbook.writeColumnCells(op.sheet, op.col, op.updates);
    else if (!workbook.writeCells(op.sheet, op.cells))
      workbook.writeValues(op.sheet, op.fallback.row, op.fallback.col, op.fallback.values);
  }
  for (const { spec, current } of notes) {
    const cleaned = cleanNotes(current, spec);
    if (cleaned) workbook.writeNotes(spec.sheet, cleaned.row, cleaned.col, cleaned.notes);
  }
  return { anonymised: writes.anonymised, presencesUpdated: writes.presencesUpdated };
}
