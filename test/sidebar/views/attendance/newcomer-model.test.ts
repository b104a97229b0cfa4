/** The "Nouveau jeune" form's rules: the name split and the request sent, without a browser. */
import { type NewcomerField, newcomerRequest, splitName } from '../../../../src/sidebar/views/attendance/newcomer-model';
import { NEWCOMER_TEXT } from '../../../../src/i18n/fr/newcomer';

const blank: Record<NewcomerField, string> = {
  lastName: '',
  firstName: '',
  birthDate: '',
  commune: '',
  sex: '',
  postcode: '',
  phone: '',
  email: '',
  qpv: '',
  district: '',
  level: '',
};

describe('the newcomer form model', () => {
  it('splits the typed name into Nom (first word) and Prénom (the rest)', () => {
    expect(splitName('  Dupont   Léa Marie ')).toEqual({ lastName: 'Dupont', firstName: 'Léa Marie' });
    expect(splitName('Dupont')).toEqual({ lastName: 'Dupont', firstName: '' });
    expect(splitName('   ')).toEqual({ lastName: '', firstName: '' });
  });

  it('refuses a missing required field, naming it, in the form order', () => {
    expect(newcomerRequest(blank, '2018-03-27')).toBe(NEWCOMER_TEXT.view.required(NEWCOMER_TEXT.labels.lastName));
    const noCommune = { ...blank, lastName: 'Dupont', firstName: 'Léa', birthDate: '2000-01-02', commune: '  ' };
    expect(newcomerRequest(noCommune, '2018-03-27')).toBe(NEWCOMER_TEXT.view.required(NEWCOMER_TEXT.labels.commune));
  });

  it('sends the trimmed values, leaving the blank optional fields out', () => {
    const values = {
      ...blank,
      lastName: ' Dupont ',
      firstName: 'Léa',
      birthDate: '2000-01-02',
      commune: 'Rennes',
      qpv: 'Oui',
      phone: ' ',
    };
    expect(newcomerRequest(values, '2018-03-27')).toEqual({
      date: '2018-03-27',
      lastName: 'Dupont',
      firstName: 'Léa',
      birthDate: '2000-01-02',
      commune: 'Rennes',
      sex: undefined,
      postcode: undefined,
      phone: undefined,
      email: undefined,
      qpv: 'Oui',
      district: undefined,
      level: undefined,
    });
  });
});
