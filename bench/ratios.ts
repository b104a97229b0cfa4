/**
 * SPEC §9 "speed as a ratio" and "payloads", measured in this process through the counting
 * fake of the Apps Script services (test/support/fake-gas.ts) and the real adapter:
 *
 * - floor A: read every tab's values once (getDataRange().getValues() per tab);
 * - floor B: floor A plus every tab's notes once (getNotes() on each data range);
 * - computeIndicators(year) / A and validateWorkbook() / B must stay within 2.
 *
 * validateWorkbook is timed on a workbook whose notes were cleared first (uncounted), so
 * that every run writes all its marks: the costliest case. Runs are interleaved (A, B,
 * indicators, check, A, …) with a forced garbage collection before each; medians of CPU time.
 *
 * Payloads: JSON size (UTF-8 bytes) of what validateWorkbook and getAttendanceSheet send to
 * the sidebar (SPEC §9: under 300 KB and 600 KB).
 */
import { createServerApi } from '../src/app/api';
import { appsScriptServices } from '../src/server/services';
import { createFakeGas } from '../test/support/fake-gas';
import { clearNotes } from './actions';
import type { Dataset } from './dataset';
import { cpuMs, median } from './measure';

/** SPEC §9: a function within twice its floor. */
export const MAX_RATIO = 2;
/** SPEC §9 payload limits, bytes (1 KB = 1 000 bytes). */
export const MAX_VALIDATION_BYTES = 300_000;
export const MAX_ATTENDANCE_BYTES = 600_000;

export interface RatioResult {
  floorValues: number;
  floorValuesAndNotes: number;
  computeIndicators: number;
  validateWorkbook: number;
  indicatorsRatio: number;
  validationRatio: number;
  validationBytes: number;
  attendanceBytes: number;
  runs: number;
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export function measureRatios(ds: Dataset, runs: number): RatioResult {
  const fake = createFakeGas({ sheets: ds.tabs });
  const restore = fake.install();
  try {
    const readValues = () => {
      for (const s of SpreadsheetApp.getActiveSpreadsheet().getSheets()) s.getDataRange().getValues();
    };
    const readValuesAndNotes = () => {
      for (const s of SpreadsheetApp.getActiveSpreadsheet().getSheets()) {
        const range = s.getDataRange();
        range.getValues();
        range.getNotes();
      }
    };
    const api = () => createServerApi(appsScriptServices());
    const indicators = () => api().computeIndicators(ds.reportYear);
    const validate = () => api().validateWorkbook();
    // Warm-up (JIT), not measured; payload sizes from these runs.
    readValuesAndNotes();
    indicators();
    clearNotes(fake);
    const validation = validate();
    const attendance = api().getAttendanceSheet(ds.existingSession);
    const samples = { a: [] as number[], b: [] as number[], indicators: [] as number[], validate: [] as number[] };
    for (let i = 0; i < runs; i++) {
      samples.a.push(cpuMs(readValues).ms);
      samples.b.push(cpuMs(readValuesAndNotes).ms);
      samples.indicators.push(cpuMs(indicators).ms);
      clearNotes(fake);
      samples.validate.push(cpuMs(validate).ms);
    }
    const floorValues = median(samples.a);
    const floorValuesAndNotes = median(samples.b);
    const computeIndicators = median(samples.indicators);
    const validateWorkbook = median(samples.validate);
    return {
      floorValues,
      floorValuesAndNotes,
      computeIndicators,
      validateWorkbook,
      indicatorsRatio: computeIndicators / floorValues,
      validationRatio: validateWorkbook / floorValuesAndNotes,
      validationBytes: jsonBytes(validation),
      attendanceBytes: jsonBytes(attendance),
      runs,
    };
  } finally {
    restore();
  }
}
