/** The uncounted accessors tests assert with (fake.values(), fake.notes(), fake.tabState()…). */
import { cellKey } from './a1';
import { fillSheet, lastColumnOf, lastRowOf, newSheetState, numberFormatOf, readCell } from './cells';
import { isDate } from './dates';
import type { FakeState } from './state';
import type { FakeGas, FakeInputCell, FakeTabState, SheetState } from './types';

type Accessors = Pick<
  FakeGas,
  | 'sheetNames'
  | 'hasSheet'
  | 'setSheet'
  | 'values'
  | 'cell'
  | 'formulas'
  | 'formula'
  | 'notes'
  | 'note'
  | 'numberFormat'
  | 'format'
  | 'validation'
  | 'frozenRows'
  | 'maxRows'
  | 'maxColumns'
  | 'columnWidth'
  | 'charts'
  | 'lastRow'
  | 'lastColumn'
  | 'activeSheet'
  | 'selection'
  | 'tabState'
>;

export function createAccessors(state: FakeState): Accessors {
  const find = (name: string) => state.findSheet(name);
  /** The data range of a tab, cell by cell (at least 1x1, as getDataRange()). */
  function dataRange<T>(name: string, cellValue: (sheet: SheetState, row: number, col: number) => T): T[][] {
    const sheet = find(name);
    const rows = Math.max(1, lastRowOf(sheet));
    const cols = Math.max(1, lastColumnOf(sheet));
    const out: T[][] = [];
    for (let row = 1; row <= rows; row++) {
      const line: T[] = [];
      for (let col = 1; col <= cols; col++) line.push(cellValue(sheet, row, col));
      out.push(line);
    }
    return out;
  }
  return {
    sheetNames: () => state.sheets.map((sheet) => sheet.name),
    hasSheet: (name) => state.sheets.some((sheet) => sheet.name === name),
    setSheet(name: string, cells: FakeInputCell[][]) {
      const existing = state.sheets.find((sheet) => sheet.name === name);
      if (existing) fillSheet(existing, cells);
      else state.sheets.push(newSheetState(state, name, cells));
    },
    values: (name) => dataRange(name, (sheet, row, col) => readCell(state, sheet, row, col)),
    cell: (name, row, col) => readCell(state, find(name), row, col),
    formulas: (name) => dataRange(name, (sheet, row, col) => sheet.formulas.get(cellKey(row, col)) ?? ''),
    formula: (name, row, col) => find(name).formulas.get(cellKey(row, col)) ?? '',
    notes: (name) => dataRange(name, (sheet, row, col) => sheet.notes.get(cellKey(row, col)) ?? ''),
    note: (name, row, col) => find(name).notes.get(cellKey(row, col)) ?? '',
    numberFormat: (name, row, col) => numberFormatOf(find(name), row, col) ?? 'General',
    format: (name, row, col) => ({ ...(find(name).formats.get(cellKey(row, col)) ?? {}) }),
    validation: (name, row, col) => {
      const rule = find(name).validations.get(cellKey(row, col));
      return rule ? { ...rule, values: [...rule.values] } : null;
    },
    frozenRows: (name) => find(name).frozenRows,
    maxRows: (name) => find(name).maxRows,
    maxColumns: (name) => find(name).maxColumns,
    columnWidth: (name, col) => find(name).columnWidths.get(col) ?? null,
    charts: (name) => find(name).charts.map((chart) => ({ ...chart, options: { ...chart.options } })),
    lastRow: (name) => lastRowOf(find(name)),
    lastColumn: (name) => lastColumnOf(find(name)),
    activeSheet: () => state.activeSheetName,
    selection: () => (state.selection ? { ...state.selection } : null),
    tabState: (name) => tabState(find(name)),
  };
}

/** Deep copy of a tab's whole stored state: for exact before/after comparisons. */
function tabState(sheet: SheetState): FakeTabState {
  const copy = <V>(map: Map<string | number, V>, clone: (value: V) => V) =>
    Object.fromEntries([...map.entries()].map(([key, value]) => [key, clone(value)]));
  const same = <V>(value: V) => value;
  return {
    name: sheet.name,
    values: sheet.values.map((line) => (line ? line.map((value) => (isDate(value) ? new Date(value.getTime()) : value)) : line)),
    formulas: copy(sheet.formulas, same),
    notes: copy(sheet.notes, same),
    numberFormats: copy(sheet.numberFormats, same),
    formats: copy(sheet.formats, (format) => ({ ...format })),
    validations: copy(sheet.validations, (rule) => ({ ...rule, values: [...rule.values] })),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    columnWidths: copy(sheet.columnWidths as Map<string | number, number>, same),
    charts: sheet.charts.map((chart) => ({
      ...chart,
      ranges: chart.ranges.map((range) => ({ ...range })),
      options: { ...chart.options },
    })),
    hidden: sheet.hidden,
  };
}
