/**
 * What the application layer needs besides the workbook: the document lock, the user
 * interface of the platform (Apps Script's menus and dialogs, the preview's page), and the
 * clock. The workbook port itself is the core's (src/core/port.ts).
 */
import type { WorkbookPort } from '../core/port';
import type { SidebarView } from '../shared/views';

export type { SidebarView, WorkbookPort };

/** The document lock (LockService.getDocumentLock()). */
export interface LockPort {
  tryLock(timeoutMs: number): boolean;
  releaseLock(): void;
}

/** What the menu handlers need from the user interface. */
export interface UiPort {
  showSidebar(view: SidebarView): void;
  alert(message: string): void;
  /** null when cancelled. */
  prompt(title: string, message: string, defaultValue?: string): string | null;
  confirm(title: string, message: string): boolean;
  toast?(message: string): void;
  /**
   * A modal dialog showing a self-contained HTML page (SPEC §12: the printed documents, the
   * date of a sign-in sheet). Optional: the stand-ins of tests that never show one need not.
   */
  showDialog?(html: string, title: string, size: { width: number; height: number }): void;
  /**
   * True for the signal a UI throws to stop a run at an unanswered question (the preview's
   * replay): the menu's top-level catch lets it through instead of reporting an error.
   */
  isInterruption?(e: unknown): boolean;
}

/** Everything server code needs, passed in (tests use small fakes). */
export interface Services {
  workbook: WorkbookPort;
  lock: LockPort;
  ui: UiPort;
  /** Today's calendar day in the spreadsheet's time zone. */
  today(): number;
  /** Current instant, for "generated on" stamps. */
  now(): Date;
}
