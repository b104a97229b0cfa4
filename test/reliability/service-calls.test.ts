/**
 * SPEC §9 "service calls": every server function and menu action makes the same service
 * calls for 10 000 participants as for 100 — through the built bundle dist/Code.js on the
 * counting fake, and through src/ (same counts). The benchmark (npm run bench) prints these
 * counts; this test is what keeps them constant.
 */
import { ACTIONS, CallCount, runActions } from '../../bench/actions';
import { Dataset, generateDataset } from '../../bench/dataset';
import { NaiveWorkbook } from '../../bench/naive';
import { AppsScriptLock, AppsScriptWorkbook } from '../../src/server/workbook';
import type { Services } from '../../src/app/ports';
import { READ_BANDS } from '../../src/core/bands';
import { dayFromIso } from '../../src/core/days';
import { createServerApi } from '../../src/app/api';
import * as main from '../../src/server/main';
import { createFakeGas, FakeGas } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';
import { diff, snapshot } from './support/snapshot';

/** Per-cell methods: a batch implementation never calls them. */
const PER_CELL = ['Range.getValue', 'Range.setValue', 'Range.getNote', 'Range.setNote', 'Range.getFormula', 'Range.setFormula'];

function throughBundle(ds: Dataset): Map<string, CallCount> {
  const fake = createFakeGas({ sheets: ds.tabs });
  const gas = loadBundle(fake);
  return runActions(fake, ds, (name, ...args) => gas.call(name, ...args));
}

function throughSrc(ds: Dataset): Map<string, CallCount> {
  const fake = createFakeGas({ sheets: ds.tabs });
  const restore = fake.install();
  try {
    return runActions(fake, ds, (name, ...args) =>
      name === 'onOpen' ? main.onOpen(args[0] as never) : main.exposed(name as never, args),
    );
  } finally {
    restore();
  }
}

describe('service calls of every server function and menu action', () => {
  let small: Map<string, CallCount>;
  let large: Map<string, CallCount>;
  let largeDs: Dataset;

  beforeAll(() => {
    ensureBundleBuilt();
    small = throughBundle(generateDataset(100));
    // 10 000 participants; 3 Présences rows each keeps the test fast (npm run bench uses 20).
    largeDs = generateDataset(10_000, { rowsPerParticipant: 3 });
    large = throughBundle(largeDs);
  });

  it('uses workbooks of very different sizes', () => {
    expect(largeDs.attendanceRows).toBe(30_000);
    expect(generateDataset(100).attendanceRows).toBe(2_000);
  });

  it.each(ACTIONS.map((a) => [a.label]))('%s: no error, and the same calls for 100 and 10 000 participants', (label) => {
    const s = small.get(label)!;
    const l = large.get(label)!;
    expect(s.error).toBeNull();
    expect(l.error).toBeNull();
    expect(l.calls).toEqual(s.calls);
  });

  it('never reads or writes a cell at a time, and reads each tab at most once per action (Présences in a fixed number of bands)', () => {
    for (const [label, c] of large) {
      for (const m of PER_CELL) expect([label, m, c.calls[m] ?? 0]).toEqual([label, m, 0]);
      // Participants, Séances, Paramètres: one getValues each at most; Présences: READ_BANDS;
      // "Vérifier" reads again the key column of each tab whose notes it writes (rows moved?).
      const recheck = /^(validateWorkbook|Menu « Vérifier)/.test(label) ? 3 : 0;
      expect([label, (c.calls['Range.getValues'] ?? 0) <= 3 + READ_BANDS + recheck]).toEqual([label, true]);
    }
  });

  it('counts the same through src/ as through dist/Code.js', () => {
    const ds = generateDataset(100);
    const viaSrc = throughSrc(ds);
    for (const a of ACTIONS) expect([a.label, viaSrc.get(a.label)!.calls]).toEqual([a.label, small.get(a.label)!.calls]);
  });
});

describe("the benchmark's naive baseline (bench/naive.ts)", () => {
  function servicesOver(_fake: FakeGas, naive: boolean): Services {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return {
      workbook: naive ? new NaiveWorkbook(ss) : new AppsScriptWorkbook(ss),
      lock: new AppsScriptLock(),
      ui: { showSidebar() {}, alert() {}, prompt: () => null, confirm: () => true },
      today: () => dayFromIso('2026-11-26')!,
      now: () => new Date('2026-11-26T10:00:00Z'),
    };
  }

  /** Runs the four timed functions; returns results, the final state and the calls. */
  function run(naive: boolean) {
    const ds = generateDataset(60, { rowsPerParticipant: 4 });
    const fake = createFakeGas({ sheets: ds.tabs });
    const restore = fake.install();
    try {
      fake.resetCalls();
      const api = createServerApi(servicesOver(fake, naive));
      const results = [
        api.validateWorkbook(),
        api.computeIndicators(ds.reportYear),
        api.generateAnnualReport(ds.reportYear).indicators,
        api.saveAttendance(ds.save),
      ];
      return { results, state: snapshot(fake), calls: fake.totalCalls(), perCell: fake.count('Range.getValue') };
    } finally {
      restore();
    }
  }

  it('does the same reads and writes, one cell at a time: same results, same workbook, many more calls', () => {
    const batch = run(false);
    const naive = run(true);
    expect(JSON.parse(JSON.stringify(naive.results))).toEqual(JSON.parse(JSON.stringify(batch.results)));
    expect(diff(batch.state, naive.state)).toEqual([]);
    expect(batch.perCell).toBe(0);
    expect(naive.perCell).toBeGreaterThan(1000);
    expect(naive.calls).toBeGreaterThan(20 * batch.calls);
  });
});
