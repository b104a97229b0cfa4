/** The embedded demo reproduces the programme's published figures (SPEC §8) under SPEC §6. */
import { computeIndicators } from '../../src/core/indicators';
import { generateDemoWorkbook, DEMO_FIGURES, DEMO_OPEN_SESSION } from '../../src/preview/demo';
import { createServerApi } from '../../src/app/api';
import { readModel } from '../../src/app/read';
import { memoryServices } from '../support/builders';

describe('the embedded demo workbook', () => {
  const model = readModel(generateDemoWorkbook());

  test('2017: 64 beneficiaries for 55 planned places', () => {
    const i = computeIndicators(model, 2017);
    expect(i.beneficiaries).toBe(DEMO_FIGURES[2017].beneficiaries);
    expect(i.beneficiaries).toBe(64);
    expect(i.plannedPlaces).toBe(55);
  });

  test('2018: 56 beneficiaries, 16 % minors and 20 % QPV residents', () => {
    const i = computeIndicators(model, 2018);
    expect(i.beneficiaries).toBe(56);
    expect(i.minors).toEqual({ count: 9, percent: 16 });
    expect(i.qpv.count).toBe(11);
    expect(i.qpv.percent).toBe(20);
    expect(i.qpv.unknown).toBe(0);
    expect(i.newEntrants + i.carriedOver).toBe(56);
  });
});

describe('the demo generator', () => {
  test('is deterministic: the same seed gives the same workbook', () => {
    const a = generateDemoWorkbook();
    const b = generateDemoWorkbook();
    expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
    for (let i = 0; i < a.sheets.length; i++) expect(a.sheets[i].cells).toEqual(b.sheets[i].cells);
  });

  test('reproduces the published figures by construction, whatever the seed', () => {
    for (const seed of [1, 2, 3, 42, 2018, 99991]) {
      const m = readModel(generateDemoWorkbook(seed));
      const y17 = computeIndicators(m, 2017);
      const y18 = computeIndicators(m, 2018);
      expect([y17.beneficiaries, y17.plannedPlaces]).toEqual([64, 55]);
      expect([y18.beneficiaries, y18.minors.percent, y18.qpv.percent]).toEqual([56, 16, 20]);
    }
  });

  test('holds only fictional contact details: reserved phone range and example.com addresses', () => {
    const m = readModel(generateDemoWorkbook());
    for (const p of m.participantRecords) {
      if (p.phone.status === 'ok') expect(p.phone.value).toMatch(/^06 39 98/);
      if (p.email.status === 'ok') expect(p.email.value).toMatch(/example\.com$/);
    }
  });
});

describe('the demo session left to record', () => {
  test('"Saisir les présences" opens on it with everybody unmarked, and recording it keeps the published figures', () => {
    const wb = generateDemoWorkbook();
    const api = createServerApi(memoryServices(wb, DEMO_OPEN_SESSION));
    const sheet = api.getAttendanceSheet('');
    expect(sheet.date).toBe(DEMO_OPEN_SESSION);
    expect(sheet.session).not.toBeNull();
    expect(sheet.participants.length).toBeGreaterThan(10);
    expect(sheet.participants.every((p) => p.status === null)).toBe(true);

    const result = api.saveAttendance({
      date: sheet.date,
      entries: sheet.participants.map((p) => ({ participantId: p.id, status: 'Présent' as const })),
    });
    expect(result.written).toBe(sheet.participants.length);
    const y18 = computeIndicators(readModel(wb), 2018);
    expect([y18.beneficiaries, y18.minors.percent, y18.qpv.percent]).toEqual([56, 16, 20]);
  });
});

describe('the demo’s deliberate faults', () => {
  test('"Vérifier le classeur" has realistic faults to show, one of each kind planted', () => {
    const wb = generateDemoWorkbook();
    const { issues } = createServerApi(memoryServices(wb, DEMO_OPEN_SESSION)).validateWorkbook();
    const codes = new Set(issues.map((i) => i.code));
    for (const code of [
      'BIRTH_DATE_MISSING',
      'DATE_INVALID',
      'ID_DUPLICATE',
      'CONTRACT_START_MISSING',
      'POSTCODE_MISMATCH',
      'QPV_DISTRICT_MISSING',
      'PHONE_INVALID',
      'EMAIL_INVALID',
      'ENTRY_DATE_MISSING',
      'ATTENDANCE_UNKNOWN_PARTICIPANT',
      'COMMUNE_OUTSIDE_TERRITORY',
    ]) {
      expect(codes).toContain(code);
    }
    // The faults are a handful of rows, not noise: no shared attendance, no impossible ages.
    expect(codes).not.toContain('ATTENDANCE_DUPLICATE');
    expect(codes).not.toContain('AGE_IMPLAUSIBLE');
    expect(codes).not.toContain('DATE_IN_FUTURE');
    expect(issues.filter((i) => i.severity === 'error').length).toBeLessThanOrEqual(8);
  });
});
