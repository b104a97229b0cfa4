/**
 * The annual report's first and last parts (SPEC §6), shared by every output: the opening
 * (`Structure`, the programme and the year — never a to-do list) and "Qualité des données"
 * (the rows the figures could not use, each with its fix where the report is read). Also the
 * order of the districts. Pure; aggregates only.
 */
import type { DataQuality } from './data-quality';
import { UNKNOWN_DISTRICT } from './indicators';
import { frenchCollator } from './text';
import { REPORT_PARTS, type ReportPlace } from '../i18n/fr/report-parts';

export type { ReportPlace };

/** The report's opening lines. */
export interface ReportOpening {
  /** `Structure` of Paramètres (default "Mission locale"). */
  organisation: string;
  /** The programme and the year ("Club de l'alternance — Bilan 2018"). */
  programme: string;
}

export function reportOpening(organisation: string | undefined, year: number): ReportOpening {
  const name = organisation?.trim();
  return { organisation: name ? name : REPORT_PARTS.defaultOrganisation, programme: REPORT_PARTS.programme(year) };
}

/** One line of "Qualité des données": what was left out, how many, how to fix it. */
export type QualityRow = [label: string, count: number, fix: string];

/** The report's last part. */
export interface QualityPart {
  title: string;
  /** One sentence: everything was used, or how many rows were not. */
  summary: string;
  header: [string, string, string];
  rows: QualityRow[];
  /** Further remarks (required columns that are absent). */
  notes: string[];
}

/** "Qualité des données" of year Y, worded for the place where the report is read. */
export function qualityPart(quality: DataQuality, missingColumns: readonly string[], place: ReportPlace): QualityPart {
  const q = REPORT_PARTS.quality;
  const a = quality.attendance;
  const counts: [keyof typeof q.rows, number][] = [
    ['excludedRows', quality.excludedRows],
    ['ageUnknown', quality.ageUnknown],
    ['unknownId', a.unknownId],
    ['unknownStatus', a.unknownStatus],
    ['unreadableDate', a.unreadableDate],
    ['sessionsWithoutTimes', quality.sessionsWithoutTimes],
  ];
  const rows = counts.map(([key, n]): QualityRow => [q.rows[key], n, n > 0 ? q.fixes[key](place) : q.nothingToFix]);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return {
    title: q.title,
    summary: total === 0 ? q.complete : q.incomplete(total),
    header: [q.title, q.columns.count, q.columns.fix],
    rows,
    notes: missingColumns.length > 0 ? [q.missingColumns([...missingColumns], place)] : [],
  };
}

/** Districts by year Y's count (most first), then name (French order), "Non précisé" last. */
export function sortDistricts(keys: readonly string[], counts: Readonly<Record<string, number>>): string[] {
  const count = (k: string): number =>
    // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022, beyond the tsconfig's lib (ES2021).
    Object.prototype.hasOwnProperty.call(counts, k) ? counts[k] : 0;
  return [...keys].sort(
    (a, b) =>
      Number(a === UNKNOWN_DISTRICT) - Number(b === UNKNOWN_DISTRICT) || count(b) - count(a) || frenchCollator.compare(a, b),
  );
}
