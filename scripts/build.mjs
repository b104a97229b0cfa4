// Builds the Apps Script bundle in dist/: Code.js (one file, top-level functions, no export),
// Sidebar.html (JS and CSS inlined) and appsscript.json. The top-level functions follow from
// the registry (src/app/registry.ts); fails when the entry lacks a trigger or `exposed`, or a
// google.script.run call names a function the bundle does not expose (scripts/bundle-check.mjs).
// Tests may point the build elsewhere: CLUB_BUILD_SERVER_ENTRY, CLUB_BUILD_SIDEBAR_ENTRY
// (its folder is the sidebar's source tree) and CLUB_BUILD_OUT_DIR (default dist/).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { checkBundle, readSources } from './bundle-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, process.env.CLUB_BUILD_OUT_DIR || 'dist');
const serverEntry = resolve(root, process.env.CLUB_BUILD_SERVER_ENTRY || 'src/server/main.ts');
const sidebarEntry = resolve(root, process.env.CLUB_BUILD_SIDEBAR_ENTRY || 'src/sidebar/main.ts');
const GLOBAL = '__app';
mkdirSync(dist, { recursive: true });

function fail(message) {
  console.error(`Échec de la construction : ${message}`);
  process.exit(1);
}

// 1. The entry's export list.
const probe = await build({
  entryPoints: [serverEntry],
  bundle: true,
  format: 'esm',
  write: false,
  metafile: true,
  outfile: 'probe.js',
  logLevel: 'silent',
});
const exportsList = Object.values(probe.metafile.outputs)[0].exports.slice().sort();

// 2. Names the bundle exposes: SPEC §1 triggers, exported by the entry, and every entry of the
// registry (src/app/registry.ts: sidebar server functions and menu handlers), which the entry
// serves through its `exposed(name, args)`.
const contract = await build({
  stdin: {
    contents: "export { MENU_HANDLERS, SERVER_FUNCTIONS } from './src/app/registry';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  write: false,
  logLevel: 'silent',
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', contract.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
const { MENU_HANDLERS, SERVER_FUNCTIONS } = mod.exports;
const TRIGGERS = ['onOpen', 'onInstall'];
const registryNames = [...SERVER_FUNCTIONS, ...MENU_HANDLERS];
const sidebarFiles = readSources(dirname(sidebarEntry));
const contractErrors = checkBundle({ exportsList, required: [...TRIGGERS, 'exposed'], sidebarFiles, registryNames });
if (contractErrors.length) fail(contractErrors.join(' ; '));

// 3. Code.js: an IIFE in a global, plus one top-level function per trigger and registry entry.
const footer = [
  ...TRIGGERS.map((n) => `function ${n}() { return ${GLOBAL}.${n}.apply(this, arguments); }`),
  ...registryNames.map((n) => `function ${n}() { return ${GLOBAL}.exposed('${n}', arguments); }`),
].join('\n');
const server = await build({
  entryPoints: [serverEntry],
  bundle: true,
  format: 'iife',
  globalName: GLOBAL,
  target: 'es2019',
  charset: 'utf8',
  write: false,
  banner: { js: '/** @OnlyCurrentDoc */' },
  footer: { js: `\n// Top-level functions seen by Apps Script (menus, triggers, google.script.run).\n${footer}\n` },
  logLevel: 'warning',
});
const code = server.outputFiles[0].text;
if (/^\s*export\s/m.test(code)) fail('dist/Code.js contient encore un « export ».');
writeFileSync(join(dist, 'Code.js'), code);

// 4. Sidebar.html: bundle the client, inline JS and CSS into the template.
const client = await build({
  entryPoints: [sidebarEntry],
  bundle: true,
  format: 'iife',
  target: 'es2019',
  minify: true,
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});
const js = client.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
// Any google.script.run use outside the RPC module would bypass the typed list: forbidden.
const sidebarErrors = checkBundle({
  exportsList,
  required: [],
  sidebarFiles,
  registryNames,
  sidebarJs: js,
  serverFunctions: SERVER_FUNCTIONS,
});
if (sidebarErrors.length) fail(sidebarErrors.join(' ; '));
// style.css first, then each view's own stylesheet (src/sidebar/views/*.css), in name order.
const viewCss = readdirSync(join(root, 'src/sidebar/views'))
  .filter((f) => f.endsWith('.css'))
  .sort()
  .map((f) => readFileSync(join(root, 'src/sidebar/views', f), 'utf8'));
const css = [readFileSync(join(root, 'src/sidebar/style.css'), 'utf8'), ...viewCss].join('\n');
const template = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8');
const html = template.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => js);
writeFileSync(join(dist, 'Sidebar.html'), html);

// 5. Manifest.
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));

if (!process.argv.includes('--quiet')) {
  console.log(
    `dist/Code.js (${(code.length / 1024).toFixed(1)} Ko, ${TRIGGERS.length + registryNames.length} fonctions), dist/Sidebar.html (${(html.length / 1024).toFixed(1)} Ko), dist/appsscript.json`,
  );
}
