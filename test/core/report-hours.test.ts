/**
 * Hours and sex by age in the annual report (SPEC §6): the bilan tab's grid, the HTML report and
 * the CLI text all show them; the confidentiality threshold masks sexByAge, never hours.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { renderHtmlReport } from '../../src/cli/html-report';
import { renderTextReport } from '../../src/cli/report';
import { dayFromIso } from '../../src/core/days';
import type { ReportLayout } from '../../src/core/report-layout';
import type { CellValue } from '../../src/core/values';
import { REPORT_HOURS } from '../../src/i18n/fr/hours';
import { readModel } from '../../src/server/read';
import { reportLayoutFor } from '../../src/server/report';

const GENERATED = dayFromIso('2019-01-10')!;

/** Six 2018 beneficiaries: 3 women of 18–21, 1 man under 18, 2 women whose birth date is not given. */
function workbook(settings: CellValue[][] | null): MemoryWorkbook {
  const tabs: Record<string, CellValue[][]> = {
    Participants: [
      ['ID', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Commune', "Date d'entrée"],
      ['A-1', 'Martin', 'Léa', 'F', '15/06/1998', 'Cachan', '01/03/2018'],
      ['A-2', 'Durand', 'Inès', 'F', '15/06/1998', 'Cachan', '01/03/2018'],
      ['A-3', 'Petit', 'Emma', 'F', '15/06/1998', 'Cachan', '01/03/2018'],
      ['A-4', 'Benali', 'Yanis', 'H', '15/06/2001', 'Arcueil', '01/03/2018'],
      ['A-5', 'Roux', 'Lina', 'F', '', 'Arcueil', '01/03/2018'],
      ['A-6', 'Moreau', 'Sarah', 'F', '', 'Arcueil', '01/03/2018'],
    ],
    Séances: [
      ['Date', 'Début', 'Fin'],
      ['06/03/2018', '14:00', '16:30'],
      ['13/03/2018', '', ''],
    ],
    Présences: [
      ['Date', 'ID participant', 'Statut'],
      ['06/03/2018', 'A-1', 'Présent'],
      ['06/03/2018', 'A-4', 'Présent'],
      ['13/03/2018', 'A-1', 'Présent'],
    ],
  };
  if (settings) tabs.Paramètres = settings;
  return new MemoryWorkbook('Europe/Paris', tabs);
}

function layoutOf(settings: CellValue[][] | null): ReportLayout {
  return reportLayoutFor(readModel(workbook(settings)), 2018, GENERATED).layout;
}

const table = (layout: ReportLayout, id: string) => layout.tables.find((t) => t.id === id)!;

describe('the report’s hours table', () => {
  it('shows the hours delivered, attended, per beneficiary and the sessions without times, in the grid at its row', () => {
    const layout = layoutOf(null);
    const hours = table(layout, 'hours');
    // 2.5 h delivered; 2 presents × 2.5 h = 5 h attended; 5 h / 6 beneficiaries = 0.8 h; 13/03 has no times.
    expect(hours.rows.map((r) => r.slice(0, 2))).toEqual([
      [REPORT_HOURS.rows.delivered, 2.5],
      [REPORT_HOURS.rows.attended, 5],
      [REPORT_HOURS.rows.perBeneficiary, 0.8],
      [REPORT_HOURS.rows.sessionsWithoutTimes, 1],
    ]);
    expect(layout.grid[hours.sheetRow - 1][0]).toBe(REPORT_HOURS.tables.hours);
    expect(layout.grid[hours.sheetRow][1]).toBe(2.5);
  });

  it('is never masked by the confidentiality threshold', () => {
    const hours = table(layoutOf([['Seuil de confidentialité'], [10]]), 'hours');
    expect(hours.rows.map((r) => r[1])).toEqual([2.5, 5, 0.8, 1]);
  });
});

describe('the report’s sex-by-age table', () => {
  it('crosses the age bands with sex, the total column being ageBands', () => {
    const t = table(layoutOf(null), 'sexByAge');
    expect(t.header.slice(1)).toEqual(['Femmes', 'Hommes', 'Sexe non renseigné', 'Total']);
    expect(t.rows.map((r) => r.slice(1))).toEqual([
      [0, 1, 0, 1],
      [3, 0, 0, 3],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [2, 0, 0, 2],
    ]);
  });

  it('masks the counts from 1 to N−1 under a threshold N, zeros and larger counts shown', () => {
    const t = table(layoutOf([['Seuil de confidentialité'], [3]]), 'sexByAge');
    expect(t.rows.map((r) => r.slice(1))).toEqual([
      [0, '< 3', 0, '< 3'],
      [3, 0, 0, 3],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      ['< 3', 0, 0, '< 3'],
    ]);
  });

  it('is written in the grid outside the columns formatted as percentages', () => {
    const layout = layoutOf(null);
    const t = table(layout, 'sexByAge');
    const percentRanges = layout.formats.filter((f) => f.format.numberFormat?.includes('%'));
    for (const f of percentRanges) expect(f.row + f.numRows - 1).toBeLessThan(t.sheetRow);
  });
});

describe('hours and sex by age in the HTML report and the CLI text', () => {
  it('shows both tables in each, masked alike', () => {
    const layout = layoutOf([['Seuil de confidentialité'], [3]]);
    const text = renderTextReport(layout);
    expect(text).toContain(REPORT_HOURS.rows.attended);
    expect(text).toMatch(/Sexe et âge des bénéficiaires 2018\s+Femmes\s+Hommes\s+Sexe non renseigné\s+Total/);
    expect(text).toMatch(/Moins de 18 ans\s+0\s+< 3\s+0\s+< 3/);
    const html = renderHtmlReport(layout);
    expect(html).toContain(`<h2 id="section-7">${REPORT_HOURS.tables.hours}</h2>`);
    expect(html).toMatch(/<th scope="row">Heures de présence par bénéficiaire<\/th><td class="num">0,8<\/td>/);
    expect(html).toMatch(/<th scope="row">Moins de 18 ans<\/th><td class="num">0<\/td><td class="num">&lt; 3<\/td>/);
  });
});
