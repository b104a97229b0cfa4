import { dayFromIso } from '../../src/core/days';
import { nextParticipantId, planNewcomer, validateNewcomerInput } from '../../src/core/newcomer';
import { readModel } from '../../src/app/read';
import { NEWCOMER_TEXT } from '../../src/i18n/fr/newcomer';
import { buildWorkbook, participant } from '../support/builders';

const TODAY = dayFromIso('2026-11-26')!;
const ids = (...list: (string | number)[]) =>
  readModel(buildWorkbook({ participants: list.map((id) => participant({ id })) })).participantRecords;

describe("the team's next ID (SPEC §4)", () => {
  it.each([
    [['P2018-0105', 'P2018-0107', 'P2018-0106'], 'P2018-0108'],
    [['p2018-0120', 'P2018-0107'], 'P2018-0121'],
    [['P2018-9999'], 'P2018-10000'],
    [['A-7', 'B-3'], 'B-4'],
    [[42, '17', 'X'], '43'],
    [['Dupont', 'Martin'], '1'],
    [[], '1'],
  ])('%j → %s', (list, expected) => {
    expect(nextParticipantId(ids(...list))).toBe(expected);
  });

  it('skips anonymised rows for the last ID but never reuses their numbers', () => {
    const records = readModel(
      buildWorkbook({
        participants: [
          participant({ id: 'P-0009' }),
          participant({ id: 'Q-0003', anonymisedOn: '2026-01-05', lastName: '', firstName: '' }),
        ],
      }),
    ).participantRecords;
    expect(nextParticipantId(records)).toBe('P-0010');
  });
});

describe('validateNewcomerInput', () => {
  const base = { date: '2018-10-23', lastName: 'Nouveau', firstName: 'Léo', birthDate: '2001-05-04', commune: 'cachan' };

  it.each(['04/05/2001', '4/5/2001', '2001-5-4', '2001-02-30', '2001-13-01', '20010504', '2001-05-04 10:00', 'inconnue'])(
    'refuses the birth date %p (not an ISO day AAAA-MM-JJ that exists), naming the field',
    (birthDate) => {
      const r = validateNewcomerInput({ ...base, birthDate });
      expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', message: NEWCOMER_TEXT.birthDateInvalid(birthDate) });
    },
  );

  it.each(['23/10/2018', '2018-02-30'])('refuses the session date %p', (date) => {
    const r = validateNewcomerInput({ ...base, date });
    expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', message: NEWCOMER_TEXT.dateInvalid(date) });
  });

  it.each(['', '  ', undefined, null])('says that the session date is missing (%p)', (date) => {
    const r = validateNewcomerInput({ ...base, date });
    expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', message: NEWCOMER_TEXT.dateMissing });
  });

  it('accepts an ISO birth date (spaces around it trimmed) and leaves a blank one to the checks', () => {
    const given = validateNewcomerInput({ ...base, birthDate: ' 2001-05-04 ' });
    expect(given.ok && given.value.fields.birthDate).toBe('2001-05-04');
    const blank = validateNewcomerInput({ ...base, birthDate: '' });
    expect(blank.ok && blank.value.fields.birthDate).toBe('');
  });
});

describe('planNewcomer', () => {
  const input = (fields: Record<string, string>, date = '2018-10-23') => {
    const r = validateNewcomerInput({
      date,
      lastName: 'Nouveau',
      firstName: 'Léo',
      birthDate: '2001-05-04',
      commune: 'cachan',
      ...fields,
    });
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  const model = () =>
    readModel(
      buildWorkbook({
        participants: [participant({ id: 'P2018-0107', entryDate: '2018-03-01', phone: '', email: '' })],
        participantColumns: [
          'id',
          'lastName',
          'firstName',
          'sex',
          'birthDate',
          'commune',
          'postcode',
          'entryDate',
          'phone',
          'email',
        ],
      }),
    );

  it('writes canonical values in the existing columns only, after the last row', () => {
    const plan = planNewcomer(model(), input({ sex: 'femme', postcode: '94230', phone: '0612345678', level: 'Bac' }), TODAY);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value).toMatchObject({ id: 'P2018-0108', name: 'Nouveau Léo', row: 3, warnings: [] });
    expect(plan.value.writes).toHaveLength(1);
    const [w] = plan.value.writes;
    expect([w.row, w.col, w.values[0].length]).toEqual([3, 1, 9]);
    expect(w.values[0].slice(0, 4)).toEqual(['P2018-0108', 'Nouveau', 'Léo', 'F']);
    expect(w.values[0].slice(5, 7)).toEqual(['Cachan', '94230']);
    expect(w.values[0][8]).toBe('0612345678');
  });

  it('returns the warnings of the checks and refuses on their errors', () => {
    const warned = planNewcomer(model(), input({ commune: 'Paris', email: 'pas-une-adresse' }), TODAY);
    if (!warned.ok) throw new Error(warned.message);
    expect(warned.value.warnings.map((w) => [w.code, w.row])).toEqual([
      ['COMMUNE_OUTSIDE_TERRITORY', 3],
      ['EMAIL_INVALID', 3],
    ]);
    const refused = planNewcomer(model(), input({ sex: 'Z', birthDate: '' }), TODAY);
    expect(refused.ok).toBe(false);
  });
});

describe('planNewcomer on a workbook it cannot use', () => {
  it('refuses a Participants tab without its header row as an unusable workbook, not as bad input', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'P-1' })] });
    wb.sheet('Participants').cells[0] = wb.sheet('Participants').cells[0].map(() => '');
    const input = validateNewcomerInput({
      date: '2018-10-23',
      lastName: 'Nouveau',
      firstName: 'Léo',
      birthDate: '2001-05-04',
      commune: 'Cachan',
    });
    if (!input.ok) throw new Error('valid input expected');
    const r = planNewcomer(readModel(wb), input.value, TODAY);
    expect(r.ok ? null : r.code).toBe('WORKBOOK_UNUSABLE');
  });
});
