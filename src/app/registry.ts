/**
 * The one registry of what the platform exposes: the server functions the sidebar calls
 * (SPEC §5) and the menu's items (SPEC §1). Everything else follows from it:
 * - `ServerApi` (the sidebar's typed client, src/sidebar/rpc.ts) is its type, services left out;
 * - dist/Code.js gets one top-level function per entry (scripts/build.mjs reads the names);
 * - the preview runs the same entries against an in-memory workbook.
 * Adding a server function or a menu item is one entry here (and its French label in i18n).
 */
import type { IsoDate } from '../core/days';
import { MENU_TEXT } from '../i18n/fr/menu';
import type { AddParticipantInput, AnonymiseInput, SaveAttendanceInput } from '../shared/api';
import * as attendance from './attendance';
import * as checks from './checks';
import * as documents from './documents';
import * as journey from './journey';
import * as newcomer from './newcomer';
import type { Services } from './ports';
import * as privacy from './privacy';
import * as report from './report';

/** Server functions: name → implementation over the services; the parameters are the client's types. */
export const serverFunctions = {
  getAttendanceSheet: (s: Services, date: IsoDate) => attendance.getAttendanceSheet(s, date),
  saveAttendance: (s: Services, input: SaveAttendanceInput) => attendance.saveAttendance(s, input),
  validateWorkbook: (s: Services) => checks.validateWorkbook(s),
  computeIndicators: (s: Services, year: number) => report.computeIndicators(s, year),
  generateAnnualReport: (s: Services, year: number) => report.generateAnnualReport(s, year),
  /** Selects a cell (the "Contrôle" view's buttons). */
  selectCell: (s: Services, sheet: string, row: number, column: string | null) => checks.selectCell(s, sheet, row, column),
  /** Years that have data, most recent first, the suggested one, and those with a "Bilan AAAA" tab. */
  getReportYears: (s: Services) => report.getReportYears(s),
  /** SPEC §10: null = the participant of the active row (when the active sheet is Participants). */
  getParticipantJourney: (s: Services, id: string | null) => journey.getParticipantJourney(s, id),
  previewAnonymisation: (s: Services) => privacy.previewAnonymisation(s),
  anonymise: (s: Services, input: AnonymiseInput) => privacy.anonymise(s, input),
  /** SPEC §12: opens the sign-in sheet of the date in a dialog; how many people it lists. */
  showSignInSheet: (s: Services, date: IsoDate) => documents.showSignInSheet(s, date),
  /** SPEC §12: opens the certificate of the participant in a dialog; how many sessions it lists. */
  showCertificate: (s: Services, id: string) => documents.showCertificate(s, id),
  /** SPEC §4 "Nouveau jeune": appends one Participants row under the lock. */
  addParticipant: (s: Services, input: AddParticipantInput) => newcomer.addParticipant(s, input),
  /** SPEC §4 "Suivi": everyone à relancer today, with their contacts. */
  getFollowUpList: (s: Services) => newcomer.getFollowUpList(s),
};

/** Menu items, in the menu's order: label, top-level handler name, action. */
export const MENU_ITEMS = [
  { label: MENU_TEXT.openSidebar, handler: 'menuOpenSidebar', run: (s: Services) => s.ui.showSidebar('home') },
  { label: MENU_TEXT.recordAttendance, handler: 'menuRecordAttendance', run: (s: Services) => s.ui.showSidebar('attendance') },
  { label: MENU_TEXT.checkWorkbook, handler: 'menuCheckWorkbook', run: (s: Services) => void checks.checkWorkbookFromMenu(s) },
  { label: MENU_TEXT.generateReport, handler: 'menuGenerateReport', run: (s: Services) => report.generateReportFromMenu(s) },
  { label: MENU_TEXT.prepareWorkbook, handler: 'menuPrepareWorkbook', run: (s: Services) => void checks.prepareWorkbook(s) },
  { label: MENU_TEXT.participantJourney, handler: 'menuParticipantJourney', run: (s: Services) => s.ui.showSidebar('journey') },
  { label: MENU_TEXT.personalData, handler: 'menuPersonalData', run: (s: Services) => s.ui.showSidebar('privacy') },
  { label: MENU_TEXT.printSignInSheet, handler: 'menuPrintSignInSheet', run: (s: Services) => documents.askSignInSheetDate(s) },
  { label: MENU_TEXT.followUp, handler: 'menuFollowUp', run: (s: Services) => s.ui.showSidebar('followUp') },
] as const;

export const MENU_TITLE = MENU_TEXT.title;

type Registry = typeof serverFunctions;
type WithoutServices<F> = F extends (services: Services, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Every function the sidebar may call through google.script.run, as the sidebar sees it. */
export type ServerApi = { [K in keyof Registry]: WithoutServices<Registry[K]> };
export type ServerFunctionName = keyof ServerApi;
export type MenuHandlerName = (typeof MENU_ITEMS)[number]['handler'];

/** The names dist/Code.js exposes for the sidebar, in the registry's order. */
export const SERVER_FUNCTIONS = Object.keys(serverFunctions) as ServerFunctionName[];
/** The names dist/Code.js exposes for the menu. */
export const MENU_HANDLERS: MenuHandlerName[] = MENU_ITEMS.map((m) => m.handler);
