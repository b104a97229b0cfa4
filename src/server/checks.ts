/** Checks server functions (SPEC §3). Placeholder until issue 3 lands. */
import type { Services } from '../adapters/port';
import type { ValidationResult } from '../shared/api';
import { COMMON } from '../i18n/fr/common';

export function validateWorkbook(_services: Services): ValidationResult {
  throw new Error(COMMON.comingSoon);
}

/** Menu "Vérifier le classeur". */
export function checkWorkbookFromMenu(services: Services): void {
  services.ui.showSidebar('checks');
}

/** Menu "Préparer le classeur". */
export function prepareWorkbook(services: Services): void {
  services.ui.alert(COMMON.comingSoon);
}

export function selectCell(_services: Services, _sheet: unknown, _row: unknown, _column: unknown): void {
  throw new Error(COMMON.comingSoon);
}
