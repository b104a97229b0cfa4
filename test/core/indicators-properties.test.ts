/** Invariants of SPEC §6 on random workbooks (fast-check): breakdowns add up, percentages stay in 0–100. */
import fc from 'fast-check';
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/server/read';
import type { Indicators } from '../../src/shared/api';
import { buildWorkbook, participant } from '../support/builders';

const isoDay = fc
  .record({ y: fc.integer({ min: 2015, max: 2020 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const birth = fc
  .record({ y: fc.integer({ min: 1985, max: 2006 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const maybe = <T>(arb: fc.Arbitrary<T>, ...others: string[]) => fc.oneof(arb, fc.constantFrom('', ...others));

const person = fc.record({
  id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'a', ''),
  entryDate: maybe(isoDay, '31/02/2018', 'inconnue'),
  birthDate: maybe(birth, 'x'),
  sex: fc.constantFrom('F', 'H', 'Femme', 'M.', '', 'X'),
  commune: fc.constantFrom('Arcueil', 'CACHAN', 'gentilly', 'Le Kremlin Bicetre', 'Villejuif ', 'Fresnes', 'Paris', ''),
  qpvResident: fc.constantFrom('Oui', 'Non', 'x', '', 'peut-être'),
  qpvDistrict: fc.constantFrom('La Plaine', 'chaperon vert', 'Quartier inconnu', ''),
  trainingLevel: fc.constantFrom('Bac', 'CAP', 'BTS', 'Licence', 'Master', 'Aucun', '', 'Autre chose'),
  situation: fc.constantFrom('', 'En recherche', 'Alternance', 'Formation', 'Emploi', 'Abandon', 'Autre', 'Bizarre'),
  contractType: fc.constantFrom('', 'Apprentissage', 'Contrat pro', 'CDI'),
  contractMonths: fc.constantFrom('', 6, 12, '24', 0, 99, 'deux'),
  contractStart: maybe(isoDay),
  exitDate: maybe(isoDay),
});
const mark = fc.record({
  date: maybe(isoDay, 'hier'),
  id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'Z', ' a '),
  status: fc.constantFrom('Présent', 'P', 'Absent', 'Excusé', 'x', '?', ''),
});
const workbookInput = fc.record({
  people: fc.array(person, { maxLength: 25 }),
  marks: fc.array(mark, { maxLength: 60 }),
  sessions: fc.array(isoDay, { maxLength: 10 }),
  year: fc.integer({ min: 2015, max: 2020 }),
});

type Input = typeof workbookInput extends fc.Arbitrary<infer T> ? T : never;

function indicatorsOf(input: Input): Indicators {
  const wb = buildWorkbook({
    participants: input.people.map((p) => participant(p)),
    attendance: input.marks,
    sessions: input.sessions.map((date) => ({ date })),
    settings: [['Année', 'Places prévues'], [input.year, 10]],
  });
  return computeIndicators(readModel(wb), input.year);
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

describe('indicator invariants', () => {
  it('breakdowns (sex, communes, age bands, training levels, outcomes) sum to beneficiaries', () => {
    fc.assert(
      fc.property(workbookInput, (input) => {
        const i = indicatorsOf(input);
        const o = i.outcomes;
        expect(i.newEntrants + i.carriedOver).toBe(i.beneficiaries);
        expect(sum(i.sex)).toBe(i.beneficiaries);
        expect(sum(i.communes)).toBe(i.beneficiaries);
        expect(sum(i.ageBands)).toBe(i.beneficiaries);
        expect(sum(i.trainingLevels)).toBe(i.beneficiaries);
        expect(o.workStudy + o.training + o.employment + o.dropout + o.other + o.stillSearching).toBe(i.beneficiaries);
        expect(o.positive).toBe(o.workStudy + o.training + o.employment);
        expect(o.apprenticeship + o.professionalisation).toBeLessThanOrEqual(o.workStudy);
        expect(sum(i.qpv.byDistrict)).toBe(i.qpv.count);
        expect(i.qpv.count + i.qpv.unknown).toBeLessThanOrEqual(i.beneficiaries);
        expect(i.minors.count).toBe(i.ageBands.under18);
        expect(i.beneficiaries + i.excludedRows).toBeLessThanOrEqual(input.people.length);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps percentages whole and within 0–100, and nulls exactly where a denominator is 0', () => {
    fc.assert(
      fc.property(workbookInput, (input) => {
        const i = indicatorsOf(input);
        const a = i.attendance;
        const marked = a.presences + a.absences + a.excused;
        const rates: [number | null, number][] = [
          [i.minors.percent, i.beneficiaries],
          [i.qpv.percent, i.beneficiaries],
          [i.outcomes.positiveRate, i.beneficiaries],
          [a.presenceRate, marked],
        ];
        for (const [rate, whole] of rates) {
          if (whole === 0) expect(rate).toBeNull();
          else {
            expect(Number.isInteger(rate)).toBe(true);
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(100);
          }
        }
        expect(a.meanPerSession === null).toBe(a.sessions === 0);
        expect(a.meanSessionsPerBeneficiary === null).toBe(i.beneficiaries === 0);
        for (const m of [a.meanPerSession, a.meanSessionsPerBeneficiary, i.outcomes.meanContractMonths]) {
          if (m !== null) expect(Math.round(m * 10) / 10).toBe(m);
        }
        if (i.outcomes.meanContractMonths !== null) {
          expect(i.outcomes.meanContractMonths).toBeGreaterThanOrEqual(1);
          expect(i.outcomes.meanContractMonths).toBeLessThanOrEqual(48);
        }
      }),
      { numRuns: 200 },
    );
  });
});
