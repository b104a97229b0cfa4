/**
 * The "Nouveau jeune" form's rules, without the DOM (tested with jest): the name typed in the
 * search split into Nom and Prénom, and the request sent to addParticipant from the fields'
 * values (or the French reason nothing is sent). The form itself is newcomer.ts.
 */
import { NEWCOMER_TEXT } from '../../../i18n/fr/newcomer';
import type { AddParticipantInput } from '../../../shared/api';

export type NewcomerField = keyof typeof NEWCOMER_TEXT.labels;
export const REQUIRED_FIELDS: readonly NewcomerField[] = ['lastName', 'firstName', 'birthDate', 'commune'];

/** "Dupont Léa" → Nom Dupont, Prénom Léa (the list shows Nom then Prénom). */
export function splitName(typed: string): { lastName: string; firstName: string } {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  return { lastName: words[0] ?? '', firstName: words.slice(1).join(' ') };
}

/** The input of addParticipant (blank optional fields left out), or a French refusal. */
export function newcomerRequest(values: Record<NewcomerField, string>, date: string): AddParticipantInput | string {
  for (const f of REQUIRED_FIELDS) {
    if (values[f].trim() === '') return NEWCOMER_TEXT.view.required(NEWCOMER_TEXT.labels[f]);
  }
  const value = (f: NewcomerField): string | undefined => values[f].trim() || undefined;
  return {
    date,
    lastName: values.lastName.trim(),
    firstName: values.firstName.trim(),
    birthDate: values.birthDate,
    commune: values.commune.trim(),
    sex: value('sex') as AddParticipantInput['sex'],
    postcode: value('postcode'),
    phone: value('phone'),
    email: value('email'),
    qpv: value('qpv') as AddParticipantInput['qpv'],
    district: value('district'),
    level: value('level'),
  };
}
