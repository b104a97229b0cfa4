/** Builds the Services of a server call from Apps Script's globals (lazily: NONE mode reads nothing). */
import { AppsScriptLock, AppsScriptWorkbook } from './workbook';
import type { WorkbookPort } from '../core/port';
import type { LockPort, Services, SidebarView, UiPort } from '../app/ports';
import { todayIn } from '../core/days';
import { COMMON } from '../i18n/fr/common';

export class AppsScriptUi implements UiPort {
  private get ui(): GoogleAppsScript.Base.Ui {
    return SpreadsheetApp.getUi();
  }

  showSidebar(view: SidebarView): void {
    const content = HtmlService.createHtmlOutputFromFile('Sidebar')
      .getContent()
      .replace('data-initial-view="home"', `data-initial-view="${view}"`);
    this.ui.showSidebar(HtmlService.createHtmlOutput(content).setTitle(COMMON.sidebarTitle));
  }

  alert(message: string): void {
    this.ui.alert(message);
  }

  prompt(title: string, message: string): string | null {
    const ui = this.ui;
    const r = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
    return r.getSelectedButton() === ui.Button.OK ? r.getResponseText() : null;
  }

  confirm(title: string, message: string): boolean {
    const ui = this.ui;
    return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  }

  showDialog(html: string, title: string, size: { width: number; height: number }): void {
    this.ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(size.width).setHeight(size.height), title);
  }

  toast(message: string): void {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, COMMON.sidebarTitle);
  }
}

export function appsScriptServices(): Services {
  let workbook: WorkbookPort | null = null;
  let lock: LockPort | null = null;
  let ui: UiPort | null = null;
  const wb = (): WorkbookPort => (workbook ??= new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
  return {
    get workbook() {
      return wb();
    },
    get lock() {
      return (lock ??= new AppsScriptLock());
    },
    get ui() {
      return (ui ??= new AppsScriptUi());
    },
    today: () => todayIn(wb().timeZone, new Date(), wb().offsets),
    now: () => new Date(),
  };
}
