/** `Paramètres` (SPEC §2.1): the settings by year, the territory, the QPV districts and the row-2 settings. */
import { Day, DateCellReader } from './days';
import { DEFAULT_QPV_DISTRICTS, DEFAULT_TERRITORY, QpvDistrict } from './lists';
import { SETTINGS, SettingsColumn, findTabName, headerLookup } from './schema';
import { parseTimeOfDay } from './session-times';
import { Table, WorkbookSource, locateTable } from './tables';
import { normalizeKey } from './text';
import { CellValue, isBlank, parseDate, parseInteger, textOf, valueOf } from './values';

export interface YearSettings {
  year: number;
  plannedPlaces: number | null;
  seasonStart: Day | null;
  seasonEnd: Day | null;
}

export interface Settings {
  /** Present when the tab exists. */
  sheetName: string | null;
  /** The tab as located (header row, columns, values; headerRow null when none recognised); null when absent. */
  table: Table<SettingsColumn> | null;
  years: Map<number, YearSettings>;
  territory: string[];
  qpvDistricts: QpvDistrict[];
  confidentialityThreshold: number | null;
  /** `Durée de conservation (années)` (row 2; SPEC §11): a whole number ≥ 1, else the default. */
  retentionYears: number;
  /** `Heure de début` / `Heure de fin` (row 2), minutes since midnight; either unreadable → both null. */
  defaultStart: number | null;
  defaultEnd: number | null;
  /** `Structure` (row 2): the organisation's name printed on documents. */
  organisation: string;
  /** `Mention des financeurs` (row 2): a sentence printed at the foot of documents. */
  fundersNote: string | null;
  /** `Lignes vierges` (row 2): blank lines at the end of a sign-in sheet, 0..50, else the default. */
  blankLines: number;
}

/** SPEC §11: personal data is kept 2 years after the last activity unless `Paramètres` says otherwise. */
export const DEFAULT_RETENTION_YEARS = 2;
/** SPEC §2.1: `Structure` when `Paramètres` has none. */
export const DEFAULT_ORGANISATION = 'Mission locale';
/** SPEC §2.1: `Lignes vierges` when `Paramètres` has no whole number from 0 to 50. */
export const DEFAULT_BLANK_LINES = 5;
export const MAX_BLANK_LINES = 50;

function readColumnDown(values: CellValue[][], headerRow: number, col: number | undefined): CellValue[] {
  const out: CellValue[] = [];
  if (col === undefined) return out;
  for (let r = headerRow; r < values.length; r++) {
    const v = values[r][col];
    if (isBlank(v)) break;
    out.push(v);
  }
  return out;
}

export function readSettings(source: WorkbookSource, dates: DateCellReader): Settings {
  const sheetName = findTabName(source.sheetNames, SETTINGS.name);
  const settings: Settings = {
    sheetName,
    table: null,
    years: new Map(),
    territory: [...DEFAULT_TERRITORY],
    qpvDistricts: DEFAULT_QPV_DISTRICTS.map((d) => ({ ...d, communes: [...d.communes] })),
    confidentialityThreshold: null,
    retentionYears: DEFAULT_RETENTION_YEARS,
    defaultStart: null,
    defaultEnd: null,
    organisation: DEFAULT_ORGANISATION,
    fundersNote: null,
    blankLines: DEFAULT_BLANK_LINES,
  };
  if (!sheetName) return settings;
  const table = locateTable<SettingsColumn>(SETTINGS, sheetName, source.values(sheetName));
  settings.table = table;
  if (table.headerRow === null) {
    // A single recognised header is still honoured (e.g. only "Seuil de confidentialité").
    const first = table.values[0] ?? [];
    const lookup = headerLookup(SETTINGS);
    first.forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const key = lookup.get(normalizeKey(cell));
      if (key !== undefined && table.columns[key] === undefined) table.columns[key] = c;
    });
    if (Object.keys(table.columns).length === 0) return settings;
    table.headerRow = 1;
  }
  const h = table.headerRow;
  const v = table.values;
  const years = readColumnDown(v, h, table.columns.year);
  years.forEach((cell, i) => {
    const year = valueOf(parseInteger(cell));
    if (year === null) return;
    const at = (key: SettingsColumn): CellValue => {
      const c = table.columns[key];
      return c === undefined ? null : (v[h + i]?.[c] ?? null);
    };
    const places = valueOf(parseInteger(at('plannedPlaces')));
    settings.years.set(year, {
      year,
      plannedPlaces: places !== null && places >= 0 ? places : null,
      seasonStart: valueOf(parseDate(at('seasonStart'), dates)),
      seasonEnd: valueOf(parseDate(at('seasonEnd'), dates)),
    });
  });
  const territory = readColumnDown(v, h, table.columns.territoryCommune)
    .map(textOf)
    .filter((t) => t !== '');
  if (territory.length > 0) settings.territory = territory;
  const districtCells = readColumnDown(v, h, table.columns.qpvDistrict);
  if (districtCells.length > 0) {
    const byName = new Map<string, QpvDistrict>();
    districtCells.forEach((cell, i) => {
      const name = textOf(cell);
      const key = normalizeKey(name);
      let d = byName.get(key);
      if (!d) {
        d = { name, communes: [] };
        byName.set(key, d);
      }
      const c = table.columns.qpvCommune;
      const commune = c === undefined ? '' : textOf(v[h + i]?.[c] ?? null);
      if (commune && !d.communes.includes(commune)) d.communes.push(commune);
    });
    settings.qpvDistricts = [...byName.values()];
  }
  const tc = table.columns.confidentialityThreshold;
  if (tc !== undefined) {
    const n = valueOf(parseInteger(v[h]?.[tc] ?? null));
    settings.confidentialityThreshold = n !== null && n > 1 ? n : null;
  }
  const rc = table.columns.retentionYears;
  if (rc !== undefined) {
    const n = valueOf(parseInteger(v[h]?.[rc] ?? null));
    if (n !== null && n >= 1) settings.retentionYears = n;
  }
  readDocumentSettings(
    settings,
    (key) => {
      const c = table.columns[key];
      return c === undefined ? null : (v[h]?.[c] ?? null);
    },
    dates,
  );
  return settings;
}

/** The row-2 settings of sessions and documents (SPEC §2.1): default times, Structure, Mention des financeurs, Lignes vierges. */
function readDocumentSettings(settings: Settings, rowTwo: (key: SettingsColumn) => CellValue, dates: DateCellReader): void {
  const start = parseTimeOfDay(rowTwo('defaultStart'), dates.timeZone, dates.offsets);
  const end = parseTimeOfDay(rowTwo('defaultEnd'), dates.timeZone, dates.offsets);
  if (start.status !== 'invalid' && end.status !== 'invalid') {
    settings.defaultStart = valueOf(start);
    settings.defaultEnd = valueOf(end);
  }
  const organisation = textOf(rowTwo('organisation'));
  if (organisation !== '') settings.organisation = organisation;
  const note = textOf(rowTwo('fundersNote'));
  settings.fundersNote = note === '' ? null : note;
  const lines = valueOf(parseInteger(rowTwo('blankLines')));
  if (lines !== null && lines >= 0 && lines <= MAX_BLANK_LINES) settings.blankLines = lines;
}
