/**
 * Apps Script entry (the platform's side). The build (scripts/build.mjs) makes one top-level
 * `function` of dist/Code.js per trigger exported here and per entry of the registry
 * (src/app/registry.ts: server functions and menu handlers), each calling `exposed` below:
 * nothing to edit here when a function or a menu item is added.
 */
import { createMenuActions, createServerApi } from '../app/api';
import { MENU_HANDLERS, type MenuHandlerName, type ServerFunctionName } from '../app/registry';
import { buildMenu } from './menu';
import { appsScriptServices } from './services';

// Triggers -------------------------------------------------------------------------------

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

/**
 * A registry entry called by its top-level function: the services are built for this one
 * execution (lazily: a menu handler that only opens the sidebar reads nothing).
 */
export function exposed(name: ServerFunctionName | MenuHandlerName, args: ArrayLike<unknown>): unknown {
  const services = appsScriptServices();
  if (isMenuHandler(name)) return createMenuActions(services)[name]();
  const api = createServerApi(services) as unknown as Record<string, (...a: unknown[]) => unknown>;
  return api[name](...Array.from(args));
}

function isMenuHandler(name: string): name is MenuHandlerName {
  return (MENU_HANDLERS as string[]).includes(name);
}
