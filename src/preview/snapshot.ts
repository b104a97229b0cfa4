/**
 * What the page draws: every tab of the in-memory workbook as display text (dates JJ/MM/AAAA,
 * French decimal comma, percent formats), with notes, basic formats, frozen rows, column
 * widths, validations' drop-down marks and charts (their data read from the sheet's cells).
 */
import type { MemorySheet, MemoryWorkbook } from '../adapters/memory';
import type { CellFormat, ChartSpec } from '../core/port';
import { DateCellReader, frenchDate, midnightInTimeZone } from '../core/days';
import type { CellValue } from '../core/values';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  background?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  size?: number;
}

export interface ChartData {
  type: ChartSpec['type'];
  title: string;
  anchor: { row: number; col: number };
  width: number;
  height: number;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface SheetSnapshot {
  name: string;
  rows: number;
  cols: number;
  /** Display text, row by row (ragged: trailing blanks omitted). */
  cells: string[][];
  /** "row:col" (1-based) → style; only cells that have one. */
  styles: Record<string, CellStyle>;
  /** "row:col" → note text. */
  notes: Record<string, string>;
  /** "row:col" of cells under a list validation (drawn with a small drop-down mark). */
  dropdowns: string[];
  frozenRows: number;
  /** 1-based column → width in pixels. */
  widths: Record<number, number>;
  charts: ChartData[];
}

export interface WorkbookSnapshot {
  version: number;
  sheets: SheetSnapshot[];
  selection: { sheet: string; row: number; col: number } | null;
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  decimals: number;
  minDecimals: number;
  grouping: boolean;
  percent: boolean;
  date: boolean;
}

/**
 * A small reading of spreadsheet number formats: quoted or escaped literals, an unquoted %
 * (× 100), 0/# placeholders, decimals, grouping, and date patterns (d, m, y).
 */
export function parseNumberPattern(format: string): NumberPattern {
  const section = format.split(';')[0];
  let prefix = '';
  let suffix = '';
  let number = '';
  let percent = false;
  let date = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let literal: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal = section[i + 1] ?? '';
      i++;
    } else if (ch === '%') {
      percent = true;
      literal = '%';
    } else if ('0#?.,'.includes(ch)) {
      number += ch;
    } else if ('dmyDMY'.includes(ch)) {
      date = true;
    } else if (ch === '_' || ch === '*') {
      i++;
    } else if (ch !== '@' && ch !== '[' && ch !== ']') {
      literal = ch;
    }
    if (literal !== null) {
      if (number === '') prefix += literal;
      else suffix += literal;
    }
  }
  const dot = number.indexOf('.');
  const fraction = dot < 0 ? '' : number.slice(dot + 1);
  const integer = dot < 0 ? number : number.slice(0, dot);
  return {
    prefix,
    suffix: percent && !suffix.startsWith(' ') ? suffix.replace('%', '\u00a0%') : suffix,
    decimals: fraction.replace(/[^0#?]/g, '').length,
    minDecimals: fraction.replace(/[^0]/g, '').length,
    grouping: /[0#?],[0#?]/.test(integer),
    percent,
    date,
  };
}

const NUMBER_FORMAT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10, useGrouping: false });

/** A number as French Sheets shows it (decimal comma), honouring simple number formats. */
export function formatNumber(value: number, numberFormat?: string): string {
  if (!Number.isFinite(value)) return '';
  if (!numberFormat || numberFormat === 'General' || numberFormat === '@') return NUMBER_FORMAT.format(value);
  const p = parseNumberPattern(numberFormat);
  if (p.date && Number.isInteger(value)) return frenchDate(value);
  const v = p.percent ? value * 100 : value;
  const text = new Intl.NumberFormat('fr-FR', {
    minimumFractionDigits: p.minDecimals,
    maximumFractionDigits: p.decimals,
    useGrouping: p.grouping,
  }).format(v);
  return `${p.prefix}${text}${p.suffix}`;
}

/** A time of day (a Date on 30/12/1899, as Sheets gives a cell typed `14h30`): HH:MM:SS. */
function timeText(value: Date, timeZone: string): string {
  const seconds = Math.round((value.getTime() - midnightInTimeZone(0, timeZone).getTime()) / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export function displayText(value: CellValue, dates: DateCellReader, format?: CellFormat): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const day = dates.dayOf(value);
    if (day === 0) return timeText(value, dates.timeZone);
    return day === null ? '' : frenchDate(day);
  }
  if (typeof value === 'number') return formatNumber(value, format?.numberFormat);
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  return String(value);
}

function defaultAlign(value: CellValue): CellStyle['align'] | undefined {
  if (typeof value === 'number' || value instanceof Date) return 'right';
  if (typeof value === 'boolean') return 'center';
  return undefined;
}

function chartNumber(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const s = value.replace(/\s|%/g, '').replace(',', '.');
    return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
  }
  return null;
}

function chartData(sheet: MemorySheet, spec: ChartSpec, dates: DateCellReader): ChartData {
  const { row, col, numRows, numCols } = spec.range;
  const at = (r: number, c: number): CellValue => sheet.cells[r - 1]?.[c - 1] ?? '';
  const labels: string[] = [];
  for (let r = row + 1; r < row + numRows; r++) labels.push(displayText(at(r, col), dates, sheet.formats.get(`${r}:${col}`)));
  const series: ChartData['series'] = [];
  for (let c = col + 1; c < col + numCols; c++) {
    const values: (number | null)[] = [];
    for (let r = row + 1; r < row + numRows; r++) values.push(chartNumber(at(r, c)));
    series.push({ name: displayText(at(row, c), dates), values });
  }
  return {
    type: spec.type,
    title: spec.title,
    anchor: { ...spec.anchor },
    width: spec.width ?? 480,
    height: spec.height ?? 300,
    labels,
    series,
  };
}

export function sheetSnapshot(sheet: MemorySheet, dates: DateCellReader): SheetSnapshot {
  const cells: string[][] = [];
  const styles: Record<string, CellStyle> = {};
  let cols = 0;
  sheet.cells.forEach((line, i) => {
    const out: string[] = [];
    line.forEach((v, j) => {
      const key = `${i + 1}:${j + 1}`;
      const format = sheet.formats.get(key);
      out.push(displayText(v, dates, format));
      const align = defaultAlign(v);
      if (align && !format?.horizontalAlignment) styles[key] = { align };
    });
    while (out.length && out[out.length - 1] === '') out.pop();
    cols = Math.max(cols, out.length);
    cells.push(out);
  });
  for (const [key, f] of sheet.formats) {
    const s: CellStyle = { ...(styles[key] ?? {}) };
    if (f.bold) s.bold = true;
    if (f.italic) s.italic = true;
    if (f.fontColor) s.color = f.fontColor;
    if (f.background) s.background = f.background;
    if (f.horizontalAlignment) s.align = f.horizontalAlignment;
    if (f.wrap) s.wrap = true;
    if (f.fontSize) s.size = f.fontSize;
    styles[key] = s;
    const [r, c] = key.split(':').map(Number);
    cols = Math.max(cols, c);
    if (r > cells.length) while (cells.length < r) cells.push([]);
  }
  const notes: Record<string, string> = {};
  for (const [key, note] of sheet.notes) {
    notes[key] = note;
    const [r, c] = key.split(':').map(Number);
    cols = Math.max(cols, c);
    while (cells.length < r) cells.push([]);
  }
  const dropdowns: string[] = [];
  for (const v of sheet.validations) {
    if (v.rule.kind !== 'list') continue;
    // Only the rows that exist (a validation may cover a whole column).
    const lastRow = Math.min(v.row + v.numRows - 1, Math.max(cells.length, v.row));
    for (let r = v.row; r <= lastRow; r++) for (let c = v.col; c < v.col + v.numCols; c++) dropdowns.push(`${r}:${c}`);
  }
  const widths: Record<number, number> = {};
  for (const [c, w] of sheet.columnWidths) widths[c] = w;
  const charts = sheet.charts.map((spec) => chartData(sheet, spec, dates));
  for (const ch of charts) cols = Math.max(cols, ch.anchor.col);
  return {
    name: sheet.name,
    rows: cells.length,
    cols,
    cells,
    styles,
    notes,
    dropdowns,
    frozenRows: sheet.frozenRows,
    widths,
    charts,
  };
}

export function workbookSnapshot(workbook: MemoryWorkbook): WorkbookSnapshot {
  const dates = new DateCellReader(workbook.timeZone);
  return {
    version: workbook.version,
    sheets: workbook.sheets.map((s) => sheetSnapshot(s, dates)),
    selection: workbook.selection ? { ...workbook.selection } : null,
  };
}
