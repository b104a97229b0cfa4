/** Parcours d'un jeune (SPEC §10): the age shown is the completed years today. */
import { dayFromIso } from '../../src/core/days';
import { buildJourney } from '../../src/core/journey';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

function ageOnDay(birthDate: string, today: string): number | null {
  const model = readModel(buildWorkbook({ participants: [participant({ id: 'J1', birthDate, entryDate: '2018-03-01' })] }));
  return buildJourney(model, 'J1', dayFromIso(today)!)!.age;
}

describe('age in the Parcours', () => {
  it('turns 18 on the 18th birthday itself, not the day after', () => {
    expect([ageOnDay('2000-11-26', '2018-11-25'), ageOnDay('2000-11-26', '2018-11-26')]).toEqual([17, 18]);
  });

  it('counts a birthday on 29 February as reached on 1 March of other years', () => {
    expect([ageOnDay('2000-02-29', '2018-02-28'), ageOnDay('2000-02-29', '2018-03-01')]).toEqual([17, 18]);
  });

  it('is null for a birth date after today', () => {
    expect(ageOnDay('2019-01-01', '2018-11-26')).toBeNull();
  });
});
