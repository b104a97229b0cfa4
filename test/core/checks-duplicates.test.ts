/** ID_DUPLICATE names at most five other rows and counts the rest (mutants of src/core/checks.ts). */
import { checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { CHECK_MESSAGES } from '../../src/i18n/fr/checks';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const TODAY = dayFromIso('2018-12-31')!;

describe('an ID used on 7 rows', () => {
  const wb = () =>
    buildWorkbook({ participants: Array.from({ length: 7 }, (_, i) => participant({ id: 'D-1', firstName: `Prénom${i}` })) });
  const issues = () => checkWorkbook(readModel(wb()), TODAY).issues.filter((i) => i.code === 'ID_DUPLICATE');

  it('is reported on each of the 7 rows', () => {
    expect(issues().map((i) => i.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('names 5 other rows and counts the sixth', () => {
    const first = issues().find((i) => i.row === 2)!;
    expect(first.message).toBe(CHECK_MESSAGES.idDuplicate('D-1', [3, 4, 5, 6, 7], 6));
    expect(first.message).toContain('lignes 3, 4, 5, 6, 7 et 1 autre');
  });

  it('names the first five others for a row in the middle', () => {
    const middle = issues().find((i) => i.row === 5)!;
    expect(middle.message).toBe(CHECK_MESSAGES.idDuplicate('D-1', [2, 3, 4, 6, 7], 6));
  });
});
