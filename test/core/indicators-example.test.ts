/**
 * The worked example of the contract (../shared/exemples): a workbook saved by LibreOffice and
 * the figures an independent implementation of SPEC §6 computed for 2017 and 2018.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../src/adapters/xlsx';
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import type { WorkbookModel } from '../../src/core/workbook';

const EXAMPLES = join(__dirname, '..', 'fixtures', 'exemples');

let model: WorkbookModel;
beforeAll(async () => {
  model = readModel(await readXlsx(join(EXAMPLES, 'classeur-exemple.xlsx')));
});

function expected(year: number): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES, `bilan-${year}.json`), 'utf8'));
}

describe('the worked example of the contract', () => {
  it.each([2017, 2018])('gives exactly the published figures for %i', (year) => {
    expect(computeIndicators(model, year)).toEqual(expected(year));
  });

  it.each([2017, 2018])('lists the keys of %i in the order of SPEC §6', (year) => {
    const keys = (o: unknown): unknown =>
      o !== null && typeof o === 'object' ? Object.entries(o).map(([k, v]) => [k, keys(v)]) : null;
    const actual = computeIndicators(model, year) as unknown as Record<string, unknown>;
    const wanted = expected(year) as Record<string, unknown>;
    // byDistrict lists what occurs; every other object follows the contract's order.
    delete (actual.qpv as Record<string, unknown>).byDistrict;
    delete (wanted.qpv as Record<string, unknown>).byDistrict;
    expect(keys(actual)).toEqual(keys(wanted));
  });
});
