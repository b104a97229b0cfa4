/** Cell value parsing (SPEC §2.2 and §2.3). */
import { DateCellReader, dayFromYmd } from '../../src/core/days';
import { ATTENDANCE_STATUS, CONTRACT_TYPE, SEX, SITUATION, TRAINING_LEVEL } from '../../src/core/lists';
import {
  CellValue,
  idKey,
  isBlank,
  parseDate,
  parseInteger,
  parseList,
  parseNumber,
  parseText,
  parseYesNo,
  textOf,
  valueOf,
} from '../../src/core/values';
import { sheetsDate } from '../support/fake-gas';

const paris = new DateCellReader('Europe/Paris');
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d)!;
const date = (cell: CellValue) => parseDate(cell, paris);

describe('text cells', () => {
  it('trims and collapses inner white space, including non-breaking spaces', () => {
    expect(textOf('  Le   Kremlin-\u00a0Bicêtre \n')).toBe('Le Kremlin- Bicêtre');
    expect(parseText('  ')).toEqual({ status: 'blank' });
    expect(parseText(' Martin ')).toEqual({ status: 'ok', value: 'Martin' });
  });

  it('writes numbers without noise and blanks as empty text', () => {
    expect(textOf(94800)).toBe('94800');
    expect(textOf(1.5)).toBe('1.5');
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
    expect(textOf(Number.NaN)).toBe('');
    expect(textOf(true)).toBe('VRAI');
  });

  it('treats null, undefined and white space as blank, but not 0 or false', () => {
    expect([null, undefined, '', ' \t'].every(isBlank)).toBe(true);
    expect([0, false, 'x', sheetsDate('2018-01-01')].some(isBlank)).toBe(false);
  });

  it('keeps formula-looking text as plain text', () => {
    expect(parseText('=HYPERLINK("http://exemple.fr")')).toEqual({ status: 'ok', value: '=HYPERLINK("http://exemple.fr")' });
  });

  it('compares IDs ignoring case and surrounding spaces', () => {
    expect(idKey(' p2017-0001 ')).toBe(idKey('P2017-0001'));
    expect(idKey(12)).toBe('12');
  });

  it('takes an ID left with an apostrophe in a plain-text cell for the same ID, but only one apostrophe', () => {
    expect(idKey("'00101")).toBe(idKey('00101'));
    expect(idKey("' P2018-0107")).toBe(idKey('P2018-0107'));
    expect(idKey("''00101")).not.toBe(idKey('00101'));
    expect(idKey("00'101")).not.toBe(idKey('00101'));
  });
});

describe('dates', () => {
  it('reads Date cells in the spreadsheet time zone (midnight in Paris is the previous day in UTC)', () => {
    expect(date(sheetsDate('2018-03-05'))).toEqual({ status: 'ok', value: day(2018, 3, 5) });
    expect(date(new Date('2018-07-13T22:00:00Z'))).toEqual({ status: 'ok', value: day(2018, 7, 14) });
    expect(parseDate(sheetsDate('2018-03-05', 'America/Cayenne'), new DateCellReader('America/Cayenne'))).toEqual({
      status: 'ok',
      value: day(2018, 3, 5),
    });
  });

  it('reads a Date with a time of day as its calendar day', () => {
    expect(date(new Date('2018-03-05T15:30:00+01:00'))).toEqual({ status: 'ok', value: day(2018, 3, 5) });
  });

  it('reads numbers as spreadsheet serial days (1899-12-30 = 0)', () => {
    expect(date(43164)).toEqual({ status: 'ok', value: day(2018, 3, 5) });
    expect(date(43164.75)).toEqual({ status: 'ok', value: day(2018, 3, 5) });
    expect(date(0).status).toBe('invalid');
    expect(date(-5).status).toBe('invalid');
    expect(date(1e9).status).toBe('invalid');
  });

  it.each([
    ['05/03/2018', [2018, 3, 5]],
    ['5/3/2018', [2018, 3, 5]],
    ['05/03/18', [2018, 3, 5]],
    ['05-03-2018', [2018, 3, 5]],
    ['05.03.2018', [2018, 3, 5]],
    ['2018-03-05', [2018, 3, 5]],
    ['2018-3-5', [2018, 3, 5]],
    [' 05/03/2018 ', [2018, 3, 5]],
    ['29/02/2016', [2016, 2, 29]],
    ['31/12/1999', [1999, 12, 31]],
  ] as const)('reads the text date %j', (text, [y, m, d]) => {
    expect(date(text)).toEqual({ status: 'ok', value: day(y, m, d) });
  });

  it('reads two-digit years as Sheets does: 00–29 → 2000s, 30–99 → 1900s', () => {
    expect(valueOf(date('01/01/00'))).toBe(day(2000, 1, 1));
    expect(valueOf(date('01/01/29'))).toBe(day(2029, 1, 1));
    expect(valueOf(date('01/01/30'))).toBe(day(1930, 1, 1));
    expect(valueOf(date('14/06/99'))).toBe(day(1999, 6, 14));
  });

  it.each([
    '31/02/2001',
    '29/02/2001',
    '30/02/2000',
    '31/04/2018',
    '00/01/2018',
    '01/13/2018',
    '32/01/2018',
    '2018-02-30',
    '2018-13-01',
  ])('refuses the impossible day %j instead of rolling it over', (text) => {
    expect(date(text)).toEqual({ status: 'invalid', text });
  });

  it.each(['05/03-2018', '5 mars 2018', 'hier', '05/03', '2018/03/05/01', '05//03/2018', '1/1/1'])(
    'refuses the unreadable date %j',
    (text) => {
      expect(date(text).status).toBe('invalid');
    },
  );

  it('gives blank for blank cells', () => {
    expect(date('')).toEqual({ status: 'blank' });
    expect(date('   ')).toEqual({ status: 'blank' });
    expect(date(null)).toEqual({ status: 'blank' });
    expect(date(undefined)).toEqual({ status: 'blank' });
  });

  it('refuses booleans, invalid Date objects and Date cells outside 1800–9999', () => {
    expect(date(true).status).toBe('invalid');
    expect(date(new Date(Number.NaN)).status).toBe('invalid');
    expect(date(new Date('1799-12-31T12:00:00Z')).status).toBe('invalid');
    expect(date(new Date(8.64e15)).status).toBe('invalid');
    expect(date(new Date('1800-01-01T12:00:00Z'))).toEqual({ status: 'ok', value: day(1800, 1, 1) });
  });

  it('shortens long invalid texts in the result', () => {
    const r = date('x'.repeat(200));
    expect(r.status === 'invalid' && r.text.length).toBeLessThanOrEqual(80);
  });
});

describe('Oui/Non', () => {
  it.each(['oui', 'Oui', ' OUI ', 'o', 'O', 'yes', 'y', 'x', 'X', 'vrai', 'VRAI', 'true', '1'])('reads %j as Oui', (t) => {
    expect(parseYesNo(t)).toEqual({ status: 'ok', value: true });
  });
  it.each(['non', 'Non', 'NON', 'n', 'no', 'faux', 'FAUX', 'false', '0'])('reads %j as Non', (t) => {
    expect(parseYesNo(t)).toEqual({ status: 'ok', value: false });
  });
  it('reads booleans and the numbers 1 and 0', () => {
    expect(valueOf(parseYesNo(true))).toBe(true);
    expect(valueOf(parseYesNo(false))).toBe(false);
    expect(valueOf(parseYesNo(1))).toBe(true);
    expect(valueOf(parseYesNo(0))).toBe(false);
  });
  it('gives blank for blank, and invalid for anything else', () => {
    expect(parseYesNo('')).toEqual({ status: 'blank' });
    expect(parseYesNo(null)).toEqual({ status: 'blank' });
    expect(parseYesNo('peut-être')).toEqual({ status: 'invalid', text: 'peut-être' });
    expect(parseYesNo(2).status).toBe('invalid');
  });
});

describe('lists (SPEC §2.3)', () => {
  const cases: [string, { lookup: ReadonlyMap<string, string> }, string[]][] = [
    ['F', SEX, ['F', 'Femme', 'Féminin', 'Mme', 'Madame', 'f', 'FEMININ', ' madame ']],
    ['H', SEX, ['H', 'Homme', 'Masculin', 'M', 'M.', 'Monsieur', 'h', 'MONSIEUR']],
    ['Sans diplôme', TRAINING_LEVEL, ['Sans diplôme', 'Infra 3', 'Aucun', 'sans diplome', 'INFRA 3']],
    [
      'CAP / BEP (niveau 3)',
      TRAINING_LEVEL,
      ['CAP / BEP (niveau 3)', 'CAP', 'BEP', 'Niveau 3', 'Niveau V', 'V', 'cap/bep (niveau 3)'],
    ],
    [
      'Bac (niveau 4)',
      TRAINING_LEVEL,
      ['Bac (niveau 4)', 'Bac', 'Bac pro', 'Bac général', 'Bac techno', 'Niveau 4', 'Niveau IV', 'IV', 'BAC GENERAL', 'bac-pro'],
    ],
    ['Bac+2 (niveau 5)', TRAINING_LEVEL, ['Bac+2 (niveau 5)', 'BTS', 'DUT', 'DEUST', 'Niveau 5', 'Niveau III', 'III', 'bts']],
    [
      'Bac+3 / Bac+4 (niveau 6)',
      TRAINING_LEVEL,
      ['Bac+3 / Bac+4 (niveau 6)', 'Licence', 'Licence pro', 'BUT', 'Master 1', 'Niveau 6', 'Niveau II', 'II'],
    ],
    [
      'Bac+5 et plus (niveau 7-8)',
      TRAINING_LEVEL,
      ['Bac+5 et plus (niveau 7-8)', 'Master', 'Doctorat', 'Niveau 7', 'Niveau 8', 'Niveau I', 'I'],
    ],
    ['En recherche', SITUATION, ['En recherche', 'en recherche', 'EN RECHERCHE']],
    ['Alternance signée', SITUATION, ['Alternance signée', 'Alternance', 'alternance signee', 'ALTERNANCE SIGNÉE']],
    ['Formation', SITUATION, ['Formation', 'formation']],
    ['Emploi', SITUATION, ['Emploi']],
    ['Abandon', SITUATION, ['Abandon']],
    ['Autre', SITUATION, ['Autre']],
    ['Apprentissage', CONTRACT_TYPE, ['Apprentissage', "Contrat d'apprentissage", 'contrat d apprentissage']],
    [
      'Professionnalisation',
      CONTRACT_TYPE,
      ['Professionnalisation', 'Contrat de professionnalisation', 'Contrat pro', 'contrat-pro'],
    ],
    ['Présent', ATTENDANCE_STATUS, ['Présent', 'Présente', 'P', 'Oui', 'X', 'present', 'présente', 'p', 'x']],
    ['Absent', ATTENDANCE_STATUS, ['Absent', 'Absente', 'A', 'Non', 'a']],
    ['Excusé', ATTENDANCE_STATUS, ['Excusé', 'Excusée', 'E', 'excuse', 'EXCUSEE']],
  ];
  for (const [label, list, texts] of cases) {
    it(`reads ${texts.map((t) => JSON.stringify(t)).join(', ')} as "${label}"`, () => {
      for (const t of texts) expect(parseList(t, list as typeof SEX)).toEqual({ status: 'ok', value: label });
    });
  }

  it('refuses unknown values and gives blank for blank cells', () => {
    expect(parseList('Autre chose', SEX)).toEqual({ status: 'invalid', text: 'Autre chose' });
    expect(parseList('Bac+3', TRAINING_LEVEL).status).toBe('invalid');
    expect(parseList('', SITUATION)).toEqual({ status: 'blank' });
    expect(parseList(null, ATTENDANCE_STATUS)).toEqual({ status: 'blank' });
  });

  it('has no synonym shared by two labels of a list', () => {
    for (const list of [SEX, TRAINING_LEVEL, SITUATION, CONTRACT_TYPE, ATTENDANCE_STATUS]) {
      const defs = list.labels.length;
      expect(new Set(list.lookup.values()).size).toBe(defs);
    }
  });
});

describe('numbers', () => {
  it('reads numbers and number text, with a French decimal comma', () => {
    expect(parseNumber(12)).toEqual({ status: 'ok', value: 12 });
    expect(parseNumber('12')).toEqual({ status: 'ok', value: 12 });
    expect(parseNumber('1,5')).toEqual({ status: 'ok', value: 1.5 });
    expect(parseNumber(' 1 234,5 ')).toEqual({ status: 'ok', value: 1234.5 });
    expect(parseNumber('-3')).toEqual({ status: 'ok', value: -3 });
    expect(parseNumber('')).toEqual({ status: 'blank' });
    expect(parseNumber('douze').status).toBe('invalid');
    expect(parseNumber(Number.POSITIVE_INFINITY).status).toBe('invalid');
  });

  it('reads whole numbers only as integers', () => {
    expect(parseInteger('24')).toEqual({ status: 'ok', value: 24 });
    expect(parseInteger(24)).toEqual({ status: 'ok', value: 24 });
    expect(parseInteger('24,5')).toEqual({ status: 'invalid', text: '24,5' });
    expect(parseInteger('24 mois').status).toBe('invalid');
  });
});
