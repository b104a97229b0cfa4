/**
 * .xlsx files ↔ in-memory workbook (exceljs). Date cells come back as Sheets gives them:
 * midnight of that calendar day in the workbook's time zone.
 */
import ExcelJS from 'exceljs';
import { dayOfUtcMillis, DEFAULT_TIME_ZONE, midnightInTimeZone, utcMillisOfDay } from '../core/days';
import type { CellValue } from '../core/values';
import { FILES } from '../i18n/fr/files';
import { MemoryWorkbook, MemorySheet, newMemorySheet } from './memory';
import { inspectXlsxFile, XLSX_LIMITS, XlsxLimits, XlsxReadError } from './xlsx-file';

export { XlsxReadError, XLSX_LIMITS, type XlsxLimits };

/**
 * The Date cells of one read, by exceljs's instant (200 000 Présences rows share a few
 * hundred days): one Date object per day, computed once.
 */
type DateCells = Map<number, Date>;

function dateCell(v: Date, timeZone: string, dates: DateCells): CellValue {
  const t = v.getTime();
  if (Number.isNaN(t)) return '';
  let d = dates.get(t);
  if (d === undefined) {
    // exceljs gives the cell's serial as a UTC instant: keep its calendar day, or for a time
    // of day (serial below 1) that time on 30/12/1899, as Sheets gives it.
    const day = dayOfUtcMillis(t);
    d =
      day === 0
        ? new Date(midnightInTimeZone(0, timeZone).getTime() + (t - utcMillisOfDay(0)))
        : midnightInTimeZone(day, timeZone);
    dates.set(t, d);
  }
  return d;
}

function plainValue(v: ExcelJS.CellValue, timeZone: string, dates: DateCells): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateCell(v, timeZone, dates);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? '' : plainValue(result as ExcelJS.CellValue, timeZone, dates);
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/** The cells of one row that hold a value, at their column (1-based `c` → index c − 1). */
function rowCells(row: ExcelJS.Row, timeZone: string, dates: DateCells): CellValue[] {
  const line: CellValue[] = [];
  row.eachCell((cell, c) => {
    const v = plainValue(cell.value, timeZone, dates);
    if (v === '') return;
    while (line.length < c - 1) line.push('');
    line[c - 1] = v;
  });
  return line;
}

interface StreamedSheet {
  name: string;
  cells: CellValue[][];
}

/**
 * Every tab's values with exceljs's streaming reader: only the cells that exist are visited
 * (a stray cell at A1048576 adds one row, not a million), and the file's XML is never held
 * whole. Too many cells: an XlsxReadError.
 */
async function streamValues(path: string, timeZone: string, maxCells: number): Promise<StreamedSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: StreamedSheet[] = [];
  const dates: DateCells = new Map();
  let count = 0;
  for await (const ws of reader) {
    const cells: CellValue[][] = [];
    for await (const row of ws) {
      const line = rowCells(row, timeZone, dates);
      if (line.length === 0) continue;
      count += line.length;
      if (count > maxCells) throw new XlsxReadError(FILES.tooManyCells(path, maxCells));
      while (cells.length < row.number - 1) cells.push([]);
      cells[row.number - 1] = line;
    }
    sheets.push({ name: (ws as unknown as { name?: string }).name ?? `Feuille${sheets.length + 1}`, cells });
  }
  // Tabs in the workbook's order (the zip may hold them in another).
  const order = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
  const rank = (name: string) => (order.indexOf(name) < 0 ? order.length : order.indexOf(name));
  return sheets.sort((a, b) => rank(a.name) - rank(b.name));
}

/**
 * A small file read whole: values (only the cells that exist), notes and frozen rows. Too
 * many cells: an XlsxReadError.
 */
async function readWhole(path: string, timeZone: string, maxCells: number): Promise<MemoryWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const memory = new MemoryWorkbook(timeZone);
  const dates: DateCells = new Map();
  let count = 0;
  workbook.eachSheet((ws) => {
    const cells: CellValue[][] = [];
    const sheet = newMemorySheet(ws.name, cells);
    ws.eachRow((row, r) => {
      const line = rowCells(row, timeZone, dates);
      count += line.length;
      if (count > maxCells) throw new XlsxReadError(FILES.tooManyCells(path, maxCells));
      if (line.length > 0) {
        while (cells.length < r - 1) cells.push([]);
        cells[r - 1] = line;
      }
      row.eachCell((cell, c) => {
        const note = cell.note;
        const text = !note ? '' : typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
        if (text) sheet.notes.set(`${r}:${c}`, text);
      });
    });
    const frozen = ws.views?.find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
    sheet.frozenRows = frozen?.ySplit ?? 0;
    memory.sheets.push(sheet);
  });
  return memory;
}

/**
 * Reads an .xlsx file; throws XlsxReadError with a French message saying what is wrong when
 * it cannot (missing, not readable, not an .xlsx, encrypted, too big, damaged). Only the
 * cells that exist are visited (a stray cell at A1048576 adds one row, not a million). Files
 * up to `limits.wholeReadBytes` are read whole (notes and frozen rows too); bigger ones with
 * the streaming reader, values only (SPEC §7: 200 000 rows within the memory budget).
 */
export async function readXlsx(
  path: string,
  timeZone = DEFAULT_TIME_ZONE,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<MemoryWorkbook> {
  const size = inspectXlsxFile(path, limits);
  try {
    if (size <= limits.wholeReadBytes) return await readWhole(path, timeZone, limits.cells);
    const memory = new MemoryWorkbook(timeZone);
    for (const s of await streamValues(path, timeZone, limits.cells)) memory.sheets.push(newMemorySheet(s.name, s.cells));
    return memory;
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    // A string or a buffer longer than the engine allows: the file is small, its content is not.
    if (e instanceof RangeError) throw new XlsxReadError(FILES.tooBigUnpacked(path));
    throw new XlsxReadError(FILES.damaged(path));
  }
}

/** One cell's value as exceljs writes it (dates: the calendar day as a UTC instant). */
function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v instanceof Date) return new Date(utcMillisOfDay(dayOfUtcMillis(v.getTime() + 12 * 3_600_000)));
  return v as ExcelJS.CellValue;
}

/** Row numbers (1-based, ascending) that hold a value, a note or a format. */
function usedRows(s: MemorySheet): number[] {
  const rows = new Set<number>();
  s.cells.forEach((line, i) => {
    if (line.some((v) => v !== '' && v !== null && v !== undefined)) rows.add(i + 1);
  });
  for (const k of [...s.notes.keys(), ...s.formats.keys()]) rows.add(Number(k.split(':')[0]));
  return [...rows].sort((a, b) => a - b);
}

/** Cell keys "row:col" of a map, grouped by row. */
function byRow<T>(map: ReadonlyMap<string, T>): Map<number, [number, T][]> {
  const out = new Map<number, [number, T][]>();
  for (const [k, v] of map) {
    const [r, c] = k.split(':').map(Number);
    const list = out.get(r);
    if (list) list.push([c, v]);
    else out.set(r, [[c, v]]);
  }
  return out;
}

/**
 * Milliseconds after midnight of a Date on 30/12/1899 in the time zone (a time of day), else
 * null; rounded to the minute, as times are read (in 1899 Paris was on UTC+0:09:21, and
 * offsets are whole minutes).
 */
function timeOfDay(v: Date, timeZone: string): number | null {
  const ms = v.getTime() - midnightInTimeZone(0, timeZone).getTime();
  return ms > 0 && ms < 86_400_000 ? Math.round(ms / 60_000) * 60_000 : null;
}

function writeSheet(writer: ExcelJS.stream.xlsx.WorkbookWriter, s: MemorySheet, timeZone: string): void {
  const ws = writer.addWorksheet(s.name, s.frozenRows ? { views: [{ state: 'frozen', ySplit: s.frozenRows }] } : {});
  // Columns first: the streaming writer writes them before the first row.
  for (const [c, w] of s.columnWidths) ws.getColumn(c).width = Math.round(w / 7);
  const notes = byRow(s.notes);
  const formats = byRow(s.formats);
  for (const r of usedRows(s)) {
    const row = ws.getRow(r);
    (s.cells[r - 1] ?? []).forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      const cell = row.getCell(j + 1);
      // A time of day (a cell typed 14h30 in the preview): a serial below 1, shown as a time.
      const time = v instanceof Date ? timeOfDay(v, timeZone) : null;
      cell.value = time === null ? excelValue(v) : new Date(utcMillisOfDay(0) + time);
      if (v instanceof Date) cell.numFmt = time === null ? 'dd/mm/yyyy' : 'hh:mm';
    });
    for (const [c, note] of notes.get(r) ?? []) row.getCell(c).note = note;
    for (const [c, f] of formats.get(r) ?? []) {
      const cell = row.getCell(c);
      if (f.bold) cell.font = { ...(cell.font ?? {}), bold: true };
      if (f.background)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${f.background.replace('#', '')}` } };
      if (f.numberFormat) cell.numFmt = f.numberFormat;
    }
    row.commit();
  }
  ws.commit();
}

/**
 * Writes a memory workbook to an .xlsx file (values, notes, frozen rows, bold/background,
 * column widths) with exceljs's streaming writer: rows go to the file as they are made, only
 * the rows that hold something are visited.
 */
export async function writeXlsx(memory: MemoryWorkbook, path: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const s of memory.sheets) writeSheet(writer, s, memory.timeZone);
  await writer.commit();
}
