/**
 * "Préparer le classeur": the pure plan of what to create. It only adds: missing tabs with
 * canonical headers, missing required headers at the right end of an existing header row,
 * a frozen header row, dropdown and date validation on the list and date columns, and a
 * default Paramètres tab. Existing data, headers, column order and extra columns are kept.
 */
import type { ValidationRule } from './port';
import { PREPARE } from '../i18n/fr/checks';
import { ATTENDANCE_STATUS, CONTRACT_TYPE, SEX, SITUATION, TRAINING_LEVEL, YES_NO_LABELS } from './lists';
import {
  ANONYMISATION_COLUMNS,
  ATTENDANCE,
  ColumnDefinition,
  PARTICIPANTS,
  SESSIONS,
  SETTINGS,
  type SettingsColumn,
  TabDefinition,
  headerOf,
} from './schema';
import { CellValue, isBlank } from './values';
import {
  DEFAULT_BLANK_LINES,
  DEFAULT_ORGANISATION,
  DEFAULT_RETENTION_YEARS,
  type Settings,
  type Table,
  type WholeWorkbookModel,
} from './workbook';

export interface TabCreation {
  name: string;
  /** Cells written from A1 (header row first). */
  values: CellValue[][];
}

export interface PreparePlan {
  /** Tabs to insert (in this order), then fill from A1, bold header, freeze row 1. */
  createTabs: TabCreation[];
  /** Existing but empty tabs: canonical headers written in row 1 (bold, frozen). */
  fillEmptyTabs: TabCreation[];
  /**
   * Headers appended at the right of an existing header row (required ones; `Début`/`Fin` of
   * `Séances`; the settings of `Paramètres`). `below`, when given, is written in the row just
   * under the header row, in those new (empty) columns: the settings' defaults.
   */
  appendHeaders: { sheet: string; tab: string; row: number; col: number; headers: string[]; below?: CellValue[] }[];
  /** Frozen rows to set (only where fewer rows than the header row are frozen). */
  freeze: { sheet: string; rows: number }[];
  validations: { sheet: string; row: number; col: number; numRows: number; numCols: number; rule: ValidationRule }[];
  /** Tabs with data but no recognised header row: left as they are. */
  untouched: string[];
}

/** Validation covers the data rows below the header, down to this row at least. */
export const VALIDATION_MIN_LAST_ROW = 1000;
/** …and this many rows below the last data row. */
export const VALIDATION_SPARE_ROWS = 1000;

function listRule(values: readonly string[], helpText: string): ValidationRule {
  return { kind: 'list', values: [...values], allowInvalid: true, helpText };
}
const DATE_RULE: ValidationRule = { kind: 'date', allowInvalid: true, helpText: PREPARE.help.date };

/** Validation rule of each column key that gets one. */
const RULES: Record<string, Record<string, ValidationRule>> = {
  [PARTICIPANTS.name]: {
    sex: listRule(SEX.labels, PREPARE.help.sex),
    qpvResident: listRule(YES_NO_LABELS, PREPARE.help.yesNo),
    trainingLevel: listRule(TRAINING_LEVEL.labels, PREPARE.help.trainingLevel),
    situation: listRule(SITUATION.labels, PREPARE.help.situation),
    contractType: listRule(CONTRACT_TYPE.labels, PREPARE.help.contractType),
    birthDate: DATE_RULE,
    entryDate: DATE_RULE,
    contractStart: DATE_RULE,
    exitDate: DATE_RULE,
  },
  [SESSIONS.name]: { date: DATE_RULE },
  [ATTENDANCE.name]: { date: DATE_RULE, status: listRule(ATTENDANCE_STATUS.labels, PREPARE.help.status) },
};

/**
 * Columns of a new tab, in order: every column of the definition except those written only
 * by the anonymisation (`Âge à l'entrée`, `Anonymisé le`, SPEC §11).
 */
export function newTabColumns(definition: TabDefinition): readonly ColumnDefinition[] {
  const skipped = ANONYMISATION_COLUMNS as readonly string[];
  return definition === (PARTICIPANTS as TabDefinition)
    ? definition.columns.filter((c) => !skipped.includes(c.key))
    : definition.columns;
}

/** Canonical header row of a new tab. */
export function canonicalHeaders(definition: TabDefinition): string[] {
  return newTabColumns(definition).map((c) => c.header);
}

/** Default Paramètres: headers, the territory's communes, the priority districts (one row per district and commune). */
export function defaultSettingsValues(settings: Pick<Settings, 'territory' | 'qpvDistricts'>): CellValue[][] {
  const headers = canonicalHeaders(SETTINGS);
  const col = (key: string): number => SETTINGS.columns.findIndex((c) => c.key === key);
  const pairs: [string, string][] = [];
  for (const d of settings.qpvDistricts) {
    if (d.communes.length === 0) pairs.push([d.name, '']);
    for (const c of d.communes) pairs.push([d.name, c]);
  }
  const height = Math.max(1, settings.territory.length, pairs.length);
  const rows: CellValue[][] = [];
  for (let i = 0; i < height; i++) {
    const line: CellValue[] = headers.map(() => '');
    line[col('territoryCommune')] = settings.territory[i] ?? '';
    line[col('qpvDistrict')] = pairs[i]?.[0] ?? '';
    line[col('qpvCommune')] = pairs[i]?.[1] ?? '';
    if (i === 0) for (const [key, value] of SETTING_DEFAULTS) line[col(key)] = value;
    rows.push(line);
  }
  return [headers, ...rows];
}

/** Settings of row 2 that "Préparer" writes with their default (SPEC §9); the others stay blank. */
const SETTING_DEFAULTS: ReadonlyMap<SettingsColumn, CellValue> = new Map<SettingsColumn, CellValue>([
  ['retentionYears', DEFAULT_RETENTION_YEARS],
  ['organisation', DEFAULT_ORGANISATION],
  ['blankLines', DEFAULT_BLANK_LINES],
]);

/** Settings columns "Préparer" adds to an existing `Paramètres` tab when missing (SPEC §9). */
const ADDED_SETTINGS: readonly SettingsColumn[] = [
  'retentionYears',
  'organisation',
  'fundersNote',
  'defaultStart',
  'defaultEnd',
  'blankLines',
];

/** Optional columns "Préparer" adds to an existing tab when missing (SPEC §9): the session times. */
const ADDED_COLUMNS: Readonly<Record<string, readonly string[]>> = { [SESSIONS.name]: ['start', 'end'] };

/** The settings columns missing from an existing `Paramètres` header row, with their row-2 defaults. */
function planSettingsColumns(table: Table<SettingsColumn>, plan: PreparePlan): void {
  if (table.sheetName === null) return;
  if (table.headerRow === null) {
    if (isEmptyTab(table.values)) return; // filled by the caller
    plan.untouched.push(table.sheetName);
    return;
  }
  const missing = ADDED_SETTINGS.filter((k) => table.columns[k] === undefined);
  if (missing.length === 0) return;
  const headers = missing.map((k) => headerOf(SETTINGS, k));
  const below = missing.map((k) => SETTING_DEFAULTS.get(k) ?? '');
  const entry: PreparePlan['appendHeaders'][number] = {
    sheet: table.sheetName,
    tab: SETTINGS.name,
    row: table.headerRow,
    col: table.width + 1,
    headers,
  };
  if (below.some((v) => v !== '')) entry.below = below;
  plan.appendHeaders.push(entry);
}

function isEmptyTab(values: CellValue[][]): boolean {
  for (const line of values) for (const c of line) if (!isBlank(c)) return false;
  return true;
}

/**
 * The plan for a workbook. `frozenRows` gives the frozen rows of existing tabs (by actual
 * name); tabs not listed count as 0.
 */
export function planPreparation(model: WholeWorkbookModel, frozenRows: Readonly<Record<string, number>> = {}): PreparePlan {
  const plan: PreparePlan = { createTabs: [], fillEmptyTabs: [], appendHeaders: [], freeze: [], validations: [], untouched: [] };
  const tables: Table<string>[] = [model.participants, model.sessions, model.attendance];
  for (const table of tables) {
    const def = table.definition;
    let sheet: string;
    let headerRow: number;
    let columns: Record<string, number>;
    let lastRow: number;
    if (table.sheetName === null || (table.headerRow === null && isEmptyTab(table.values))) {
      const values = [canonicalHeaders(def)];
      if (table.sheetName === null) plan.createTabs.push({ name: def.name, values });
      else {
        plan.fillEmptyTabs.push({ name: table.sheetName, values });
        if ((frozenRows[table.sheetName] ?? 0) < 1) plan.freeze.push({ sheet: table.sheetName, rows: 1 });
      }
      sheet = table.sheetName ?? def.name;
      headerRow = 1;
      columns = Object.fromEntries(newTabColumns(def).map((c, i) => [c.key, i]));
      lastRow = 1;
    } else if (table.headerRow === null) {
      plan.untouched.push(table.sheetName);
      continue;
    } else {
      sheet = table.sheetName;
      headerRow = table.headerRow;
      columns = { ...(table.columns as Record<string, number>) };
      lastRow = table.values.length;
      const added = [...table.missing, ...(ADDED_COLUMNS[def.name] ?? []).filter((k) => columns[k] === undefined)];
      if (added.length > 0) {
        const headers = added.map((k) => headerOf(def, k));
        plan.appendHeaders.push({ sheet, tab: def.name, row: headerRow, col: table.width + 1, headers });
        added.forEach((k, i) => (columns[k] = table.width + i));
      }
      if ((frozenRows[sheet] ?? 0) < headerRow) plan.freeze.push({ sheet, rows: headerRow });
    }
    const endRow = Math.max(VALIDATION_MIN_LAST_ROW, lastRow + VALIDATION_SPARE_ROWS);
    for (const c of def.columns) {
      const rule = RULES[def.name]?.[c.key];
      const index = columns[c.key];
      if (!rule || index === undefined) continue;
      plan.validations.push({ sheet, row: headerRow + 1, col: index + 1, numRows: endRow - headerRow, numCols: 1, rule });
    }
  }
  const settingsTable = model.settings.table;
  if (model.settings.sheetName === null) {
    plan.createTabs.push({ name: SETTINGS.name, values: defaultSettingsValues(model.settings) });
  } else if (settingsTable && settingsTable.headerRow === null && isEmptyTab(settingsTable.values)) {
    plan.fillEmptyTabs.push({ name: model.settings.sheetName, values: defaultSettingsValues(model.settings) });
  } else if (settingsTable) planSettingsColumns(settingsTable, plan);
  return plan;
}

/** True when the plan creates or adds something (validations alone do not count). */
export function planAddsSomething(plan: PreparePlan): boolean {
  return plan.createTabs.length + plan.fillEmptyTabs.length + plan.appendHeaders.length + plan.freeze.length > 0;
}
