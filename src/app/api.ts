/**
 * The registry's server functions and menu actions (./registry) bound to injected services.
 * dist/Code.js binds them to Apps Script's services; the local preview binds them to an
 * in-memory workbook.
 *
 * This is the one top-level catch of the server: a UserError goes to the user as it is
 * (French by construction); any other error is unexpected: its details go to the execution
 * log (kind and stack, never data) and the user sees COMMON.unexpectedError.
 */
import { errorDetails, isUserError, UserError } from '../core/errors';
import type { Services } from './ports';
import { COMMON } from '../i18n/fr/common';
import { MENU_ITEMS, type MenuHandlerName, SERVER_FUNCTIONS, type ServerApi, serverFunctions } from './registry';

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
  const api: Record<string, unknown> = {};
  for (const name of SERVER_FUNCTIONS) {
    const fn = serverFunctions[name] as (s: Services, ...args: unknown[]) => unknown;
    api[name] = guarded((...args: unknown[]) => fn(services, ...args));
  }
  return api as ServerApi;
}

export function createMenuActions(services: Services): Record<MenuHandlerName, () => void> {
  const actions = {} as Record<MenuHandlerName, () => void>;
  for (const item of MENU_ITEMS) {
    actions[item.handler] = () => {
      try {
        item.run(services);
      } catch (e) {
        if (services.ui.isInterruption?.(e)) throw e;
        services.ui.alert(userFacingError(e).message);
      }
    };
  }
  return actions;
}
export type { MenuHandlerName, ServerApi } from './registry';
