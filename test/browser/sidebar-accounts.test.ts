/**
 * SPEC §5: when the browser is signed into several Google accounts, google.script.run fails
 * before reaching the script; the sidebar recognises that failure and explains the fix in
 * French instead of showing Google's raw English error.
 */
import { SIDEBAR } from '../../src/i18n/fr/sidebar';
import type { SidebarView } from '../../src/shared/views';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { sidebarHtml } from '../support/sidebar-page';

const ORIGIN = 'http://sidebar.test';
const RAW = "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.";

/** google.script.run as Google's front end behaves then: every call fails with a ScriptError. */
const FAILING_SCRIPT_RUN = `
(() => {
  const runner = (success, failure) => new Proxy({}, {
    get(_target, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, failure);
      if (prop === 'withFailureHandler') return (f) => runner(success, f);
      if (prop === 'withUserObject') return () => runner(success, failure);
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return () => {
        window.__calls = (window.__calls || 0) + 1;
        setTimeout(() => {
          const error = new Error(${JSON.stringify(RAW)});
          error.name = 'ScriptError';
          if (failure) failure(error);
        }, 0);
      };
    },
  });
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();
`;

describeInChromium('sidebar opened while signed into several Google accounts', () => {
  let chrome: ChromiumSession;

  beforeAll(async () => {
    chrome = await launchChromium();
  });

  afterAll(async () => {
    await chrome?.close();
  });

  it.each<[SidebarView]>([['attendance'], ['checks'], ['report']])(
    'the "%s" view explains in French to open the sheet with that one account',
    async (view) => {
      const page = await chrome.context.newPage();
      const html = sidebarHtml(view);
      await page.addInitScript(FAILING_SCRIPT_RUN);
      await page.route('**/*', (route) =>
        route.request().url() === `${ORIGIN}/`
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort(),
      );
      await page.goto(`${ORIGIN}/`);
      const message = page.locator('#view .message-error');
      await message.waitFor();
      await expect(message.textContent()).resolves.toContain(SIDEBAR.multipleAccounts);
      await expect(page.locator('#view').innerText()).resolves.not.toContain('PERMISSION_DENIED');
      await page.close();
    },
  );
});
