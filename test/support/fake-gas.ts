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
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FakeCell = string | number | boolean | Date;
/** What tests give as initial sheet contents (already typed, as getValues would return them). */
export type FakeInputCell = FakeCell | null | undefined;

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';
export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';
export type InstallationSourceName = 'NONE' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON' | 'WEB_STORE_ADD_ON';

export interface FakeGasOptions {
  /** Spreadsheet time zone (default 'Europe/Paris'). */
  timeZone?: string;
  /** Initial tabs, in order: name → rows of typed cells (null/undefined/'' = blank). */
  sheets?: Record<string, FakeInputCell[][]>;
  /** Default 'FULL'. 'NONE' makes every data access throw (add-on onOpen before authorisation). */
  authMode?: AuthModeName;
  /** What ScriptApp.getInstallationSource() returns (default 'NONE' = bound script). */
  installationSource?: InstallationSourceName;
  /** Where HtmlService.createHtmlOutputFromFile(name) reads `<name>.html` (default <repo>/dist). */
  htmlDir?: string;
  /** Extra files for createHtmlOutputFromFile: name (without .html) → HTML. Checked first. */
  htmlFiles?: Record<string, string>;
  /** Answers the user gives, consumed in order (see FakeUiAnswers). */
  answers?: Partial<FakeUiAnswers>;
  /** When true, the document lock is held by someone else: tryLock → false, waitLock throws. */
  lockBusy?: boolean;
  spreadsheetId?: string;
  spreadsheetName?: string;
}

export interface FakeUiAnswers {
  /**
   * Buttons clicked in alert(title, message, buttons) / alert(message, buttons) dialogs, in
   * order. When empty: YES for YES_NO(_CANCEL), OK otherwise. alert(message) always returns OK.
   */
  alerts: ButtonName[];
  /** Prompt answers in order. When empty: the user clicks CANCEL, with ''. */
  prompts: { button: ButtonName; text: string }[];
}

export interface MenuLog {
  /** The createMenu title, or null for createAddonMenu(). */
  title: string | null;
  addon: boolean;
  items: ({ label: string; handler: string } | { separator: true } | { subMenu: MenuLog })[];
}

export interface UiLog {
  menus: MenuLog[];
  sidebars: { title: string; html: string; width?: number }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title: string | null; message: string; buttons: ButtonSetName | null; answer: ButtonName }[];
  prompts: { title: string | null; message: string; buttons: ButtonSetName | null; answer: { button: ButtonName; text: string } }[];
  toasts: { message: string; title: string | null; timeout: number | null }[];
  logs: string[];
}

export interface FakeFormat {
  fontWeight?: string;
  fontStyle?: string;
  fontSize?: number;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
}

export interface FakeValidationRule {
  criteria: 'VALUE_IN_LIST' | 'DATE_IS_VALID_DATE' | 'VALUE_IN_RANGE' | 'CHECKBOX' | 'NUMBER_BETWEEN' | 'OTHER';
  values: unknown[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

export interface FakeChart {
  id: number;
  type: string;
  ranges: { row: number; col: number; numRows: number; numCols: number }[];
  numHeaders: number | null;
  position: { row: number; col: number; offsetX: number; offsetY: number } | null;
  options: Record<string, unknown>;
}

export interface FakeLockState {
  /** Someone else holds the document lock. */
  busy: boolean;
  /** This script holds it. */
  held: boolean;
  acquired: number;
  released: number;
  /** Timeouts asked of tryLock/waitLock, in order. */
  waits: number[];
}

interface SheetState {
  id: number;
  name: string;
  values: (FakeCell | undefined)[][];
  formulas: Map<string, string>;
  notes: Map<string, string>;
  numberFormats: Map<string, string>;
  formats: Map<string, FakeFormat>;
  validations: Map<string, FakeValidationRule>;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  columnWidths: Map<number, number>;
  charts: FakeChart[];
  hidden: boolean;
}

export interface FakeGas {
  /** The Apps Script globals, to spread into a vm context or install on globalThis. */
  globals: {
    SpreadsheetApp: any;
    LockService: any;
    HtmlService: any;
    ScriptApp: any;
    Charts: any;
    Session: any;
    Utilities: any;
    Logger: any;
  };
  /** Call counts per 'Class.method'. */
  calls: Map<string, number>;
  /** Calls of one method (0 when never called). */
  count(method: string): number;
  /** Sum of all counts, or of the methods whose name starts with one of the prefixes ('Range.', 'Sheet.getRange'). */
  totalCalls(...prefixes: string[]): number;
  /** A plain, sorted copy of the counts. */
  snapshotCalls(): Record<string, number>;
  /** Sets every count to zero (state, logs and answers are kept). */
  resetCalls(): void;
  /** Alias of resetCalls(). */
  reset(): void;

  /** Current auth mode ('NONE' = data access throws). */
  authMode: AuthModeName;
  installationSource: InstallationSourceName;
  lock: FakeLockState;
  uiLog: UiLog;
  answers: FakeUiAnswers;
  timeZone: string;

  /** Puts the globals on `target` (default globalThis); returns a function that restores it. */
  install(target?: Record<string, any>): () => void;
  /** Dates and Errors handed to the code under test are built with these (vm contexts). */
  setRealm(realm: { Date: DateConstructor; Error: ErrorConstructor }): void;

  // Uncounted state accessors for assertions ---------------------------------------------
  sheetNames(): string[];
  hasSheet(name: string): boolean;
  /** Adds (or replaces the contents of) a tab, uncounted. */
  setSheet(name: string, cells: FakeInputCell[][]): void;
  /** Data range values, exactly as getDataRange().getValues() would give them. */
  values(sheet: string): FakeCell[][];
  /** One cell's stored value ('' when blank). */
  cell(sheet: string, row: number, col: number): FakeCell;
  /** Data range formulas ('' where none). */
  formulas(sheet: string): string[][];
  formula(sheet: string, row: number, col: number): string;
  /** Notes of the data range ('' where none). */
  notes(sheet: string): string[][];
  note(sheet: string, row: number, col: number): string;
  numberFormat(sheet: string, row: number, col: number): string;
  format(sheet: string, row: number, col: number): FakeFormat;
  validation(sheet: string, row: number, col: number): FakeValidationRule | null;
  frozenRows(sheet: string): number;
  maxRows(sheet: string): number;
  maxColumns(sheet: string): number;
  columnWidth(sheet: string, col: number): number | null;
  charts(sheet: string): FakeChart[];
  lastRow(sheet: string): number;
  lastColumn(sheet: string): number;
  activeSheet(): string | null;
  /** Last activated range, 1-based. */
  selection(): { sheet: string; row: number; col: number; numRows: number; numCols: number } | null;
  /** Issue 11: makes `sheet` active with its current cell at (row, col), as a user's click would (uncounted). */
  setActiveCell(sheet: string, row: number, col?: number): void;
  /** Deep copy of a tab's whole stored state (uncounted): for exact before/after comparisons. */
  tabState(sheet: string): FakeTabState;
}

/** Everything the fake stores for a tab; maps are keyed 'row:col' (1-based). */
export interface FakeTabState {
  name: string;
  values: (FakeCell | undefined)[][];
  formulas: Record<string, string>;
  notes: Record<string, string>;
  numberFormats: Record<string, string>;
  formats: Record<string, FakeFormat>;
  validations: Record<string, FakeValidationRule>;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  columnWidths: Record<number, number>;
  charts: FakeChart[];
  hidden: boolean;
}

const REPO = join(__dirname, '..', '..');
const DEFAULT_ROWS = 1000;
const DEFAULT_COLS = 26;

// ---------------------------------------------------------------------------------------
// Independent date helpers (no import from src/).

const MS_DAY = 86_400_000;
/** Serial day 0 = 1899-12-30, as Date.UTC milliseconds. */
const SERIAL_ZERO_UTC = Date.UTC(1899, 11, 30);

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/** Offset of the zone from UTC at `ms`, in minutes (via Intl's longOffset name). */
function zoneOffsetMinutes(timeZone: string, ms: number): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4]) / 60 : 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The instant of wall-clock time (UTC fields of `wallMs`) in the zone. */
function wallClockToInstant(wallMs: number, timeZone: string): number {
  let guess = wallMs - zoneOffsetMinutes(timeZone, wallMs) * 60_000;
  guess = wallMs - zoneOffsetMinutes(timeZone, guess) * 60_000;
  return Math.round(guess);
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Wall-clock fields of an instant in the zone. */
function wallClock(ms: number, timeZone: string): Date {
  return new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000);
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === '@') return false;
  const unquoted = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dy]/i.test(unquoted) || /^\[?h+\]?:mm/i.test(unquoted);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function formatDateIn(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date.getTime(), timeZone);
  const map: Record<string, string> = {
    yyyy: String(w.getUTCFullYear()),
    yy: pad(w.getUTCFullYear() % 100),
    MM: pad(w.getUTCMonth() + 1),
    dd: pad(w.getUTCDate()),
    HH: pad(w.getUTCHours()),
    mm: pad(w.getUTCMinutes()),
    ss: pad(w.getUTCSeconds()),
  };
  return pattern.replace(/'([^']*)'|yyyy|yy|MM|dd|HH|mm|ss/g, (tok, lit) => (lit !== undefined ? lit : map[tok]));
}

// ---------------------------------------------------------------------------------------
// Enums: objects whose String() is their name (like Apps Script's).

function makeEnum<K extends string>(names: readonly K[]): Record<K, { name: K; toString(): string; toJSON(): string }> {
  const out = {} as Record<K, { name: K; toString(): string; toJSON(): string }>;
  for (const name of names) {
    out[name] = Object.freeze({ name, toString: () => name, toJSON: () => name });
  }
  return Object.freeze(out);
}

const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
const InstallationSource = makeEnum(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'] as const);
const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
const ChartType = makeEnum([
  'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR', 'LINE',
  'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL',
] as const);
const DataValidationCriteria = makeEnum([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
] as const);
const enumName = (v: unknown): string => String(v);

function k(row: number, col: number): string {
  return `${row}:${col}`;
}

function columnLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function parseA1(a1: string): { row: number; col: number; numRows: number; numCols: number } {
  const m = /^(?:'?[^!]*'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Range not found`);
  const colOf = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = colOf(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? colOf(m[3]) : c1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

// ---------------------------------------------------------------------------------------

export function createFakeGas(options: FakeGasOptions = {}): FakeGas {
  const timeZone = options.timeZone ?? 'Europe/Paris';
  const htmlDir = options.htmlDir ?? join(REPO, 'dist');
  const calls = new Map<string, number>();
  let RealmDate: DateConstructor = Date;
  let RealmError: ErrorConstructor = Error;
  const sheets: SheetState[] = [];
  let nextSheetId = 1;
  let nextChartId = 1;
  let activeSheetName: string | null = null;
  let selection: { sheet: string; row: number; col: number; numRows: number; numCols: number } | null = null;

  const uiLog: UiLog = { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], toasts: [], logs: [] };
  const answers: FakeUiAnswers = {
    alerts: [...(options.answers?.alerts ?? [])],
    prompts: [...(options.answers?.prompts ?? [])],
  };
  const lock: FakeLockState = { busy: options.lockBusy ?? false, held: false, acquired: 0, released: 0, waits: [] };

  const fake = {} as FakeGas;

  function hit(method: string): void {
    calls.set(method, (calls.get(method) ?? 0) + 1);
  }
  function fail(message: string): never {
    throw new RealmError(message);
  }
  function needsAuth(what: string): void {
    if (fake.authMode === 'NONE') {
      fail(`You do not have permission to call ${what}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`);
    }
  }
  function newDate(ms: number): Date {
    return new RealmDate(ms);
  }

  // --- cell model -----------------------------------------------------------------------

  function newSheet(name: string, cells: FakeInputCell[][] = []): SheetState {
    const s: SheetState = {
      id: nextSheetId++,
      name,
      values: [],
      formulas: new Map(),
      notes: new Map(),
      numberFormats: new Map(),
      formats: new Map(),
      validations: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      maxRows: DEFAULT_ROWS,
      maxColumns: DEFAULT_COLS,
      columnWidths: new Map(),
      charts: [],
      hidden: false,
    };
    fillSheet(s, cells);
    return s;
  }

  function fillSheet(s: SheetState, cells: FakeInputCell[][]): void {
    s.values = cells.map((r) =>
      r.map((v) => (v === null || v === undefined || v === '' ? undefined : isDate(v) ? new Date(v.getTime()) : v)),
    );
    s.formulas.clear();
    for (let r = 0; r < cells.length; r++) {
      for (let c = 0; c < cells[r].length; c++) {
        const v = cells[r][c];
        if (isDate(v)) s.numberFormats.set(k(r + 1, c + 1), 'dd/MM/yyyy');
      }
    }
    s.maxRows = Math.max(s.maxRows, cells.length);
    // reduce, not Math.max(...spread): 200 000 rows would overflow the call stack.
    s.maxColumns = cells.reduce((m, r) => Math.max(m, r.length), s.maxColumns);
  }

  function findSheet(name: string): SheetState {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake-gas: no sheet named ${name}`);
    return s;
  }

  function rawCell(s: SheetState, row: number, col: number): FakeCell | undefined {
    return s.values[row - 1]?.[col - 1];
  }

  function lastRowOf(s: SheetState): number {
    for (let r = s.values.length; r >= 1; r--) {
      const line = s.values[r - 1];
      if (line && line.some((v) => v !== undefined && v !== '')) {
        return Math.max(r, lastFormulaRow(s));
      }
    }
    return lastFormulaRow(s);
  }
  function lastFormulaRow(s: SheetState): number {
    let m = 0;
    for (const key of s.formulas.keys()) m = Math.max(m, Number(key.split(':')[0]));
    return m;
  }
  function lastColumnOf(s: SheetState): number {
    let m = 0;
    for (const line of s.values) {
      if (!line) continue;
      for (let c = line.length; c > m; c--) {
        const v = line[c - 1];
        if (v !== undefined && v !== '') {
          m = c;
          break;
        }
      }
    }
    for (const key of s.formulas.keys()) m = Math.max(m, Number(key.split(':')[1]));
    return m;
  }

  /** The value getValues() returns for a cell. */
  function readCell(s: SheetState, row: number, col: number): FakeCell {
    const v = rawCell(s, row, col);
    if (v === undefined) return '';
    if (isDate(v)) return newDate(v.getTime());
    if (typeof v === 'number' && isDateFormat(s.numberFormats.get(k(row, col)))) {
      // A serial number shown as a date: the wall-clock time in the spreadsheet's zone.
      return newDate(wallClockToInstant(SERIAL_ZERO_UTC + v * MS_DAY, timeZone));
    }
    return v;
  }

  function setRaw(s: SheetState, row: number, col: number, v: FakeCell | undefined): void {
    while (s.values.length < row) s.values.push([]);
    const line = s.values[row - 1] ?? (s.values[row - 1] = []);
    if (v === undefined && line.length < col) return;
    while (line.length < col) line.push(undefined);
    line[col - 1] = v;
  }

  /** Stores a value as Sheets does for setValue(s): user-entered parsing of strings. */
  function writeCell(s: SheetState, row: number, col: number, v: unknown): void {
    const key = k(row, col);
    s.formulas.delete(key);
    if (v === null || v === undefined || v === '') return setRaw(s, row, col, undefined);
    if (typeof v === 'number') return setRaw(s, row, col, Number.isFinite(v) ? v : undefined);
    if (typeof v === 'boolean') return setRaw(s, row, col, v);
    if (isDate(v)) {
      if (!isDateFormat(s.numberFormats.get(key))) s.numberFormats.set(key, 'dd/MM/yyyy');
      return setRaw(s, row, col, new Date(v.getTime()));
    }
    if (typeof v !== 'string') return setRaw(s, row, col, String(v));
    const parsed = parseInput(v, s.numberFormats.get(key) === '@');
    if (parsed.kind === 'formula') {
      s.formulas.set(key, parsed.formula);
      return setRaw(s, row, col, '');
    }
    if (parsed.kind === 'date' && !isDateFormat(s.numberFormats.get(key))) s.numberFormats.set(key, 'dd/MM/yyyy');
    setRaw(s, row, col, parsed.value);
  }

  type Input = { kind: 'formula'; formula: string } | { kind: 'value' | 'date'; value: FakeCell };

  /** How Sheets (fr_FR locale) takes a string typed in a cell. */
  function parseInput(text: string, plainText: boolean): Input {
    if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
    if (plainText) return { kind: 'value', value: text };
    if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
    const t = text.trim();
    const num = parseNumber(t);
    if (num !== null) return { kind: 'value', value: num };
    if (/^[+-]\S/.test(text)) return { kind: 'formula', formula: `=${text}` };
    if (/^(true|vrai)$/i.test(t)) return { kind: 'value', value: true };
    if (/^(false|faux)$/i.test(t)) return { kind: 'value', value: false };
    const paren = /^\((.+)\)$/.exec(t);
    const negative = paren ? parseNumber(paren[1]) : null;
    if (negative !== null) return { kind: 'value', value: -negative };
    const date = parseDateText(t);
    if (date !== null) return { kind: 'date', value: date };
    const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
    if (time && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
      const wall = SERIAL_ZERO_UTC + ((Number(time[1]) * 60 + Number(time[2])) * 60 + Number(time[3] ?? 0)) * 1000;
      return { kind: 'date', value: new Date(wallClockToInstant(wall, timeZone)) };
    }
    return { kind: 'value', value: text };
  }

  function parseNumber(t: string): number | null {
    t = t.replace(/^([+-]?)[$€£]\s*/, '$1');
    let m = /^([+-]?)(\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d+))?(?:[eE]([+-]?\d+))?\s*(%|€|\$)?$/.exec(t);
    if (!m) {
      m = /^([+-]?)()[.,](\d+)()\s*(%)?$/.exec(t);
      if (!m) return null;
    }
    const n = Number(`${m[1]}${(m[2] || '0').replace(/\D/g, '')}.${m[3] ?? '0'}${m[4] ? `e${m[4]}` : ''}`);
    if (!Number.isFinite(n)) return null;
    return m[5] === '%' ? n / 100 : n;
  }

  function monthOf(word: string): number | null {
    const w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const names = [
      ['jan', 'janv', 'january', 'janvier'],
      ['feb', 'fev', 'fevr', 'february', 'fevrier'],
      ['mar', 'march', 'mars'],
      ['apr', 'avr', 'april', 'avril'],
      ['may', 'mai'],
      ['jun', 'june', 'juin'],
      ['jul', 'juil', 'july', 'juillet'],
      ['aug', 'august', 'aout'],
      ['sep', 'sept', 'september', 'septembre'],
      ['oct', 'october', 'octobre'],
      ['nov', 'november', 'novembre'],
      ['dec', 'december', 'decembre'],
    ];
    const i = names.findIndex((n) => n.includes(w));
    return i < 0 ? null : i + 1;
  }

  function parseDateText(t: string): Date | null {
    let y: number;
    let mo: number;
    let d: number;
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t);
    if (m) {
      d = Number(m[1]);
      mo = Number(m[2]);
      y = m[3].length === 2 ? (Number(m[3]) < 30 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
    } else if ((m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t))) {
      y = Number(m[1]);
      mo = Number(m[2]);
      d = Number(m[3]);
    } else {
      // Month names, French or English: '5 mars 2018', 'Mar 1 2016', 'March 1, 2016', 'mars 2018'.
      const named =
        /^(\d{1,2})(?:er)?\s+([\p{L}]+)\.?,?\s+(\d{4}|\d{2})$/u.exec(t)?.slice(1) ??
        (() => {
          const x = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(t);
          return x ? [x[2], x[1], x[3]] : undefined;
        })() ??
        (() => {
          const x = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(t);
          return x ? ['1', x[1], x[2]] : undefined;
        })();
      if (!named) return null;
      const month = monthOf(named[1]);
      if (month === null) return null;
      d = Number(named[0]);
      mo = month;
      y = named[2].length === 2 ? (Number(named[2]) < 30 ? 2000 : 1900) + Number(named[2]) : Number(named[2]);
    }
    if (!validYmd(y, mo, d)) return null;
    return new Date(wallClockToInstant(Date.UTC(y, mo - 1, d), timeZone));
  }

  // --- objects ----------------------------------------------------------------------------

  function checkRect(values: unknown, numRows: number, numCols: number, what: string): unknown[][] {
    if (!Array.isArray(values)) fail(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${what}.`);
    if (values.length !== numRows) {
      fail(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${numRows}.`);
    }
    for (const line of values) {
      if (!Array.isArray(line)) fail(`The parameters don't match the method signature for SpreadsheetApp.Range.${what}.`);
      if (line.length !== numCols) {
        fail(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numCols}.`);
      }
    }
    return values as unknown[][];
  }

  class FakeRange {
    constructor(
      private readonly s: SheetState,
      private readonly row: number,
      private readonly col: number,
      private readonly numRows: number,
      private readonly numCols: number,
    ) {}
    private each(fn: (r: number, c: number) => void): void {
      for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) fn(this.row + i, this.col + j);
    }
    private grid<T>(fn: (r: number, c: number) => T): T[][] {
      const out: T[][] = [];
      for (let i = 0; i < this.numRows; i++) {
        const line: T[] = new Array(this.numCols);
        for (let j = 0; j < this.numCols; j++) line[j] = fn(this.row + i, this.col + j);
        out.push(line);
      }
      return out;
    }
    private fmt(patch: FakeFormat): this {
      this.each((r, c) => {
        const key = k(r, c);
        this.s.formats.set(key, { ...(this.s.formats.get(key) ?? {}), ...patch });
      });
      return this;
    }
    getRow() { hit('Range.getRow'); return this.row; }
    getColumn() { hit('Range.getColumn'); return this.col; }
    getNumRows() { hit('Range.getNumRows'); return this.numRows; }
    getNumColumns() { hit('Range.getNumColumns'); return this.numCols; }
    getLastRow() { hit('Range.getLastRow'); return this.row + this.numRows - 1; }
    getLastColumn() { hit('Range.getLastColumn'); return this.col + this.numCols - 1; }
    getSheet() { hit('Range.getSheet'); return sheetObject(this.s); }
    getA1Notation() {
      hit('Range.getA1Notation');
      const a = `${columnLetters(this.col)}${this.row}`;
      return this.numRows === 1 && this.numCols === 1 ? a : `${a}:${columnLetters(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
    }
    getValues() { hit('Range.getValues'); return this.grid((r, c) => readCell(this.s, r, c)); }
    getValue() { hit('Range.getValue'); return readCell(this.s, this.row, this.col); }
    getDisplayValues() {
      hit('Range.getDisplayValues');
      return this.grid((r, c) => {
        const v = readCell(this.s, r, c);
        if (isDate(v)) return formatDateIn(v, timeZone, 'dd/MM/yyyy');
        if (typeof v === 'boolean') return v ? 'VRAI' : 'FAUX';
        if (typeof v === 'number') return String(v).replace('.', ',');
        return v;
      });
    }
    setValues(values: unknown) {
      hit('Range.setValues');
      const rect = checkRect(values, this.numRows, this.numCols, 'setValues');
      rect.forEach((line, i) => line.forEach((v, j) => writeCell(this.s, this.row + i, this.col + j, v)));
      return this;
    }
    setValue(value: unknown) {
      hit('Range.setValue');
      this.writeEach(value);
      return this;
    }
    /** Uncounted: used by RangeList.setValue. */
    writeEach(value: unknown) {
      this.each((r, c) => writeCell(this.s, r, c, value));
    }
    getFormulas() { hit('Range.getFormulas'); return this.grid((r, c) => this.s.formulas.get(k(r, c)) ?? ''); }
    getFormula() { hit('Range.getFormula'); return this.s.formulas.get(k(this.row, this.col)) ?? ''; }
    setFormula(f: string) {
      hit('Range.setFormula');
      this.each((r, c) => {
        setRaw(this.s, r, c, '');
        this.s.formulas.set(k(r, c), f);
      });
      return this;
    }
    getNotes() { hit('Range.getNotes'); return this.grid((r, c) => this.s.notes.get(k(r, c)) ?? ''); }
    getNote() { hit('Range.getNote'); return this.s.notes.get(k(this.row, this.col)) ?? ''; }
    setNotes(notes: unknown) {
      hit('Range.setNotes');
      const rect = checkRect(notes, this.numRows, this.numCols, 'setNotes');
      rect.forEach((line, i) =>
        line.forEach((n, j) => {
          const key = k(this.row + i, this.col + j);
          if (n === null || n === undefined || n === '') this.s.notes.delete(key);
          else this.s.notes.set(key, String(n));
        }),
      );
      return this;
    }
    setNote(note: string | null) {
      hit('Range.setNote');
      this.each((r, c) => (note ? this.s.notes.set(k(r, c), String(note)) : this.s.notes.delete(k(r, c))));
      return this;
    }
    clearNote() { hit('Range.clearNote'); this.each((r, c) => this.s.notes.delete(k(r, c))); return this; }
    getNumberFormat() { hit('Range.getNumberFormat'); return this.s.numberFormats.get(k(this.row, this.col)) ?? 'General'; }
    getNumberFormats() { hit('Range.getNumberFormats'); return this.grid((r, c) => this.s.numberFormats.get(k(r, c)) ?? 'General'); }
    setNumberFormat(f: string) { hit('Range.setNumberFormat'); this.each((r, c) => this.s.numberFormats.set(k(r, c), f)); return this; }
    setNumberFormats(formats: unknown) {
      hit('Range.setNumberFormats');
      const rect = checkRect(formats, this.numRows, this.numCols, 'setNumberFormats');
      rect.forEach((line, i) => line.forEach((f, j) => this.s.numberFormats.set(k(this.row + i, this.col + j), String(f))));
      return this;
    }
    setFontWeight(w: string | null) { hit('Range.setFontWeight'); return this.fmt({ fontWeight: w ?? 'normal' }); }
    setFontStyle(st: string | null) { hit('Range.setFontStyle'); return this.fmt({ fontStyle: st ?? 'normal' }); }
    setFontSize(n: number) { hit('Range.setFontSize'); return this.fmt({ fontSize: n }); }
    setFontColor(c: string | null) { hit('Range.setFontColor'); return this.fmt({ fontColor: c ?? '#000000' }); }
    setBackground(c: string | null) { hit('Range.setBackground'); return this.fmt({ background: c ?? '#ffffff' }); }
    setHorizontalAlignment(a: string | null) { hit('Range.setHorizontalAlignment'); return this.fmt({ horizontalAlignment: a ?? 'general' }); }
    setVerticalAlignment(a: string | null) { hit('Range.setVerticalAlignment'); return this.fmt({ verticalAlignment: a ?? 'bottom' }); }
    setWrap(w: boolean) { hit('Range.setWrap'); return this.fmt({ wrap: w }); }
    setBorder(..._args: unknown[]) { hit('Range.setBorder'); return this; }
    getFontWeight() { hit('Range.getFontWeight'); return this.s.formats.get(k(this.row, this.col))?.fontWeight ?? 'normal'; }
    getBackground() { hit('Range.getBackground'); return this.s.formats.get(k(this.row, this.col))?.background ?? '#ffffff'; }
    setDataValidation(rule: FakeDataValidation | null) {
      hit('Range.setDataValidation');
      this.each((r, c) => (rule ? this.s.validations.set(k(r, c), { ...rule.rule }) : this.s.validations.delete(k(r, c))));
      return this;
    }
    getDataValidation() {
      hit('Range.getDataValidation');
      const v = this.s.validations.get(k(this.row, this.col));
      return v ? new FakeDataValidation(v) : null;
    }
    getDataValidations() {
      hit('Range.getDataValidations');
      return this.grid((r, c) => {
        const v = this.s.validations.get(k(r, c));
        return v ? new FakeDataValidation(v) : null;
      });
    }
    clearDataValidations() { hit('Range.clearDataValidations'); this.each((r, c) => this.s.validations.delete(k(r, c))); return this; }
    clearContent() {
      hit('Range.clearContent');
      this.each((r, c) => {
        setRaw(this.s, r, c, undefined);
        this.s.formulas.delete(k(r, c));
      });
      return this;
    }
    clearFormat() {
      hit('Range.clearFormat');
      this.each((r, c) => {
        this.s.formats.delete(k(r, c));
        this.s.numberFormats.delete(k(r, c));
      });
      return this;
    }
    clear() {
      hit('Range.clear');
      this.each((r, c) => {
        setRaw(this.s, r, c, undefined);
        this.s.formulas.delete(k(r, c));
        this.s.formats.delete(k(r, c));
        this.s.numberFormats.delete(k(r, c));
      });
      return this;
    }
    activate() {
      hit('Range.activate');
      activeSheetName = this.s.name;
      selection = { sheet: this.s.name, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
      return this;
    }
  }

  class FakeDataValidation {
    constructor(readonly rule: FakeValidationRule) {}
    getCriteriaType() { hit('DataValidation.getCriteriaType'); return (DataValidationCriteria as any)[this.rule.criteria] ?? this.rule.criteria; }
    getCriteriaValues() { hit('DataValidation.getCriteriaValues'); return this.rule.criteria === 'VALUE_IN_LIST' ? [[...(this.rule.values as string[])], this.rule.showDropdown] : [...this.rule.values]; }
    getAllowInvalid() { hit('DataValidation.getAllowInvalid'); return this.rule.allowInvalid; }
    getHelpText() { hit('DataValidation.getHelpText'); return this.rule.helpText; }
    copy() { hit('DataValidation.copy'); return new FakeDataValidationBuilder({ ...this.rule }); }
  }

  class FakeDataValidationBuilder {
    constructor(private rule: FakeValidationRule = { criteria: 'OTHER', values: [], showDropdown: false, allowInvalid: true, helpText: '' }) {}
    requireValueInList(values: unknown[], showDropdown = true) {
      hit('DataValidationBuilder.requireValueInList');
      if (!Array.isArray(values) || values.length === 0) fail('The list of values must not be empty.');
      this.rule = { ...this.rule, criteria: 'VALUE_IN_LIST', values: values.map(String), showDropdown };
      return this;
    }
    requireValueInRange(range: unknown, showDropdown = true) {
      hit('DataValidationBuilder.requireValueInRange');
      this.rule = { ...this.rule, criteria: 'VALUE_IN_RANGE', values: [range], showDropdown };
      return this;
    }
    requireDate() { hit('DataValidationBuilder.requireDate'); this.rule = { ...this.rule, criteria: 'DATE_IS_VALID_DATE', values: [] }; return this; }
    requireCheckbox() { hit('DataValidationBuilder.requireCheckbox'); this.rule = { ...this.rule, criteria: 'CHECKBOX', values: [] }; return this; }
    requireNumberBetween(a: number, b: number) { hit('DataValidationBuilder.requireNumberBetween'); this.rule = { ...this.rule, criteria: 'NUMBER_BETWEEN', values: [a, b] }; return this; }
    setAllowInvalid(allow: boolean) { hit('DataValidationBuilder.setAllowInvalid'); this.rule = { ...this.rule, allowInvalid: !!allow }; return this; }
    setHelpText(text: string) { hit('DataValidationBuilder.setHelpText'); this.rule = { ...this.rule, helpText: String(text) }; return this; }
    build() {
      hit('DataValidationBuilder.build');
      if (this.rule.criteria === 'OTHER') fail('You must specify a criteria for the data validation rule.');
      return new FakeDataValidation({ ...this.rule, values: [...this.rule.values] });
    }
  }

  class FakeEmbeddedChart {
    constructor(readonly chart: FakeChart) {}
    getChartId() { hit('EmbeddedChart.getChartId'); return this.chart.id; }
    getOptions() { hit('EmbeddedChart.getOptions'); const o = this.chart.options; return { get: (key: string) => o[key] }; }
    getRanges() { hit('EmbeddedChart.getRanges'); return [...this.chart.ranges]; }
    modify() { hit('EmbeddedChart.modify'); return new FakeChartBuilder(null, { ...this.chart }); }
  }

  class FakeChartBuilder {
    private readonly chart: FakeChart;
    constructor(private readonly s: SheetState | null, base?: FakeChart) {
      this.chart = base ?? { id: 0, type: 'COLUMN', ranges: [], numHeaders: null, position: null, options: {} };
    }
    setChartType(t: unknown) { hit('EmbeddedChartBuilder.setChartType'); this.chart.type = enumName(t); return this; }
    asBarChart() { hit('EmbeddedChartBuilder.asBarChart'); this.chart.type = 'BAR'; return this; }
    asColumnChart() { hit('EmbeddedChartBuilder.asColumnChart'); this.chart.type = 'COLUMN'; return this; }
    asPieChart() { hit('EmbeddedChartBuilder.asPieChart'); this.chart.type = 'PIE'; return this; }
    asLineChart() { hit('EmbeddedChartBuilder.asLineChart'); this.chart.type = 'LINE'; return this; }
    addRange(range: FakeRange) {
      hit('EmbeddedChartBuilder.addRange');
      const r = range as unknown as { row: number; col: number; numRows: number; numCols: number };
      this.chart.ranges.push({ row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols });
      return this;
    }
    setNumHeaders(n: number) { hit('EmbeddedChartBuilder.setNumHeaders'); this.chart.numHeaders = n; return this; }
    setPosition(row: number, col: number, offsetX: number, offsetY: number) {
      hit('EmbeddedChartBuilder.setPosition');
      this.chart.position = { row, col, offsetX, offsetY };
      return this;
    }
    setOption(key: string, value: unknown) { hit('EmbeddedChartBuilder.setOption'); this.chart.options[key] = value; return this; }
    setTitle(title: string) { hit('EmbeddedChartBuilder.setTitle'); this.chart.options.title = title; return this; }
    setLegendPosition(p: unknown) { hit('EmbeddedChartBuilder.setLegendPosition'); this.chart.options.legend = enumName(p); return this; }
    build() {
      hit('EmbeddedChartBuilder.build');
      if (this.chart.ranges.length === 0) fail('The chart has no data.');
      return new FakeEmbeddedChart({ ...this.chart, id: this.chart.id || nextChartId++, ranges: [...this.chart.ranges], options: { ...this.chart.options } });
    }
  }

  const sheetObjects = new Map<SheetState, FakeSheet>();
  function sheetObject(s: SheetState): FakeSheet {
    let o = sheetObjects.get(s);
    if (!o) sheetObjects.set(s, (o = new FakeSheet(s)));
    return o;
  }

  function alive(s: SheetState): void {
    if (!sheets.includes(s)) fail('The sheet has been deleted.');
  }

  class FakeSheet {
    constructor(private readonly s: SheetState) {}
    getName() { hit('Sheet.getName'); return this.s.name; }
    setName(name: string) {
      hit('Sheet.setName');
      if (sheets.some((x) => x !== this.s && x.name === name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
      this.s.name = name;
      return this;
    }
    getSheetId() { hit('Sheet.getSheetId'); return this.s.id; }
    getIndex() { hit('Sheet.getIndex'); return sheets.indexOf(this.s) + 1; }
    getParent() { hit('Sheet.getParent'); return spreadsheet; }
    getRange(a: number | string, b?: number, c?: number, d?: number) {
      hit('Sheet.getRange');
      alive(this.s);
      let row: number;
      let col: number;
      let numRows: number;
      let numCols: number;
      if (typeof a === 'string') ({ row, col, numRows, numCols } = parseA1(a));
      else {
        if (b === undefined) fail('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
        row = a;
        col = b;
        numRows = c ?? 1;
        numCols = d ?? 1;
      }
      for (const [n, what] of [[row, 'row'], [col, 'column'], [numRows, 'number of rows'], [numCols, 'number of columns']] as const) {
        if (!Number.isInteger(n)) fail(`The ${what} (${n}) must be an integer.`);
      }
      if (row < 1 || col < 1) fail('The starting row or column of the range is too small.');
      if (numRows < 1) fail('The number of rows in the range must be at least 1.');
      if (numCols < 1) fail('The number of columns in the range must be at least 1.');
      if (row + numRows - 1 > this.s.maxRows) fail('Those rows are out of bounds.');
      if (col + numCols - 1 > this.s.maxColumns) fail('Those columns are out of bounds.');
      return new FakeRange(this.s, row, col, numRows, numCols);
    }
    getRangeList(a1Notations: string[]) {
      hit('Sheet.getRangeList');
      alive(this.s);
      const ranges = a1Notations.map((a1) => {
        const { row, col, numRows, numCols } = parseA1(a1);
        if (row + numRows - 1 > this.s.maxRows) fail('Those rows are out of bounds.');
        if (col + numCols - 1 > this.s.maxColumns) fail('Those columns are out of bounds.');
        return new FakeRange(this.s, row, col, numRows, numCols);
      });
      const list = {
        getRanges() { hit('RangeList.getRanges'); return ranges; },
        setValue(value: unknown) {
          hit('RangeList.setValue');
          // Each range as Range.setValue would, without counting per-range calls.
          for (const r of ranges) (r as unknown as { writeEach(v: unknown): void }).writeEach(value);
          return list;
        },
      };
      return list;
    }
    getDataRange() {
      hit('Sheet.getDataRange');
      alive(this.s);
      return new FakeRange(this.s, 1, 1, Math.max(1, lastRowOf(this.s)), Math.max(1, lastColumnOf(this.s)));
    }
    getLastRow() { hit('Sheet.getLastRow'); return lastRowOf(this.s); }
    getLastColumn() { hit('Sheet.getLastColumn'); return lastColumnOf(this.s); }
    getMaxRows() { hit('Sheet.getMaxRows'); return this.s.maxRows; }
    getMaxColumns() { hit('Sheet.getMaxColumns'); return this.s.maxColumns; }
    insertRowsAfter(after: number, howMany: number) {
      hit('Sheet.insertRowsAfter');
      if (howMany < 1 || after < 1 || after > this.s.maxRows) fail('Those rows are out of bounds.');
      if (after < lastRowOf(this.s)) shiftRows(this.s, after, howMany);
      this.s.maxRows += howMany;
      return this;
    }
    insertRows(before: number, howMany = 1) {
      hit('Sheet.insertRows');
      if (before < 1 || before > this.s.maxRows) fail('Those rows are out of bounds.');
      shiftRows(this.s, before - 1, howMany);
      this.s.maxRows += howMany;
      return this;
    }
    insertColumnsAfter(after: number, howMany: number) {
      hit('Sheet.insertColumnsAfter');
      if (after !== this.s.maxColumns && after < lastColumnOf(this.s)) fail('fake-gas: inserting columns inside data is not supported');
      this.s.maxColumns += howMany;
      return this;
    }
    getFrozenRows() { hit('Sheet.getFrozenRows'); return this.s.frozenRows; }
    setFrozenRows(n: number) {
      hit('Sheet.setFrozenRows');
      if (n < 0 || n >= this.s.maxRows) fail('You can\'t freeze all visible rows on the sheet.');
      this.s.frozenRows = n;
      return this;
    }
    getFrozenColumns() { hit('Sheet.getFrozenColumns'); return this.s.frozenColumns; }
    setFrozenColumns(n: number) { hit('Sheet.setFrozenColumns'); this.s.frozenColumns = n; return this; }
    clear() {
      // Contents and formats; notes, validations and charts stay (the adapter clears them).
      hit('Sheet.clear');
      this.s.values = [];
      this.s.formulas.clear();
      this.s.formats.clear();
      this.s.numberFormats.clear();
      return this;
    }
    clearContents() { hit('Sheet.clearContents'); this.s.values = []; this.s.formulas.clear(); return this; }
    clearFormats() { hit('Sheet.clearFormats'); this.s.formats.clear(); this.s.numberFormats.clear(); return this; }
    clearNotes() { hit('Sheet.clearNotes'); this.s.notes.clear(); return this; }
    getCharts() { hit('Sheet.getCharts'); return this.s.charts.map((c) => new FakeEmbeddedChart(c)); }
    newChart() { hit('Sheet.newChart'); return new FakeChartBuilder(this.s); }
    insertChart(chart: FakeEmbeddedChart) { hit('Sheet.insertChart'); this.s.charts.push(chart.chart); }
    updateChart(chart: FakeEmbeddedChart) {
      hit('Sheet.updateChart');
      const i = this.s.charts.findIndex((c) => c.id === chart.chart.id);
      if (i >= 0) this.s.charts[i] = chart.chart;
    }
    removeChart(chart: FakeEmbeddedChart) {
      hit('Sheet.removeChart');
      this.s.charts = this.s.charts.filter((c) => c.id !== chart.chart.id);
    }
    activate() { hit('Sheet.activate'); activeSheetName = this.s.name; return this; }
    showSheet() { hit('Sheet.showSheet'); this.s.hidden = false; return this; }
    hideSheet() { hit('Sheet.hideSheet'); this.s.hidden = true; return this; }
    isSheetHidden() { hit('Sheet.isSheetHidden'); return this.s.hidden; }
    setColumnWidth(col: number, width: number) { hit('Sheet.setColumnWidth'); this.s.columnWidths.set(col, width); return this; }
    setColumnWidths(col: number, n: number, width: number) {
      hit('Sheet.setColumnWidths');
      for (let c = col; c < col + n; c++) this.s.columnWidths.set(c, width);
      return this;
    }
    getColumnWidth(col: number) { hit('Sheet.getColumnWidth'); return this.s.columnWidths.get(col) ?? 100; }
    autoResizeColumns(_col: number, _n: number) { hit('Sheet.autoResizeColumns'); return this; }
    autoResizeColumn(_col: number) { hit('Sheet.autoResizeColumn'); return this; }
    setTabColor(_c: string) { hit('Sheet.setTabColor'); return this; }
  }

  function shiftRows(s: SheetState, after: number, howMany: number): void {
    if (after < s.values.length) {
      // No spread: a large insertion would overflow the call stack.
      const blank: (FakeCell | undefined)[][] = Array.from({ length: howMany }, () => []);
      s.values = s.values.slice(0, after).concat(blank, s.values.slice(after));
    }
    for (const map of [s.formulas, s.notes, s.numberFormats, s.formats, s.validations] as Map<string, unknown>[]) {
      const moved = [...map.entries()].map(([key, v]) => {
        const [r, c] = key.split(':').map(Number);
        return [r > after ? k(r + howMany, c) : key, v] as const;
      });
      map.clear();
      for (const [key, v] of moved) map.set(key, v);
    }
  }

  const spreadsheet = {
    getId() { hit('Spreadsheet.getId'); return options.spreadsheetId ?? 'fake-spreadsheet-id'; },
    getName() { hit('Spreadsheet.getName'); return options.spreadsheetName ?? 'Classeur de test'; },
    getUrl() { hit('Spreadsheet.getUrl'); return `https://docs.google.com/spreadsheets/d/${options.spreadsheetId ?? 'fake-spreadsheet-id'}/edit`; },
    getSpreadsheetTimeZone() { hit('Spreadsheet.getSpreadsheetTimeZone'); return timeZone; },
    getSpreadsheetLocale() { hit('Spreadsheet.getSpreadsheetLocale'); return 'fr_FR'; },
    getSheets() { hit('Spreadsheet.getSheets'); return sheets.map(sheetObject); },
    getNumSheets() { hit('Spreadsheet.getNumSheets'); return sheets.length; },
    getSheetByName(name: string) {
      hit('Spreadsheet.getSheetByName');
      const s = sheets.find((x) => x.name === name);
      return s ? sheetObject(s) : null;
    },
    insertSheet(a?: string | number, b?: number) {
      hit('Spreadsheet.insertSheet');
      let name: string;
      let index: number;
      if (typeof a === 'string') {
        name = a;
        index = b ?? sheets.length;
      } else {
        index = a ?? sheets.length;
        let n = sheets.length + 1;
        while (sheets.some((x) => x.name === `Feuille ${n}`)) n++;
        name = `Feuille ${n}`;
      }
      if (sheets.some((x) => x.name === name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
      if (index < 0 || index > sheets.length) fail('Index out of bounds.');
      const s = newSheet(name);
      sheets.splice(index, 0, s);
      activeSheetName = name;
      return sheetObject(s);
    },
    deleteSheet(sheet: FakeSheet) {
      hit('Spreadsheet.deleteSheet');
      const i = sheets.findIndex((s) => sheetObject(s) === sheet);
      if (i >= 0) sheets.splice(i, 1);
    },
    getActiveSheet() {
      hit('Spreadsheet.getActiveSheet');
      const s = sheets.find((x) => x.name === activeSheetName) ?? sheets[0];
      return s ? sheetObject(s) : null;
    },
    setActiveSheet(sheet: FakeSheet) {
      hit('Spreadsheet.setActiveSheet');
      const s = sheets.find((x) => sheetObject(x) === sheet);
      if (s) activeSheetName = s.name;
      return sheet;
    },
    toast(message: string, title?: string, timeout?: number) {
      hit('Spreadsheet.toast');
      uiLog.toasts.push({ message: String(message), title: title === undefined ? null : String(title), timeout: timeout ?? null });
    },
  };

  // --- Active cell (issue 11, "Parcours d'un jeune") ------------------------------- BEGIN
  // Spreadsheet/Sheet.getCurrentCell() and getActiveRange(): the last activated range when it
  // is on the active sheet, else A1 of the active sheet. fake.setActiveCell() moves the
  // cursor as a user would (uncounted).
  const currentRange = (whole: boolean): FakeRange | null => {
    const s = sheets.find((x) => x.name === activeSheetName) ?? sheets[0];
    if (!s) return null;
    if (selection && selection.sheet === s.name) {
      return new FakeRange(s, selection.row, selection.col, whole ? selection.numRows : 1, whole ? selection.numCols : 1);
    }
    return new FakeRange(s, 1, 1, 1, 1);
  };
  Object.assign(spreadsheet, {
    getCurrentCell() { hit('Spreadsheet.getCurrentCell'); return currentRange(false); },
    getActiveRange() { hit('Spreadsheet.getActiveRange'); return currentRange(true); },
  });
  Object.assign(FakeSheet.prototype, {
    getCurrentCell(this: { s: SheetState }) {
      hit('Sheet.getCurrentCell');
      return selection && selection.sheet === this.s.name ? new FakeRange(this.s, selection.row, selection.col, 1, 1) : new FakeRange(this.s, 1, 1, 1, 1);
    },
    getActiveRange(this: { s: SheetState }) {
      hit('Sheet.getActiveRange');
      return selection && selection.sheet === this.s.name
        ? new FakeRange(this.s, selection.row, selection.col, selection.numRows, selection.numCols)
        : new FakeRange(this.s, 1, 1, 1, 1);
    },
  });
  Object.assign(fake, {
    setActiveCell(sheet: string, row: number, col = 1) {
      findSheet(sheet);
      activeSheetName = sheet;
      selection = { sheet, row, col, numRows: 1, numCols: 1 };
    },
  });
  // --- Active cell ---------------------------------------------------------------------- END

  // --- Ui -------------------------------------------------------------------------------

  class FakeMenu {
    readonly log: MenuLog;
    constructor(title: string | null, addon: boolean) {
      this.log = { title, addon, items: [] };
    }
    addItem(label: string, handler: string) {
      hit('Menu.addItem');
      if (typeof label !== 'string' || typeof handler !== 'string' || !label || !handler) fail('Invalid argument: addItem(caption, functionName)');
      this.log.items.push({ label, handler });
      return this;
    }
    addSeparator() { hit('Menu.addSeparator'); this.log.items.push({ separator: true }); return this; }
    addSubMenu(menu: FakeMenu) { hit('Menu.addSubMenu'); this.log.items.push({ subMenu: menu.log }); return this; }
    addToUi() { hit('Menu.addToUi'); uiLog.menus.push(this.log); }
  }

  function buttonSetName(v: unknown): ButtonSetName | null {
    if (v === undefined || v === null) return null;
    const n = enumName(v);
    return (['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const).find((x) => x === n) ?? fail(`Invalid ButtonSet ${n}`);
  }

  function htmlOf(output: unknown): { title: string; html: string; width?: number; height?: number } {
    if (!(output instanceof FakeHtmlOutput)) fail('Invalid argument: userInterface');
    return { title: output.title, html: output.content, width: output.width, height: output.height };
  }

  const ui = {
    Button,
    ButtonSet,
    createMenu(title: string) { hit('Ui.createMenu'); return new FakeMenu(String(title), false); },
    createAddonMenu() { hit('Ui.createAddonMenu'); return new FakeMenu(null, true); },
    showSidebar(output: unknown) {
      hit('Ui.showSidebar');
      needsAuth('Ui.showSidebar');
      const h = htmlOf(output);
      uiLog.sidebars.push({ title: h.title, html: h.html, width: h.width });
    },
    showModalDialog(output: unknown, title: string) {
      hit('Ui.showModalDialog');
      uiLog.dialogs.push({ title: String(title), html: htmlOf(output).html, modal: true });
    },
    showModelessDialog(output: unknown, title: string) {
      hit('Ui.showModelessDialog');
      uiLog.dialogs.push({ title: String(title), html: htmlOf(output).html, modal: false });
    },
    alert(a: unknown, b?: unknown, c?: unknown) {
      hit('Ui.alert');
      const { title, message, buttons } = dialogArgs(a, b, c);
      const queued = buttons ? answers.alerts.shift() : undefined;
      const answer: ButtonName = queued ?? (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK');
      uiLog.alerts.push({ title, message, buttons, answer });
      return Button[answer];
    },
    prompt(a: unknown, b?: unknown, c?: unknown) {
      hit('Ui.prompt');
      const { title, message, buttons } = dialogArgs(a, b, c);
      const answer = answers.prompts.shift() ?? { button: 'CANCEL' as ButtonName, text: '' };
      uiLog.prompts.push({ title, message, buttons, answer });
      return {
        getResponseText() { hit('PromptResponse.getResponseText'); return answer.text; },
        getSelectedButton() { hit('PromptResponse.getSelectedButton'); return Button[answer.button]; },
      };
    },
  };

  /** Ui.alert / Ui.prompt arguments: (message), (message, buttons) or (title, message, buttons). */
  function dialogArgs(a: unknown, b?: unknown, c?: unknown): { title: string | null; message: string; buttons: ButtonSetName | null } {
    if (c !== undefined) return { title: String(a), message: String(b), buttons: buttonSetName(c) };
    if (b !== undefined) return { title: null, message: String(a), buttons: buttonSetName(b) };
    return { title: null, message: String(a), buttons: null };
  }

  // --- HtmlService ------------------------------------------------------------------------

  class FakeHtmlOutput {
    title = '';
    width?: number;
    height?: number;
    constructor(public content: string) {}
    setTitle(t: string) { hit('HtmlOutput.setTitle'); this.title = String(t); return this; }
    getTitle() { hit('HtmlOutput.getTitle'); return this.title; }
    getContent() { hit('HtmlOutput.getContent'); return this.content; }
    setContent(c: string) { hit('HtmlOutput.setContent'); this.content = String(c); return this; }
    append(c: string) { hit('HtmlOutput.append'); this.content += String(c); return this; }
    setWidth(w: number) { hit('HtmlOutput.setWidth'); this.width = w; return this; }
    setHeight(h: number) { hit('HtmlOutput.setHeight'); this.height = h; return this; }
    setSandboxMode(_m: unknown) { hit('HtmlOutput.setSandboxMode'); return this; }
    setXFrameOptionsMode(_m: unknown) { hit('HtmlOutput.setXFrameOptionsMode'); return this; }
    addMetaTag(_n: string, _c: string) { hit('HtmlOutput.addMetaTag'); return this; }
  }

  function htmlFile(name: string): string {
    const base = String(name).replace(/\.html$/, '');
    if (options.htmlFiles && base in options.htmlFiles) return options.htmlFiles[base];
    const path = join(htmlDir, `${base}.html`);
    if (!existsSync(path)) fail(`No HTML file named ${base} was found.`);
    return readFileSync(path, 'utf8');
  }

  const HtmlService = {
    SandboxMode: makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const),
    XFrameOptionsMode: makeEnum(['ALLOWALL', 'DEFAULT'] as const),
    createHtmlOutputFromFile(name: string) { hit('HtmlService.createHtmlOutputFromFile'); return new FakeHtmlOutput(htmlFile(name)); },
    createHtmlOutput(html?: unknown) {
      hit('HtmlService.createHtmlOutput');
      return new FakeHtmlOutput(html === undefined ? '' : html instanceof FakeHtmlOutput ? html.content : String(html));
    },
    createTemplateFromFile(name: string) {
      hit('HtmlService.createTemplateFromFile');
      const text = htmlFile(name);
      return { evaluate: () => { hit('HtmlTemplate.evaluate'); return new FakeHtmlOutput(text); }, getRawContent: () => text };
    },
  };

  // --- other services ---------------------------------------------------------------------

  const SpreadsheetApp = {
    DataValidationCriteria,
    getActiveSpreadsheet() { hit('SpreadsheetApp.getActiveSpreadsheet'); needsAuth('SpreadsheetApp.getActiveSpreadsheet'); return spreadsheet; },
    getActive() { hit('SpreadsheetApp.getActive'); needsAuth('SpreadsheetApp.getActive'); return spreadsheet; },
    getActiveSheet() { hit('SpreadsheetApp.getActiveSheet'); needsAuth('SpreadsheetApp.getActiveSheet'); return spreadsheet.getActiveSheet(); },
    getUi() { hit('SpreadsheetApp.getUi'); return ui; },
    flush() { hit('SpreadsheetApp.flush'); },
    newDataValidation() { hit('SpreadsheetApp.newDataValidation'); return new FakeDataValidationBuilder(); },
  };

  const lockObject = {
    tryLock(ms: number) {
      hit('Lock.tryLock');
      lock.waits.push(ms);
      if (lock.busy) return false;
      if (!lock.held) lock.acquired++;
      lock.held = true;
      return true;
    },
    waitLock(ms: number) {
      hit('Lock.waitLock');
      lock.waits.push(ms);
      if (lock.busy) fail('Lock timeout: another process was holding the lock for too long.');
      if (!lock.held) lock.acquired++;
      lock.held = true;
    },
    releaseLock() {
      hit('Lock.releaseLock');
      if (lock.held) lock.released++;
      lock.held = false;
    },
    hasLock() { hit('Lock.hasLock'); return lock.held; },
  };
  const LockService = {
    getDocumentLock() { hit('LockService.getDocumentLock'); needsAuth('LockService.getDocumentLock'); return lockObject; },
    getScriptLock() { hit('LockService.getScriptLock'); needsAuth('LockService.getScriptLock'); return lockObject; },
    getUserLock() { hit('LockService.getUserLock'); needsAuth('LockService.getUserLock'); return lockObject; },
  };

  const ScriptApp = {
    AuthMode,
    InstallationSource,
    getInstallationSource() { hit('ScriptApp.getInstallationSource'); return InstallationSource[fake.installationSource]; },
    getScriptId() { hit('ScriptApp.getScriptId'); return 'fake-script-id'; },
  };

  const Charts = { ChartType, Position: makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const) };

  const Session = {
    getScriptTimeZone() { hit('Session.getScriptTimeZone'); return timeZone; },
    getActiveUserLocale() { hit('Session.getActiveUserLocale'); return 'fr'; },
    getActiveUser() { hit('Session.getActiveUser'); return { getEmail: () => '' }; },
    getEffectiveUser() { hit('Session.getEffectiveUser'); return { getEmail: () => '' }; },
    getTemporaryActiveUserKey() { hit('Session.getTemporaryActiveUserKey'); return 'fake-user-key'; },
  };

  const Utilities = {
    formatDate(date: Date, tz: string, pattern: string) { hit('Utilities.formatDate'); return formatDateIn(date, tz, pattern); },
    sleep(_ms: number) { hit('Utilities.sleep'); },
    getUuid() { hit('Utilities.getUuid'); return '00000000-0000-4000-8000-000000000000'; },
  };

  const Logger = {
    log(...args: unknown[]) { hit('Logger.log'); uiLog.logs.push(args.map(String).join(' ')); return Logger; },
  };

  // --- initial state, public API -------------------------------------------------------

  for (const [name, cells] of Object.entries(options.sheets ?? {})) sheets.push(newSheet(name, cells));
  activeSheetName = sheets[0]?.name ?? null;

  const globals = { SpreadsheetApp, LockService, HtmlService, ScriptApp, Charts, Session, Utilities, Logger };

  function rect<T>(sheet: string, fn: (s: SheetState, r: number, c: number) => T): T[][] {
    const s = findSheet(sheet);
    const rows = Math.max(1, lastRowOf(s));
    const cols = Math.max(1, lastColumnOf(s));
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: T[] = [];
      for (let c = 1; c <= cols; c++) line.push(fn(s, r, c));
      out.push(line);
    }
    return out;
  }

  Object.assign(fake, {
    globals,
    calls,
    count: (method: string) => calls.get(method) ?? 0,
    totalCalls: (...prefixes: string[]) => {
      let n = 0;
      for (const [m, c] of calls) if (prefixes.length === 0 || prefixes.some((p) => m.startsWith(p))) n += c;
      return n;
    },
    snapshotCalls: () => Object.fromEntries([...calls.entries()].filter(([, c]) => c > 0).sort(([a], [b]) => (a < b ? -1 : 1))),
    resetCalls: () => calls.clear(),
    reset: () => calls.clear(),
    authMode: options.authMode ?? 'FULL',
    installationSource: options.installationSource ?? 'NONE',
    lock,
    uiLog,
    answers,
    timeZone,
    install(target: Record<string, any> = globalThis as any) {
      const previous = new Map<string, { had: boolean; value: unknown }>();
      for (const [name, value] of Object.entries(globals)) {
        previous.set(name, { had: Object.prototype.hasOwnProperty.call(target, name), value: target[name] });
        target[name] = value;
      }
      return () => {
        for (const [name, p] of previous) {
          if (p.had) target[name] = p.value;
          else delete target[name];
        }
      };
    },
    setRealm(realm: { Date: DateConstructor; Error: ErrorConstructor }) {
      RealmDate = realm.Date;
      RealmError = realm.Error;
    },
    sheetNames: () => sheets.map((s) => s.name),
    hasSheet: (name: string) => sheets.some((s) => s.name === name),
    setSheet(name: string, cells: FakeInputCell[][]) {
      const s = sheets.find((x) => x.name === name);
      if (s) fillSheet(s, cells);
      else sheets.push(newSheet(name, cells));
    },
    values: (sheet: string) => rect(sheet, (s, r, c) => readCell(s, r, c)),
    cell: (sheet: string, row: number, col: number) => readCell(findSheet(sheet), row, col),
    formulas: (sheet: string) => rect(sheet, (s, r, c) => s.formulas.get(k(r, c)) ?? ''),
    formula: (sheet: string, row: number, col: number) => findSheet(sheet).formulas.get(k(row, col)) ?? '',
    notes: (sheet: string) => rect(sheet, (s, r, c) => s.notes.get(k(r, c)) ?? ''),
    note: (sheet: string, row: number, col: number) => findSheet(sheet).notes.get(k(row, col)) ?? '',
    numberFormat: (sheet: string, row: number, col: number) => findSheet(sheet).numberFormats.get(k(row, col)) ?? 'General',
    format: (sheet: string, row: number, col: number) => ({ ...(findSheet(sheet).formats.get(k(row, col)) ?? {}) }),
    validation: (sheet: string, row: number, col: number) => {
      const v = findSheet(sheet).validations.get(k(row, col));
      return v ? { ...v, values: [...v.values] } : null;
    },
    frozenRows: (sheet: string) => findSheet(sheet).frozenRows,
    maxRows: (sheet: string) => findSheet(sheet).maxRows,
    maxColumns: (sheet: string) => findSheet(sheet).maxColumns,
    columnWidth: (sheet: string, col: number) => findSheet(sheet).columnWidths.get(col) ?? null,
    charts: (sheet: string) => findSheet(sheet).charts.map((c) => ({ ...c, options: { ...c.options } })),
    lastRow: (sheet: string) => lastRowOf(findSheet(sheet)),
    lastColumn: (sheet: string) => lastColumnOf(findSheet(sheet)),
    activeSheet: () => activeSheetName,
    selection: () => (selection ? { ...selection } : null),
    tabState(sheet: string): FakeTabState {
      const s = findSheet(sheet);
      const copy = <V>(m: Map<string | number, V>, clone: (v: V) => V) =>
        Object.fromEntries([...m.entries()].map(([key, v]) => [key, clone(v)]));
      return {
        name: s.name,
        values: s.values.map((line) => (line ? line.map((v) => (isDate(v) ? new Date(v.getTime()) : v)) : line)),
        formulas: copy(s.formulas, (v) => v),
        notes: copy(s.notes, (v) => v),
        numberFormats: copy(s.numberFormats, (v) => v),
        formats: copy(s.formats, (v) => ({ ...v })),
        validations: copy(s.validations, (v) => ({ ...v, values: [...v.values] })),
        frozenRows: s.frozenRows,
        frozenColumns: s.frozenColumns,
        maxRows: s.maxRows,
        maxColumns: s.maxColumns,
        columnWidths: copy(s.columnWidths as Map<string | number, number>, (v) => v),
        charts: s.charts.map((c) => ({ ...c, ranges: c.ranges.map((r) => ({ ...r })), options: { ...c.options } })),
        hidden: s.hidden,
      };
    },
  });
  return fake;
}

/** A Date as Sheets gives a date cell: midnight of 'YYYY-MM-DD' in the zone (independent of src/). */
export function sheetsDate(iso: string, timeZone = 'Europe/Paris'): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`sheetsDate: bad date ${iso}`);
  return new Date(wallClockToInstant(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), timeZone));
}
