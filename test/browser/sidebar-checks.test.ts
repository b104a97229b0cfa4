/**
 * The "Contrôle" view of the real sidebar (dist/Sidebar.html) in headless Chromium, its
 * google.script.run replaced by a stand-in that runs the real server functions in Node on an
 * in-memory workbook.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { buildWorkbook, memoryServices, participant } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { openSidebarPage, SidebarPage, sidebarHtml } from '../support/sidebar-page';

const XSS = '<img src=x onerror=alert(1)>';

function faulty(): MemoryWorkbook {
  return buildWorkbook({
    participants: [
      participant({ id: 'K-1' }),
      participant({ id: 'K-2', birthDate: '31/02/2001' }),
      participant({ id: 'K-3', commune: XSS }),
    ],
    sessions: [{ date: '2018-03-06' }],
    attendance: [{ date: '2018-03-06', id: 'ZZZ', status: 'P' }],
  });
}

interface Harness extends SidebarPage {
  wb: MemoryWorkbook;
}

describeInChromium('sidebar "Contrôle" in Chromium', () => {
  let chrome: ChromiumSession;
  let html: string;

  beforeAll(async () => {
    // As AppsScriptUi.showSidebar does for the "Vérifier le classeur" menu item.
    html = sidebarHtml('checks');
    chrome = await launchChromium({ viewport: { width: 300, height: 900 } });
  });

  afterAll(async () => {
    await chrome?.close();
  });

  async function open(wb: MemoryWorkbook): Promise<Harness> {
    return { ...(await openSidebarPage(chrome, html, memoryServices(wb, '2026-11-26'))), wb };
  }

  it('says how many problems are not shown when the server returns only part of them', async () => {
    const people = Array.from({ length: 1_600 }, (_, i) => participant({ id: `W-${i}`, email: 'pas-un-email' }));
    const h = await open(buildWorkbook({ participants: people }));
    await h.page.getByText('0 erreur, 1\u00a0600 avertissements — 1\u00a0600 lignes vérifiées.').waitFor();
    // 300 listed in the view out of the 1 600 counted on the server.
    await expect(h.page.getByText(/^1\u00a0300\u00a0problèmes non affichés\u00a0:/).isVisible()).resolves.toBe(true);
    await h.page.close();
  });

  it('runs the check in one round trip and lists the issues by tab and row, as text', async () => {
    const h = await open(faulty());
    await h.page.getByText('2 erreurs, 1 avertissement — 5 lignes vérifiées.').waitFor();
    expect(h.calls).toEqual([{ name: 'validateWorkbook', args: [] }]);
    const headings = await h.page.locator('h3, h4').allTextContents();
    expect(headings).toEqual(['Participants', 'Ligne 3', 'Ligne 4', 'Présences', 'Ligne 2']);
    await expect(
      h.page.getByText(/«\u00a031\/02\/2001\u00a0»\u00a0: ce jour n'existe pas \(février 2001 n'a que 28 jours\)/).isVisible(),
    ).resolves.toBe(true);
    await expect(h.page.getByText(XSS, { exact: false }).isVisible()).resolves.toBe(true);
    await expect(h.page.locator('img').count()).resolves.toBe(0);
    const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(h.dialogs).toEqual([]);
    expect(h.errors).toEqual([]);
    await h.page.close();
  });

  it("selects the faulty cell from an issue's button", async () => {
    const h = await open(faulty());
    await h.page.getByRole('button', { name: 'Aller à la cellule (Participants, ligne 3, colonne Date de naissance)' }).click();
    await h.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect(h.wb.selection).toEqual({ sheet: 'Participants', row: 3, col: 5 });
    expect(h.calls[1]).toEqual({ name: 'selectCell', args: ['Participants', 3, 'Date de naissance'] });
    await h.page.close();
  });

  it('can hide warnings and re-run after a fix', async () => {
    const wb = faulty();
    const h = await open(wb);
    await h.page.getByText(/2 erreurs/).waitFor();
    await h.page.getByLabel('Afficher les avertissements').uncheck();
    await expect(h.page.locator('li.issue').count()).resolves.toBe(2);
    wb.sheet('Participants').cells[2][4] = '28/02/2001';
    wb.sheet('Présences').cells[1][1] = 'K-1';
    wb.sheet('Participants').cells[3][5] = 'Cachan';
    wb.sheet('Participants').cells[3][6] = '94230';
    await h.page.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await h.page.getByText('Aucun problème\u00a0: 5 lignes vérifiées.').waitFor();
    await expect(h.page.locator('li.issue').count()).resolves.toBe(0);
    await h.page.close();
  });
});
