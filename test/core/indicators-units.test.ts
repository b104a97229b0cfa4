/** Unit figures the worked example covers only as a whole: rounding, absences, excused, contract months. */
import { computeIndicators, percent } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

describe('percent', () => {
  it('rounds to the nearest whole number: 2 of 3 is 67', () => {
    expect(percent(2, 3)).toBe(67);
  });

  it('rounds down below one half: 1 of 3 is 33', () => {
    expect(percent(1, 3)).toBe(33);
  });

  it('rounds one half up: 1 of 8 is 13', () => {
    expect(percent(1, 8)).toBe(13);
  });

  it('is null for a zero denominator', () => {
    expect(percent(0, 0)).toBeNull();
  });
});

describe('attendance counts of a year', () => {
  const indicators = () => {
    const ids = ['U-1', 'U-2', 'U-3'];
    const wb = buildWorkbook({
      participants: ids.map((id) => participant({ id, entryDate: '2018-03-01' })),
      sessions: [{ date: '2018-03-06' }, { date: '2018-03-13' }],
      attendance: [
        { date: '2018-03-06', id: 'U-1', status: 'Présent' },
        { date: '2018-03-06', id: 'U-2', status: 'Absent' },
        { date: '2018-03-06', id: 'U-3', status: 'Excusé' },
        { date: '2018-03-13', id: 'U-1', status: 'Présent' },
        { date: '2018-03-13', id: 'U-2', status: 'A' },
        { date: '2018-03-13', id: 'U-3', status: 'Présent' },
      ],
    });
    return computeIndicators(readModel(wb), 2018).attendance;
  };

  it('counts the Absent marks', () => {
    expect(indicators().absences).toBe(2);
  });

  it('counts the Excusé marks', () => {
    expect(indicators().excused).toBe(1);
  });

  it('counts the Présent marks', () => {
    expect(indicators().presences).toBe(3);
  });
});

describe('meanContractMonths', () => {
  const mean = (months: number[]) => {
    const wb = buildWorkbook({
      participants: months.map((m, i) =>
        participant({
          id: `M-${i}`,
          entryDate: '2018-03-01',
          situation: 'Alternance signée',
          contractType: 'Apprentissage',
          contractMonths: m,
        }),
      ),
    });
    return computeIndicators(readModel(wb), 2018).outcomes.meanContractMonths;
  };

  it('counts 1- and 48-month contracts (the bounds the checks accept)', () => {
    expect(mean([1, 48])).toBe(24.5);
  });

  it('leaves out durations beyond the bounds (0 and 49 months)', () => {
    expect(mean([0, 12, 49])).toBe(12);
  });
});
