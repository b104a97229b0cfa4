/**
 * Cell storage of a tab: blank cells are `undefined` in `values`, formulas, notes, formats and
 * validations live in maps keyed by cellKey(row, col). Reading gives what getValues() returns;
 * writing converts values as Sheets does for setValue(s) (see input.ts).
 */
import { cellKey, parseCellKey } from './a1';
import { MS_DAY, SERIAL_ZERO_UTC, formatDateIn, isDate, isDateFormat, wallClockToInstant } from './dates';
import { parseInput } from './input';
import type { FakeState } from './state';
import type { FakeCell, FakeInputCell, SheetState } from './types';

/** New tabs are 1000 x 26, as in Sheets. */
const DEFAULT_ROWS = 1000;
const DEFAULT_COLS = 26;
/** The format Sheets gives a cell when a date is typed in it (fr_FR). */
const DATE_FORMAT = 'dd/MM/yyyy';
/** The format Sheets gives an unformatted cell when a script writes a Date in it: date and time. */
export const DATE_TIME_FORMAT = 'dd/MM/yyyy HH:mm:ss';

export function newSheetState(state: FakeState, name: string, cells: FakeInputCell[][] = []): SheetState {
  const sheet: SheetState = {
    id: state.nextSheetId++,
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
  fillSheet(sheet, cells);
  return sheet;
}

/** Replaces a tab's values with typed cells (as getValues would return them); dates get a date format. */
export function fillSheet(sheet: SheetState, cells: FakeInputCell[][]): void {
  sheet.values = cells.map((line) =>
    line.map((value) =>
      value === null || value === undefined || value === '' ? undefined : isDate(value) ? new Date(value.getTime()) : value,
    ),
  );
  sheet.formulas.clear();
  for (let row = 0; row < cells.length; row++) {
    for (let col = 0; col < cells[row].length; col++) {
      if (isDate(cells[row][col])) sheet.numberFormats.set(cellKey(row + 1, col + 1), DATE_FORMAT);
    }
  }
  sheet.maxRows = Math.max(sheet.maxRows, cells.length);
  // reduce, not Math.max(...spread): 200 000 rows would overflow the call stack.
  sheet.maxColumns = cells.reduce((max, line) => Math.max(max, line.length), sheet.maxColumns);
}

/** A cell's number format: its own, else its column's; undefined when none ('General'). */
export function numberFormatOf(sheet: SheetState, row: number, col: number): string | undefined {
  return sheet.numberFormats.get(cellKey(row, col)) ?? sheet.columnFormats?.get(col);
}

function rawCell(sheet: SheetState, row: number, col: number): FakeCell | undefined {
  return sheet.values[row - 1]?.[col - 1];
}

function isBlank(value: FakeCell | undefined): boolean {
  return value === undefined || value === '';
}

/** Sheet.getLastRow(): the last row with a value or a formula (0 when none). */
export function lastRowOf(sheet: SheetState): number {
  for (let row = sheet.values.length; row >= 1; row--) {
    const line = sheet.values[row - 1];
    if (line?.some((value) => !isBlank(value))) return Math.max(row, lastFormulaRow(sheet));
  }
  return lastFormulaRow(sheet);
}

function lastFormulaRow(sheet: SheetState): number {
  let last = 0;
  for (const key of sheet.formulas.keys()) last = Math.max(last, parseCellKey(key)[0]);
  return last;
}

/** Sheet.getLastColumn(): the last column with a value or a formula (0 when none). */
export function lastColumnOf(sheet: SheetState): number {
  let last = 0;
  for (const line of sheet.values) {
    if (!line) continue;
    for (let col = line.length; col > last; col--) {
      if (!isBlank(line[col - 1])) {
        last = col;
        break;
      }
    }
  }
  for (const key of sheet.formulas.keys()) last = Math.max(last, parseCellKey(key)[1]);
  return last;
}

/** The value getValues() returns for a cell: '' when blank, Dates of the realm. */
export function readCell(state: FakeState, sheet: SheetState, row: number, col: number): FakeCell {
  const value = rawCell(sheet, row, col);
  if (value === undefined) return '';
  if (isDate(value)) return state.newDate(value.getTime());
  if (typeof value === 'number' && isDateFormat(numberFormatOf(sheet, row, col))) {
    // A serial number shown as a date: the wall-clock time in the spreadsheet's zone.
    return state.newDate(wallClockToInstant(SERIAL_ZERO_UTC + value * MS_DAY, state.timeZone));
  }
  return value;
}

/** Stores a value as is (undefined = blank). */
export function setRaw(sheet: SheetState, row: number, col: number, value: FakeCell | undefined): void {
  while (sheet.values.length < row) sheet.values.push([]);
  const line = sheet.values[row - 1] ?? (sheet.values[row - 1] = []);
  if (value === undefined && line.length < col) return;
  while (line.length < col) line.push(undefined);
  line[col - 1] = value;
}

/** Stores a value as Sheets does for setValue(s): user-entered parsing of strings. */
export function writeCell(state: FakeState, sheet: SheetState, row: number, col: number, value: unknown): void {
  const key = cellKey(row, col);
  sheet.formulas.delete(key);
  if (value === null || value === undefined || value === '') return setRaw(sheet, row, col, undefined);
  // A number or a boolean written by a script is stored as such, whatever the cell's format.
  if (typeof value === 'number') return setRaw(sheet, row, col, Number.isFinite(value) ? value : undefined);
  if (typeof value === 'boolean') return setRaw(sheet, row, col, value);
  if (isDate(value)) {
    if (!isDateFormat(numberFormatOf(sheet, row, col))) sheet.numberFormats.set(key, DATE_TIME_FORMAT);
    return setRaw(sheet, row, col, new Date(value.getTime()));
  }
  if (typeof value !== 'string') return setRaw(sheet, row, col, String(value));
  const parsed = parseInput(value, numberFormatOf(sheet, row, col) === '@', state.timeZone);
  if (parsed.kind === 'formula') {
    sheet.formulas.set(key, parsed.formula);
    return setRaw(sheet, row, col, '');
  }
  if (parsed.kind === 'date' && !isDateFormat(numberFormatOf(sheet, row, col))) sheet.numberFormats.set(key, DATE_FORMAT);
  setRaw(sheet, row, col, parsed.value);
}

/** Inserts `howMany` blank rows after row `after`: values and every keyed map move down. */
export function shiftRows(sheet: SheetState, after: number, howMany: number): void {
  if (after < sheet.values.length) {
    // No spread: a large insertion would overflow the call stack.
    const blank: (FakeCell | undefined)[][] = Array.from({ length: howMany }, () => []);
    sheet.values = sheet.values.slice(0, after).concat(blank, sheet.values.slice(after));
  }
  for (const map of [sheet.formulas, sheet.notes, sheet.numberFormats, sheet.formats, sheet.validations] as Map<
    string,
    unknown
  >[]) {
    const moved = [...map.entries()].map(([key, value]) => {
      const [row, col] = parseCellKey(key);
      return [row > after ? cellKey(row + howMany, col) : key, value] as const;
    });
    map.clear();
    for (const [key, value] of moved) map.set(key, value);
  }
}

/**
 * The text Sheets shows for a cell (getDisplayValues): dates in the cell's number format
 * ('dd/MM/yyyy', 'dd/MM/yyyy HH:mm:ss'), booleans VRAI/FAUX, numbers with a decimal comma.
 */
export function displayCell(state: FakeState, sheet: SheetState, row: number, col: number): string {
  const value = readCell(state, sheet, row, col);
  if (isDate(value)) {
    const format = numberFormatOf(sheet, row, col);
    return formatDateIn(value, state.timeZone, isDateFormat(format) ? format!.replace(/'/g, "''") : DATE_TIME_FORMAT);
  }
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return value;
}
