/**
 * SPEC §9 "the real sandbox": the sidebar inside an iframe sandboxed as Apps Script does for
 * a container-bound script (no top navigation). Tapping a `tel:` link must open it in a new
 * window, never try to navigate the top page (Chromium then blocks it: "Unsafe attempt to
 * initiate navigation…").
 */
import { buildWorkbook, memoryServices, participant } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { ensureBundleBuilt } from '../support/gas-local';
import { openSidebarPage, SidebarPage, sidebarHtml } from '../support/sidebar-page';

const TODAY = '2018-04-10';

describeInChromium("the sidebar in Apps Script's sandboxed iframe", () => {
  let chrome: ChromiumSession;
  let h: SidebarPage | undefined;

  beforeAll(async () => {
    ensureBundleBuilt();
    chrome = await launchChromium({ viewport: { width: 400, height: 900 } });
  });
  afterAll(async () => {
    await chrome?.close();
  });
  afterEach(async () => {
    for (const p of chrome.context.pages()) await p.close();
    h = undefined;
  });

  it('opens a tel: link of a phone stored as a number, with its 0, without a blocked navigation', async () => {
    // 0612345678 typed in an ordinary cell: Sheets keeps the number 612345678.
    const wb = buildWorkbook({
      participants: [
        participant({ id: 'B-1', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-03-01', phone: 612345678 }),
      ],
    });
    wb.setActiveCell('Participants', 2, 1);
    h = await openSidebarPage(chrome, sidebarHtml('journey'), memoryServices(wb, TODAY), { sandboxed: true });
    const link = h.frame.locator('.jr-person a[href^="tel:"]');
    await link.waitFor();
    expect([await link.getAttribute('href'), (await link.textContent())?.replace(/\u00a0/g, ' ')]).toEqual([
      'tel:0612345678',
      '06 12 34 56 78',
    ]);
    await link.click();
    await h.page.waitForTimeout(500);
    const blocked = h.console.filter((m) => /Unsafe attempt to initiate navigation|sandboxed/i.test(m));
    expect([blocked, h.errors]).toEqual([[], []]);
    // The sidebar stays where it was.
    expect(await h.frame.locator('#jr-name').textContent()).toContain('Benali');
  });

  it('gives every link of the page a new window as its target', async () => {
    h = await openSidebarPage(chrome, sidebarHtml('home'), memoryServices(buildWorkbook({ participants: [] }), TODAY), {
      sandboxed: true,
    });
    const base = await h.frame.evaluate(() => document.querySelector('base')?.getAttribute('target') ?? null);
    expect(base).toBe('_blank');
  });
});
