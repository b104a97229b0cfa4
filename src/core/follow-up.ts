/**
 * "Suivi" (SPEC §4, §5 getFollowUpList): everyone "à relancer" on a day (the rule of the
 * attendance list, ./attendance followUpOf), sorted like the list, with the reason, the last
 * `Présent`, the phone and the e-mail: the team's call list.
 */
import { Day, isoOfDay } from './days';
import { byName, displayName, followUpOf, isExpectedOn, participantIndex, presenceIndex, statusBook } from './attendance';
import { isAnonymised } from './workbook';
import type { Participant, WorkbookModel } from './workbook';
import type { FollowUpList, FollowUpPerson } from '../shared/api';

/** The phone as shown and dialled: the one place where a `Téléphone` cell becomes text. */
export function displayPhone(p: Participant): string | null {
  return p.phone.status === 'ok' && p.phone.value !== '' ? p.phone.value : null;
}

function emailOf(p: Participant): string | null {
  return p.email.status === 'ok' && p.email.value !== '' ? p.email.value : null;
}

/** The last day of `days` (ascending) on or before `day`, or null. */
function lastOnOrBefore(days: readonly Day[] | undefined, day: Day): Day | null {
  if (!days) return null;
  for (let i = days.length - 1; i >= 0; i--) if (days[i] <= day) return days[i];
  return null;
}

/** SPEC §4 Suivi on `day` (today): those listed that day and flagged "à relancer". */
export function followUpList(model: WorkbookModel, day: Day): FollowUpList {
  const book = statusBook(model);
  const presences = presenceIndex(book);
  const recorded = book.get(day);
  const past = [...book.keys()].filter((d) => d < day).sort((a, b) => b - a);
  const flagged: { p: Participant; reason: string }[] = [];
  for (const p of participantIndex(model.participantRecords).values()) {
    if (isAnonymised(p)) continue;
    const onDay = recorded?.get(p.idKey);
    if (onDay === undefined && !isExpectedOn(p, day, presences)) continue;
    const f = followUpOf(p, past, book, presences, onDay ?? null);
    if (f.needsFollowUp) flagged.push({ p, reason: f.reason ?? '' });
  }
  flagged.sort((a, b) => byName(a.p, b.p));
  const people = flagged.map(({ p, reason }): FollowUpPerson => {
    const last = lastOnOrBefore(presences.get(p.idKey), day);
    return {
      id: p.id,
      name: displayName(p),
      reason,
      lastPresence: last === null ? null : isoOfDay(last),
      phone: displayPhone(p),
      email: emailOf(p),
    };
  });
  return { date: isoOfDay(day), people };
}
