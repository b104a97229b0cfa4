/**
 * .xlsx files ↔ in-memory workbook (exceljs). Date cells come back as Sheets gives them:
 * midnight of that calendar day in the workbook's time zone.
 */
import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { dayOfUtcMillis, midnightInTimeZone, utcMillisOfDay } from '../core/days';
import type { CellValue } from '../core/values';
import { MemoryWorkbook, newMemorySheet } from './memory';
import { UserError } from '../core/errors';

/** An .xlsx file that cannot be read: a French message for the user (a UserError). */
export class XlsxReadError extends UserError {
  constructor(message: string) {
    super(message, 'WORKBOOK_UNUSABLE');
  }
}

function plainValue(v: ExcelJS.CellValue, timeZone: string): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // exceljs gives the cell's serial as a UTC instant: keep its calendar day.
    const day = dayOfUtcMillis(v.getTime());
    // A time of day (serial below 1): that time on 30/12/1899, as Sheets gives it.
    if (day === 0) return new Date(midnightInTimeZone(0, timeZone).getTime() + (v.getTime() - utcMillisOfDay(0)));
    return midnightInTimeZone(day, timeZone);
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? '' : plainValue(result as ExcelJS.CellValue, timeZone);
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/** Reads an .xlsx file; throws XlsxReadError with a French message when it cannot. */
export async function readXlsx(path: string, timeZone = 'Europe/Paris'): Promise<MemoryWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs reports a missing file without an error code: look first.
    statSync(path);
    await workbook.xlsx.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new XlsxReadError(`Fichier introuvable\u00a0: ${path}`);
    if (code === 'EISDIR') throw new XlsxReadError(`${path} est un dossier, pas un fichier .xlsx.`);
    throw new XlsxReadError(`Impossible de lire ${path}\u00a0: ce n'est pas un classeur .xlsx valide.`);
  }
  const memory = new MemoryWorkbook(timeZone);
  workbook.eachSheet((ws) => {
    const cells: CellValue[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const line: CellValue[] = new Array(width).fill('');
      for (let c = 1; c <= width; c++) line[c - 1] = plainValue(row.getCell(c).value, timeZone);
      cells.push(line);
    }
    const sheet = newMemorySheet(ws.name, cells);
    const frozen = ws.views?.find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
    sheet.frozenRows = frozen?.ySplit ?? 0;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const note = cell.note;
        if (note) {
          const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
          if (text) sheet.notes.set(`${r}:${c}`, text);
        }
      }),
    );
    memory.sheets.push(sheet);
  });
  return memory;
}

/** Milliseconds after midnight of a Date on 30/12/1899 in the time zone (a time of day), else null. */
function timeOfDay(v: Date, timeZone: string): number | null {
  const ms = v.getTime() - midnightInTimeZone(0, timeZone).getTime();
  return ms > 0 && ms < 86_400_000 ? ms : null;
}

/** Writes a memory workbook to an .xlsx file (values, notes, frozen rows, bold/background). */
export async function writeXlsx(memory: MemoryWorkbook, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const s of memory.sheets) {
    const ws = workbook.addWorksheet(s.name, s.frozenRows ? { views: [{ state: 'frozen', ySplit: s.frozenRows }] } : {});
    s.cells.forEach((line, i) => {
      line.forEach((v, j) => {
        if (v === '' || v === null || v === undefined) return;
        const cell = ws.getCell(i + 1, j + 1);
        const time = v instanceof Date ? timeOfDay(v, memory.timeZone) : null;
        if (time !== null) {
          // A time of day (a cell typed 14h30 in the preview): a serial below 1, shown as a time.
          cell.value = new Date(utcMillisOfDay(0) + time);
          cell.numFmt = 'hh:mm:ss';
        } else if (v instanceof Date) {
          // Back to the calendar day as a UTC instant, exceljs's convention.
          const day = dayOfUtcMillis(v.getTime() + 12 * 3_600_000);
          cell.value = new Date(utcMillisOfDay(day));
          cell.numFmt = 'dd/mm/yyyy';
        } else cell.value = v as ExcelJS.CellValue;
      });
    });
    for (const [k, note] of s.notes) {
      const [r, c] = k.split(':').map(Number);
      ws.getCell(r, c).note = note;
    }
    for (const [k, f] of s.formats) {
      const [r, c] = k.split(':').map(Number);
      const cell = ws.getCell(r, c);
      if (f.bold) cell.font = { ...(cell.font ?? {}), bold: true };
      if (f.background)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${f.background.replace('#', '')}` } };
      if (f.numberFormat) cell.numFmt = f.numberFormat;
    }
    for (const [c, w] of s.columnWidths) ws.getColumn(c).width = Math.round(w / 7);
  }
  await workbook.xlsx.writeFile(path);
}
