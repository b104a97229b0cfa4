/**
 * One person of the "Présences" roster: a fieldset named after them, three radio buttons with
 * visible text (Présent / Absent / Excusé), the "à relancer" badge and reason, and for those
 * flagged their phone (tel: link) and e-mail, shown by the "À relancer" filter.
 */
import { el } from '../../dom';
import { ATTENDANCE_TEXT } from '../../../i18n/fr/attendance';
import { searchKeyOf } from './model';
import { STATUSES } from '../../../shared/api';
import type { AttendanceSheetOther, AttendanceSheetParticipant, Status } from '../../../shared/api';

const VIEW_TEXT = ATTENDANCE_TEXT.view;
const CHOICE_CLASS: Record<Status, string> = { Présent: 'att-present', Absent: 'att-absent', Excusé: 'att-excused' };

export interface Row {
  id: string;
  name: string;
  /** Expected that day (false: one of the "Autres inscrits", added when marked). */
  expected: boolean;
  needsFollowUp: boolean;
  node: HTMLFieldSetElement;
  radios: Record<Status, HTMLInputElement>;
  searchKey: string;
}

type Person = AttendanceSheetParticipant | (AttendanceSheetOther & Partial<AttendanceSheetParticipant>);

/** Digits and a leading + only: what a tel: link may hold. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

function contactLine(person: Person): HTMLElement | null {
  if (!person.needsFollowUp) return null;
  const phone = person.phone ?? null;
  const email = person.email ?? null;
  return el(
    'p',
    { class: 'att-contact' },
    phone
      ? el('a', { href: telHref(phone), class: 'att-phone' }, `${VIEW_TEXT.phone}\u00a0: ${phone}`)
      : el('span', {}, VIEW_TEXT.noPhone),
    ' · ',
    email
      ? el('a', { href: `mailto:${email}`, class: 'att-email' }, `${VIEW_TEXT.email}\u00a0: ${email}`)
      : el('span', {}, VIEW_TEXT.noEmail),
  );
}

/** The fieldset of a person; `group` makes the radio names unique in the page. */
export function renderRow(person: Person, group: string, expected: boolean, onChange: (id: string, status: Status) => void): Row {
  const radios = {} as Record<Status, HTMLInputElement>;
  const status = person.status ?? null;
  const choices = STATUSES.map((s) => {
    const input = el('input', { type: 'radio', name: group, value: s });
    input.checked = status === s;
    radios[s] = input;
    return el('label', { class: `att-choice ${CHOICE_CLASS[s]}` }, input, el('span', {}, VIEW_TEXT.statuses[s]));
  });
  const reasonId = `${group}-why`;
  const flagged = person.needsFollowUp === true;
  const node = el(
    'fieldset',
    {
      class: expected ? 'att-person' : 'att-person att-other',
      'aria-label': person.name,
      'aria-describedby': flagged ? reasonId : null,
      'data-id': person.id,
    },
    el(
      'legend',
      {},
      el('span', { class: 'att-name' }, person.name),
      flagged ? el('span', { class: 'badge badge-warning att-flag' }, `⚠\u00a0${ATTENDANCE_TEXT.followUp}`) : null,
    ),
    flagged ? el('p', { class: 'att-reason', id: reasonId }, person.followUpReason ?? '') : null,
    contactLine(person),
    el('div', { class: 'att-choices' }, choices),
  );
  const row: Row = {
    id: person.id,
    name: person.name,
    expected,
    needsFollowUp: flagged,
    node,
    radios,
    searchKey: searchKeyOf(person),
  };
  node.addEventListener('change', (ev) => {
    const target = ev.target as HTMLInputElement;
    if (target.type !== 'radio' || !target.checked) return;
    onChange(row.id, target.value as Status);
  });
  return row;
}

/** Checks the radio of a status (none for null). */
export function setStatus(row: Row, status: Status | null): void {
  for (const s of STATUSES) row.radios[s].checked = s === status;
}
