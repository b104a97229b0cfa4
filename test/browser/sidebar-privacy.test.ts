/**
 * The "Données personnelles" view of the real sidebar (dist/Sidebar.html) in headless
 * Chromium, its google.script.run replaced by a stand-in that runs the real server functions
 * in Node on an in-memory workbook.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { blocking, describeViolations, runAxe } from '../support/axe';
import { buildWorkbook, memoryServices, participant } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { openSidebarPage, SidebarPage, sidebarHtml } from '../support/sidebar-page';

const TODAY = '2020-06-15';

function twoSeasons(): MemoryWorkbook {
  return buildWorkbook({
    participants: [
      participant({ id: 'V-1', lastName: 'Imaginaire', firstName: 'Lou', entryDate: '2017-03-06', phone: '0611223344' }),
      participant({ id: 'V-2', lastName: 'Fictive', firstName: 'Maé', entryDate: '2017-09-04' }),
      participant({ id: 'V-3', lastName: 'Rêvé', firstName: 'Noé', entryDate: '2018-03-05' }),
      participant({ id: 'V-4', lastName: 'Actuel', firstName: 'Oscar', entryDate: '2019-03-04' }),
    ],
    sessions: [{ date: '2018-03-12' }],
    attendance: [
      { date: '2018-03-12', id: 'V-2', status: 'Présent', name: 'Fictive Maé' },
      { date: '2018-03-12', id: 'V-3', status: 'Présent', name: 'Rêvé Noé' },
    ],
  });
}

interface Harness extends SidebarPage {
  wb: MemoryWorkbook;
}

describeInChromium('sidebar "Données personnelles" in Chromium', () => {
  let chrome: ChromiumSession;
  let html: string;

  beforeAll(async () => {
    // As AppsScriptUi.showSidebar does for the "Données personnelles…" menu item.
    html = sidebarHtml('privacy');
    chrome = await launchChromium({ viewport: { width: 300, height: 900 } });
  });

  afterAll(async () => {
    await chrome?.close();
  });

  async function open(wb: MemoryWorkbook): Promise<Harness> {
    return { ...(await openSidebarPage(chrome, html, memoryServices(wb, TODAY))), wb };
  }

  it('shows the plan in one round trip: the count, the years, the columns, IDs only', async () => {
    const h = await open(twoSeasons());
    await h.page.getByText('3 personnes à anonymiser.').waitFor();
    expect(h.calls).toEqual([{ name: 'previewAnonymisation', args: [] }]);
    const rows = await h.page.locator('table tbody tr').allTextContents();
    expect(rows).toEqual(['20171', '20182']);
    await expect(h.page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual(['Données personnelles']);
    const text = await h.page.locator('body').textContent();
    expect(text ?? '').not.toMatch(/Imaginaire|Fictive|Rêvé/);
    await h.page.getByText('Identifiants concernés (3)').click();
    await h.page.getByText('V-1, V-2, V-3').waitFor();
    expect(h.errors).toEqual([]);
    await h.page.close();
  });

  it('asks for a confirmation naming the count, then anonymises and shows the result', async () => {
    const h = await open(twoSeasons());
    await h.page.getByRole('button', { name: 'Anonymiser 3 personnes' }).click();
    const confirm = h.page.getByRole('button', { name: 'Oui, anonymiser 3 personnes' });
    await expect(confirm.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    expect(h.calls.map((c) => c.name)).toEqual(['previewAnonymisation']);
    await confirm.click();
    await h.page.getByText('3 personnes anonymisées (2 lignes de présence mises à jour).').waitFor();
    await h.page.getByText("Personne n'est à anonymiser aujourd'hui.").waitFor();
    expect(h.calls.map((c) => c.name)).toEqual(['previewAnonymisation', 'anonymise', 'previewAnonymisation']);
    expect(h.calls[1].args).toEqual([{ cutoff: '2018-06-15', ids: ['V-1', 'V-2', 'V-3'] }]);
    const names = h.wb
      .sheet('Participants')
      .cells.slice(1)
      .map((r) => r[1]);
    expect(names).toEqual(['', '', '', 'Actuel']);
    await expect(h.page.evaluate(() => document.activeElement?.id)).resolves.toBe('privacy-refresh');
    expect(h.errors).toEqual([]);
    await h.page.close();
  });

  it('writes nothing when the confirmation is cancelled, and gives focus back', async () => {
    const h = await open(twoSeasons());
    await h.page.getByRole('button', { name: 'Anonymiser 3 personnes' }).click();
    await h.page.getByRole('button', { name: 'Annuler' }).click();
    await expect(h.page.evaluate(() => document.activeElement?.id)).resolves.toBe('privacy-anonymise');
    expect(h.calls.map((c) => c.name)).toEqual(['previewAnonymisation']);
    await h.page.close();
  });

  it('reminds that the version history keeps the old values and how to remove them', async () => {
    const h = await open(twoSeasons());
    await h.page.getByText(/historique des versions/).waitFor();
    await expect(h.page.getByText(/faites une copie du fichier/).isVisible()).resolves.toBe(true);
    await h.page.close();
  });

  it('passes axe-core WCAG 2.1 A/AA without serious or critical violations', async () => {
    const h = await open(twoSeasons());
    await h.page.getByText('3 personnes à anonymiser.').waitFor();
    await h.page.getByRole('button', { name: 'Anonymiser 3 personnes' }).click();
    await h.page.locator('.privacy-view[aria-busy="false"]').waitFor({ state: 'attached' });
    const violations = describeViolations(blocking(await runAxe(h.page)));
    expect(violations).toEqual([]);
    await h.page.close();
  });
});
