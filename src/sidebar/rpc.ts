/** The sidebar's one way to the server: typed calls over google.script.run. */
import type { ServerApi } from '../app/registry';
import { SIDEBAR } from '../i18n/fr/sidebar';

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/**
 * What google.script.run's failure handler receives when the browser is signed into several
 * Google accounts and the sheet's account is not the default one: the call fails in Google's
 * front end, before our script runs, with an Error whose `name` is "ScriptError" (the raw
 * response is `[2, [], "<message>", "ScriptError"]`). Our server never produces these texts
 * (its errors are French), so matching Google's browser-side text is the only way to tell.
 * Sources (public reports of Google's issue tracker bug 69270374, "google.script.run fails
 * with multiple accounts"):
 * - github.com/enuchi/React-Google-Apps-Script/issues/46 and
 *   github.com/mootoday/google-docs-addon-svelte-template/pull/3: "ScriptError: We're sorry,
 *   a server error occurred while reading from storage. Error code PERMISSION_DENIED."
 * - github.com/alexwforsythe/code-blocks/issues/53, /79, /104: "ScriptError: Authorization
 *   is required to perform that action." (multiple accounts signed in).
 * Google localises the sentences (the French interface says « Une autorisation est requise
 * pour effectuer cette action. »); the code PERMISSION_DENIED is never translated.
 */
export const MULTIPLE_ACCOUNTS_ERRORS: readonly RegExp[] = [
  /\bPERMISSION_DENIED\b/,
  /authorization is required to perform (that|this) action/i,
  /une autorisation est requise pour effectuer cette action/i,
];

/** Error names google.script.run's failure handler gives to this failure. */
const SCRIPT_ERROR_NAMES: readonly string[] = ['ScriptError', 'Error'];

/** True when a failure handler's argument is the several-accounts failure (see above). */
export function isMultipleAccountsError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  if (name !== undefined && (typeof name !== 'string' || !SCRIPT_ERROR_NAMES.includes(name))) return false;
  return MULTIPLE_ACCOUNTS_ERRORS.some((pattern) => pattern.test(message));
}

/** The message a failure shows in the sidebar: the French fix for the several-accounts case. */
export function failureMessage(error: unknown): string {
  return isMultipleAccountsError(error) ? SIDEBAR.multipleAccounts : errorMessage(error);
}

export function call<K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(new Error(failureMessage(error))));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
