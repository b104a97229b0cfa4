/**
 * The server functions and menu actions over injected services. dist/Code.js binds them to
 * Apps Script's services; the local preview binds them to an in-memory workbook.
 *
 * This is the one top-level catch of the server: a UserError goes to the user as it is
 * (French by construction); any other error is unexpected: its details go to the execution
 * log (kind and stack, never data) and the user sees COMMON.unexpectedError.
 */
import { errorDetails, isUserError, UserError } from '../core/errors';
import type { Services } from '../core/port';
import { COMMON } from '../i18n/fr/common';
import type { ServerApi } from '../shared/api';
import { MENU_ITEMS } from '../shared/menu';
import * as attendance from './attendance';
import * as checks from './checks';
import * as journey from './journey';
import * as newcomer from './newcomer';
import * as privacy from './privacy';
import * as report from './report';

/** The error a caller sees: the UserError itself, or the generic French one (details logged). */
export function userFacingError(e: unknown): UserError {
  if (isUserError(e)) return e;
  console.error(`Club de l'alternance : erreur inattendue : ${errorDetails(e)}`);
  return new UserError(COMMON.unexpectedError, 'UNEXPECTED');
}

function guarded<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      // A plain Error (what google.script.run hands to the sidebar), its code in `cause`.
      const userError = userFacingError(e);
      const plain = new Error(userError.message);
      (plain as { cause?: unknown }).cause = { code: userError.code };
      throw plain;
    }
  };
}

export function createServerApi(services: Services): ServerApi {
  const api: ServerApi = {
    getAttendanceSheet: (date) => attendance.getAttendanceSheet(services, date),
    saveAttendance: (input) => attendance.saveAttendance(services, input),
    validateWorkbook: () => checks.validateWorkbook(services),
    computeIndicators: (year) => report.computeIndicators(services, year),
    generateAnnualReport: (year) => report.generateAnnualReport(services, year),
    selectCell: (sheet, row, column) => checks.selectCell(services, sheet, row, column),
    getReportYears: () => report.getReportYears(services),
    getParticipantJourney: (id) => journey.getParticipantJourney(services, id),
    previewAnonymisation: () => privacy.previewAnonymisation(services),
    anonymise: (input) => privacy.anonymise(services, input),
    addParticipant: (input) => newcomer.addParticipant(services, input),
    getFollowUpList: () => newcomer.getFollowUpList(services),
  };
  for (const name of Object.keys(api) as (keyof ServerApi)[]) {
    (api as unknown as Record<string, unknown>)[name] = guarded(api[name] as (...args: unknown[]) => unknown);
  }
  return api;
}

export type MenuHandlerName = (typeof MENU_ITEMS)[number]['handler'];

export function createMenuActions(services: Services): Record<MenuHandlerName, () => void> {
  const actions: Record<MenuHandlerName, () => void> = {
    menuOpenSidebar: () => services.ui.showSidebar('home'),
    menuRecordAttendance: () => services.ui.showSidebar('attendance'),
    menuCheckWorkbook: () => checks.checkWorkbookFromMenu(services),
    menuGenerateReport: () => report.generateReportFromMenu(services),
    menuPrepareWorkbook: () => checks.prepareWorkbook(services),
    menuParticipantJourney: () => services.ui.showSidebar('journey'),
    menuPersonalData: () => services.ui.showSidebar('privacy'),
    menuFollowUp: () => services.ui.showSidebar('followUp'),
  };
  for (const name of Object.keys(actions) as MenuHandlerName[]) {
    const action = actions[name];
    actions[name] = () => {
      try {
        action();
      } catch (e) {
        if (services.ui.isInterruption?.(e)) throw e;
        services.ui.alert(userFacingError(e).message);
      }
    };
  }
  return actions;
}
