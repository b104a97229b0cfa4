/**
 * The server functions and menu actions over injected services. dist/Code.js binds them to
 * Apps Script's services; the local preview binds them to an in-memory workbook.
 */
import type { Services } from '../adapters/port';
import type { ServerApi } from '../shared/api';
import { MENU_ITEMS } from '../shared/menu';
import * as attendance from './attendance';
import * as checks from './checks';
import * as report from './report';

export function createServerApi(services: Services): ServerApi {
  return {
    getAttendanceSheet: (date) => attendance.getAttendanceSheet(services, date),
    saveAttendance: (input) => attendance.saveAttendance(services, input),
    validateWorkbook: () => checks.validateWorkbook(services),
    computeIndicators: (year) => report.computeIndicators(services, year),
    generateAnnualReport: (year) => report.generateAnnualReport(services, year),
    selectCell: (sheet, row, column) => checks.selectCell(services, sheet, row, column),
    getReportYears: () => report.getReportYears(services),
  };
}

export type MenuHandlerName = (typeof MENU_ITEMS)[number]['handler'];

export function createMenuActions(services: Services): Record<MenuHandlerName, () => void> {
  return {
    menuOpenSidebar: () => services.ui.showSidebar('home'),
    menuRecordAttendance: () => services.ui.showSidebar('attendance'),
    menuCheckWorkbook: () => checks.checkWorkbookFromMenu(services),
    menuGenerateReport: () => report.generateReportFromMenu(services),
    menuPrepareWorkbook: () => checks.prepareWorkbook(services),
  };
}
