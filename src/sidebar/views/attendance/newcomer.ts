/**
 * "Nouveau jeune" (SPEC §4): a button, the short form (Nom, Prénom, Date de naissance, Commune,
 * then the optional fields) whose "Ajouter" calls addParticipant, and the offer shown when a
 * search finds nobody ("Ajouter « … » comme nouveau jeune", the typed name filled in). The view
 * is told of the new person (onAdded) and lists them, marked Présent.
 */
import { call, errorMessage } from '../../rpc';
import { clear, el, setMessage } from '../../dom';
import { DEFAULT_QPV_DISTRICTS, DEFAULT_TERRITORY, TRAINING_LEVEL } from '../../../core/lists';
import { dayFromIso, longFrenchDate } from '../../../core/days';
import { NEWCOMER_TEXT } from '../../../i18n/fr/newcomer';
import type { AddParticipantInput, AddParticipantResult } from '../../../shared/api';
import { localTodayIso } from './dates';

const TEXT = NEWCOMER_TEXT.view;
const LABELS = NEWCOMER_TEXT.labels;
type Field = keyof typeof LABELS;
const REQUIRED: readonly Field[] = ['lastName', 'firstName', 'birthDate', 'commune'];

export interface NewcomerForm {
  /** "Nouveau jeune", in the toolbar. */
  button: HTMLButtonElement;
  /** Shown under "Aucun participant ne correspond à la recherche." with the typed name. */
  offer: HTMLButtonElement;
  /** The form and the last result (success and warnings). */
  panel: HTMLElement;
  setOffer(typed: string, show: boolean): void;
  /** The view has (true) or has not (false) a loaded date to add someone to. */
  setEnabled(enabled: boolean): void;
}

function select(id: string, options: readonly [string, string][]): HTMLSelectElement {
  return el(
    'select',
    { id },
    options.map(([value, label]) => el('option', { value }, label)),
  );
}

function buildInputs(): Record<Field, HTMLInputElement | HTMLSelectElement> {
  const text = (id: string, extra: Record<string, string> = {}) =>
    el('input', { type: 'text', id, autocomplete: 'off', ...extra });
  return {
    lastName: text('nj-lastName', { 'aria-required': 'true' }),
    firstName: text('nj-firstName', { 'aria-required': 'true' }),
    birthDate: el('input', { type: 'date', id: 'nj-birthDate', 'aria-required': 'true', max: localTodayIso() }),
    commune: text('nj-commune', { 'aria-required': 'true', list: 'nj-communes' }),
    sex: select('nj-sex', [
      ['', TEXT.notGiven],
      ['F', TEXT.sexLabels.F],
      ['H', TEXT.sexLabels.H],
    ]),
    postcode: text('nj-postcode', { inputmode: 'numeric' }),
    phone: el('input', { type: 'tel', id: 'nj-phone', autocomplete: 'off' }),
    email: el('input', { type: 'email', id: 'nj-email', autocomplete: 'off' }),
    qpv: select('nj-qpv', [
      ['', TEXT.notGiven],
      ['Oui', 'Oui'],
      ['Non', 'Non'],
    ]),
    district: text('nj-district', { list: 'nj-districts' }),
    level: select('nj-level', [['', TEXT.notGiven], ...TRAINING_LEVEL.labels.map((l): [string, string] => [l, l])]),
  };
}

/** "Dupont Léa" → Nom Dupont, Prénom Léa (the list shows Nom then Prénom). */
function splitName(typed: string): { lastName: string; firstName: string } {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  return { lastName: words[0] ?? '', firstName: words.slice(1).join(' ') };
}

export function newcomerForm(currentDate: () => string | null, onAdded: (result: AddParticipantResult) => void): NewcomerForm {
  const inputs = buildInputs();
  const fields = (Object.keys(inputs) as Field[]).map((f) =>
    el('div', { class: 'nj-field' }, el('label', { for: inputs[f].id }, LABELS[f]), inputs[f]),
  );
  const intro = el('p', { class: 'muted nj-intro' });
  const message = el('div', { role: 'status', 'aria-live': 'polite', class: 'message', id: 'nj-message' });
  const warnings = el('ul', { class: 'nj-warnings', id: 'nj-warnings', hidden: true });
  const addButton = el('button', { type: 'submit', class: 'primary', id: 'nj-add' }, TEXT.add);
  const cancelButton = el('button', { type: 'button', id: 'nj-cancel' }, TEXT.cancel);
  const form = el(
    'form',
    { class: 'nj-form', id: 'nj-form', 'aria-labelledby': 'nj-title', novalidate: true, hidden: true },
    el('h3', { id: 'nj-title' }, TEXT.title),
    intro,
    fields.slice(0, 4),
    // A group, not a fieldset: the view's fieldsets are its people.
    el(
      'div',
      { class: 'nj-optional', role: 'group', 'aria-labelledby': 'nj-optional-title' },
      el('p', { id: 'nj-optional-title', class: 'nj-optional-title' }, TEXT.optional),
      fields.slice(4),
    ),
    el(
      'datalist',
      { id: 'nj-communes' },
      DEFAULT_TERRITORY.map((c) => el('option', { value: c })),
    ),
    el(
      'datalist',
      { id: 'nj-districts' },
      DEFAULT_QPV_DISTRICTS.map((d) => el('option', { value: d.name })),
    ),
    el('div', { class: 'nj-actions' }, addButton, cancelButton),
  );
  const panel = el('div', { class: 'nj-panel' }, form, message, warnings);
  const button = el(
    'button',
    { type: 'button', id: 'att-newcomer', 'aria-controls': 'nj-form', 'aria-expanded': 'false' },
    TEXT.open,
  );
  const offer = el('button', { type: 'button', id: 'att-newcomer-offer', class: 'nj-offer', hidden: true }, TEXT.offer(''));
  let typed = '';
  let busy = false;

  const open = (name: string): void => {
    const date = currentDate();
    if (date === null) return;
    const day = dayFromIso(date);
    intro.textContent = TEXT.intro(day === null ? date : longFrenchDate(day));
    if (name) {
      const split = splitName(name);
      inputs.lastName.value = split.lastName;
      inputs.firstName.value = split.firstName;
    }
    form.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    setMessage(message, '', 'info');
    warnings.hidden = true;
    inputs.lastName.focus();
  };
  const close = (): void => {
    form.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };

  const inputOf = (date: string): AddParticipantInput | string => {
    for (const f of REQUIRED) if (inputs[f].value.trim() === '') return TEXT.required(LABELS[f]);
    const value = (f: Field): string | undefined => inputs[f].value.trim() || undefined;
    return {
      date,
      lastName: inputs.lastName.value.trim(),
      firstName: inputs.firstName.value.trim(),
      birthDate: inputs.birthDate.value,
      commune: inputs.commune.value.trim(),
      sex: value('sex') as AddParticipantInput['sex'],
      postcode: value('postcode'),
      phone: value('phone'),
      email: value('email'),
      qpv: value('qpv') as AddParticipantInput['qpv'],
      district: value('district'),
      level: value('level'),
    };
  };

  const showWarnings = (result: AddParticipantResult): void => {
    clear(warnings);
    if (result.warnings.length === 0) {
      warnings.hidden = true;
      return;
    }
    warnings.append(el('li', { class: 'nj-warnings-title' }, TEXT.warnings));
    for (const w of result.warnings) warnings.append(el('li', {}, w.message));
    warnings.hidden = false;
  };

  const add = async (): Promise<void> => {
    const date = currentDate();
    if (busy || date === null) return;
    const input = inputOf(date);
    if (typeof input === 'string') {
      setMessage(message, input, 'error');
      return;
    }
    busy = true;
    addButton.setAttribute('aria-busy', 'true');
    setMessage(message, TEXT.adding, 'info');
    try {
      const result = await call('addParticipant', input);
      for (const i of Object.values(inputs)) i.value = '';
      close();
      setMessage(message, TEXT.added(result.name, result.id, result.row), 'ok');
      showWarnings(result);
      onAdded(result);
      button.focus();
    } catch (e) {
      setMessage(message, TEXT.failed(errorMessage(e)), 'error');
    } finally {
      busy = false;
      addButton.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void add();
  });
  cancelButton.addEventListener('click', () => {
    close();
    button.focus();
  });
  button.addEventListener('click', () => (form.hidden ? open('') : close()));
  offer.addEventListener('click', () => open(typed));

  return {
    button,
    offer,
    panel,
    setOffer(text: string, show: boolean) {
      typed = text.trim();
      offer.textContent = TEXT.offer(typed);
      offer.hidden = !show;
    },
    setEnabled(enabled: boolean) {
      button.disabled = !enabled;
      if (!enabled) {
        close();
        offer.hidden = true;
      }
    },
  };
}
