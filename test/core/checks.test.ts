/**
 * SPEC §3: for each code, a case that raises it and a near case that does not.
 * Participants data rows start at sheet row 2 (headers in row 1) unless said otherwise.
 */
import { CHECK_CODES, CHECK_SEVERITY, checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import type { CellValue } from '../../src/core/values';
import { readWorkbook } from '../../src/core/workbook';
import { readModel } from '../../src/app/read';
import type { CheckReport, Issue } from '../../src/shared/api';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { ParticipantInput, WorkbookInput, buildWorkbook, dateCell, participant } from '../support/builders';
import { CHECK_MESSAGES } from '../../src/i18n/fr/checks';

const TODAY = dayFromIso('2026-11-26')!;

function check(input: WorkbookInput, today = TODAY): CheckReport {
  return checkWorkbook(readModel(buildWorkbook(input)), today);
}

/** Checks participants alone (no sessions, no attendance). */
function checkPeople(...people: ParticipantInput[]): CheckReport {
  return check({ participants: people });
}

function codesAt(result: CheckReport, row: number, sheet = 'Participants'): string[] {
  return result.issues.filter((i) => i.row === row && i.sheet === sheet).map((i) => i.code);
}

function only(result: CheckReport, code: string): Issue[] {
  return result.issues.filter((i) => i.code === code);
}

describe('a clean workbook', () => {
  it('gives no issue at all and counts every data row', () => {
    const a = participant({ id: 'A-1' });
    const b = participant({ id: 'A-2', sex: 'H', qpvResident: 'Oui', qpvDistrict: 'Alexandre Dumas' });
    const result = check({
      participants: [a, b],
      sessions: [{ date: '2018-03-06', theme: 'CV' }, { date: '2018-03-13' }],
      attendance: [
        { date: '2018-03-06', id: 'A-1', status: 'Présent' },
        { date: '2018-03-06', id: 'A-2', status: 'Absent' },
        { date: '2018-03-13', id: 'A-1', status: 'Excusé' },
      ],
    });
    expect(result.issues).toEqual([]);
    expect(result.rowsChecked).toBe(2 + 2 + 3);
  });

  it('lists every code with its severity as in the SPEC table', () => {
    expect(CHECK_CODES).toHaveLength(41);
    expect(CHECK_SEVERITY.SESSION_TIME_INVALID).toBe('error');
    expect(CHECK_SEVERITY.AGE_OUT_OF_RANGE).toBe('warning');
    expect(CHECK_SEVERITY.AGE_IMPLAUSIBLE).toBe('error');
    expect(CHECK_SEVERITY.POSTCODE_MISMATCH).toBe('warning');
    expect(CHECK_SEVERITY.CONTRACT_DURATION_INVALID).toBe('error');
    expect(CHECK_SEVERITY.ATTENDANCE_AFTER_EXIT).toBe('warning');
  });
});

describe('MISSING_COLUMN', () => {
  it('reports one issue per absent required column, on the header row', () => {
    const wb = buildWorkbook({
      participants: [participant()],
      participantColumns: ['id', 'lastName', 'firstName', 'commune', 'entryDate'],
    });
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(only(result, 'MISSING_COLUMN')).toEqual([
      expect.objectContaining({ sheet: 'Participants', row: 1, column: 'Date de naissance', severity: 'error' }),
    ]);
    expect(result.issues.map((i) => i.code)).toEqual(['MISSING_COLUMN']);
  });

  it('accepts a synonym of the header (near case)', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      Participants: [
        ['N°', 'Nom de famille', 'Prénom', 'Né(e) le', 'Ville', "Date d'inscription"],
        ['A-1', 'Martin', 'Léa', '15/04/2000', 'Cachan', '05/03/2018'],
      ],
    });
    expect(checkWorkbook(readModel(wb), TODAY).issues).toEqual([]);
  });

  it('reports the header row when titles sit above it', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      Participants: [
        ['Suivi 2018'],
        [],
        ['ID', 'Nom', 'Prénom', 'Date de naissance', "Date d'entrée"],
        ['A-1', 'Martin', 'Léa', '15/04/2000', '05/03/2018'],
      ],
    });
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(result.issues.map((i) => [i.row, i.code, i.column])).toEqual([[3, 'MISSING_COLUMN', 'Commune']]);
  });

  it('reports every required column of an absent Participants tab on row 1', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { Séances: [['Date', 'Thème']] });
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(result.issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['Participants', 1, 'ID'],
      ['Participants', 1, 'Nom'],
      ['Participants', 1, 'Prénom'],
      ['Participants', 1, 'Date de naissance'],
      ['Participants', 1, 'Commune'],
      ['Participants', 1, "Date d'entrée"],
    ]);
    expect(result.rowsChecked).toBe(0);
  });

  it('reports only the columns missing from a header-like row that has too few headers', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      Participants: [
        ['ID', 'Nom', 'Âge'],
        ['A-1', 'Martin', 19],
      ],
    });
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(result.issues.map((i) => i.column)).toEqual(['Prénom', 'Date de naissance', 'Commune', "Date d'entrée"]);
    expect(result.issues.every((i) => i.row === 1 && i.code === 'MISSING_COLUMN')).toBe(true);
  });

  it('says nothing about absent or empty Séances and Présences tabs', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      Participants: buildWorkbook({ participants: [participant()] }).sheet('Participants').cells,
      Présences: [],
    });
    expect(checkWorkbook(readModel(wb), TODAY).issues).toEqual([]);
  });

  it('reports Présences without a Statut column and skips the status check', () => {
    const p = participant({ id: 'A-1' });
    const wb = buildWorkbook({ participants: [p], sessions: [{ date: '2018-03-06' }] });
    wb.sheet('Présences').cells = [
      ['Date', 'ID participant'],
      [dateCell('2018-03-06'), 'A-1'],
    ];
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(result.issues.map((i) => [i.sheet, i.row, i.code, i.column])).toEqual([['Présences', 1, 'MISSING_COLUMN', 'Statut']]);
  });

  it('reports a Présences tab with data but no header row', () => {
    const wb = buildWorkbook({ participants: [participant()] });
    wb.sheet('Présences').cells = [["n'importe quoi"], [dateCell('2018-03-06'), 'A-1', 'P']];
    const result = checkWorkbook(readModel(wb), TODAY);
    expect(only(result, 'MISSING_COLUMN').map((i) => i.column)).toEqual(['Date', 'ID participant', 'Statut']);
  });
});

describe('identity', () => {
  it('ID_MISSING on a blank ID, not on an ID with spaces around', () => {
    const r = checkPeople(participant({ id: '  ' }), participant({ id: '  B-7 ' }));
    expect(codesAt(r, 2)).toEqual(['ID_MISSING']);
    expect(codesAt(r, 3)).toEqual([]);
  });

  it('ID_DUPLICATE on every row sharing an ID, case and spaces ignored', () => {
    const r = checkPeople(
      participant({ id: 'A-1' }),
      participant({ id: 'A-2' }),
      participant({ id: ' a-1 ' }),
      participant({ id: 'A-1' }),
    );
    expect(only(r, 'ID_DUPLICATE').map((i) => i.row)).toEqual([2, 4, 5]);
    expect(only(r, 'ID_DUPLICATE')[0]).toMatchObject({ column: 'ID', severity: 'error' });
    expect(only(r, 'ID_DUPLICATE')[0].message).toContain('lignes 4 et 5');
    expect(codesAt(r, 3)).toEqual([]);
  });

  it('NAME_MISSING for a blank Nom or Prénom; formula-looking text is just a name', () => {
    const r = checkPeople(
      participant({ lastName: '' }),
      participant({ firstName: ' ' }),
      participant({ lastName: '=HYPERLINK("http://exemple.fr","Martin")', firstName: '+Léa' }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, 'NAME_MISSING', 'Nom'],
      [3, 'NAME_MISSING', 'Prénom'],
    ]);
  });

  it('POSSIBLE_DUPLICATE_PERSON on every row of the same person under other IDs', () => {
    const r = checkPeople(
      participant({ id: 'A-1', lastName: 'Martin', firstName: 'Léa', birthDate: '2000-04-15' }),
      participant({ id: 'A-2', lastName: 'MARTIN ', firstName: 'lea', birthDate: '15/04/2000' }),
      participant({ id: 'A-3', lastName: 'Martin', firstName: 'Léa', birthDate: '2000-04-16' }),
    );
    expect(only(r, 'POSSIBLE_DUPLICATE_PERSON').map((i) => [i.row, i.severity, i.column])).toEqual([
      [2, 'warning', null],
      [3, 'warning', null],
    ]);
    expect(codesAt(r, 4)).toEqual([]);
  });

  it('POSSIBLE_DUPLICATE_PERSON ignores names made only of punctuation and anonymised rows', () => {
    const r = checkPeople(
      participant({ id: 'A-1', lastName: '--', firstName: 'Léa', birthDate: '2000-04-15' }),
      participant({ id: 'A-2', lastName: '..', firstName: 'Léa', birthDate: '2000-04-15' }),
      participant({ id: 'A-3', lastName: 'Roux', firstName: 'Ana', birthDate: '2001-01-02' }),
      participant({ id: 'A-4', lastName: 'Roux', firstName: 'Ana', birthDate: '2001-01-02', anonymisedOn: '2024-01-01' }),
    );
    expect(only(r, 'POSSIBLE_DUPLICATE_PERSON')).toEqual([]);
  });

  it('POSSIBLE_DUPLICATE_PERSON tells apart a swapped Nom and Prénom', () => {
    const r = checkPeople(
      participant({ id: 'A-1', lastName: 'Martin', firstName: 'Paul', birthDate: '2000-04-15' }),
      participant({ id: 'A-2', lastName: 'Paul', firstName: 'Martin', birthDate: '2000-04-15' }),
    );
    expect(only(r, 'POSSIBLE_DUPLICATE_PERSON')).toEqual([]);
  });

  it('does not call the same ID twice a possible duplicate person (ID_DUPLICATE says it)', () => {
    const r = checkPeople(
      participant({ id: 'A-1', lastName: 'Martin', firstName: 'Léa' }),
      participant({ id: 'A-1', lastName: 'Martin', firstName: 'Léa' }),
    );
    expect(r.issues.map((i) => i.code)).toEqual(['ID_DUPLICATE', 'ID_DUPLICATE']);
  });
});

describe('dates and age', () => {
  it('DATE_INVALID for an impossible day, never with *_MISSING; a real 29 February is fine', () => {
    const r = checkPeople(participant({ birthDate: '31/02/2001' }), participant({ birthDate: '29/02/2000' }));
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'DATE_INVALID', 'Date de naissance']]);
    expect(r.issues[0].message).toContain('31/02/2001');
  });

  it('DATE_INVALID on the optional date columns too', () => {
    const r = checkPeople(
      participant({ exitDate: 'bientôt', situation: 'Emploi' }),
      participant({ contractStart: '01/13/2018', situation: 'Alternance signée', contractType: 'Apprentissage' }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, 'DATE_INVALID', 'Date de sortie'],
      [3, 'DATE_INVALID', 'Date de début du contrat'],
    ]);
  });

  it('BIRTH_DATE_MISSING and ENTRY_DATE_MISSING on blanks; serial numbers and short years are dates', () => {
    const r = checkPeople(
      participant({ birthDate: '' }),
      participant({ entryDate: '' }),
      participant({ birthDate: 36631, entryDate: '05/03/18' }),
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'BIRTH_DATE_MISSING'],
      [3, 'ENTRY_DATE_MISSING'],
    ]);
  });

  it("DATE_IN_FUTURE for a Date d'entrée or birth after today, not on today", () => {
    const today = dayFromIso('2018-06-01')!;
    const result = check(
      {
        participants: [
          participant({ entryDate: '2018-06-02' }),
          participant({ entryDate: '2018-06-01' }),
          participant({ birthDate: '2019-01-01', entryDate: '2018-05-01' }),
        ],
      },
      today,
    );
    expect(codesAt(result, 2)).toEqual(['DATE_IN_FUTURE']);
    expect(only(result, 'DATE_IN_FUTURE')[0].column).toBe("Date d'entrée");
    expect(codesAt(result, 3)).toEqual([]);
    expect(codesAt(result, 4)).toContain('DATE_IN_FUTURE');
  });

  it('AGE_IMPLAUSIBLE below 14 or above 35 at entry; AGE_OUT_OF_RANGE at 14, 15, 26 and 35', () => {
    const entry = '2018-03-05';
    const born = (age: number, shift = 0): ParticipantInput =>
      participant({ birthDate: `${2018 - age}-03-${String(5 + shift).padStart(2, '0')}`, entryDate: entry });
    const r = checkPeople(born(13), born(14), born(15), born(16), born(25), born(26), born(35), born(36), born(16, 1));
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'AGE_IMPLAUSIBLE'],
      [3, 'AGE_OUT_OF_RANGE'],
      [4, 'AGE_OUT_OF_RANGE'],
      [7, 'AGE_OUT_OF_RANGE'],
      [8, 'AGE_OUT_OF_RANGE'],
      [9, 'AGE_IMPLAUSIBLE'],
      // born 2002-03-06: 15 on 2018-03-05 (the 16th birthday is the next day)
      [10, 'AGE_OUT_OF_RANGE'],
    ]);
    expect(only(r, 'AGE_OUT_OF_RANGE').every((i) => i.severity === 'warning' && i.column === 'Date de naissance')).toBe(true);
  });

  it("EXIT_BEFORE_ENTRY when Date de sortie is before Date d'entrée, not on the same day", () => {
    const r = checkPeople(
      participant({ entryDate: '2018-03-05', exitDate: '2018-03-04' }),
      participant({ entryDate: '2018-03-05', exitDate: '2018-03-05' }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'EXIT_BEFORE_ENTRY', 'Date de sortie']]);
  });
});

describe('lists', () => {
  it('VALUE_NOT_ALLOWED on unknown list and Oui/Non values, synonyms accepted', () => {
    const r = checkPeople(
      participant({ sex: 'X' }),
      participant({ sex: 'Madame' }),
      participant({ qpvResident: 'peut-être' }),
      participant({ qpvResident: 'x', qpvDistrict: 'Chaperon Vert' }),
      participant({ trainingLevel: 'Bac+12' }),
      participant({ trainingLevel: 'niveau IV' }),
      participant({ situation: 'Chômage' }),
      participant({ situation: 'alternance', contractType: 'contrat pro', contractStart: '2018-09-01' }),
      participant({ situation: 'Alternance signée', contractType: 'CDI', contractStart: '2018-09-01' }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, 'VALUE_NOT_ALLOWED', 'Sexe'],
      [4, 'VALUE_NOT_ALLOWED', 'Résident QPV'],
      [6, 'VALUE_NOT_ALLOWED', 'Niveau de formation'],
      [8, 'VALUE_NOT_ALLOWED', 'Situation'],
      [10, 'VALUE_NOT_ALLOWED', 'Type de contrat'],
    ]);
    expect(r.issues[0].message).toContain('«\u00a0X\u00a0»');
    expect(r.issues[0].message).toContain('«\u00a0F\u00a0»');
  });
});

describe('residence', () => {
  it('COMMUNE_MISSING on a blank commune; COMMUNE_OUTSIDE_TERRITORY outside; spelling variants are the territory', () => {
    const r = checkPeople(
      participant({ commune: '' }),
      participant({ commune: 'Fresnes', postcode: '94260' }),
      participant({ commune: 'le kremlin bicetre', postcode: '94270' }),
      participant({ commune: 'LE KREMLIN-BICÊTRE ', postcode: 94270 }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'COMMUNE_MISSING', 'error'],
      [3, 'COMMUNE_OUTSIDE_TERRITORY', 'warning'],
    ]);
  });

  it('uses the Paramètres territory when given', () => {
    const r = check({
      participants: [participant({ commune: 'Fresnes', postcode: '94260' }), participant({ commune: 'Villejuif' })],
      settings: [
        ['Commune du territoire', 'Seuil de confidentialité'],
        ['Fresnes', ''],
      ],
    });
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[3, 'COMMUNE_OUTSIDE_TERRITORY']]);
  });

  it('POSTCODE_INVALID when not 5 digits; a number cell of 5 digits is fine', () => {
    const r = checkPeople(
      participant({ postcode: '9480' }),
      participant({ postcode: 94800 }),
      participant({ postcode: '94 800' }),
      participant({ postcode: '' }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, 'POSTCODE_INVALID', 'Code postal'],
      [4, 'POSTCODE_INVALID', 'Code postal'],
    ]);
  });

  it('POSTCODE_MISMATCH against known communes only', () => {
    const r = checkPeople(
      participant({ commune: 'Villejuif', postcode: '94270' }),
      participant({ commune: 'Paris', postcode: '75013' }),
      participant({ commune: 'Paris', postcode: '94800' }),
      participant({ commune: 'Lyon', postcode: '69001' }),
      participant({ commune: 'Gentilly', postcode: '94250' }),
    );
    expect(only(r, 'POSTCODE_MISMATCH').map((i) => [i.row, i.severity])).toEqual([
      [2, 'warning'],
      [4, 'warning'],
    ]);
    expect(only(r, 'POSTCODE_MISMATCH')[0].message).toContain('94800');
  });

  it('QPV_DISTRICT_MISSING when Résident QPV = Oui without a district', () => {
    const r = checkPeople(
      participant({ qpvResident: 'Oui', qpvDistrict: '' }),
      participant({ qpvResident: 'oui', qpvDistrict: 'chaperon vert' }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'QPV_DISTRICT_MISSING', 'Quartier QPV']]);
  });

  it('QPV_DISTRICT_UNKNOWN against the built-in list, or the Paramètres list that replaces it', () => {
    const r = checkPeople(
      participant({ qpvResident: 'Oui', qpvDistrict: 'Quartier Imaginaire' }),
      participant({ qpvResident: 'Oui', qpvDistrict: 'CHAPERON-VERT' }),
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[2, 'QPV_DISTRICT_UNKNOWN']]);
    const r2 = check({
      participants: [
        participant({ qpvResident: 'Oui', qpvDistrict: 'Lebon Lamartine' }),
        participant({ qpvResident: 'Oui', qpvDistrict: 'Chaperon Vert' }),
      ],
      settings: [
        ['Quartier QPV', 'Commune du QPV'],
        ['Lebon Lamartine', 'Villejuif'],
      ],
    });
    expect(r2.issues.map((i) => [i.row, i.code])).toEqual([[3, 'QPV_DISTRICT_UNKNOWN']]);
  });

  it('QPV_INCONSISTENT when Résident QPV = Non and a district is filled', () => {
    const r = checkPeople(
      participant({ qpvResident: 'Non', qpvDistrict: 'Chaperon Vert' }),
      participant({ qpvResident: '', qpvDistrict: '' }),
    );
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([[2, 'QPV_INCONSISTENT', 'warning']]);
  });
});

describe('outcome and contract', () => {
  const signed = (o: ParticipantInput = {}): ParticipantInput =>
    participant({
      situation: 'Alternance signée',
      contractType: 'Apprentissage',
      contractStart: '2018-09-03',
      contractMonths: 24,
      ...o,
    });

  it('CONTRACT_TYPE_MISSING and CONTRACT_START_MISSING for a signed work-study without them', () => {
    const r = checkPeople(signed({ contractType: '' }), signed({ contractStart: '' }), signed());
    expect(r.issues.map((i) => [i.row, i.code, i.severity, i.column])).toEqual([
      [2, 'CONTRACT_TYPE_MISSING', 'error', 'Type de contrat'],
      [3, 'CONTRACT_START_MISSING', 'warning', 'Date de début du contrat'],
    ]);
  });

  it('CONTRACT_DURATION_INVALID unless a whole number from 1 to 48', () => {
    const r = checkPeople(
      signed({ contractMonths: '0' }),
      signed({ contractMonths: 49 }),
      signed({ contractMonths: '12,5' }),
      signed({ contractMonths: 'douze' }),
      signed({ contractMonths: '12' }),
      signed({ contractMonths: 48 }),
      signed({ contractMonths: 1 }),
    );
    expect(only(r, 'CONTRACT_DURATION_INVALID').map((i) => i.row)).toEqual([2, 3, 4, 5]);
    expect(r.issues).toHaveLength(4);
  });

  it('CONTRACT_AGE_RULE: apprenticeship outside 15–29, professionalisation over 25, at contract start', () => {
    const r = checkPeople(
      signed({ birthDate: '1993-03-01', entryDate: '2018-03-05', contractStart: '2023-03-01' }), // 30 at start
      signed({ birthDate: '1993-03-02', entryDate: '2018-03-05', contractStart: '2022-03-01' }), // 28 at start
      signed({
        contractType: 'Professionnalisation',
        birthDate: '1995-01-01',
        entryDate: '2018-03-05',
        contractStart: '2021-01-01',
      }), // 26
      signed({
        contractType: 'Professionnalisation',
        birthDate: '1995-01-02',
        entryDate: '2018-03-05',
        contractStart: '2021-01-01',
      }), // 25
    );
    expect(only(r, 'CONTRACT_AGE_RULE').map((i) => [i.row, i.severity])).toEqual([
      [2, 'warning'],
      [4, 'warning'],
    ]);
    expect(codesAt(r, 3)).toEqual([]);
    expect(codesAt(r, 5)).toEqual([]);
  });

  it('CONTRACT_FIELDS_WITHOUT_CONTRACT when a contract type is given but the situation is not a signed work-study', () => {
    const r = checkPeople(
      participant({ contractType: 'Apprentissage' }),
      participant({ situation: 'Emploi', exitDate: '2018-06-01', contractType: 'pro' }),
      signed(),
    );
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'CONTRACT_FIELDS_WITHOUT_CONTRACT'],
      [3, 'VALUE_NOT_ALLOWED'],
      [3, 'CONTRACT_FIELDS_WITHOUT_CONTRACT'],
    ]);
  });

  it('OUTCOME_DATE_MISSING for Formation, Emploi, Abandon or Autre without Date de sortie', () => {
    const r = checkPeople(
      participant({ situation: 'Formation' }),
      participant({ situation: 'emploi' }),
      participant({ situation: 'Abandon' }),
      participant({ situation: 'Autre' }),
      participant({ situation: 'Emploi', exitDate: '2018-09-01' }),
      participant({ situation: 'En recherche' }),
      participant({ situation: '' }),
    );
    expect(only(r, 'OUTCOME_DATE_MISSING').map((i) => [i.row, i.column])).toEqual([
      [2, 'Date de sortie'],
      [3, 'Date de sortie'],
      [4, 'Date de sortie'],
      [5, 'Date de sortie'],
    ]);
    expect(r.issues).toHaveLength(4);
  });
});

describe('contact', () => {
  it('PHONE_INVALID unless a French number', () => {
    const r = checkPeople(
      participant({ phone: '06 12 34' }),
      participant({ phone: '06.12.34.56.78' }),
      participant({ phone: '+33 6 12 34 56 78' }),
      participant({ phone: '06-12-34-56-78' }),
      participant({ phone: 612345678 }),
      participant({ phone: '16 12 34 56 78' }),
      participant({ phone: '+44 20 7946 0958' }),
    );
    expect(only(r, 'PHONE_INVALID').map((i) => i.row)).toEqual([2, 7, 8]);
    expect(r.issues).toHaveLength(3);
  });

  it('EMAIL_INVALID unless an e-mail address', () => {
    const r = checkPeople(
      participant({ email: 'jean.dupont@' }),
      participant({ email: 'jean dupont@exemple.fr' }),
      participant({ email: 'jean.dupont.exemple.fr' }),
      participant({ email: 'jean.dupont@exemple.fr' }),
      participant({ email: 'Éloïse-M+club@mission-locale.paris' }),
    );
    expect(only(r, 'EMAIL_INVALID').map((i) => [i.row, i.severity])).toEqual([
      [2, 'warning'],
      [3, 'warning'],
      [4, 'warning'],
    ]);
    expect(r.issues).toHaveLength(3);
  });
});

describe('Séances', () => {
  it('SESSION_DATE_INVALID on a blank or unreadable date', () => {
    const r = check({ sessions: [{ date: '', theme: 'CV' }, { date: '32/01/2018' }, { date: '06/03/2018' }] });
    expect(r.issues.map((i) => [i.sheet, i.row, i.code, i.column])).toEqual([
      ['Séances', 2, 'SESSION_DATE_INVALID', 'Date'],
      ['Séances', 3, 'SESSION_DATE_INVALID', 'Date'],
    ]);
  });

  it('SESSION_DUPLICATE on every row of the same date, however it is written', () => {
    const r = check({ sessions: [{ date: '2018-03-06' }, { date: '06/03/2018' }, { date: '2018-03-13' }] });
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'SESSION_DUPLICATE'],
      [3, 'SESSION_DUPLICATE'],
    ]);
  });

  it('SESSION_OUTSIDE_SEASON against the season of its year, where given', () => {
    const r = check({
      sessions: [
        { date: '2018-02-27' },
        { date: '2018-03-01' },
        { date: '2018-10-31' },
        { date: '2018-11-06' },
        { date: '2017-12-12' },
        { date: '2019-12-10' },
      ],
      settings: [
        ['Année', 'Places prévues', 'Début de saison', 'Fin de saison'],
        [2018, 55, '01/03/2018', '31/10/2018'],
        [2019, 55, '', '31/10/2019'],
      ],
    });
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'SESSION_OUTSIDE_SEASON', 'warning'],
      [5, 'SESSION_OUTSIDE_SEASON', 'warning'],
      [7, 'SESSION_OUTSIDE_SEASON', 'warning'],
    ]);
  });
});

describe('Présences', () => {
  const people = [participant({ id: 'A-1', entryDate: '2018-03-06', exitDate: '2018-06-30', situation: 'Emploi' })];
  const sessions = [{ date: '2018-03-06' }, { date: '2018-03-13' }, { date: '2018-07-03' }, { date: '2018-02-27' }];
  const att = (...rows: { date: CellValue; id: CellValue; status: CellValue }[]) =>
    check({ participants: people, sessions, attendance: rows });

  it('ATTENDANCE_UNKNOWN_PARTICIPANT for an ID not in Participants; case and spaces ignored', () => {
    const r = att(
      { date: '2018-03-06', id: 'ZZZ', status: 'P' },
      { date: '2018-03-13', id: ' a-1 ', status: 'P' },
      { date: '2018-03-13', id: '', status: 'P' },
    );
    expect(r.issues.map((i) => [i.sheet, i.row, i.code, i.column])).toEqual([
      ['Présences', 2, 'ATTENDANCE_UNKNOWN_PARTICIPANT', 'ID participant'],
      ['Présences', 4, 'ATTENDANCE_UNKNOWN_PARTICIPANT', 'ID participant'],
    ]);
  });

  it('ATTENDANCE_UNKNOWN_SESSION for a date not in Séances; DATE_INVALID for an unreadable one', () => {
    const r = att(
      { date: '2018-03-20', id: 'A-1', status: 'P' },
      { date: '13/03/2018', id: 'A-1', status: 'P' },
      { date: 'mardi', id: 'A-1', status: 'P' },
    );
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [2, 'ATTENDANCE_UNKNOWN_SESSION', 'Date'],
      [4, 'DATE_INVALID', 'Date'],
    ]);
  });

  it('ATTENDANCE_DUPLICATE on every row of the same date and ID', () => {
    const r = att(
      { date: '2018-03-06', id: 'A-1', status: 'Présent' },
      { date: '2018-03-13', id: 'A-1', status: 'Présent' },
      { date: '06/03/2018', id: 'a-1', status: 'Absent' },
    );
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'ATTENDANCE_DUPLICATE', 'error'],
      [4, 'ATTENDANCE_DUPLICATE', 'error'],
    ]);
  });

  it('ATTENDANCE_DUPLICATE also for an ID missing from Participants, each row quoting its own spelling', () => {
    const r = att(
      { date: '2018-03-06', id: 'ZZZ', status: 'Présent' },
      { date: '2018-03-13', id: 'A-1', status: 'Présent' },
      { date: '2018-03-06', id: ' zzz', status: 'Absent' },
      { date: '2018-03-06', id: 'Zzz', status: 'Absent' },
    );
    const duplicates = only(r, 'ATTENDANCE_DUPLICATE');
    expect(duplicates.map((i) => i.row)).toEqual([2, 4, 5]);
    expect(duplicates.map((i) => i.message.slice(0, 40))).toEqual(
      ['ZZZ', 'zzz', 'Zzz'].map((id, k) =>
        CHECK_MESSAGES.attendanceDuplicate(
          id,
          '06/03/2018',
          [2, 4, 5].filter((row) => row !== [2, 4, 5][k]),
          2,
        ).slice(0, 40),
      ),
    );
  });

  it('ATTENDANCE_DUPLICATE groups rows far apart and keeps separate groups apart', () => {
    const rows = [
      { date: '2018-03-06', id: 'A-1', status: 'Présent' },
      { date: '2018-03-13', id: 'A-1', status: 'Présent' },
      { date: '2018-03-13', id: 'B-2', status: 'Présent' },
      { date: '2018-03-06', id: 'B-2', status: 'Présent' },
      { date: '2018-03-13', id: 'a-1', status: 'Absent' },
      { date: '2018-03-06', id: 'A-1', status: 'Excusé' },
    ];
    const r = att(...rows);
    const rowsOf = (date: string) =>
      only(r, 'ATTENDANCE_DUPLICATE')
        .filter((i) => i.message.includes(date))
        .map((i) => i.row);
    expect([rowsOf('06/03/2018'), rowsOf('13/03/2018')]).toEqual([
      [2, 7],
      [3, 6],
    ]);
  });

  it('ATTENDANCE_STATUS_INVALID for an unknown or blank Statut; synonyms accepted', () => {
    const r = att(
      { date: '2018-03-06', id: 'A-1', status: 'peut-être' },
      { date: '2018-03-13', id: 'A-1', status: '' },
      { date: '2018-03-13', id: 'A-1', status: 'présente' },
    );
    expect(only(r, 'ATTENDANCE_STATUS_INVALID').map((i) => [i.row, i.column])).toEqual([
      [2, 'Statut'],
      [3, 'Statut'],
    ]);
    for (const status of ['x', 'E', 'absente', 'Excusée', 'oui', 'NON']) {
      expect(att({ date: '2018-03-06', id: 'A-1', status }).issues).toEqual([]);
    }
  });

  it('ATTENDANCE_IN_FUTURE (error) on a row dated tomorrow, not on a row dated today', () => {
    const r = att({ date: '2026-11-26', id: 'A-1', status: 'P' }, { date: '2026-11-27', id: 'A-1', status: 'P' });
    expect(only(r, 'ATTENDANCE_IN_FUTURE').map((i) => [i.row, i.severity, i.column])).toEqual([[3, 'error', 'Date']]);
  });

  it('says in French that a future attendance must be dated again', () => {
    const r = att({ date: '2026-11-27', id: 'A-1', status: 'P' });
    expect(only(r, 'ATTENDANCE_IN_FUTURE')[0].message).toBe(
      "Présence datée du 27/11/2026, après aujourd'hui\u00a0: une présence se saisit le jour de la séance ou après\u00a0; corrigez la date.",
    );
  });

  it("ATTENDANCE_BEFORE_ENTRY and ATTENDANCE_AFTER_EXIT against the participant's dates", () => {
    const r = att(
      { date: '2018-02-27', id: 'A-1', status: 'P' },
      { date: '2018-03-06', id: 'A-1', status: 'P' },
      { date: '2018-07-03', id: 'A-1', status: 'P' },
    );
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'ATTENDANCE_BEFORE_ENTRY', 'warning'],
      [4, 'ATTENDANCE_AFTER_EXIT', 'warning'],
    ]);
  });
});

describe('result shape', () => {
  it('sorts issues by tab order then row, with French messages and canonical columns', () => {
    const r = check({
      participants: [
        participant({ id: 'A-1' }),
        participant({ id: 'A-2', email: 'non' }),
        participant({ id: 'A-3', lastName: '' }),
      ],
      sessions: [{ date: '2018-03-06' }, { date: 'jamais' }],
      attendance: [{ date: '2018-03-06', id: 'B-9', status: 'P' }],
    });
    expect(r.issues.map((i) => `${i.sheet}:${i.row}:${i.code}`)).toEqual([
      'Participants:3:EMAIL_INVALID',
      'Participants:4:NAME_MISSING',
      'Séances:3:SESSION_DATE_INVALID',
      'Présences:2:ATTENDANCE_UNKNOWN_PARTICIPANT',
    ]);
    for (const i of r.issues) {
      expect(Object.keys(i).sort()).toEqual(['code', 'column', 'header', 'message', 'row', 'severity', 'sheet']);
      expect(i.message.length).toBeGreaterThan(20);
    }
  });

  it('names the canonical tab even when the tab is spelled differently', () => {
    const wb = buildWorkbook({ participants: [participant({ lastName: '' })] });
    wb.sheet('Participants').name = ' PARTICIPANTS ';
    const r = checkWorkbook(
      readWorkbook({ timeZone: 'Europe/Paris', sheetNames: wb.sheets.map((s) => s.name), values: (n) => wb.readValues(n) }),
      TODAY,
    );
    expect(r.issues.map((i) => i.sheet)).toEqual(['Participants']);
  });
});

describe('date messages', () => {
  it('says that a day does not exist (31/02/2001)', () => {
    expect(CHECK_MESSAGES.dateInvalid('31/02/2001')).toBe(
      "«\u00a031/02/2001\u00a0»\u00a0: ce jour n'existe pas (février 2001 n'a que 28 jours)\u00a0; corrigez la date.",
    );
  });

  it('keeps the format hint for an unreadable text', () => {
    expect(CHECK_MESSAGES.dateInvalid('mardi')).toBe(
      "«\u00a0mardi\u00a0» n'est pas une date lisible\u00a0: écrivez-la au format JJ/MM/AAAA (par exemple 05/03/2018).",
    );
  });
});
