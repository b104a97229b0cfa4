/**
 * The one object every part of the fake shares: options, call counter, realm, tabs, cursor,
 * UI log and answers, lock. Each service module receives it explicitly.
 */
import { join } from 'node:path';
import { CallCounter } from './counter';
import type { GridArea } from './a1';
import type { FakeGas, FakeGasOptions, FakeLockState, FakeUiAnswers, SheetState, UiLog } from './types';

const REPO = join(__dirname, '..', '..', '..');

/** The last activated range, 1-based. */
export interface Selection extends GridArea {
  sheet: string;
}

export class FakeState {
  readonly timeZone: string;
  readonly htmlDir: string;
  readonly counter = new CallCounter();
  /** Dates and Errors handed to the code under test are built with these (vm contexts). */
  realm: { Date: DateConstructor; Error: ErrorConstructor } = { Date, Error };
  readonly sheets: SheetState[] = [];
  nextSheetId = 1;
  nextChartId = 1;
  activeSheetName: string | null = null;
  selection: Selection | null = null;
  readonly uiLog: UiLog = { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], toasts: [], logs: [] };
  readonly answers: FakeUiAnswers;
  readonly lock: FakeLockState;
  /** The public fake: its authMode and installationSource can be changed by tests. */
  readonly fake = {} as FakeGas;
  /** The Spreadsheet object (set once by createFakeGas). */
  spreadsheet: any = null;
  /** Builds the Sheet object of a tab (set once by createFakeGas; see sheetObject). */
  sheetFactory: ((sheet: SheetState) => object) | null = null;
  private readonly sheetObjects = new Map<SheetState, object>();

  constructor(readonly options: FakeGasOptions) {
    this.timeZone = options.timeZone ?? 'Europe/Paris';
    this.htmlDir = options.htmlDir ?? join(REPO, 'dist');
    this.answers = { alerts: [...(options.answers?.alerts ?? [])], prompts: [...(options.answers?.prompts ?? [])] };
    this.lock = { busy: options.lockBusy ?? false, held: false, acquired: 0, released: 0, waits: [] };
  }

  /** Counts one call of 'Class.method'. */
  hit(method: string): void {
    this.counter.hit(method);
  }

  /** Throws an Apps Script-like error of the realm. */
  fail(message: string): never {
    throw new this.realm.Error(message);
  }

  /** Data access throws in AuthMode.NONE (an add-on's onOpen before authorisation). */
  needsAuth(what: string): void {
    if (this.fake.authMode === 'NONE') {
      this.fail(
        `You do not have permission to call ${what}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`,
      );
    }
  }

  newDate(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** A tab by name, for the uncounted accessors (a test error when absent). */
  findSheet(name: string): SheetState {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`fake-gas: no sheet named ${name}`);
    return sheet;
  }

  /** The active tab (the first one when the active name is gone), or undefined when there is none. */
  activeSheetState(): SheetState | undefined {
    return this.sheets.find((candidate) => candidate.name === this.activeSheetName) ?? this.sheets[0];
  }

  /** The one Sheet object of a tab (the same object at every call, as identity checks need). */
  sheetObject<T extends object>(sheet: SheetState): T {
    let object = this.sheetObjects.get(sheet);
    if (!object) this.sheetObjects.set(sheet, (object = this.sheetFactory!(sheet)));
    return object as T;
  }
}
