/**
 * Big tabs read in bands of rows (SPEC §9: a constant number of batch calls per tab).
 *
 * Reading the 200 000 rows of `Présences` in one batch keeps every row's cells alive until
 * the whole model is built: the garbage collector then copies and promotes them, which
 * costs more than reading them. Read in a fixed number of bands, each band is turned into
 * the model's compact columns and let go before the next one is read. The number of calls
 * does not depend on the size of the tab (READ_BANDS reads, fewer only for a tab of fewer
 * than READ_BANDS × MIN_BAND_ROWS rows).
 */
import { HEADER_SEARCH_ROWS } from './workbook';

/** Bands per big tab read (values or notes). */
export const READ_BANDS = 4;

/** Rows of a band at least: the first band then holds every row where headers are searched. */
export const MIN_BAND_ROWS = HEADER_SEARCH_ROWS;

/** One band: 1-based first row and number of rows. */
export interface RowBand {
  firstRow: number;
  numRows: number;
}

/** Rows 1..lastRow cut into at most `count` consecutive bands of equal size (the last one shorter). */
export function rowBands(lastRow: number, count = READ_BANDS): RowBand[] {
  if (lastRow < 1) return [];
  const size = Math.max(MIN_BAND_ROWS, Math.ceil(lastRow / Math.max(1, count)));
  const bands: RowBand[] = [];
  for (let first = 1; first <= lastRow; first += size)
    bands.push({ firstRow: first, numRows: Math.min(size, lastRow - first + 1) });
  return bands;
}
