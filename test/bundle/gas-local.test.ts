/**
 * The built bundle, loaded as Apps Script loads it: dist/Code.js run in a fresh V8 context
 * whose only globals are independent stand-ins for the Apps Script services.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeGas, FakeGas, FakeInputCell, InstallationSourceName, AuthModeName, sheetsDate } from '../support/fake-gas';
import { CODE_JS, DIST_DIR, ensureBundleBuilt, loadBundle } from '../support/gas-local';
import { READ_BANDS } from '../../src/core/bands';

/** SPEC §1 triggers and SPEC §5 server functions (written out here, not taken from src/). */
const SPEC_FUNCTIONS = [
  'onOpen',
  'onInstall',
  'getAttendanceSheet',
  'saveAttendance',
  'validateWorkbook',
  'computeIndicators',
  'generateAnnualReport',
];
const MENU_LABELS = [
  'Ouvrir le panneau',
  'Saisir les présences',
  'Vérifier le classeur',
  'Générer le bilan annuel…',
  'Préparer le classeur',
  "Parcours d'un jeune",
  'Données personnelles…',
  "Imprimer la feuille d'émargement…",
  'Jeunes à relancer',
];

let code = '';
beforeAll(() => {
  ensureBundleBuilt();
  code = readFileSync(CODE_JS, 'utf8');
});

function menuItems(fake: FakeGas) {
  expect(fake.uiLog.menus).toHaveLength(1);
  return fake.uiLog.menus[0].items;
}

function openIn(authMode: AuthModeName, installationSource: InstallationSourceName = 'NONE', trigger = 'onOpen') {
  const fake = createFakeGas({
    authMode,
    installationSource,
    sheets: {
      Participants: [
        ['ID', 'Nom', 'Prénom'],
        ['T-1', 'Martin', 'Camille'],
      ],
    },
  });
  const gas = loadBundle(fake);
  fake.resetCalls();
  gas.call(trigger, { authMode: fake.globals.ScriptApp.AuthMode[authMode], source: {} });
  return { fake, gas };
}

describe('dist/Code.js as Apps Script loads it', () => {
  it('is a classic script: no export or import, the @OnlyCurrentDoc banner first', () => {
    expect(code.startsWith('/** @OnlyCurrentDoc */')).toBe(true);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('declares every SPEC §1 and §5 function as a top-level function', () => {
    const gas = loadBundle(createFakeGas());
    for (const name of SPEC_FUNCTIONS) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(typeof gas.context[name]).toBe('function');
    }
  });

  it('touches no service while loading', () => {
    const fake = createFakeGas({ authMode: 'NONE' });
    loadBundle(fake);
    expect(fake.totalCalls()).toBe(0);
  });

  it('builds the add-on menu with its items in AuthMode.NONE, reading no data', () => {
    const { fake } = openIn('NONE');
    const menu = fake.uiLog.menus[0];
    expect(menuItems(fake).map((i) => ('label' in i ? i.label : '—'))).toEqual(MENU_LABELS);
    expect(menu.addon).toBe(true);
    expect(fake.count('Ui.createAddonMenu')).toBe(1);
    expect(fake.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect(fake.count('SpreadsheetApp.getActive')).toBe(0);
    expect(fake.totalCalls('Range.', 'Sheet.', 'Spreadsheet.', 'LockService.', 'Lock.')).toBe(0);
  });

  it('gives every menu item a handler that is a top-level function of the bundle', () => {
    const { fake, gas } = openIn('NONE');
    for (const item of menuItems(fake)) {
      if (!('handler' in item)) continue;
      expect(code).toMatch(new RegExp(`^function ${item.handler}\\(`, 'm'));
      expect(typeof gas.context[item.handler]).toBe('function');
    }
  });

  it.each(['LIMITED', 'FULL'] as const)('builds the "Club de l\'alternance" menu of a bound script in AuthMode.%s', (mode) => {
    const { fake } = openIn(mode);
    expect(fake.uiLog.menus[0]).toMatchObject({ title: "Club de l'alternance", addon: false });
    expect(menuItems(fake).map((i) => ('label' in i ? i.label : '—'))).toEqual(MENU_LABELS);
    expect(fake.totalCalls('Range.')).toBe(0);
  });

  it('builds the add-on menu when installed from the Marketplace', () => {
    const { fake } = openIn('FULL', 'APPS_MARKETPLACE_DOMAIN_ADD_ON');
    expect(fake.uiLog.menus[0].addon).toBe(true);
    expect(menuItems(fake)).toHaveLength(MENU_LABELS.length);
  });

  it('builds the menu on install', () => {
    const { fake } = openIn('FULL', 'APPS_MARKETPLACE_DOMAIN_ADD_ON', 'onInstall');
    expect(menuItems(fake).map((i) => ('label' in i ? i.label : '—'))).toEqual(MENU_LABELS);
  });

  it('builds the menu even when Apps Script passes no event', () => {
    const fake = createFakeGas();
    loadBundle(fake).call('onOpen');
    expect(menuItems(fake)).toHaveLength(MENU_LABELS.length);
  });

  it('opens the sidebar from dist/Sidebar.html on the asked view', () => {
    const fake = createFakeGas({ sheets: { Participants: [['ID']] } });
    const gas = loadBundle(fake);
    gas.call('menuOpenSidebar');
    gas.call('menuRecordAttendance');
    expect(fake.uiLog.sidebars.map((s) => s.title)).toEqual(["Club de l'alternance", "Club de l'alternance"]);
    expect(fake.uiLog.sidebars[0].html).toContain('data-initial-view="home"');
    expect(fake.uiLog.sidebars[1].html).toContain('data-initial-view="attendance"');
    expect(fake.uiLog.sidebars[0].html.length).toBeGreaterThan(1000);
    expect(fake.totalCalls('Range.')).toBe(0);
  });

  it('ships a manifest with only the two SPEC §9 scopes, V8 and Europe/Paris', () => {
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Paris');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('ships an editor add-on manifest: no Workspace (card) add-on block, only the keys an editor add-on uses', () => {
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.addOns).toBeUndefined();
    expect(Object.keys(manifest).sort()).toEqual([
      'dependencies',
      'exceptionLogging',
      'oauthScopes',
      'runtimeVersion',
      'timeZone',
    ]);
  });
});

function workbook(participants: number): Record<string, FakeInputCell[][]> {
  const p: FakeInputCell[][] = [['ID', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Commune', "Date d'entrée"]];
  for (let i = 0; i < participants; i++) {
    p.push([
      `T-${i}`,
      'Martin',
      `Camille${i}`,
      i % 2 ? 'F' : 'H',
      sheetsDate('2000-04-15'),
      'Villejuif',
      sheetsDate('2018-03-05'),
    ]);
  }
  return {
    Participants: p,
    Séances: [
      ['Date', 'Thème'],
      [sheetsDate('2018-03-06'), 'CV'],
    ],
    Présences: [
      ['Date', 'ID participant', 'Statut'],
      [sheetsDate('2018-03-06'), 'T-0', 'Présent'],
    ],
  };
}

describe('the sidebar server functions, run inside the bundle', () => {
  const calls: Record<number, Record<string, Record<string, number>>> = {};
  const results: Record<number, Record<string, unknown>> = {};

  beforeAll(() => {
    for (const n of [100, 10_000]) {
      const fake = createFakeGas({ sheets: workbook(n) });
      const gas = loadBundle(fake);
      calls[n] = {};
      results[n] = {};
      const run = (name: string, ...args: unknown[]) => {
        fake.resetCalls();
        results[n][name] = gas.call(name, ...args);
        calls[n][name] = fake.snapshotCalls();
      };
      run('getAttendanceSheet', '2018-03-06');
      run('saveAttendance', {
        date: '2018-03-13',
        theme: 'Lettre de motivation',
        entries: [{ participantId: 'T-1', status: 'Présent' }],
      });
      run('validateWorkbook');
      run('computeIndicators', 2018);
      run('generateAnnualReport', 2018);
    }
  });

  it.each(['getAttendanceSheet', 'saveAttendance', 'validateWorkbook', 'computeIndicators', 'generateAnnualReport'])(
    '%s makes the same service calls for 100 and 10 000 participants',
    (name) => {
      expect(calls[10_000][name]).toEqual(calls[100][name]);
      expect(calls[100][name]['Range.getValues'] ?? 0).toBeLessThanOrEqual(3 + READ_BANDS);
    },
  );

  it.each(['getAttendanceSheet', 'saveAttendance', 'validateWorkbook', 'computeIndicators', 'generateAnnualReport'])(
    '%s returns plain data that google.script.run can carry',
    (name) => {
      const r = results[100][name];
      expect(r).not.toBeUndefined();
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    },
  );

  it('really read and wrote the workbook', () => {
    expect(results[10_000].validateWorkbook).toMatchObject({ rowsChecked: expect.any(Number) });
    expect(results[100].computeIndicators).toMatchObject({ year: 2018, newEntrants: 100 });
    expect(results[100].generateAnnualReport).toMatchObject({ sheetName: 'Bilan 2018' });
    expect(results[100].saveAttendance).toMatchObject({ date: '2018-03-13', sessionCreated: true, written: 1 });
  });
});
