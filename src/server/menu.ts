/** The add-on menu and its triggers (SPEC §1). onOpen reads no data: it may run in AuthMode.NONE. */
import { MENU_ITEMS, MENU_TITLE } from '../app/registry';

interface OpenEvent {
  authMode?: unknown;
}

function isAuthModeNone(e: OpenEvent | undefined): boolean {
  if (!e || e.authMode === undefined || e.authMode === null) return false;
  try {
    if (typeof ScriptApp !== 'undefined' && ScriptApp.AuthMode && e.authMode === ScriptApp.AuthMode.NONE) return true;
  } catch {
    // fall through to the textual comparison
  }
  return String(e.authMode) === 'NONE';
}

/** True when the script runs as an installed add-on (then the menu goes under Extensions). */
function runsAsAddon(e: OpenEvent | undefined): boolean {
  if (isAuthModeNone(e)) return true; // a bound script never opens in NONE
  try {
    const source = ScriptApp.getInstallationSource();
    return source !== undefined && source !== null && String(source) !== String(ScriptApp.InstallationSource.NONE);
  } catch {
    // ScriptApp unavailable in this authorization mode: not known as an add-on, the bound menu.
    return false;
  }
}

export function buildMenu(e?: OpenEvent): void {
  const ui = SpreadsheetApp.getUi();
  const menu = runsAsAddon(e) ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) menu.addItem(item.label, item.handler);
  menu.addToUi();
}
