/**
 * getParticipantJourney (SPEC §5, §10): the directory of participants and one participant's
 * journey. One batch read per tab (readModel), a constant number of calls for the active cell,
 * never a write, never a log of anything read.
 */
import { requireUsableParticipants } from '../core/checks/participants-usable';
import { UserError } from '../core/errors';
import { findParticipant, journeyAndDirectory, participantOnRow } from '../core/journey';
import type { Services } from './ports';
import { isAnonymised, type Participant, type WorkbookModel } from '../core/workbook';
import { JOURNEY_TEXT } from '../i18n/fr/journey';
import type { ParticipantJourneyResult } from '../shared/api';
import { readModel } from './read';

function requireParticipants(model: WorkbookModel): void {
  requireUsableParticipants(model, ['id'], {
    tabMissing: JOURNEY_TEXT.participantsTabMissing,
    headerMissing: () => JOURNEY_TEXT.participantsHeaderMissing,
    columnMissing: () => JOURNEY_TEXT.idColumnMissing,
  });
}

/**
 * `id`: a participant's ID (case and surrounding spaces ignored); null, undefined or blank =
 * the participant of the active row when the active sheet is `Participants`, else no journey.
 */
export function getParticipantJourney(services: Services, id: unknown): ParticipantJourneyResult {
  if (id !== null && id !== undefined && typeof id !== 'string') throw new UserError(JOURNEY_TEXT.idNotText, 'INVALID_INPUT');
  const wanted = typeof id === 'string' ? id.trim() : '';
  const model = readModel(services.workbook);
  requireParticipants(model);
  const today = services.today();
  let person: Participant | null = null;
  if (wanted !== '') {
    person = findParticipant(model, wanted);
    if (person === null) throw new UserError(JOURNEY_TEXT.notFound(wanted), 'NOT_FOUND');
    if (isAnonymised(person)) throw new UserError(JOURNEY_TEXT.anonymised(wanted), 'NOT_FOUND');
  } else {
    const active = services.workbook.activeCell();
    if (active) person = participantOnRow(model, active.sheet, active.row);
  }
  return journeyAndDirectory(model, person, today);
}
