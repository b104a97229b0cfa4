/**
 * Apps Script entry: every export becomes a top-level function of dist/Code.js (see
 * scripts/build.mjs). Thin: each binds Apps Script's services and calls the logic.
 */
import { createMenuActions, createServerApi } from './api';
import { buildMenu } from './menu';
import { appsScriptServices } from './services';
import type { AddParticipantInput, AnonymiseInput, SaveAttendanceInput, ServerApi } from '../shared/api';

const api = (): ServerApi => createServerApi(appsScriptServices());
const menu = () => createMenuActions(appsScriptServices());

// Triggers -------------------------------------------------------------------------------

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

// Menu handlers (names listed in src/shared/menu.ts) -------------------------------------

export function menuOpenSidebar(): void {
  menu().menuOpenSidebar();
}
export function menuRecordAttendance(): void {
  menu().menuRecordAttendance();
}
export function menuCheckWorkbook(): void {
  menu().menuCheckWorkbook();
}
export function menuGenerateReport(): void {
  menu().menuGenerateReport();
}
export function menuPrepareWorkbook(): void {
  menu().menuPrepareWorkbook();
}
export function menuParticipantJourney(): void {
  menu().menuParticipantJourney();
}
export function menuPersonalData(): void {
  menu().menuPersonalData();
}
export function menuFollowUp(): void {
  menu().menuFollowUp();
}

// Server functions of the sidebar (SPEC §5) ---------------------------------------------

export function getAttendanceSheet(date: string) {
  return api().getAttendanceSheet(date);
}
export function saveAttendance(input: SaveAttendanceInput) {
  return api().saveAttendance(input);
}
export function validateWorkbook() {
  return api().validateWorkbook();
}
export function computeIndicators(year: number) {
  return api().computeIndicators(year);
}
export function generateAnnualReport(year: number) {
  return api().generateAnnualReport(year);
}
export function selectCell(sheet: string, row: number, column: string | null) {
  return api().selectCell(sheet, row, column);
}
export function getReportYears() {
  return api().getReportYears();
}
export function getParticipantJourney(id: string | null) {
  return api().getParticipantJourney(id);
}
export function previewAnonymisation() {
  return api().previewAnonymisation();
}
export function anonymise(input: AnonymiseInput) {
  return api().anonymise(input);
}
export function addParticipant(input: AddParticipantInput) {
  return api().addParticipant(input);
}
export function getFollowUpList() {
  return api().getFollowUpList();
}
