/** The public types of the fake Apps Script services, and the stored state of a tab. */

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
  /** What Spreadsheet.getSpreadsheetLocale() returns (default 'fr_FR'). */
  locale?: string;
  /**
   * Number formats of whole columns set before the test (tab → column letter → format), e.g.
   * `{ Présences: { B: '@' } }` for a team that formats its ID column as plain text.
   */
  columnFormats?: Record<string, Record<string, string>>;
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
  prompts: {
    title: string | null;
    message: string;
    buttons: ButtonSetName | null;
    answer: { button: ButtonName; text: string };
  }[];
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

/** What the fake stores for one tab (internal; maps are keyed by cellKey(row, col)). */
export interface SheetState {
  id: number;
  name: string;
  values: (FakeCell | undefined)[][];
  formulas: Map<string, string>;
  notes: Map<string, string>;
  numberFormats: Map<string, string>;
  /** Number formats of whole columns (1-based), for cells without their own (a team's '@' ID column). */
  columnFormats?: Map<number, string>;
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
