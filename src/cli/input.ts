/**
 * The first check of every command on its input workbook (SPEC §7), before any output is
 * checked or written: missing, in a folder the user cannot enter, not readable, a folder, or
 * not a regular file (a FIFO would make the reading wait forever). The file is then read with
 * readXlsx, which says what else is wrong (empty, encrypted, damaged, too big).
 */
import { extname } from 'node:path';
import { statInputFile, XlsxReadError } from '../adapters/xlsx-file';

/**
 * The French line saying why `path` cannot be the input workbook, or null. With `notXlsx`, a
 * readable file whose name does not end with .xlsx is refused with that command's line.
 */
export function inputProblem(path: string, notXlsx?: (path: string) => string): string | null {
  try {
    statInputFile(path);
  } catch (e) {
    if (e instanceof XlsxReadError) return e.message;
    throw e;
  }
  return notXlsx && extname(path).toLowerCase() !== '.xlsx' ? notXlsx(path) : null;
}
