/**
 * An in-memory, call-counting fake of the Apps Script services the add-on uses:
 * SpreadsheetApp / Spreadsheet / Sheet / Range, Ui / Menu, LockService, HtmlService,
 * ScriptApp, Charts, Session, Utilities, Logger.
 *
 * It is written independently of src/ (its own date and time-zone code) so that tests
 * built on it do not share the bugs of the code under test.
 *
 * Behaves like Sheets where it matters:
 * - getValues() returns a rectangle, '' for blanks; getDataRange() of an empty sheet is 1x1.
 * - setValues() parses strings as a user's input (fr_FR spreadsheet): `=…` becomes a formula
 *   (and `+…`/`-…` that is not a number too), numeric-looking strings become numbers
 *   ('0123' → 123, '1,5' → 1.5, '1e5', '50%' → 0.5, '(12)' → -12, '12 €'), date-looking
 *   strings become dates ('05/03/2018', '2018-03-05', '5 mars 2018', 'Mar 1 2016', '12:30'),
 *   TRUE/FALSE/VRAI/FAUX become booleans. A leading apostrophe or the '@' number format keeps
 *   the string as the text it is (the apostrophe is dropped; with '@' too — unverified).
 * - Date cells come back as Date objects at the same instant (midnight in the spreadsheet's
 *   time zone for dates typed or parsed as dates); a number in a date-formatted cell comes
 *   back as a Date.
 * - Array sizes must match the range (Apps Script's exception otherwise); getRange() beyond
 *   getMaxRows()/getMaxColumns() throws "Those rows are out of bounds." (grow the sheet with
 *   insertRowsAfter / insertColumnsAfter first). New sheets are 1000 x 26.
 * - In `authMode = 'NONE'`, every data access (getActiveSpreadsheet, LockService, …) throws,
 *   as in an add-on's onOpen before authorisation; getUi() and the menu still work.
 *
 * Every method call on a fake object is counted as 'Class.method' (e.g. 'Range.getValues',
 * 'Sheet.getRange', 'SpreadsheetApp.getActiveSpreadsheet'); enum reads (ScriptApp.AuthMode,
 * ui.ButtonSet, Charts.ChartType) are not. Test accessors (fake.values(), fake.notes(), …)
 * are not counted.
 *
 * Usage:
 *   const fake = createFakeGas({ sheets: { Participants: [['ID', 'Nom'], ['A1', 'Martin']] } });
 *   const restore = fake.install();          // puts the globals on globalThis
 *   try { ... new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet()) ... }
 *   finally { restore(); }
 *   expect(fake.count('Range.getValues')).toBe(1);
 *
 * For a vm context (the built bundle), see test/support/gas-local.ts: it calls
 * fake.setRealm() so that Dates and Errors belong to the context's realm.
 *
 * Layout (one job per module, shared state in one FakeState passed to each): state.ts (the
 * shared state), counter.ts (call counts), types.ts (public types), dates.ts, enums.ts, a1.ts,
 * input.ts (how a typed string becomes a value), cells.ts (cell storage), range.ts,
 * range-list.ts, sheet.ts, spreadsheet.ts (+ SpreadsheetApp), active-cell.ts, validation.ts,
 * chart.ts (+ Charts), ui.ts, html.ts, lock.ts, utilities.ts (ScriptApp, Session, Utilities,
 * Logger), accessors.ts (uncounted test accessors).
 */
import { createAccessors } from './accessors';
import { setActiveCell } from './active-cell';
import { parseA1 } from './a1';
import { newSheetState } from './cells';
import { createCharts } from './chart';
import { createHtmlService } from './html';
import { createLockService } from './lock';
import { FakeSheet } from './sheet';
import { createSpreadsheetApp, FakeSpreadsheet } from './spreadsheet';
import { FakeState } from './state';
import type { FakeGas, FakeGasOptions } from './types';
import { createUi } from './ui';
import { createLogger, createScriptApp, createSession, createUtilities } from './utilities';

export { sheetsDate } from './dates';
export type {
  AuthModeName,
  ButtonName,
  ButtonSetName,
  FakeCell,
  FakeChart,
  FakeFormat,
  FakeGas,
  FakeGasOptions,
  FakeInputCell,
  FakeLockState,
  FakeTabState,
  FakeUiAnswers,
  FakeValidationRule,
  InstallationSourceName,
  MenuLog,
  UiLog,
} from './types';

export function createFakeGas(options: FakeGasOptions = {}): FakeGas {
  const state = new FakeState(options);
  state.sheetFactory = (sheet) => new FakeSheet(state, sheet);
  state.spreadsheet = new FakeSpreadsheet(state);
  for (const [name, cells] of Object.entries(options.sheets ?? {})) state.sheets.push(newSheetState(state, name, cells));
  for (const [name, columns] of Object.entries(options.columnFormats ?? {})) {
    const sheet = state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`createFakeGas: columnFormats for a missing tab ${name}`);
    sheet.columnFormats = new Map(Object.entries(columns).map(([letters, format]) => [parseA1(`${letters}1`).col, format]));
  }
  state.activeSheetName = state.sheets[0]?.name ?? null;

  const globals = {
    SpreadsheetApp: createSpreadsheetApp(state, createUi(state)),
    LockService: createLockService(state),
    HtmlService: createHtmlService(state),
    ScriptApp: createScriptApp(state),
    Charts: createCharts(),
    Session: createSession(state),
    Utilities: createUtilities(state),
    Logger: createLogger(state),
  };
  const { counter } = state;
  return Object.assign(state.fake, {
    globals,
    calls: counter.calls,
    count: (method: string) => counter.count(method),
    totalCalls: (...prefixes: string[]) => counter.total(prefixes),
    snapshotCalls: () => counter.snapshot(),
    resetCalls: () => counter.reset(),
    reset: () => counter.reset(),
    authMode: options.authMode ?? 'FULL',
    installationSource: options.installationSource ?? 'NONE',
    lock: state.lock,
    uiLog: state.uiLog,
    answers: state.answers,
    timeZone: state.timeZone,
    install(target: Record<string, any> = globalThis as any) {
      const previous = new Map<string, { had: boolean; value: unknown }>();
      for (const [name, value] of Object.entries(globals)) {
        previous.set(name, { had: Object.getOwnPropertyDescriptor(target, name) !== undefined, value: target[name] });
        target[name] = value;
      }
      return () => {
        for (const [name, saved] of previous) {
          if (saved.had) target[name] = saved.value;
          else delete target[name];
        }
      };
    },
    setRealm(realm: { Date: DateConstructor; Error: ErrorConstructor }) {
      state.realm = { Date: realm.Date, Error: realm.Error };
    },
    ...createAccessors(state),
    setActiveCell: (sheet: string, row: number, col?: number) => setActiveCell(state, sheet, row, col),
  });
}
