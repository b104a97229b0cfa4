/** The HTML report's structure for people using a screen reader, colour-blind readers and print (SPEC §9). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReport } from '../../src/cli/report';
import { REPORT } from '../../src/i18n/fr/report';
import { REPORT_HOURS } from '../../src/i18n/fr/hours';
import { REPORT_PARTS } from '../../src/i18n/fr/report-parts';

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
  REPORT_PARTS.quality.title,
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

/** The text of a piece of HTML, tags removed and entities read back. */
const textOf = (fragment: string): string =>
  fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\n]+/g, ' ')
    .trim();

describe("the HTML report's first and last parts", () => {
  it('opens with the Structure, the programme and the year, never with a to-do list', () => {
    const header = html.match(/<header>([\s\S]*?)<\/header>/)![1];
    expect(textOf(header)).toMatch(/^Mission locale Club de l'alternance — Bilan 2018 Généré le 10\/01\/2019/);
    expect(html).not.toMatch(/Attention|role="alert"|class="warning"/);
    expect(html).toContain('<title>Mission locale — Club de l&#39;alternance — Bilan 2018</title>');
  });

  it('ends with "Qualité des données": each count with the fix by club-alternance verifier, never the menu', () => {
    const last = sections()[sections().length - 1];
    expect(html.indexOf(last)).toBeGreaterThan(html.indexOf(`>${REPORT.tables.months}</h2>`));
    const rows = new Map(
      [...last.matchAll(/<th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [
        textOf(m[1]),
        [m[2], textOf(m[3])],
      ]),
    );
    const q = REPORT_PARTS.quality.rows;
    expect([...rows.keys()]).toEqual(Object.values(q));
    // The worked example: one Participants row without an entry date, one 2018 presence of an unknown ID.
    expect(rows.get(q.excludedRows)![0]).toBe('1');
    expect(rows.get(q.unknownId)![0]).toBe('1');
    for (const [count, fix] of rows.values()) {
      if (count === '0') expect(fix).toBe(REPORT_PARTS.quality.nothingToFix);
      else expect(fix).toMatch(/club-alternance (verifier|bilan)|Début/);
    }
    expect(rows.get(q.excludedRows)![1]).toContain('«\u00a0club-alternance verifier <classeur.xlsx>\u00a0»');
    expect(textOf(last)).not.toMatch(/menu/);
  });

  it('lists the districts by count, then name, with "Non précisé" last', () => {
    const districts = sections().find((s) => s.includes(`>${REPORT.tables.districts}</h2>`))!;
    const rows = [...districts.matchAll(/<th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td>/g)].map((m) => [
      textOf(m[1]),
      Number(m[2].replace(/\D/g, '')),
    ]) as [string, number][];
    const named = rows.filter(([name]) => name !== 'Non précisé');
    const sorted = [...named].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'));
    expect(named).toEqual(sorted);
    if (rows.some(([name]) => name === 'Non précisé')) expect(rows[rows.length - 1][0]).toBe('Non précisé');
  });
});
