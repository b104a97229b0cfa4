/**
 * `npm run build` refuses a bundle whose entry lacks a trigger or `exposed`, or whose sidebar
 * calls name a function that dist/Code.js does not expose (scripts/build.mjs + scripts/bundle-check.mjs). Each case
 * builds into a temporary folder, never over dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/gas-local';

const FIXTURES = join(__dirname, 'fixtures');
const outDirs: string[] = [];

function buildWith(env: Record<string, string>) {
  const out = mkdtempSync(join(tmpdir(), 'club-build-'));
  outDirs.push(out);
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--quiet'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CLUB_BUILD_OUT_DIR: out, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr, out };
}

afterAll(() => {
  for (const d of outDirs) rmSync(d, { recursive: true, force: true });
});

describe('the build refuses a bundle that breaks its contract', () => {
  it('builds the real entries', () => {
    const r = buildWith({});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(r.out, 'Code.js'), 'utf8')).toMatch(/^function validateWorkbook\(/m);
    expect(existsSync(join(r.out, 'Sidebar.html'))).toBe(true);
    expect(existsSync(join(r.out, 'appsscript.json'))).toBe(true);
  });

  it('fails when the entry does not export `exposed`, through which every registry entry runs', () => {
    const r = buildWith({ CLUB_BUILD_SERVER_ENTRY: join(FIXTURES, 'server-missing-function.ts') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Échec de la construction.*exposed/);
    expect(existsSync(join(r.out, 'Code.js'))).toBe(false);
  });

  it('fails when the entry does not export a trigger', () => {
    const r = buildWith({ CLUB_BUILD_SERVER_ENTRY: join(FIXTURES, 'server-missing-menu-handler.ts') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/onOpen/);
    expect(existsSync(join(r.out, 'Code.js'))).toBe(false);
  });

  it('fails when the sidebar calls a server function the bundle does not expose', () => {
    const r = buildWith({ CLUB_BUILD_SIDEBAR_ENTRY: join(FIXTURES, 'sidebar-unknown-call', 'main.ts') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/barre latérale.*deleteEverything/);
    expect(r.stderr).not.toMatch(/validateWorkbook/);
  });

  it('fails when the sidebar uses google.script.run outside rpc.ts', () => {
    const r = buildWith({ CLUB_BUILD_SIDEBAR_ENTRY: join(FIXTURES, 'sidebar-direct-run', 'main.ts') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/google\.script\.run hors de src\/sidebar\/rpc\.ts/);
  });
});
