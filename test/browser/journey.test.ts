/**
 * "Parcours d'un jeune" in headless Chromium: through the local preview (a participant's row
 * clicked in the grid, then the menu item: the journey is read without any click in the
 * sidebar), and the real sidebar page on its own (directory search, text-only names, focus).
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { MemoryWorkbook } from '../../src/adapters/memory';
import { RunningPreview, startPreview } from '../../src/preview/app';
import { dayFromIso } from '../../src/core/days';
import { buildWorkbook, memoryServices, participant } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { ensureBundleBuilt } from '../support/gas-local';
import { openSidebarPage, SidebarPage, sidebarHtml } from '../support/sidebar-page';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2018-04-10';
const XSS = '<img src=x onerror=alert(1)>';

function workbook(): MemoryWorkbook {
  return buildWorkbook({
    participants: [
      participant({
        id: 'B-1',
        lastName: 'Benali',
        firstName: 'Yanis',
        entryDate: '2018-03-01',
        phone: '06 39 98 00 01',
        email: 'yanis@exemple.fr',
      }),
      participant({ id: 'B-2', lastName: 'Écrivain', firstName: 'Léa', entryDate: '2018-03-01', birthDate: '2000-04-11' }),
      participant({ id: 'B-3', lastName: XSS, firstName: 'Zed', entryDate: '2018-03-01' }),
    ],
    sessions: [
      { date: '2018-03-06', theme: 'cv', start: '14:00', end: '16:30' },
      { date: '2018-03-13', theme: 'préparation à l’entretien' },
      { date: '2018-03-20', theme: 'Bilan' },
    ],
    attendance: [
      { date: '2018-03-06', id: 'B-2', status: 'Présent' },
      { date: '2018-03-13', id: 'B-2', status: 'P' },
      { date: '2018-03-20', id: 'B-2', status: 'Absent' },
      { date: '2018-03-06', id: 'B-3', status: 'Présent' },
    ],
  });
}

async function text(locator: ReturnType<Page['locator']>): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

describeInChromium('"Parcours d\'un jeune" in Chromium', () => {
  let chrome: ChromiumSession;

  beforeAll(async () => {
    ensureBundleBuilt();
    chrome = await launchChromium({ viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await chrome?.close();
  });

  describe('through the local preview', () => {
    let preview: RunningPreview;
    let page: Page;
    let sidebar: FrameLocator;

    beforeAll(async () => {
      const today = dayFromIso(TODAY)!;
      preview = await startPreview({ workbook: workbook(), root: ROOT, sourcePath: null, today: () => today }, 0);
      page = await chrome.context.newPage();
      await page.goto(preview.url);
      await page.locator('table.grid[data-sheet="Participants"]').waitFor();
      // The user clicks Léa Écrivain's row (row 3) in the spreadsheet…
      await Promise.all([page.waitForResponse('**/api/select'), page.locator('td[data-ref="B3"]').click()]);
      // …then opens the menu item.
      await page.getByRole('button', { name: "Club de l'alternance" }).click();
      await page.getByRole('menuitem', { name: "Parcours d'un jeune" }).click();
      sidebar = page.frameLocator('#sidebar-frame');
      await sidebar.getByRole('heading', { level: 3, name: 'Écrivain Léa' }).waitFor();
    });
    afterAll(async () => {
      await page?.close();
      await preview?.close();
    });

    it('shows the journey of the active row without any click in the sidebar', async () => {
      expect(await text(sidebar.locator('.jr-identity'))).toBe('17 ans · Villejuif · QPV : Non'); // 18 tomorrow;
    });

    it('shows the counts and the presence rate', async () => {
      expect([await text(sidebar.locator('.jr-counts')), await text(sidebar.locator('.jr-rate'))]).toEqual([
        '2 présences, 1 absence, 0 excusée',
        'Taux de présence : 67 %',
      ]);
    });

    it('shows the hours attended and the sessions attended without times', async () => {
      expect(await text(sidebar.locator('.jr-hours'))).toBe(
        'Heures de présence : 2,5 h (plus 1 séance sans horaires, non comptée)',
      );
    });

    it('lists the sessions with their matched themes and statuses as text', async () => {
      const rows = await sidebar.locator('table.jr-sessions tbody tr').allTextContents();
      expect(rows.map((r) => r.replace(/\u00a0/g, ' '))).toEqual([
        '06/03/2018CV✓ Présent',
        "13/03/2018Préparation à l'entretien✓ Présent",
        '20/03/2018Bilan✗ Absent',
      ]);
    });

    it('made the clicked grid cell the active cell the add-on sees', () => {
      expect(preview.app.workbook.selection).toEqual({ sheet: 'Participants', row: 3, col: 2 });
    });
  });

  describe('the sidebar page on its own', () => {
    let h: SidebarPage;
    let html: string;

    beforeAll(async () => {
      html = sidebarHtml('journey');
    });

    async function open(active: { sheet: string; row: number } | null): Promise<SidebarPage> {
      const wb = workbook();
      if (active) wb.setActiveCell(active.sheet, active.row, 1);
      const page = await openSidebarPage(chrome, html, memoryServices(wb, TODAY));
      await page.page.locator('.jr-view[aria-busy="false"]').waitFor({ state: 'attached' });
      return page;
    }

    afterEach(async () => {
      await h?.page.close();
    });

    it('opens with one server call, on the directory when the active row is not a participant', async () => {
      h = await open({ sheet: 'Présences', row: 2 });
      expect([h.calls, await h.page.locator('#jr-list button').count()]).toEqual([
        [{ name: 'getParticipantJourney', args: [null] }],
        3,
      ]);
    });

    it('finds a person whatever the accents and case of the search', async () => {
      h = await open(null);
      await h.page.getByLabel('Rechercher un jeune').fill('ECRIVAIN lea');
      expect(await h.page.locator('#jr-list button > span:first-child').allTextContents()).toEqual(['Écrivain Léa']);
    });

    it('shows a name holding HTML as text, never as an element', async () => {
      h = await open({ sheet: 'Participants', row: 4 });
      await h.page.locator('#jr-name').waitFor();
      expect([await h.page.locator('#jr-name').textContent(), await h.page.locator('img').count(), h.dialogs]).toEqual([
        `${XSS} Zed`,
        0,
        [],
      ]);
    });

    it('moves the focus to the journey heading after choosing a person, with one more call', async () => {
      h = await open(null);
      await h.page.getByRole('button', { name: /Benali Yanis/ }).click();
      await h.page.locator('#jr-name').waitFor();
      await h.page.locator('.jr-view[aria-busy="false"]').waitFor({ state: 'attached' });
      const focused = await h.page.evaluate(() => document.activeElement?.id ?? '');
      expect([focused, h.calls.map((c) => c.args)]).toEqual(['jr-name', [[null], ['B-1']]]);
    });

    it('gives a tel: link and a mailto: link for the team to call', async () => {
      h = await open({ sheet: 'Participants', row: 2 });
      await h.page.locator('#jr-name').waitFor();
      const hrefs = await h.page.locator('.jr-person a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['tel:0639980001', 'mailto:yanis@exemple.fr']);
    });

    it('puts the focus back on the search when returning to the list', async () => {
      h = await open({ sheet: 'Participants', row: 2 });
      await h.page.getByRole('button', { name: 'Retour à la liste' }).click();
      expect(await h.page.evaluate(() => document.activeElement?.id ?? '')).toBe('jr-search');
    });

    it('has exactly one h2', async () => {
      h = await open({ sheet: 'Participants', row: 2 });
      await h.page.locator('#jr-name').waitFor();
      expect(await h.page.locator('h2').allTextContents()).toEqual(["Parcours d'un jeune"]);
    });
  });
});
