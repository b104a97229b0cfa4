/** Invariants of SPEC §6 on random workbooks (fast-check): breakdowns add up, percentages stay in 0–100. */
import fc from 'fast-check';
import { ageOn, isoOfDay } from '../../src/core/days';
import { computeIndicators } from '../../src/core/indicators';
import { attendanceRecordsOf, situationOf, WorkbookModel } from '../../src/core/workbook';
import { readModel } from '../../src/app/read';
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

function modelOf(input: Input): WorkbookModel {
  const wb = buildWorkbook({
    participants: input.people.map((p) => participant(p)),
    attendance: input.marks,
    sessions: input.sessions.map((date) => ({ date })),
    settings: [
      ['Année', 'Places prévues'],
      [input.year, 10],
    ],
  });
  return readModel(wb);
}

function indicatorsOf(input: Input): Indicators {
  return computeIndicators(modelOf(input), input.year);
}

/**
 * A deliberately naive reading of SPEC §6 (ISO strings, filters, no index), written apart from
 * src/core/indicators.ts, to catch slips of the optimised implementation.
 */
function naive(model: WorkbookModel, year: number) {
  const inYear = (iso: string) => iso.slice(0, 4) === String(year);
  const ids = new Set(model.participantRecords.map((p) => p.id.toLowerCase()).filter((id) => id !== ''));
  const marks = attendanceRecordsOf(model).filter(
    (a) =>
      a.date.status === 'ok' &&
      a.status.status === 'ok' &&
      inYear(isoOfDay(a.date.value)) &&
      ids.has(a.participantId.toLowerCase()),
  );
  const presents = (id: string) =>
    marks.filter(
      (a) => a.participantId.toLowerCase() === id.toLowerCase() && a.status.status === 'ok' && a.status.value === 'Présent',
    );
  const rows = model.participantRecords.flatMap((p) => {
    if (p.entryDate.status !== 'ok') return [];
    const entry = isoOfDay(p.entryDate.value);
    if (inYear(entry)) return [{ p, carried: false, ref: p.entryDate.value }];
    if (entry < `${year}-01-01` && p.id !== '') {
      const days = presents(p.id).map((a) => (a.date.status === 'ok' ? a.date.value : Infinity));
      if (days.length > 0) return [{ p, carried: true, ref: Math.min(...days) }];
    }
    return [];
  });
  const minors = rows.filter((r) => r.p.birthDate.status === 'ok' && ageOn(r.p.birthDate.value, r.ref) < 18).length;
  const outcome = (r: (typeof rows)[number]) => {
    const s = situationOf(r.p);
    if (s.status !== 'ok' || s.value === 'En recherche') return 'search';
    const d = s.value === 'Alternance signée' ? r.p.contractStart : r.p.exitDate;
    if (d.status === 'ok' && isoOfDay(d.value) > `${year}-12-31`) return 'search';
    return s.value;
  };
  const uniqueIds = [...new Set(rows.map((r) => r.p.id.toLowerCase()).filter((id) => id !== ''))];
  const beneficiaryPresences = uniqueIds.reduce((n, id) => n + presents(id).length, 0);
  return {
    beneficiaries: rows.length,
    carriedOver: rows.filter((r) => r.carried).length,
    minors,
    qpv: rows.filter((r) => r.p.qpvResident.status === 'ok' && r.p.qpvResident.value).length,
    presences: marks.filter((a) => a.status.status === 'ok' && a.status.value === 'Présent').length,
    marks: marks.length,
    sessions: model.sessionRecords.filter((s) => s.date.status === 'ok' && inYear(isoOfDay(s.date.value))).length,
    beneficiaryPresences,
    workStudy: rows.filter((r) => outcome(r) === 'Alternance signée').length,
    positive: rows.filter((r) => ['Alternance signée', 'Formation', 'Emploi'].includes(outcome(r))).length,
  };
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

describe('indicator invariants', () => {
  it('agrees with a naive reading of SPEC §6 on random workbooks', () => {
    fc.assert(
      fc.property(workbookInput, (input) => {
        const model = modelOf(input);
        const i = computeIndicators(model, input.year);
        const n = naive(model, input.year);
        const a = i.attendance;
        expect([i.beneficiaries, i.carriedOver, i.minors.count, i.qpv.count]).toEqual([
          n.beneficiaries,
          n.carriedOver,
          n.minors,
          n.qpv,
        ]);
        expect([a.presences, a.presences + a.absences + a.excused, a.sessions]).toEqual([n.presences, n.marks, n.sessions]);
        expect(a.meanSessionsPerBeneficiary).toBe(
          n.beneficiaries ? Math.round((n.beneficiaryPresences / n.beneficiaries) * 10) / 10 : null,
        );
        expect([i.outcomes.workStudy, i.outcomes.positive]).toEqual([n.workStudy, n.positive]);
      }),
      { numRuns: 200 },
    );
  });

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
