/** The benchmark's workbooks (bench/dataset.ts): deterministic, sized as announced, well-formed. */
import { generateDataset, parisMidnight, sessionDates } from '../../bench/dataset';
import { checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { attendanceRecordsOf } from '../../src/core/workbook';
import { readModel } from '../../src/app/read';
import { MemoryWorkbook } from '../../src/adapters/memory';
import type { CellValue } from '../../src/core/values';
import { sheetsDate } from '../support/fake-gas';

describe('benchmark workbooks', () => {
  it('are deterministic', () => {
    expect(JSON.stringify(generateDataset(50).tabs)).toBe(JSON.stringify(generateDataset(50).tabs));
    expect(JSON.stringify(generateDataset(50).tabs)).not.toBe(JSON.stringify(generateDataset(50, { seed: 7 }).tabs));
  });

  it('hold five seasons of weekly Tuesday sessions, March to October, and 20 Présences rows per participant', () => {
    const dates = sessionDates();
    expect(dates[0]).toBe('2020-03-03');
    expect(dates[dates.length - 1]).toBe('2024-10-29');
    expect(dates.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 2)).toBe(true);
    expect(dates.every((d) => d.slice(5, 7) >= '03' && d.slice(5, 7) <= '10')).toBe(true);
    const ds = generateDataset(1000);
    expect(ds.sessions).toBe(dates.length);
    expect(ds.attendanceRows).toBe(20_000);
    expect(ds.tabs.Participants).toHaveLength(1001);
  });

  it('read cleanly: every participant is a beneficiary of some year, few issues, no error on IDs or attendance', () => {
    const ds = generateDataset(300);
    const model = readModel(new MemoryWorkbook('Europe/Paris', ds.tabs as Record<string, CellValue[][]>));
    expect(model.participantRecords.every((p) => p.entryDate.status === 'ok' && p.birthDate.status === 'ok')).toBe(true);
    expect(attendanceRecordsOf(model).every((a) => a.date.status === 'ok' && a.status.status === 'ok')).toBe(true);
    const result = checkWorkbook(model, dayFromIso('2026-11-26')!);
    const codes = new Set(result.issues.map((i) => i.code));
    for (const code of [
      'ID_DUPLICATE',
      'ATTENDANCE_UNKNOWN_PARTICIPANT',
      'ATTENDANCE_UNKNOWN_SESSION',
      'ATTENDANCE_DUPLICATE',
      'DATE_INVALID',
    ]) {
      expect(codes.has(code)).toBe(false);
    }
    expect(result.issues.length).toBeLessThan(ds.participants);
  });

  it("write dates as Sheets does: midnight in Paris (checked against the fake's Intl-based dates)", () => {
    const start = Date.UTC(1985, 0, 1);
    for (let t = start; t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      // Every day of March, September and October (summer time changes), a few days elsewhere.
      if (![2, 8, 9].includes(d.getUTCMonth()) && d.getUTCDate() % 9 !== 0) continue;
      expect([iso, parisMidnight(iso).getTime()]).toEqual([iso, sheetsDate(iso).getTime()]);
    }
  });
});
