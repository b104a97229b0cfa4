/**
 * The worked example of the contract (../shared/exemples): a workbook saved by LibreOffice and
 * the figures an independent implementation of SPEC §6 computed for 2017 and 2018.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../src/adapters/xlsx';
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/server/read';
import type { WorkbookModel } from '../../src/core/workbook';
import type { Indicators } from '../../src/shared/api';

const EXAMPLES = join(__dirname, '..', 'fixtures', 'exemples');

let model: WorkbookModel;
beforeAll(async () => {
  model = readModel(await readXlsx(join(EXAMPLES, 'classeur-exemple.xlsx')));
});

function expected(year: number): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES, `bilan-${year}.json`), 'utf8'));
}

/**
 * The published figures predate `hours` and `sexByAge` (SPEC §6, v3): those two keys are left
 * out here and checked on their own below and in indicators-hours.test.ts.
 */
function withoutHours(indicators: Indicators): Record<string, unknown> {
  const { hours: _hours, sexByAge: _sexByAge, ...rest } = indicators;
  return rest;
}

describe('the worked example of the contract', () => {
  it.each([2017, 2018])('gives exactly the published figures for %i', (year) => {
    expect(withoutHours(computeIndicators(model, year))).toEqual(expected(year));
  });

  it.each([2017, 2018])('lists the keys of %i in the order of SPEC §6', (year) => {
    const keys = (o: unknown): unknown =>
      o !== null && typeof o === 'object' ? Object.entries(o).map(([k, v]) => [k, keys(v)]) : null;
    const actual = withoutHours(computeIndicators(model, year));
    const wanted = expected(year) as Record<string, unknown>;
    // byDistrict lists what occurs; every other object follows the contract's order.
    delete (actual.qpv as Record<string, unknown>).byDistrict;
    delete (wanted.qpv as Record<string, unknown>).byDistrict;
    expect(keys(actual)).toEqual(keys(wanted));
  });

  it.each([2017, 2018])('ends %i with hours then sexByAge, the cells of sexByAge adding up to ageBands', (year) => {
    const i = computeIndicators(model, year);
    expect(Object.keys(i).slice(-3)).toEqual(['excludedRows', 'hours', 'sexByAge']);
    for (const band of Object.keys(i.ageBands) as (keyof Indicators['ageBands'])[]) {
      expect(i.sexByAge.F[band] + i.sexByAge.H[band] + i.sexByAge.unknown[band]).toBe(i.ageBands[band]);
    }
  });

  it.each([2017, 2018])('counts no hours in %i, the example having no session times', (year) => {
    const i = computeIndicators(model, year);
    expect(i.hours).toEqual({
      delivered: 0,
      attended: 0,
      perBeneficiary: 0,
      sessionsWithoutTimes: i.attendance.sessions,
    });
  });
});
