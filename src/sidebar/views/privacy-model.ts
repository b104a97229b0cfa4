/**
 * The "Données personnelles" view's state, without the DOM (tested with jest): what is
 * shown (the plan, the confirmation, the message) and what each action does to it. The
 * view (privacy.ts) only renders a state and sends the requests the model names.
 */
import type { AnonymisationPlan, AnonymiseInput, AnonymiseResult } from '../../shared/api';
import { PRIVACY } from '../../i18n/fr/privacy';

export type PrivacyPhase = 'loading' | 'ready' | 'confirming' | 'working';
export type MessageKind = 'ok' | 'error' | 'info';

export interface PrivacyState {
  phase: PrivacyPhase;
  plan: AnonymisationPlan | null;
  message: { text: string; kind: MessageKind };
}

export const initialPrivacyState: PrivacyState = {
  phase: 'loading',
  plan: null,
  message: { text: PRIVACY.loading, kind: 'info' },
};

const NO_MESSAGE = { text: '', kind: 'info' as const };

/** A plan arrived (first load, refresh, or after an anonymisation with its result). */
export function planLoaded(_state: PrivacyState, plan: AnonymisationPlan, result?: AnonymiseResult): PrivacyState {
  const message = result ? { text: PRIVACY.done(result.anonymised, result.presencesUpdated), kind: 'ok' as const } : NO_MESSAGE;
  return { phase: 'ready', plan, message };
}

/** A request failed: the message says why, and the person can act again. */
export function failed(state: PrivacyState, text: string): PrivacyState {
  return { ...state, phase: 'ready', message: { text, kind: 'error' } };
}

export function refreshing(state: PrivacyState): PrivacyState {
  return { ...state, phase: 'loading', message: { text: PRIVACY.loading, kind: 'info' } };
}

/** "Anonymiser N fiches": asks for the confirmation, only when someone is due. */
export function askConfirmation(state: PrivacyState): PrivacyState {
  if (state.phase !== 'ready' || dueCount(state) === 0) return state;
  return { ...state, phase: 'confirming' };
}

export function cancelConfirmation(state: PrivacyState): PrivacyState {
  return state.phase === 'confirming' ? { ...state, phase: 'ready' } : state;
}

/** "Confirmer": the request to send (the plan's own cutoff and IDs), or null when nothing is confirmed. */
export function confirmedRequest(state: PrivacyState): AnonymiseInput | null {
  if (state.phase !== 'confirming' || !state.plan) return null;
  return { cutoff: state.plan.cutoff, ids: [...state.plan.ids] };
}

export function working(state: PrivacyState): PrivacyState {
  return { ...state, phase: 'working', message: { text: PRIVACY.working, kind: 'info' } };
}

export function dueCount(state: PrivacyState): number {
  return state.plan ? state.plan.ids.length : 0;
}

/** Years of last activity, oldest first, with their counts. */
export function yearRows(plan: AnonymisationPlan): [string, number][] {
  return Object.keys(plan.byYear)
    .sort()
    .map((y) => [y, plan.byYear[y]]);
}
