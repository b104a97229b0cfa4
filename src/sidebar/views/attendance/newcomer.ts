/**
 * "Nouveau jeune" (SPEC §4): a button, the short form (Nom, Prénom, Date de naissance, Commune,
 * then the optional fields) whose "Ajouter" calls addParticipant, and the offer shown when a
 * search finds nobody ("Ajouter « … » comme nouveau jeune", the typed name filled in). The view
 * is told of the new person (onAdded) and lists them, marked Présent. The name split and the
 * request sent are in newcomer-model.ts (tested with jest).
 */
import { call, errorMessage } from '../../rpc';
import { clear, el, setMessage } from '../../dom';
import { DEFAULT_QPV_DISTRICTS, DEFAULT_TERRITORY, TRAINING_LEVEL } from '../../../core/lists';
import { dayFromIso, longFrenchDate } from '../../../core/days';
import { NEWCOMER_TEXT } from '../../../i18n/fr/newcomer';
import type { AddParticipantResult } from '../../../shared/api';
import { localTodayIso } from './dates';
import { type NewcomerField, newcomerRequest, splitName } from './newcomer-model';

const TEXT = NEWCOMER_TEXT.view;
const LABELS = NEWCOMER_TEXT.labels;
type Field = NewcomerField;

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

/** The form: the four required fields, then the optional ones in a group, "Ajouter" and "Annuler". */
function buildForm(inputs: Record<Field, HTMLInputElement | HTMLSelectElement>) {
  const fields = (Object.keys(inputs) as Field[]).map((f) =>
    el('div', { class: 'nj-field' }, el('label', { for: inputs[f].id }, LABELS[f]), inputs[f]),
  );
  const intro = el('p', { class: 'muted nj-intro' });
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
  return { form, intro, addButton, cancelButton };
}

function showWarnings(warnings: HTMLElement, result: AddParticipantResult): void {
  clear(warnings);
  if (result.warnings.length === 0) {
    warnings.hidden = true;
    return;
  }
  warnings.append(el('li', { class: 'nj-warnings-title' }, TEXT.warnings));
  for (const w of result.warnings) warnings.append(el('li', {}, w.message));
  warnings.hidden = false;
}

function valuesOf(inputs: Record<Field, HTMLInputElement | HTMLSelectElement>): Record<Field, string> {
  const values = {} as Record<Field, string>;
  for (const f of Object.keys(inputs) as Field[]) values[f] = inputs[f].value;
  return values;
}

export function newcomerForm(currentDate: () => string | null, onAdded: (result: AddParticipantResult) => void): NewcomerForm {
  const inputs = buildInputs();
  const { form, intro, addButton, cancelButton } = buildForm(inputs);
  const message = el('div', { role: 'status', 'aria-live': 'polite', class: 'message', id: 'nj-message' });
  const warnings = el('ul', { class: 'nj-warnings', id: 'nj-warnings', hidden: true });
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

  const add = async (): Promise<void> => {
    const date = currentDate();
    if (busy || date === null) return;
    const input = newcomerRequest(valuesOf(inputs), date);
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
      showWarnings(warnings, result);
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
