/**
 * Headless Chromium for browser tests: Debian's `chromium` driven by playwright-core (no
 * browser download). `.ci/run` installs Chromium when missing, so in CI these tests always run.
 *
 *   describeInChromium('sidebar', () => {
 *     let chrome: ChromiumSession;
 *     beforeAll(async () => { chrome = await launchChromium(); });
 *     afterAll(async () => { await chrome?.close(); });
 *     it('…', async () => { const page = await chrome.context.newPage(); … });
 *   });
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Path of the Chromium executable (`command -v chromium`, else /usr/bin/chromium), or null. */
export function chromiumPath(): string | null {
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (found && existsSync(found)) return found;
  } catch {
    // not on PATH
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

export interface ChromiumSession {
  /** A fresh browser profile (new temporary user-data-dir). */
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<ChromiumSession> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium introuvable : installez-le (apt-get install -y chromium).');
  const userDataDir = mkdtempSync(join(tmpdir(), 'club-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 300, height: 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * `describe` when Chromium is installed. When it is truly absent: in CI (env CI set) the suite
 * fails with a clear message; elsewhere it is skipped with that message.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (chromiumPath()) {
    describe(name, body);
    return;
  }
  const why = 'Chromium est absent de cette machine (apt-get install -y chromium) : tests navigateur ignorés.';
  if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(why);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`${name} — ${why}`);
  describe.skip(name, body);
}
