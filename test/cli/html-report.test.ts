/** The HTML report's structure for people using a screen reader, colour-blind readers and print (SPEC §9). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../../src/cli/report';
import { REPORT } from '../../src/i18n/fr/report';
import { REPORT_HOURS } from '../../src/i18n/fr/hours';

const EXAMPLE = join(__dirname, '..', 'fixtures', 'exemples', 'classeur-exemple.xlsx');

let html = '';
beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bilan-html-')), 'bilan-2018.html');
  const io = { out: () => undefined, err: () => undefined };
  await runReport([EXAMPLE, '--annee', '2018', '--sortie', out], io, { now: () => new Date('2019-01-10T09:00:00Z') });
  html = readFileSync(out, 'utf8');
});

const sections = (): string[] => html.match(/<section[\s\S]*?<\/section>/g) ?? [];

/** The sections' titles in order: the hours after the attendance, sex by age before the months. */
const T = REPORT.tables;
const TITLES = [
  T.key,
  T.districts,
  T.communes,
  T.ages,
  T.levels,
  T.attendance,
  REPORT_HOURS.tables.hours,
  T.outcomes,
  REPORT_HOURS.tables.sexByAge(2018),
  T.months,
];

describe('the HTML report', () => {
  it('gives each section one h2 naming it, the report itself one h1', () => {
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(sections().length).toBe(TITLES.length);
    const headings = sections().map((s) => (s.match(/<h2[^>]*>([^<]*)<\/h2>/g) ?? []).map((h) => h.replace(/<[^>]+>/g, '')));
    expect(headings).toEqual(TITLES.map((t) => [t.replace(/'/g, '&#39;')]));
  });

  it('has no empty header cell (the corner of each table is a plain cell)', () => {
    expect(html).not.toMatch(/<th[^>]*>\s*<\/th>/);
    expect(html.match(/<thead><tr><td><\/td><th /g)).toHaveLength(TITLES.length);
  });

  it('draws "Sorties" as labelled bars: each outcome with its count and share written out, no pie slice', () => {
    const outcomes = sections().find((s) => s.includes(`>${REPORT.tables.outcomes.replace(/'/g, '&#39;')}</h2>`))!;
    const svg = outcomes.match(/<svg[\s\S]*<\/svg>/)![0];
    expect(svg).not.toMatch(/<path /);
    const table = new Map(
      [...outcomes.matchAll(/<th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]),
    );
    const bars = [...svg.matchAll(/text-anchor="end">([^<]*)<\/text>(?:<rect [^>]*\/>)?<text [^>]*>([^<]*)<\/text>/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(bars.length).toBeGreaterThan(2);
    for (const [label, value] of bars) expect(value).toMatch(new RegExp(`^${table.get(label)}( \\(\\d+\u00a0%\\))?$`));
    expect(bars.filter(([, v]) => /%\)$/.test(v)).length).toBeGreaterThan(2);
  });

  it('uses no grey and no two equal colours for the series of a chart', () => {
    const months = sections().find((s) => s.includes(`>${REPORT.tables.months}</h2>`))!;
    const legendFills = [...months.matchAll(/<rect x="\d+" y="\d+" width="12" height="12" fill="(#[0-9a-f]{6})"/g)].map(
      (m) => m[1],
    );
    expect(legendFills).toHaveLength(2);
    expect(new Set(legendFills).size).toBe(2);
    for (const c of legendFills) expect(c).not.toMatch(/^#(9aa0a6|5f6368|80868b|dadce0)$/);
  });

  it('when printed, keeps tables and charts whole but lets sections break across pages', () => {
    const print = html.match(/@media print \{([\s\S]*?)\n\}/)![1].replace(/\/\*[\s\S]*?\*\//g, '');
    const unbreakable = [...print.matchAll(/([^{}]+)\{[^}]*break-inside:\s*avoid/g)].map((m) => m[1].trim());
    expect(unbreakable).toEqual(['figure.chart, table']);
    expect(html).toMatch(/h2 \{[^}]*break-after: avoid/);
  });
});
