// The build's contract checks, kept apart from scripts/build.mjs so tests can exercise them:
// the entry exports the triggers and `exposed`; every name the sidebar calls is a top-level
// function of dist/Code.js (a trigger or a registry entry).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Files under `dir`, recursively. */
export function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Server function names a sidebar source calls through rpc.ts: call('name', …). */
export function rpcCallNames(source) {
  return [...source.matchAll(/\bcall\s*(?:<[^>()]*>)?\(\s*['"`](\w+)['"`]/g)].map((m) => m[1]);
}

/**
 * Checks a bundle's contract; returns French error messages (empty when all is well).
 * - exportsList: names exported by the server entry (triggers and `exposed`);
 * - required: names the entry must export (triggers, `exposed`);
 * - registryNames: the registry's server functions and menu handlers (top-level functions too);
 * - sidebarFiles: [{ file, text }] of the sidebar's TypeScript sources;
 * - sidebarJs: the bundled sidebar script; serverFunctions: the typed list of §5 names.
 */
export function checkBundle({ exportsList, required, sidebarFiles, registryNames = [], sidebarJs = '', serverFunctions = [] }) {
  const errors = [];
  const exported = new Set([...exportsList, ...registryNames]);
  const missing = required.filter((n) => !exported.has(n));
  if (missing.length) errors.push(`src/server/main.ts n'exporte pas : ${missing.join(', ')}`);
  const called = new Set();
  for (const { file, text } of sidebarFiles) {
    if (!file.endsWith('.ts')) continue;
    if (basename(file) !== 'rpc.ts' && text.includes('google.script.run')) {
      errors.push(`${file} appelle google.script.run hors de src/sidebar/rpc.ts`);
    }
    for (const n of rpcCallNames(text)) called.add(n);
  }
  // Names of the typed list that survive minification as strings.
  for (const m of sidebarJs.matchAll(/["'](\w+)["']/g)) if (serverFunctions.includes(m[1])) called.add(m[1]);
  const unknownCalls = [...called].filter((n) => !exported.has(n)).sort();
  if (unknownCalls.length) errors.push(`la barre latérale appelle des fonctions absentes du bundle : ${unknownCalls.join(', ')}`);
  return errors;
}

/** Reads the sidebar's sources for checkBundle. */
export function readSources(dir) {
  return [...walk(dir)].filter((f) => f.endsWith('.ts')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}
