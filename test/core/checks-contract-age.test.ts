/** SPEC §3 CONTRACT_AGE_RULE at its edges: the age in completed years on the contract start. */
import { checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { ParticipantInput, buildWorkbook, participant } from '../support/builders';

const TODAY = dayFromIso('2026-11-26')!;

const signed = (o: ParticipantInput): ParticipantInput =>
  participant({
    situation: 'Alternance signée',
    contractType: 'Apprentissage',
    entryDate: '2018-03-05',
    contractMonths: 24,
    ...o,
  });

/** Sheet rows (data from row 2) that get CONTRACT_AGE_RULE. */
function flaggedRows(...people: ParticipantInput[]): number[] {
  const report = checkWorkbook(readModel(buildWorkbook({ participants: people })), TODAY);
  return report.issues.filter((i) => i.code === 'CONTRACT_AGE_RULE').map((i) => i.row);
}

describe('CONTRACT_AGE_RULE for an apprenticeship (15 to 29 at the contract start)', () => {
  it('accepts 29 years and 364 days, and warns from the 30th birthday on', () => {
    expect(
      flaggedRows(
        signed({ birthDate: '1992-09-04', contractStart: '2022-09-03' }), // 29, 30 the next day
        signed({ birthDate: '1992-09-03', contractStart: '2022-09-03' }), // 30 that day
      ),
    ).toEqual([3]);
  });

  it('accepts someone who turns 15 on the contract start, and warns the day before', () => {
    expect(
      flaggedRows(
        signed({ birthDate: '2003-09-03', entryDate: '2018-09-03', contractStart: '2018-09-03' }), // 15 that day
        signed({ birthDate: '2003-09-04', entryDate: '2018-09-03', contractStart: '2018-09-03' }), // 14
      ),
    ).toEqual([3]);
  });
});

describe('CONTRACT_AGE_RULE for a professionalisation contract (up to 25 at the contract start)', () => {
  it('accepts 25 years and 364 days, and warns from the 26th birthday on', () => {
    const pro = (birthDate: string) => signed({ contractType: 'Professionnalisation', birthDate, contractStart: '2021-01-01' });
    expect(flaggedRows(pro('1995-01-02'), pro('1995-01-01'))).toEqual([3]);
  });
});
