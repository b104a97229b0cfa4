/**
 * Loads the built Apps Script bundle (dist/Code.js) the way Apps Script does: one fresh V8
 * context whose globals are the (fake) Apps Script services, the file run as a classic
 * script, its top-level `function` declarations becoming globals. Uses gas-local's loader.
 *
 *   const fake = createFakeGas({ authMode: 'NONE' });
 *   const gas = loadBundle(fake);
 *   gas.context.onOpen({ authMode: fake.globals.ScriptApp.AuthMode.NONE });
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vm from 'node:vm';
import type { FakeGas } from './fake-gas';

// gas-local ships no types.
interface GasLocal {
  require(folder: string, globals: object, options?: { filter?: (f: string) => boolean }): Record<string, any>;
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const gasLocal: GasLocal = require('gas-local');

export const REPO_ROOT = join(__dirname, '..', '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');
export const CODE_JS = join(DIST_DIR, 'Code.js');

/** Newest modification time of the files below `dir` (to rebuild stale build outputs). */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** Runs `node scripts/build.mjs` when dist/Code.js is missing or older than src/. */
export function ensureBundleBuilt(): void {
  const built = existsSync(CODE_JS) && existsSync(join(DIST_DIR, 'Sidebar.html'));
  if (built && statSync(CODE_JS).mtimeMs >= newestMtime(join(REPO_ROOT, 'src'))) return;
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

export interface LoadedBundle {
  /** The context's global object: bundle functions are properties (context.onOpen, …). */
  context: Record<string, any>;
  /** What the bundle wrote with console.* (Apps Script's execution log). */
  logs: string[];
  /** Calls a top-level function of the bundle by name, as google.script.run or a menu would. */
  call(name: string, ...args: unknown[]): any;
}

/**
 * Loads `dist/Code.js` (or the .js files matched by `filter` in `distDir`) into a fresh
 * context holding only the fake's services, a console and the JavaScript built-ins.
 */
export function loadBundle(
  fake: FakeGas,
  options: {
    distDir?: string;
    filter?: (file: string) => boolean /** Extra or replaced globals (e.g. a broken Intl). */;
    globals?: Record<string, unknown>;
  } = {},
): LoadedBundle {
  const logs: string[] = [];
  const record = (...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  };
  const sandbox: Record<string, any> = {
    ...fake.globals,
    console: { log: record, info: record, warn: record, error: record, debug: record },
    ...options.globals,
  };
  vm.createContext(sandbox);
  // Dates and Errors the fake hands to the bundle must come from the bundle's own realm.
  fake.setRealm(vm.runInContext('({ Date: Date, Error: Error })', sandbox));
  const context = gasLocal.require(options.distDir ?? DIST_DIR, sandbox, {
    filter: options.filter ?? ((f: string) => basename(f) === 'Code.js'),
  });
  return {
    context,
    logs,
    call(name: string, ...args: unknown[]) {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`dist/Code.js has no top-level function ${name}`);
      return fn(...args);
    },
  };
}
