/**
 * A deep snapshot of the fake spreadsheet's whole stored state (fake-gas's uncounted
 * tabState): tab list and order, grid size, frozen rows, column widths, charts, and per cell
 * its value (with its type), formula, note, number format, format and data validation. Two snapshots are
 * compared cell by cell, so a failure names what changed.
 */
import type { FakeGas } from '../../support/fake-gas';

export interface CellState {
  value?: string;
  formula?: string;
  note?: string;
  numberFormat?: string;
  format?: string;
  validation?: string;
}

export interface TabState {
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  columnWidths: string;
  charts: string;
  cells: Map<string, CellState>;
}

export interface WorkbookSnapshot {
  sheetNames: string[];
  tabs: Map<string, TabState>;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A cell value as a string that keeps its type: 's:text', 'n:12', 'b:true', 'd:<ms>'. */
function typed(v: unknown): string | undefined {
  if (v === '' || v === null || v === undefined) return undefined;
  if (isDate(v)) return `d:${v.getTime()}`;
  return `${(typeof v)[0]}:${String(v)}`;
}

export function snapshot(fake: FakeGas): WorkbookSnapshot {
  const tabs = new Map<string, TabState>();
  for (const name of fake.sheetNames()) {
    const t = fake.tabState(name);
    const cells = new Map<string, CellState>();
    const at = (key: string): CellState => {
      let c = cells.get(key);
      if (!c) cells.set(key, (c = {}));
      return c;
    };
    t.values.forEach((line, r) =>
      line?.forEach((v, c) => {
        const value = typed(v);
        if (value !== undefined) at(`${r + 1}:${c + 1}`).value = value;
      }),
    );
    for (const [key, f] of Object.entries(t.formulas)) if (f) at(key).formula = f;
    for (const [key, n] of Object.entries(t.notes)) if (n) at(key).note = n;
    for (const [key, nf] of Object.entries(t.numberFormats)) at(key).numberFormat = nf;
    for (const [key, f] of Object.entries(t.formats)) if (Object.keys(f).length > 0) at(key).format = JSON.stringify(f);
    for (const [key, v] of Object.entries(t.validations)) at(key).validation = JSON.stringify(v);
    tabs.set(name, {
      maxRows: t.maxRows,
      maxColumns: t.maxColumns,
      frozenRows: t.frozenRows,
      frozenColumns: t.frozenColumns,
      hidden: t.hidden,
      columnWidths: JSON.stringify(t.columnWidths),
      charts: JSON.stringify(t.charts),
      cells,
    });
  }
  return { sheetNames: fake.sheetNames(), tabs };
}

export interface DiffOptions {
  /** Notes compared through this function (e.g. to ignore the checks' own mark blocks). */
  note?: (before: string, after: string) => boolean;
  /** Tabs that may be added (e.g. 'Bilan 2023'); their content is not compared. */
  allowNewTabs?: readonly string[];
}

/** Human-readable differences between two snapshots (empty when identical). */
export function diff(before: WorkbookSnapshot, after: WorkbookSnapshot, options: DiffOptions = {}): string[] {
  const out: string[] = [];
  const allowed = new Set(options.allowNewTabs ?? []);
  const afterNames = after.sheetNames.filter((n) => !(allowed.has(n) && !before.tabs.has(n)));
  if (JSON.stringify(before.sheetNames) !== JSON.stringify(afterNames)) {
    out.push(`onglets : ${JSON.stringify(before.sheetNames)} → ${JSON.stringify(after.sheetNames)}`);
  }
  for (const [name, b] of before.tabs) {
    const a = after.tabs.get(name);
    if (!a) continue;
    for (const key of ['maxRows', 'maxColumns', 'frozenRows', 'frozenColumns', 'hidden', 'columnWidths', 'charts'] as const) {
      if (a[key] !== b[key]) out.push(`${name} ${key} : ${String(b[key])} → ${String(a[key])}`);
    }
    const keys = new Set([...b.cells.keys(), ...a.cells.keys()]);
    for (const k of keys) {
      const x = b.cells.get(k) ?? {};
      const y = a.cells.get(k) ?? {};
      for (const prop of ['value', 'formula', 'note', 'numberFormat', 'format', 'validation'] as const) {
        const u = x[prop] ?? '';
        const v = y[prop] ?? '';
        if (u === v) continue;
        if (prop === 'note' && options.note && options.note(u, v)) continue;
        out.push(`${name}!${k} ${prop} : ${JSON.stringify(u.slice(0, 80))} → ${JSON.stringify(v.slice(0, 80))}`);
      }
    }
  }
  return out.slice(0, 20);
}

/**
 * Changes to what existed before (additions are allowed): a tab removed or moved, a cell that
 * held something (value, formula, note, format, validation) changed, a frozen row count changed.
 */
export function changesToExisting(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  /** Cells that may change ('Tab!row:col', 1-based), e.g. the statuses a save updates. */
  allowed: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  const kept = after.sheetNames.filter((n) => before.tabs.has(n));
  if (JSON.stringify(kept) !== JSON.stringify(before.sheetNames)) {
    out.push(`onglets : ${JSON.stringify(before.sheetNames)} → ${JSON.stringify(after.sheetNames)}`);
  }
  for (const [name, b] of before.tabs) {
    const a = after.tabs.get(name);
    if (!a) continue;
    if (b.frozenRows > 0 && a.frozenRows !== b.frozenRows) out.push(`${name} frozenRows : ${b.frozenRows} → ${a.frozenRows}`);
    for (const [k, x] of b.cells) {
      if (allowed.has(`${name}!${k}`)) continue;
      const y = a.cells.get(k) ?? {};
      for (const prop of ['value', 'formula', 'note', 'numberFormat', 'format', 'validation'] as const) {
        if (x[prop] !== undefined && x[prop] !== y[prop]) {
          out.push(
            `${name}!${k} ${prop} : ${JSON.stringify(x[prop]!.slice(0, 80))} → ${JSON.stringify((y[prop] ?? '').slice(0, 80))}`,
          );
        }
      }
    }
  }
  return out.slice(0, 20);
}
