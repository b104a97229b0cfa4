/** Spreadsheet (the active spreadsheet) and the SpreadsheetApp service. */
import { currentRange } from './active-cell';
import { newSheetState } from './cells';
import { DataValidationCriteria } from './enums';
import type { FakeSheet } from './sheet';
import type { FakeState } from './state';
import { FakeDataValidationBuilder } from './validation';

const DEFAULT_ID = 'fake-spreadsheet-id';

export class FakeSpreadsheet {
  constructor(private readonly state: FakeState) {}
  private hit(method: string): void {
    this.state.hit(`Spreadsheet.${method}`);
  }
  private sheetObject(sheet: FakeState['sheets'][number]): FakeSheet {
    return this.state.sheetObject<FakeSheet>(sheet);
  }
  getId() {
    this.hit('getId');
    return this.state.options.spreadsheetId ?? DEFAULT_ID;
  }
  getName() {
    this.hit('getName');
    return this.state.options.spreadsheetName ?? 'Classeur de test';
  }
  getUrl() {
    this.hit('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.state.options.spreadsheetId ?? DEFAULT_ID}/edit`;
  }
  getSpreadsheetTimeZone() {
    this.hit('getSpreadsheetTimeZone');
    return this.state.timeZone;
  }
  getSpreadsheetLocale() {
    this.hit('getSpreadsheetLocale');
    return this.state.options.locale ?? 'fr_FR';
  }
  getSheets() {
    this.hit('getSheets');
    return this.state.sheets.map((sheet) => this.sheetObject(sheet));
  }
  getNumSheets() {
    this.hit('getNumSheets');
    return this.state.sheets.length;
  }
  getSheetByName(name: string) {
    this.hit('getSheetByName');
    const sheet = this.state.sheets.find((candidate) => candidate.name === name);
    return sheet ? this.sheetObject(sheet) : null;
  }
  /** insertSheet(name, index?) or insertSheet(index?) (named 'Feuille N'); the new tab becomes active. */
  insertSheet(nameOrIndex?: string | number, givenIndex?: number) {
    this.hit('insertSheet');
    const sheets = this.state.sheets;
    let name: string;
    let index: number;
    if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      index = givenIndex ?? sheets.length;
    } else {
      index = nameOrIndex ?? sheets.length;
      let number = sheets.length + 1;
      while (sheets.some((sheet) => sheet.name === `Feuille ${number}`)) number++;
      name = `Feuille ${number}`;
    }
    if (sheets.some((sheet) => sheet.name === name))
      this.state.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (index < 0 || index > sheets.length) this.state.fail('Index out of bounds.');
    const sheet = newSheetState(this.state, name);
    sheets.splice(index, 0, sheet);
    this.state.activeSheetName = name;
    return this.sheetObject(sheet);
  }
  deleteSheet(sheetObject: FakeSheet) {
    this.hit('deleteSheet');
    const index = this.state.sheets.findIndex((sheet) => this.sheetObject(sheet) === sheetObject);
    if (index >= 0) this.state.sheets.splice(index, 1);
  }
  getActiveSheet() {
    this.hit('getActiveSheet');
    const sheet = this.state.activeSheetState();
    return sheet ? this.sheetObject(sheet) : null;
  }
  setActiveSheet(sheetObject: FakeSheet) {
    this.hit('setActiveSheet');
    const sheet = this.state.sheets.find((candidate) => this.sheetObject(candidate) === sheetObject);
    if (sheet) this.state.activeSheetName = sheet.name;
    return sheetObject;
  }
  /** Issue 11: see active-cell.ts. */
  getCurrentCell() {
    this.hit('getCurrentCell');
    return currentRange(this.state, false);
  }
  getActiveRange() {
    this.hit('getActiveRange');
    return currentRange(this.state, true);
  }
  toast(message: string, title?: string, timeout?: number) {
    this.hit('toast');
    this.state.uiLog.toasts.push({
      message: String(message),
      title: title === undefined ? null : String(title),
      timeout: timeout ?? null,
    });
  }
}

/** The SpreadsheetApp service; `ui` is what getUi() returns. */
export function createSpreadsheetApp(state: FakeState, ui: object) {
  const hit = (method: string) => state.hit(`SpreadsheetApp.${method}`);
  const dataAccess = (method: string) => {
    hit(method);
    state.needsAuth(`SpreadsheetApp.${method}`);
  };
  return {
    DataValidationCriteria,
    getActiveSpreadsheet() {
      dataAccess('getActiveSpreadsheet');
      return state.spreadsheet;
    },
    getActive() {
      dataAccess('getActive');
      return state.spreadsheet;
    },
    getActiveSheet() {
      dataAccess('getActiveSheet');
      return state.spreadsheet.getActiveSheet();
    },
    getUi() {
      hit('getUi');
      return ui;
    },
    flush() {
      hit('flush');
    },
    newDataValidation() {
      hit('newDataValidation');
      return new FakeDataValidationBuilder(state);
    },
  };
}
