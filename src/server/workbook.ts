/**
 * The Apps Script adapter: SpreadsheetApp behind the WorkbookPort. One batch call per
 * rectangle, never a loop of per-cell calls. Sheet objects are looked up once per run.
 */
import { UserError } from '../core/errors';
import { checkedOffsets, bucketedOffsets, DEFAULT_TIME_ZONE, intlOffsetMinutes, type OffsetSource } from '../core/days';
import type { CellValue } from '../core/values';
import { rowBands } from '../core/bands';
import { columnLetters } from '../shared/issues';
import type { CellFormat, ChartSpec, WorkbookPort, ValidationRule } from '../core/port';
import type { LockPort } from '../app/ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Sheets parses a string written with setValues as if typed: formulas (`=`, `+`, `-`, `@`),
 * numbers (`0123`, `1e5`, `(12)`, `50%`, `12 €`), dates (`05/03/2018`, `Mar 1 2016`,
 * `mars 2018`), times, booleans, errors (`#N/A`). A leading apostrophe keeps such a string as
 * the text it is (it is not part of the cell's value). Other strings (names, IDs such as
 * `P2017-0110`, themes) are written as they are, so no stray apostrophe ever reaches them.
 */
export function guardText(text: string): string {
  if (text === '') return text;
  const t = text.trim();
  if (/^[=+\-@\t\r\n'#]/.test(text) || /^[=+\-@]/.test(t)) return `'${text}`;
  if (/^[\d(.,€$£]/.test(t)) return `'${text}`;
  if (/^(true|false|vrai|faux)$/i.test(t)) return `'${text}`;
  if (/^\p{L}+\.?,?\s+\d/u.test(t)) return `'${text}`;
  return text;
}

export class AppsScriptWorkbook implements WorkbookPort {
  private readonly sheetCache = new Map<string, Sheet>();
  private names: string[] | null = null;
  readonly timeZone: string;

  constructor(private readonly spreadsheet: Spreadsheet) {
    let tz = '';
    try {
      tz = spreadsheet.getSpreadsheetTimeZone();
    } catch {
      // No time zone readable (a spreadsheet being created): the default one, as for an empty answer.
      tz = '';
    }
    this.timeZone = tz || DEFAULT_TIME_ZONE;
  }

  private checkedOffsets: OffsetSource | null = null;
  private spreadsheetLocale: string | undefined | null = null;

  /** getSpreadsheetLocale(), read once, when the checks need it ('' or a failure: unknown). */
  get locale(): string | undefined {
    if (this.spreadsheetLocale === null) {
      try {
        this.spreadsheetLocale = this.spreadsheet.getSpreadsheetLocale() || undefined;
      } catch {
        this.spreadsheetLocale = undefined;
      }
    }
    return this.spreadsheetLocale;
  }

  /**
   * Intl's offsets, checked once per execution (on the first date read or written) against
   * Utilities.formatDate, Apps Script's own time-zone data; when they disagree, Utilities is
   * used for the whole execution (a day off in La Réunion otherwise, without a word).
   */
  get offsets(): OffsetSource {
    if (!this.checkedOffsets) {
      const check = checkedOffsets(this.timeZone, intlOffsetMinutes, utilitiesOffsetMinutes);
      this.checkedOffsets = check.agreed ? check.source : bucketedOffsets(utilitiesOffsetMinutes);
    }
    return this.checkedOffsets;
  }

  private sheet(name: string): Sheet {
    let s = this.sheetCache.get(name);
    if (!s) {
      const found = this.spreadsheet.getSheetByName(name);
      if (!found) throw new UserError(`L'onglet «\u00a0${name}\u00a0» est introuvable.`, 'NOT_FOUND');
      s = found;
      this.sheetCache.set(name, s);
    }
    return s;
  }

  sheetNames(): string[] {
    if (!this.names) {
      const sheets = this.spreadsheet.getSheets();
      this.names = sheets.map((s) => {
        const n = s.getName();
        this.sheetCache.set(n, s);
        return n;
      });
    }
    return [...this.names];
  }

  readValues(sheet: string): CellValue[][] {
    return this.sheet(sheet).getDataRange().getValues() as CellValue[][];
  }

  readValueBands(sheet: string, visit: (firstRow: number, rows: CellValue[][], lastRow: number) => void): void {
    const s = this.sheet(sheet);
    const cols = s.getLastColumn();
    const lastRow = s.getLastRow();
    if (cols < 1) return;
    for (const { firstRow, numRows } of rowBands(lastRow))
      visit(firstRow, s.getRange(firstRow, 1, numRows, cols).getValues() as CellValue[][], lastRow);
  }

  readTopRows(sheet: string, numRows: number): CellValue[][] {
    const s = this.sheet(sheet);
    const rows = Math.min(numRows, s.getLastRow());
    const cols = s.getLastColumn();
    if (rows < 1 || cols < 1) return [];
    return s.getRange(1, 1, rows, cols).getValues() as CellValue[][];
  }

  readColumn(sheet: string, col: number, numRows: number): CellValue[] {
    const s = this.sheet(sheet);
    const rows = Math.min(numRows, s.getLastRow());
    if (rows < 1 || col < 1) return [];
    return (s.getRange(1, col, rows, 1).getValues() as CellValue[][]).map((line) => line[0]);
  }

  /**
   * One rectangle: its number formats read first (one call), set only where a value needs
   * another one (one call), then the values (one call). See `cellFor`.
   */
  writeValues(sheet: string, row: number, col: number, values: CellValue[][]): void {
    if (values.length === 0 || values[0].length === 0) return;
    const s = this.sheet(sheet);
    this.ensureSize(s, row + values.length - 1, col + values[0].length - 1);
    const range = s.getRange(row, col, values.length, values[0].length);
    const formats = numberFormatsOf(range, values.length, values[0].length);
    let reformat = false;
    const out = values.map((line, i) =>
      line.map((v, j) => {
        const cell = cellFor(v, formats[i][j]);
        if (cell.format !== null) {
          formats[i][j] = cell.format;
          reformat = true;
        }
        return cell.value;
      }),
    );
    if (reformat && typeof range.setNumberFormats === 'function') range.setNumberFormats(formats);
    range.setValues(out);
  }

  /**
   * Some cells of one column, in a constant number of calls: one rectangle over their span,
   * whose other cells get back exactly what they hold (formulas from getFormulas, text in the
   * cell's own format, numbers and dates as they are, formats unchanged).
   */
  writeColumnCells(sheet: string, col: number, updates: ReadonlyMap<number, CellValue>): void {
    if (updates.size === 0) return;
    let first = Infinity;
    let last = -Infinity;
    for (const r of updates.keys()) {
      first = Math.min(first, r);
      last = Math.max(last, r);
    }
    const s = this.sheet(sheet);
    this.ensureSize(s, last, col);
    const range = s.getRange(first, col, last - first + 1, 1);
    const values = range.getValues() as CellValue[][];
    const formulas = typeof range.getFormulas === 'function' ? range.getFormulas() : values.map(() => ['']);
    const formats = numberFormatsOf(range, values.length, 1);
    // A formula kept in a plain-text (`@`) cell would be written back as its text: such cells
    // are given the automatic format for the write, and their `@` right after (one more call).
    const writeFormats = formats.map((f) => [f[0]]);
    let reformat = false;
    let formulaInPlainText = false;
    const out = values.map((line, i) => {
      const update = updates.get(first + i);
      if (update === undefined) {
        if (formulas[i][0] === '') return [cellFor(line[0], formats[i][0]).value];
        if (formats[i][0] === PLAIN_TEXT) {
          writeFormats[i][0] = 'General';
          formulaInPlainText = true;
        }
        return [formulas[i][0]];
      }
      const cell = cellFor(update, formats[i][0]);
      if (cell.format !== null) {
        formats[i][0] = writeFormats[i][0] = cell.format;
        reformat = true;
      }
      return [cell.value];
    });
    const canFormat = typeof range.setNumberFormats === 'function';
    if ((reformat || formulaInPlainText) && canFormat) range.setNumberFormats(writeFormats);
    range.setValues(out);
    if (formulaInPlainText && canFormat) range.setNumberFormats(formats);
  }

  /** Sheets refuses ranges beyond the grid: grow it first (appending rows to a full tab). */
  private ensureSize(s: Sheet, lastRow: number, lastCol: number): void {
    const rows = s.getMaxRows();
    if (lastRow > rows) s.insertRowsAfter(rows, lastRow - rows);
    const cols = s.getMaxColumns();
    if (lastCol > cols) s.insertColumnsAfter(cols, lastCol - cols);
  }

  /**
   * One RangeList per distinct value: `setValue` (text Sheets would read as something else is
   * made plain text first with `setNumberFormat('@')`, so it is stored exactly, in any column).
   */
  writeCells(sheet: string, cells: readonly { row: number; col: number; value: string }[]): void {
    const s = this.sheet(sheet);
    const byValue = new Map<string, { row: number; col: number }[]>();
    for (const { row, col, value } of cells) {
      let list = byValue.get(value);
      if (!list) byValue.set(value, (list = []));
      list.push({ row, col });
    }
    for (const [value, where] of byValue) {
      const list = s.getRangeList(a1RunsOf(where));
      const plain = value !== '' && guardText(value) !== value && typeof list.setNumberFormat === 'function';
      if (plain) list.setNumberFormat(PLAIN_TEXT);
      list.setValue(plain ? value : guardText(value));
    }
  }

  insertSheet(name: string): void {
    if (this.spreadsheet.getSheetByName(name)) return;
    // Sheets makes a new sheet active: the user stays where they were (issue 10).
    const active = this.spreadsheet.getActiveSheet();
    const s = this.spreadsheet.insertSheet(name, this.spreadsheet.getNumSheets());
    if (active) this.spreadsheet.setActiveSheet(active);
    this.sheetCache.set(name, s);
    if (this.names) this.names.push(name);
  }

  clearSheet(sheet: string): void {
    const s = this.sheet(sheet);
    s.getCharts().forEach((c) => s.removeChart(c));
    // The whole grid: after clear() the data range is A1 only.
    s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns()).clearDataValidations();
    s.clear();
    s.clearNotes();
  }

  readNotes(sheet: string, row: number, col: number, numRows: number, numCols: number): string[][] {
    if (numRows < 1 || numCols < 1) return [];
    return this.sheet(sheet).getRange(row, col, numRows, numCols).getNotes();
  }

  writeNotes(sheet: string, row: number, col: number, notes: string[][]): void {
    if (notes.length === 0 || notes[0].length === 0) return;
    this.sheet(sheet).getRange(row, col, notes.length, notes[0].length).setNotes(notes);
  }

  setNoteOnCells(sheet: string, cells: readonly { row: number; col: number }[], note: string): void {
    if (cells.length === 0) return;
    const list = this.sheet(sheet).getRangeList(a1RunsOf(cells));
    if (note === '') list.clearNote();
    else list.setNote(note);
  }

  getFrozenRows(sheet: string): number {
    return this.sheet(sheet).getFrozenRows();
  }

  setFrozenRows(sheet: string, rows: number): void {
    this.sheet(sheet).setFrozenRows(rows);
  }

  setValidation(sheet: string, row: number, col: number, numRows: number, numCols: number, rule: ValidationRule): void {
    const builder = SpreadsheetApp.newDataValidation();
    if (rule.kind === 'list') builder.requireValueInList(rule.values, true);
    else builder.requireDate();
    builder.setAllowInvalid(rule.allowInvalid);
    if (rule.helpText) builder.setHelpText(rule.helpText);
    // Clipped to the sheet's grid (Sheets refuses ranges beyond it; validation never grows a tab).
    const s = this.sheet(sheet);
    const rows = Math.min(numRows, s.getMaxRows() - row + 1);
    const cols = Math.min(numCols, s.getMaxColumns() - col + 1);
    if (rows < 1 || cols < 1) return;
    s.getRange(row, col, rows, cols).setDataValidation(builder.build());
  }

  format(sheet: string, row: number, col: number, numRows: number, numCols: number, f: CellFormat): void {
    applyFormat(this.sheet(sheet).getRange(row, col, numRows, numCols), f);
  }

  setColumnWidth(sheet: string, col: number, width: number): void {
    this.sheet(sheet).setColumnWidth(col, width);
  }

  addChart(sheet: string, chart: ChartSpec): void {
    const s = this.sheet(sheet);
    const types = {
      bar: Charts.ChartType.BAR,
      column: Charts.ChartType.COLUMN,
      pie: Charts.ChartType.PIE,
      line: Charts.ChartType.LINE,
    };
    const { row, col, numRows, numCols } = chart.range;
    const built = s
      .newChart()
      .setChartType(types[chart.type])
      .addRange(s.getRange(row, col, numRows, numCols))
      .setNumHeaders(1)
      .setPosition(chart.anchor.row, chart.anchor.col, 0, 0)
      .setOption('title', chart.title)
      // A legend when it tells something: pie slices, or several series (e.g. year N and N−1).
      .setOption('legend', { position: chart.type === 'pie' ? 'right' : numCols > 2 ? 'bottom' : 'none' })
      .setOption('width', chart.width ?? 480)
      .setOption('height', chart.height ?? 280)
      .build();
    s.insertChart(built);
  }

  select(sheet: string, row: number, col: number): boolean {
    const s = this.sheet(sheet);
    if (row > s.getMaxRows() || col > s.getMaxColumns()) return false;
    s.activate();
    s.getRange(row, col).activate();
    return true;
  }

  /** Four calls: getActiveSheet, getName, getCurrentCell, getRow. */
  activeCell(): { sheet: string; row: number } | null {
    const ss = this.spreadsheet;
    try {
      const sheet = ss.getActiveSheet();
      if (!sheet) return null;
      const range = ss.getCurrentCell();
      if (!range) return null;
      const row = range.getRow();
      return typeof row === 'number' && row >= 1 ? { sheet: sheet.getName(), row } : null;
    } catch {
      // The selection is a convenience: without it, the sidebar shows the directory.
      return null;
    }
  }

  flush(): void {
    SpreadsheetApp.flush();
  }
}

/** The document lock (the script lock when there is no document, e.g. in some tests). */
export class AppsScriptLock implements LockPort {
  private readonly lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  tryLock(timeoutMs: number): boolean {
    return this.lock.tryLock(timeoutMs);
  }
  releaseLock(): void {
    this.lock.releaseLock();
  }
}

/** One call per property given, on the whole range. */
export function applyFormat(r: GoogleAppsScript.Spreadsheet.Range, f: CellFormat): void {
  if (f.bold !== undefined) r.setFontWeight(f.bold ? 'bold' : 'normal');
  if (f.italic !== undefined) r.setFontStyle(f.italic ? 'italic' : 'normal');
  if (f.fontSize !== undefined) r.setFontSize(f.fontSize);
  if (f.fontColor !== undefined) r.setFontColor(f.fontColor);
  if (f.background !== undefined) r.setBackground(f.background);
  if (f.numberFormat !== undefined) r.setNumberFormat(f.numberFormat);
  if (f.horizontalAlignment !== undefined) r.setHorizontalAlignment(f.horizontalAlignment);
  if (f.wrap !== undefined) r.setWrap(f.wrap);
}

/** Offset of a zone at an instant from Utilities.formatDate (to the minute, like Intl's). */
export function utilitiesOffsetMinutes(timeZone: string, ms: number): number {
  const text = Utilities.formatDate(new Date(ms), timeZone, "yyyy-MM-dd'T'HH:mm:ss");
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return Number.NaN;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}

/**
 * The number formats of a range (one call); 'General' everywhere where the service has no
 * getNumberFormats (a minimal stand-in): text is then guarded, as for an ordinary cell.
 */
function numberFormatsOf(range: GoogleAppsScript.Spreadsheet.Range, numRows: number, numCols: number): string[][] {
  if (typeof range.getNumberFormats === 'function') return range.getNumberFormats();
  return Array.from({ length: numRows }, () => Array<string>(numCols).fill('General'));
}

/** Sheets' number format of plain text: the cell keeps exactly what is written. */
const PLAIN_TEXT = '@';
/** The format of the days the add-on writes (JJ/MM/AAAA). */
export const DAY_FORMAT = 'dd/MM/yyyy';

/** A number format without its quoted text and escaped characters. */
function bareFormat(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** True when a number format shows a date or a time ('dd/MM/yyyy', 'd mmmm yyyy', 'HH:mm'). */
export function isDateFormat(format: string): boolean {
  if (format === PLAIN_TEXT) return false;
  const bare = bareFormat(format);
  return /[dy]/i.test(bare) || /h+\]?:m/i.test(bare);
}

/** True when a number format shows a day without a time ('dd/MM/yyyy', 'd mmmm yyyy'; not 'dd/MM/yyyy HH:mm'). */
export function isDayFormat(format: string): boolean {
  return isDateFormat(format) && !/[hs]|am\/pm|a\/p/i.test(bareFormat(format));
}

/**
 * What to write into a cell of number format `format` so that it ends up holding `v`, and the
 * format it needs (null: keep the cell's). Text: as is in a plain-text (`@`) cell, which keeps
 * exactly what is written; elsewhere guarded (`guardText`) so that Sheets does not read it as
 * a number, a date or a formula. A Date (a day): shown `dd/MM/yyyy` unless the cell already
 * shows days without a time (Sheets would show an unformatted one, or one whose format has
 * hours, with its time). A number or a boolean in a
 * plain-text cell: the cell gets the automatic format back, so the value stays a number.
 */
export function cellFor(v: CellValue, format: string): { value: unknown; format: string | null } {
  if (v === null || v === undefined || v === '') return { value: '', format: null };
  if (typeof v === 'string') return { value: format === PLAIN_TEXT ? v : guardText(v), format: null };
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    return { value: v, format: isDayFormat(format) ? null : DAY_FORMAT };
  return { value: v, format: format === PLAIN_TEXT ? 'General' : null };
}

/**
 * A1 notations of scattered cells, each run of consecutive rows in a column as one range
 * ("E4:E9"): fewer ranges in the RangeList. Order of the cells given does not matter.
 */
export function a1RunsOf(cells: readonly { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const { col, row } = sorted[i];
    let last = row;
    let j = i + 1;
    while (j < sorted.length && sorted[j].col === col && sorted[j].row <= last + 1) last = Math.max(last, sorted[j++].row);
    const letters = columnLetters(col);
    out.push(last === row ? `${letters}${row}` : `${letters}${row}:${letters}${last}`);
    i = j;
  }
  return out;
}
