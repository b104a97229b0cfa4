/**
 * Counts keyed by free text (SPEC §6): a district typed `constructor`, `__proto__` or
 * `toString` is counted as itself in the JSON, the text and HTML reports and the bilan tab.
 */
import { renderHtmlReport } from '../../src/cli/html-report';
import { renderTextReport } from '../../src/cli/report';
import { dayFromIso } from '../../src/core/days';
import { computeIndicators } from '../../src/core/indicators';
import { readModel } from '../../src/server/read';
import { generateAnnualReport, reportLayoutFor } from '../../src/server/report';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

const DISTRICTS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

function workbook() {
  const people = DISTRICTS.flatMap((district, k) =>
    Array.from({ length: k + 3 }, () => participant({ qpvResident: 'Oui', qpvDistrict: district })),
  );
  // The year before has data (its column is shown) but none of those districts.
  const before = [0, 1, 2].map(() => participant({ entryDate: '2017-03-06', qpvResident: 'Oui', qpvDistrict: 'Lebon' }));
  return buildWorkbook({
    participants: [...before, ...people],
    sessions: [{ date: '2017-03-07' }, { date: '2018-03-06' }],
    attendance: [
      ...before.map((p) => ({ date: '2017-03-07', id: p.id!, status: 'Présent' })),
      ...people.map((p) => ({ date: '2018-03-06', id: p.id!, status: 'Présent' })),
    ],
  });
}

/** The expected count of each district: 3, 4, 5, 6 people. */
const EXPECTED = Object.fromEntries(DISTRICTS.map((d, k) => [d, k + 3]));

describe('districts named like Object properties', () => {
  it('are counted as themselves in the JSON', () => {
    const indicators = computeIndicators(readModel(workbook()), 2018);
    const json = JSON.parse(JSON.stringify(indicators));
    expect(Object.keys(json.qpv.byDistrict)).toEqual(expect.arrayContaining(DISTRICTS));
    expect(DISTRICTS.map((d) => json.qpv.byDistrict[d])).toEqual(DISTRICTS.map((d) => EXPECTED[d]));
  });

  it('give their own count, never NaN nor a function, in the text and HTML reports', () => {
    const { layout } = reportLayoutFor(readModel(workbook()), 2018, dayFromIso('2019-01-10')!);
    const text = renderTextReport(layout);
    const html = renderHtmlReport(layout);
    for (const out of [text, html]) expect([/NaN/.test(out), /function|native code/.test(out)]).toEqual([false, false]);
    const lines = text.split('\n');
    for (const d of DISTRICTS) {
      const line = lines.find((l) => l.startsWith(`${d} `));
      expect([d, line?.split(/\s+/)[1]]).toEqual([d, String(EXPECTED[d])]);
    }
  });

  it('give their own count in the bilan tab', () => {
    const wb = workbook();
    generateAnnualReport(memoryServices(wb, '2019-01-10'), 2018);
    const tab = wb.sheet('Bilan 2018').cells;
    const flat = tab.flat().map((v) => String(v));
    expect(flat.filter((v) => /NaN|function|native code/.test(v))).toEqual([]);
    for (const d of DISTRICTS) {
      const row = tab.find((r) => r[0] === d);
      expect([d, row?.[1]]).toEqual([d, EXPECTED[d]]);
    }
  });
});
