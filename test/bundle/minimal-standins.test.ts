/**
 * dist/Code.js driven through deliberately minimal, hand-written stand-ins of the Apps Script
 * services, as an outside test harness would write them: only the most common methods, and
 * Date cells created in the test's realm (not the bundle's), so `instanceof Date` inside the
 * bundle is false for them. The add-on must still read them as dates.
 */
import { readFileSync } from 'node:fs';
import * as vm from 'node:vm';
import { CODE_JS, ensureBundleBuilt } from '../support/gas-local';

type Cell = string | number | boolean | Date;

/** Midnight in Paris of a calendar day (winter +1 h, summer +2 h; enough for these dates). */
function parisDate(iso: string): Date {
  const month = Number(iso.slice(5, 7));
  const summer = month >= 4 && month <= 10;
  return new Date(`${iso}T00:00:00${summer ? '+02:00' : '+01:00'}`);
}

function minimalServices(tabs: Record<string, Cell[][]>) {
  const calls: string[] = [];
  const sheet = (name: string) => {
    const rows = tabs[name];
    const width = () => rows.reduce((w, r) => Math.max(w, r.length), 0);
    const range = (r: number, c: number, nr = 1, nc = 1) => ({
      getValues: () => {
        calls.push('getValues');
        return Array.from({ length: nr }, (_, i) => Array.from({ length: nc }, (_, j) => rows[r - 1 + i]?.[c - 1 + j] ?? ''));
      },
      setValues: (values: Cell[][]) => {
        calls.push('setValues');
        if (values.length !== nr || values.some((l) => l.length !== nc)) throw new Error('dimensions');
        values.forEach((line, i) => {
          while (rows.length < r + i) rows.push([]);
          line.forEach((v, j) => {
            rows[r - 1 + i][c - 1 + j] = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
          });
        });
      },
    });
    const setCell = (a1: string, v: Cell) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const r = Number(m[2]);
      while (rows.length < r) rows.push([]);
      rows[r - 1][c - 1] = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
    };
    return {
      getName: () => name,
      getDataRange: () => range(1, 1, Math.max(rows.length, 1), Math.max(width(), 1)),
      getRange: range,
      getLastRow: () => rows.length,
      getLastColumn: () => width(),
      // A grid far larger than these tabs: nothing needs inserting, but the adapter asks.
      getMaxRows: () => 1000,
      getMaxColumns: () => 26,
      insertRowsAfter: () => undefined,
      insertColumnsAfter: () => undefined,
      getRangeList: (a1s: string[]) => ({
        setValue: (v: Cell) => {
          calls.push('RangeList.setValue');
          for (const a1 of a1s) setCell(a1, v);
        },
      }),
    };
  };
  const spreadsheet = {
    getSpreadsheetTimeZone: () => 'Europe/Paris',
    getNumSheets: () => Object.keys(tabs).length,
    getSheets: () => Object.keys(tabs).map(sheet),
    // The first tab is shown, with no current cell (nothing selected).
    getActiveSheet: () => sheet(Object.keys(tabs)[0]),
    getCurrentCell: () => null,
    getSheetByName: (n: string) => (n in tabs ? sheet(n) : null),
    insertSheet: (n: string) => {
      tabs[n] = [];
      return sheet(n);
    },
  };
  const lock = { tryLock: () => true, releaseLock: () => undefined };
  /** Utilities.formatDate for the patterns the add-on uses (yyyy MM dd HH mm ss and quoted text). */
  const formatDate = (date: Date, timeZone: string, pattern: string) => {
    const parts: Record<string, string> = {};
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    for (const p of f.formatToParts(date)) parts[p.type] = p.value;
    const map: Record<string, string> = {
      yyyy: parts.year,
      MM: parts.month,
      dd: parts.day,
      HH: parts.hour,
      mm: parts.minute,
      ss: parts.second,
    };
    return pattern.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss/g, (tok, lit) => (lit !== undefined ? lit : map[tok]));
  };
  const globals = {
    SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet, getActive: () => spreadsheet, flush: () => undefined },
    LockService: { getDocumentLock: () => lock },
    Utilities: { formatDate },
  };
  return { globals, calls };
}

function load(globals: object): Record<string, (...args: unknown[]) => any> {
  const context = vm.createContext({ ...globals });
  vm.runInContext(readFileSync(CODE_JS, 'utf8'), context, { filename: 'Code.js' });
  return context as Record<string, (...args: unknown[]) => any>;
}

function workbook(): Record<string, Cell[][]> {
  return {
    Participants: [
      ['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée", 'Résident QPV'],
      ['A-1', 'Durand', 'Léo', parisDate('2001-06-15'), 'Cachan', parisDate('2018-03-06'), 'Non'],
      ['A-2', 'Petit', 'Inès', parisDate('1999-12-01'), 'Villejuif', parisDate('2018-03-06'), 'Oui'],
    ],
    Séances: [
      ['Date', 'Thème', 'Animateur', 'Lieu'],
      [parisDate('2018-03-13'), 'CV', 'Nadia', 'Villejuif'],
    ],
    Présences: [
      ['Date', 'ID participant', 'Participant', 'Statut'],
      [parisDate('2018-03-13'), 'A-1', 'Durand Léo', 'Présent'],
    ],
  };
}

beforeAll(() => ensureBundleBuilt());

describe('the bundle with minimal stand-ins and Date cells from another realm', () => {
  it('reads the dates of every tab: the roster, its saved status and the session', () => {
    const { globals } = minimalServices(workbook());
    const app = load(globals);
    const sheet = JSON.parse(JSON.stringify(app.getAttendanceSheet('2018-03-13')));
    expect(sheet.date).toBe('2018-03-13');
    expect(sheet.session).toEqual({ theme: 'CV', facilitator: 'Nadia', place: 'Villejuif' });
    expect(sheet.participants.map((p: { id: string; status: string | null }) => [p.id, p.status])).toEqual([
      ['A-1', 'Présent'],
      ['A-2', null],
    ]);
  });

  it('finds no date problem in a clean workbook', () => {
    const { globals } = minimalServices(workbook());
    const result = load(globals).validateWorkbook();
    expect(result.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
  });

  it('saves attendance as date cells and updates instead of duplicating', () => {
    const tabs = workbook();
    const { globals } = minimalServices(tabs);
    const app = load(globals);
    const first = app.saveAttendance({
      date: '2018-03-20',
      theme: '=HYPERLINK("x")',
      entries: [
        { participantId: 'A-1', status: 'Absent' },
        { participantId: 'a-2 ', status: 'Présent' },
      ],
    });
    expect(JSON.parse(JSON.stringify(first))).toEqual({
      date: '2018-03-20',
      sessionCreated: true,
      sessionUpdated: false,
      written: 2,
      unchanged: 0,
    });
    const again = app.saveAttendance({ date: '2018-03-20', entries: [{ participantId: 'A-1', status: 'Absent' }] });
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(1);
    expect(tabs.Présences).toHaveLength(4);
    expect(tabs.Séances[2][1]).toBe('=HYPERLINK("x")');
    // The status update goes through a range list (one call per distinct value).
    const changed = app.saveAttendance({ date: '2018-03-20', entries: [{ participantId: 'A-1', status: 'Excusé' }] });
    expect(changed.written).toBe(1);
    expect(tabs.Présences).toHaveLength(4);
    const reopened = app.getAttendanceSheet('2018-03-20');
    expect(reopened.participants.map((p: { status: string | null }) => p.status)).toEqual(['Excusé', 'Présent']);
  });

  it('computes the year figures from Date cells', () => {
    const { globals } = minimalServices(workbook());
    const indicators = load(globals).computeIndicators(2018);
    expect(indicators.beneficiaries).toBe(2);
    expect(indicators.newEntrants).toBe(2);
    expect(indicators.excludedRows).toBe(0);
    expect(indicators.minors.count).toBe(1);
    expect(indicators.qpv.count).toBe(1);
  });

  it('opens the journey view on the directory when the stand-ins know no active cell', () => {
    const { globals, calls } = minimalServices(workbook());
    const r = JSON.parse(JSON.stringify(load(globals).getParticipantJourney(null)));
    expect([r.journey, r.directory, calls.filter((c) => c === 'setValues')]).toEqual([
      null,
      [
        { id: 'A-1', name: 'Durand Léo', active: false }, // today (real clock) is years after 2018: not active
        { id: 'A-2', name: 'Petit Inès', active: false },
      ],
      [],
    ]);
  });

  it('reads the journey of a chosen participant from Date cells of another realm', () => {
    const { globals } = minimalServices(workbook());
    const j = JSON.parse(JSON.stringify(load(globals).getParticipantJourney('A-1'))).journey;
    expect([j.entryDate, j.sessions, j.themesCovered]).toEqual([
      '2018-03-06',
      [{ date: '2018-03-13', theme: 'CV', status: 'Présent' }],
      ['CV'],
    ]);
  });
});
