/** The annual report on the in-memory workbook: tab "Bilan AAAA", menu, years, privacy, threshold. */
import { join } from 'node:path';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { readXlsx } from '../../src/adapters/xlsx';
import { computeIndicators as coreIndicators } from '../../src/core/indicators';
import type { CellValue } from '../../src/core/values';
import { computeIndicators, generateAnnualReport, getReportYears } from '../../src/app/report';
import { createMenuActions } from '../../src/app/api';
import { readModel } from '../../src/app/read';
import { buildWorkbook, memoryServices, participant, ParticipantInput, TZ, WorkbookInput } from '../support/builders';

const EXAMPLE = join(__dirname, '..', 'fixtures', 'exemples', 'classeur-exemple.xlsx');

function snapshot(wb: MemoryWorkbook, except: string[] = []): string {
  return JSON.stringify(
    wb.sheets.filter((s) => !except.includes(s.name)).map((s) => [s.name, s.cells, [...s.formats], [...s.notes]]),
  );
}

/** The report row whose first cell is `label` in the table starting at the row titled `table`. */
function row(wb: MemoryWorkbook, sheet: string, table: string, label: string): CellValue[] {
  const cells = wb.sheet(sheet).cells;
  const start = cells.findIndex((r) => r[0] === table);
  if (start < 0) throw new Error(`no table ${table}`);
  for (let i = start + 1; i < cells.length && cells[i][0] !== ''; i++) if (cells[i][0] === label) return cells[i];
  throw new Error(`no row ${label} in ${table}`);
}

const people = (): ParticipantInput[] => [
  participant({
    id: 'A1',
    lastName: 'Zerbib',
    firstName: 'Océane',
    email: 'oceane.zerbib@exemple.fr',
    phone: '06 11 22 33 44',
    entryDate: '2018-03-05',
    commune: 'Cachan',
  }),
  participant({
    id: 'A2',
    lastName: 'Quenneville',
    firstName: 'Marius',
    entryDate: '2018-03-05',
    sex: 'H',
    birthDate: '2001-06-01',
  }),
  participant({
    id: 'A3',
    lastName: 'Poulain',
    firstName: 'Aya',
    entryDate: '2017-09-12',
    situation: 'Alternance signée',
    contractType: 'Apprentissage',
    contractStart: '2018-09-03',
    contractMonths: 24,
  }),
  participant({
    id: 'A4',
    lastName: 'Valdor',
    firstName: 'Théo',
    entryDate: '2017-03-01',
    qpvResident: 'Oui',
    qpvDistrict: 'La Plaine',
    commune: 'Cachan',
  }),
  participant({ id: 'A5', lastName: 'Sansdate', firstName: 'Lou', entryDate: '' }),
];

function workbook(extra: Partial<WorkbookInput> = {}): MemoryWorkbook {
  return buildWorkbook({
    participants: people(),
    sessions: [{ date: '2017-03-07' }, { date: '2018-03-06' }, { date: '2018-03-13' }],
    attendance: [
      { date: '2017-03-07', id: 'A4', status: 'Présent', name: 'Valdor Théo' },
      { date: '2018-03-06', id: 'A1', status: 'Présent', name: 'Zerbib Océane' },
      { date: '2018-03-06', id: 'A3', status: 'Présent', name: 'Poulain Aya' },
      { date: '2018-03-13', id: 'A2', status: 'Absent', name: 'Quenneville Marius' },
      { date: '2018-03-13', id: 'A5', status: 'Présent', name: 'Sansdate Lou' },
    ],
    settings: [
      ['Année', 'Places prévues'],
      [2017, 10],
      [2018, 4],
    ],
    ...extra,
  });
}

describe('generateAnnualReport', () => {
  it('writes the tab "Bilan AAAA" and returns the indicators of SPEC §6', () => {
    const wb = workbook();
    const services = memoryServices(wb);
    const result = generateAnnualReport(services, 2018);
    expect(result.sheetName).toBe('Bilan 2018');
    expect(result.indicators).toEqual(coreIndicators(readModel(wb), 2018));
    expect(result.indicators).toMatchObject({ beneficiaries: 3, newEntrants: 2, carriedOver: 1, excludedRows: 1 });
    expect(wb.sheetNames()).toContain('Bilan 2018');
  });

  it('never changes the data tabs', () => {
    const wb = workbook();
    const before = snapshot(wb);
    generateAnnualReport(memoryServices(wb), 2018);
    expect(snapshot(wb, ['Bilan 2018'])).toBe(before);
  });

  it('shows the title, the generation date, year N−1 side by side and the change', () => {
    const wb = workbook();
    generateAnnualReport(memoryServices(wb, '2019-01-15'), 2018);
    const cells = wb.sheet('Bilan 2018').cells;
    expect([cells[0][0], cells[1][0]]).toEqual(['Mission locale', "Club de l'alternance — Bilan 2018"]);
    expect(String(cells[2][0])).toMatch(/^Généré le 15\/01\/2019/);
    expect(cells.find((r) => r[0] === 'Chiffres clés')).toEqual(['Chiffres clés', '2018', '%', '2017', '%', 'Évolution']);
    expect(row(wb, 'Bilan 2018', 'Chiffres clés', 'Bénéficiaires')).toEqual(['Bénéficiaires', 3, '', 2, '', '+1']);
    expect(row(wb, 'Bilan 2018', 'Chiffres clés', 'Places prévues')).toEqual(['Places prévues', 4, '', 10, '', '−6']);
    expect(row(wb, 'Bilan 2018', 'Chiffres clés', 'Taux de remplissage (bénéficiaires / places prévues)')).toEqual([
      'Taux de remplissage (bénéficiaires / places prévues)',
      '',
      75,
      '',
      20,
      '+55 pts',
    ]);
    expect(row(wb, 'Bilan 2018', 'Communes de résidence', 'Cachan')).toEqual(['Cachan', 1, 33, 1, 50, '0']);
    expect(row(wb, 'Bilan 2018', 'Communes de résidence', 'Arcueil')).toEqual(['Arcueil', 0, 0, 0, 0, '0']);
    expect(row(wb, 'Bilan 2018', "Sorties de l'année", 'Alternance signée')).toEqual(['Alternance signée', 1, 33, 0, 0, '+1']);
    expect(row(wb, 'Bilan 2018', "Sorties de l'année", 'Durée moyenne des contrats (mois)')).toEqual([
      'Durée moyenne des contrats (mois)',
      24,
      '',
      '—',
      '',
      '',
    ]);
    expect(row(wb, 'Bilan 2018', 'Séances et présences', 'Présences (part\u00a0: taux de présence)')).toEqual([
      'Présences (part\u00a0: taux de présence)',
      3,
      75,
      1,
      100,
      '+2',
    ]);
    expect(row(wb, 'Bilan 2018', 'Présences par mois', 'Mars')).toEqual(['Mars', 3, 1, '', '', '']);
  });

  it('shows every key figure of the issue: minors, QPV by district, sex, age bands, training levels', () => {
    const wb = workbook();
    generateAnnualReport(memoryServices(wb), 2018);
    const labels = wb.sheet('Bilan 2018').cells.map((r) => r[0]);
    for (const label of [
      'Mineurs (moins de 18 ans)',
      'Résidents QPV',
      'La Plaine',
      'Femmes',
      'Hommes',
      'Moins de 18 ans',
      '26 ans et plus',
      'Sans diplôme',
      'Bac+5 et plus (niveau 7-8)',
      'Non renseigné',
      'Séances',
      'Moyenne de présents par séance',
      "Alternances signées en contrat d'apprentissage",
      'Alternances signées en contrat de professionnalisation',
      'Sorties positives (alternance, formation, emploi)',
      'Toujours en recherche',
      "Nouveaux entrants (entrés dans l'année)",
    ]) {
      expect(labels).toContain(label);
    }
  });

  it('adds native charts of communes, outcomes and presences per month over the right ranges', () => {
    const wb = workbook();
    generateAnnualReport(memoryServices(wb), 2018);
    const sheet = wb.sheet('Bilan 2018');
    expect(sheet.charts.map((c) => c.type)).toEqual(['bar', 'pie', 'column']);
    const firstCell = (c: (typeof sheet.charts)[number]) => sheet.cells[c.range.row - 1][c.range.col - 1];
    const lastLabel = (c: (typeof sheet.charts)[number]) => sheet.cells[c.range.row + c.range.numRows - 2][0];
    const [communes, outcomes, months] = sheet.charts;
    expect([firstCell(communes), lastLabel(communes)]).toEqual(['Communes de résidence', 'Non renseigné']);
    expect([firstCell(outcomes), lastLabel(outcomes)]).toEqual(["Sorties de l'année", 'Toujours en recherche']);
    expect([firstCell(months), lastLabel(months), months.range.numCols]).toEqual(['Présences par mois', 'Décembre', 3]);
    // Charts sit to the right of the tables, without overlapping each other.
    for (const c of sheet.charts) expect(c.anchor.col).toBeGreaterThan(6);
    expect(outcomes.anchor.row).toBeGreaterThan(communes.anchor.row + 15);
    expect(months.anchor.row).toBeGreaterThan(outcomes.anchor.row + 15);
  });

  it('says at its end, not at its top, how many rows were excluded and how to fix them from the menu', () => {
    const wb = workbook();
    generateAnnualReport(memoryServices(wb), 2018);
    const cells = wb.sheet('Bilan 2018').cells;
    expect(cells.slice(0, 5).some((r) => /Attention|Corrigez/.test(String(r[0])))).toBe(false);
    expect([...wb.sheet('Bilan 2018').formats.values()].some((f) => f.fontColor === '#c5221f')).toBe(false);
    const excluded = cells.find((r) => String(r[0]).startsWith("Participants sans date d'entrée lisible"))!;
    expect(excluded[1]).toBe(1);
    expect(String(excluded[2])).toMatch(/menu Club de l'alternance › «\u00a0Vérifier le classeur\u00a0»/);

    const clean = buildWorkbook({ participants: [participant({ entryDate: '2018-03-05' })] });
    generateAnnualReport(memoryServices(clean), 2018);
    const row = clean.sheet('Bilan 2018').cells.find((r) => String(r[0]).startsWith("Participants sans date d'entrée lisible"))!;
    expect(row.slice(1, 3)).toEqual([0, 'Rien à corriger.']);
  });

  it('holds aggregates only: no name, e-mail, phone or ID of a participant', () => {
    const wb = workbook();
    generateAnnualReport(memoryServices(wb), 2018);
    const sheet = wb.sheet('Bilan 2018');
    const text = JSON.stringify([sheet.cells, sheet.charts.map((c) => c.title), [...sheet.notes]]);
    for (const secret of [
      'Zerbib',
      'Océane',
      'Quenneville',
      'Marius',
      'Poulain',
      'Valdor',
      'Sansdate',
      'oceane.zerbib',
      '06 11 22 33 44',
      'A1',
      'A5',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('shows counts from 1 to N−1 as "< N" with the confidentiality threshold, hiding derived shares and changes', () => {
    const many = Array.from({ length: 12 }, (_, k) =>
      participant({ entryDate: '2018-03-05', commune: k < 7 ? 'Villejuif' : 'Arcueil', sex: 'F' }),
    );
    const wb = buildWorkbook({
      participants: [...many, participant({ entryDate: '2017-03-05', commune: 'Villejuif' })],
      sessions: [{ date: '2018-03-06' }],
      settings: [
        ['Année', 'Places prévues', 'Seuil de confidentialité'],
        [2018, 20, 5],
        [2017, 20, ''],
      ],
    });
    generateAnnualReport(memoryServices(wb), 2018);
    expect(row(wb, 'Bilan 2018', 'Communes de résidence', 'Villejuif')).toEqual(['Villejuif', 7, 58, '< 5', '—', '']);
    expect(row(wb, 'Bilan 2018', 'Communes de résidence', 'Arcueil')).toEqual(['Arcueil', 5, 42, 0, 0, '+5']);
    expect(row(wb, 'Bilan 2018', 'Communes de résidence', 'Cachan')).toEqual(['Cachan', 0, 0, 0, 0, '0']);
    expect(row(wb, 'Bilan 2018', 'Chiffres clés', 'Bénéficiaires')).toEqual(['Bénéficiaires', 12, '', '< 5', '', '']);
    expect(row(wb, 'Bilan 2018', 'Chiffres clés', 'Taux de remplissage (bénéficiaires / places prévues)')).toEqual([
      'Taux de remplissage (bénéficiaires / places prévues)',
      '',
      60,
      '',
      '—',
      '',
    ]);
    const cells = wb.sheet('Bilan 2018').cells;
    expect(String(cells[3][0])).toMatch(/Seuil de confidentialité\u00a0: les effectifs de 1 à 4 sont affichés «\u00a0< 5\u00a0»/);
    // No count of people from 1 to 4 anywhere in the people tables.
    const peopleTables = cells.slice(
      5,
      cells.findIndex((r) => r[0] === 'Séances et présences'),
    );
    for (const r of peopleTables) for (const c of [r[1], r[3]]) if (typeof c === 'number') expect(c === 0 || c >= 5).toBe(true);
  });

  it('replaces an existing report: cleared, rewritten, charts not duplicated', () => {
    const wb = workbook();
    wb.insertSheet('Bilan 2018');
    wb.writeValues('Bilan 2018', 200, 1, [['ancienne ligne']]);
    generateAnnualReport(memoryServices(wb), 2018);
    generateAnnualReport(memoryServices(wb), 2018);
    const sheet = wb.sheet('Bilan 2018');
    expect(sheet.cells.length).toBeLessThan(200);
    expect(sheet.charts).toHaveLength(3);
    expect(wb.sheetNames().filter((n) => n.startsWith('Bilan'))).toEqual(['Bilan 2018']);
  });

  it('reuses a report tab whose name differs only by case or accents', () => {
    const wb = workbook();
    wb.insertSheet('bilan 2018 ');
    expect(generateAnnualReport(memoryServices(wb), 2018).sheetName).toBe('bilan 2018 ');
    expect(wb.sheetNames()).not.toContain('Bilan 2018');
  });

  it('writes in a constant number of calls, takes the lock and flushes', () => {
    const wb = workbook();
    const services = memoryServices(wb);
    generateAnnualReport(services, 2018);
    expect([wb.calls.readValues, wb.calls.readValueBands]).toEqual([3, 1]); // Présences in bands
    expect(wb.calls.writeValues).toBe(1);
    expect(wb.calls.addChart).toBe(3);
    expect(wb.calls.flush).toBe(1);
    expect(services.lock.acquisitions).toBe(1);
    expect(services.lock.held).toBe(false);
  });

  it('refuses an invalid year with a French message and writes nothing', () => {
    for (const bad of ['deux mille', 18, 2018.5, null, '2018-01', 3000]) {
      const wb = workbook();
      const before = snapshot(wb);
      expect(() => generateAnnualReport(memoryServices(wb), bad)).toThrow(/Année invalide/);
      expect(snapshot(wb)).toBe(before);
    }
    expect(generateAnnualReport(memoryServices(workbook()), '2018').sheetName).toBe('Bilan 2018');
  });

  it('refuses a year without any data and writes nothing', () => {
    const wb = workbook();
    expect(() => generateAnnualReport(memoryServices(wb), 2030)).toThrow(/Aucune donnée pour 2030/);
    expect(wb.sheetNames()).not.toContain('Bilan 2030');
  });

  it('explains when Participants is missing', () => {
    const wb = new MemoryWorkbook(TZ, { Feuille1: [['x']] });
    expect(() => generateAnnualReport(memoryServices(wb), 2018)).toThrow(/Participants/);
    expect(() => computeIndicators(memoryServices(wb), 2018)).toThrow(/Participants/);
    expect(wb.sheetNames()).toEqual(['Feuille1']);
  });

  it('gives a clear message and writes nothing when the document lock is busy', () => {
    const wb = workbook();
    const services = memoryServices(wb);
    services.lock.busy = true;
    expect(() => generateAnnualReport(services, 2018)).toThrow(/un autre enregistrement est en cours, réessayez/);
    expect(wb.sheetNames()).not.toContain('Bilan 2018');
  });
});

describe('computeIndicators (server function)', () => {
  it('reads each tab once (Présences in bands) and returns the indicators of SPEC §6', () => {
    const wb = workbook();
    const i = computeIndicators(memoryServices(wb), 2018);
    expect([wb.calls.readValues, wb.calls.readValueBands]).toEqual([3, 1]);
    expect(wb.calls.writeValues ?? 0).toBe(0);
    expect(i).toEqual(coreIndicators(readModel(wb), 2018));
  });

  it('matches the worked example read from its .xlsx', async () => {
    const wb = await readXlsx(EXAMPLE);
    const i = computeIndicators(memoryServices(wb), 2017);
    expect(i).toMatchObject({ beneficiaries: 66, fillRate: 120, excludedRows: 1 });
  });
});

describe('getReportYears', () => {
  it('lists years with data, most recent first, suggests the last year with sessions and tells existing reports', () => {
    const wb = workbook({
      participants: [...people(), participant({ entryDate: '2019-01-15' })],
    });
    wb.insertSheet('Bilan 2017');
    expect(getReportYears(memoryServices(wb))).toEqual({ years: [2019, 2018, 2017], suggested: 2018, existing: [2017] });
  });

  it('lists a year found only in Présences, even between rows of another year, and skips unreadable dates', () => {
    const wb = workbook({
      attendance: [
        { date: '2018-03-06', id: 'A1', status: 'Présent' },
        { date: '2016-11-08', id: 'A2', status: 'Présent' },
        { date: '2018-03-06', id: 'A3', status: 'Présent' },
        { date: '30/02/2015', id: 'A4', status: 'Présent' },
        { date: '2020-05-05', id: 'A4', status: 'Absent' },
      ],
    });
    const years = getReportYears(memoryServices(wb));
    expect(years.years).toEqual([2020, 2018, 2017, 2016]);
    expect(years.suggested).toBe(2018);
  });

  it('suggests nothing on an empty workbook', () => {
    expect(getReportYears(memoryServices(buildWorkbook({})))).toEqual({ years: [], suggested: null, existing: [] });
  });
});

describe('menu "Générer le bilan annuel…"', () => {
  it('proposes the last year with sessions, generates it on an empty answer and sums up', () => {
    const wb = workbook();
    const services = memoryServices(wb);
    services.ui.promptAnswers.push('');
    createMenuActions(services).menuGenerateReport();
    expect(services.ui.prompts[0]).toMatch(/2018/);
    expect(wb.sheetNames()).toContain('Bilan 2018');
    expect(services.ui.alerts).toHaveLength(1);
    expect(services.ui.alerts[0]).toMatch(/Bilan écrit dans l'onglet «\u00a0Bilan 2018\u00a0»/);
    expect(services.ui.alerts[0]).toMatch(/Bénéficiaires\u00a0: 3/);
    expect(services.ui.alerts[0]).toMatch(/Vérifier le classeur/);
  });

  it('generates the year typed', () => {
    const wb = workbook();
    const services = memoryServices(wb);
    services.ui.promptAnswers.push(' 2017 ');
    createMenuActions(services).menuGenerateReport();
    expect(wb.sheetNames()).toContain('Bilan 2017');
  });

  it('rejects a bad year with a French message and writes nothing', () => {
    for (const answer of ['18', 'vingt', '2018 2019', '20188']) {
      const wb = workbook();
      const before = snapshot(wb);
      const services = memoryServices(wb);
      services.ui.promptAnswers.push(answer);
      createMenuActions(services).menuGenerateReport();
      expect(services.ui.alerts[0]).toMatch(/n'est pas une année valide.*Aucun bilan n'a été généré/);
      expect(snapshot(wb)).toBe(before);
      expect(wb.calls.writeValues ?? 0).toBe(0);
    }
  });

  it('says which years are accepted when the year is out of range', () => {
    const services = memoryServices(workbook());
    services.ui.promptAnswers.push('1850');
    createMenuActions(services).menuGenerateReport();
    expect(services.ui.alerts).toEqual([
      "«\u00a01850\u00a0» n'est pas une année valide\u00a0: saisissez une année de 1990 à 2100, en quatre chiffres (par exemple 2018). Aucun bilan n'a été généré.",
    ]);
  });

  it('proposes the year in the field without telling to leave it empty', () => {
    const services = memoryServices(workbook());
    createMenuActions(services).menuGenerateReport();
    expect(services.ui.prompts).toEqual(['Année du bilan (AAAA)\u00a0: 2018 est proposée, la dernière année avec des séances.']);
  });

  it('does nothing when the prompt is cancelled', () => {
    const wb = workbook();
    const services = memoryServices(wb);
    services.ui.promptAnswers.push(null);
    createMenuActions(services).menuGenerateReport();
    expect(services.ui.alerts).toEqual([]);
    expect(wb.sheetNames()).not.toContain('Bilan 2018');
  });

  it('asks before replacing an existing report and keeps it when the answer is no', () => {
    const wb = workbook();
    wb.insertSheet('Bilan 2018');
    wb.writeValues('Bilan 2018', 1, 1, [['à garder']]);
    const services = memoryServices(wb);
    let asked = '';
    services.ui.confirm = (_t: string, message: string) => {
      asked = message;
      return false;
    };
    services.ui.promptAnswers.push('2018');
    createMenuActions(services).menuGenerateReport();
    expect(asked).toMatch(/«\u00a0Bilan 2018\u00a0» existe déjà/);
    expect(wb.sheet('Bilan 2018').cells).toEqual([['à garder']]);
    expect(services.ui.alerts[0]).toMatch(/conservé/);
  });

  it('replaces an existing report when confirmed', () => {
    const wb = workbook();
    wb.insertSheet('Bilan 2018');
    wb.writeValues('Bilan 2018', 1, 1, [['ancien']]);
    const services = memoryServices(wb);
    services.ui.confirmAnswers.push(true);
    services.ui.promptAnswers.push('2018');
    createMenuActions(services).menuGenerateReport();
    expect(wb.sheet('Bilan 2018').cells[1][0]).toBe("Club de l'alternance — Bilan 2018");
  });

  it('alerts a French message when there is nothing to report', () => {
    const wb = new MemoryWorkbook(TZ, { Feuille1: [['x']] });
    const services = memoryServices(wb);
    createMenuActions(services).menuGenerateReport();
    expect(services.ui.alerts[0]).toMatch(/Participants/);
    expect(wb.sheetNames()).toEqual(['Feuille1']);
  });
});
