/**
 * SPEC §9 "payloads": at 10 000 participants and 200 000 Présences rows (bench/dataset.ts),
 * what dist/Code.js sends to the sidebar stays small. Sizes are deterministic (same data,
 * same JSON), so a test can assert them; `npm run bench` prints them too.
 */
import { Dataset, generateDataset } from '../../bench/dataset';
import { jsonBytes, MAX_ATTENDANCE_BYTES, MAX_VALIDATION_BYTES } from '../../bench/ratios';
import { MAX_RETURNED_ISSUES } from '../../src/shared/api';
import { createFakeGas } from '../support/fake-gas';
import { ensureBundleBuilt, LoadedBundle, loadBundle } from '../support/gas-local';

let ds: Dataset;
let gas: LoadedBundle;

beforeAll(() => {
  ensureBundleBuilt();
  ds = generateDataset(10_000);
  gas = loadBundle(createFakeGas({ sheets: ds.tabs }));
});

describe('payloads at 10 000 participants and 200 000 Présences rows', () => {
  it('validateWorkbook sends at most 500 issues and under 300 KB, with the counts of all', () => {
    const result = JSON.parse(JSON.stringify(gas.call('validateWorkbook')));
    const all = result.counts.errors + result.counts.warnings;
    expect({
      shown: result.issues.length,
      truncated: result.truncated,
      underLimit: jsonBytes(result) < MAX_VALIDATION_BYTES,
    }).toEqual({ shown: Math.min(all, MAX_RETURNED_ISSUES), truncated: all > MAX_RETURNED_ISSUES, underLimit: true });
  });

  it('getAttendanceSheet sends under 600 KB', () => {
    expect(jsonBytes(gas.call('getAttendanceSheet', ds.existingSession))).toBeLessThan(MAX_ATTENDANCE_BYTES);
  });
});
