/** Indicators and annual report (SPEC §6). Placeholder until issue 4 lands. */
import type { Services } from '../adapters/port';
import type { AnnualReportResult, Indicators } from '../shared/api';
import { COMMON } from '../i18n/fr/common';

export function computeIndicators(_services: Services, _year: unknown): Indicators {
  throw new Error(COMMON.comingSoon);
}

export function generateAnnualReport(_services: Services, _year: unknown): AnnualReportResult {
  throw new Error(COMMON.comingSoon);
}

/** Menu "Générer le bilan annuel…". */
export function generateReportFromMenu(services: Services): void {
  services.ui.alert(COMMON.comingSoon);
}

export function getReportYears(_services: Services): { years: number[]; suggested: number | null } {
  return { years: [], suggested: null };
}
