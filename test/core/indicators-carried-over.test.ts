/** SPEC §6: a carried-over participant's age is measured at their first Présent of the year, whatever the row order. */
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

function minorsIn2018(presentDates: string[]): number {
  const wb = buildWorkbook({
    participants: [participant({ id: 'C1', birthDate: '2000-03-10', entryDate: '2017-09-12' })], // 18 on 2018-03-10
    attendance: presentDates.map((date) => ({ date, id: 'C1', status: 'Présent' })),
  });
  return computeIndicators(readModel(wb), 2018).minors.count;
}

describe('age of a carried-over participant', () => {
  it('is taken at the earliest Présent of the year even when a later one comes after it in the sheet', () => {
    expect(minorsIn2018(['2018-03-06', '2018-03-20'])).toBe(1);
    expect(minorsIn2018(['2018-03-20', '2018-03-06'])).toBe(1);
  });

  it('ignores a Présent of the year before', () => {
    expect(minorsIn2018(['2017-10-03', '2018-03-20'])).toBe(0);
  });
});
