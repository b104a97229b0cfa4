/**
 * The registry (src/app/registry.ts) is the one list of what the platform exposes: the
 * top-level functions of dist/Code.js, the sidebar's calls and the preview's API all follow
 * from it. These tests fail as soon as one of them disagrees.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createMenuActions, createServerApi } from '../../src/app/api';
import { MENU_HANDLERS, MENU_ITEMS, SERVER_FUNCTIONS, serverFunctions } from '../../src/app/registry';
import { CODE_JS, ensureBundleBuilt, REPO_ROOT } from '../support/gas-local';
import { buildWorkbook, memoryServices } from '../support/builders';

/** Names the sidebar's sources call through rpc.ts (`call('name', …)`). */
function sidebarCallNames(): string[] {
  const files = ['rpc.ts', 'main.ts', 'tabs.ts'].map((f) => join(REPO_ROOT, 'src', 'sidebar', f));
  const views = join(REPO_ROOT, 'src', 'sidebar', 'views');
  const all = [...files, ...listTs(views)];
  const names = new Set<string>();
  for (const file of all) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bcall\s*(?:<[^>()]*>)?\(\s*['"`](\w+)['"`]/g)) names.add(m[1]);
  }
  return [...names].sort();
}

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return listTs(p);
    return name.endsWith('.ts') ? [p] : [];
  });
}

describe('the registry of server functions and menu items', () => {
  beforeAll(() => ensureBundleBuilt());

  it('gives dist/Code.js exactly one top-level function per trigger, server function and menu handler', () => {
    const code = readFileSync(CODE_JS, 'utf8');
    const topLevel = [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(topLevel).toEqual(['onInstall', 'onOpen', ...SERVER_FUNCTIONS, ...MENU_HANDLERS].sort());
  });

  it('has no name twice (a server function and a menu handler never share a name)', () => {
    const names = [...SERVER_FUNCTIONS, ...MENU_HANDLERS];
    expect(new Set(names).size).toBe(names.length);
  });

  it('is what the sidebar calls: every call names a registry function', () => {
    const called = sidebarCallNames();
    expect(called.length).toBeGreaterThan(5);
    expect(called.filter((n) => !(SERVER_FUNCTIONS as string[]).includes(n))).toEqual([]);
  });

  it('binds every server function and every menu item to the same services', () => {
    const services = memoryServices(buildWorkbook({}));
    const api = createServerApi(services);
    expect(Object.keys(api).sort()).toEqual(Object.keys(serverFunctions).sort());
    const actions = createMenuActions(services);
    expect(Object.keys(actions)).toEqual(MENU_ITEMS.map((m) => m.handler));
  });

  it('labels every menu item in French, each once', () => {
    const labels = MENU_ITEMS.map((m) => m.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('Vérifier le classeur');
  });
});
