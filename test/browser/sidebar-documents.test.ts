/**
 * Where the printed documents are opened from (SPEC §12), in headless Chromium: the menu of
 * the local preview asks for the date, then shows the sheet in a dialog; the attendance view's
 * "Feuille d'émargement" asks for the sheet of the date shown; the Parcours view's "Attestation
 * de participation" for the certificate of the person shown.
 */
import { join } from 'node:path';
import type { MemoryWorkbook } from '../../src/adapters/memory';
import { dayFromIso } from '../../src/core/days';
import { RunningPreview, startPreview } from '../../src/preview/app';
import { buildWorkbook, memoryServices, participant } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { ensureBundleBuilt } from '../support/gas-local';
import { openSidebarPage, sidebarHtml } from '../support/sidebar-page';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2018-04-10';

function workbook(): MemoryWorkbook {
  return buildWorkbook({
    participants: [
      participant({ id: 'B-1', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-03-01' }),
      participant({ id: 'B-2', lastName: 'Écrivain', firstName: 'Léa', entryDate: '2018-03-01' }),
    ],
    sessions: [
      { date: '2018-03-06', theme: 'CV' },
      { date: '2018-04-10', theme: 'Bilan' },
      { date: '2018-04-17', theme: 'Lettre de motivation' },
    ],
    attendance: [{ date: '2018-03-06', id: 'B-2', status: 'Présent' }],
  });
}

/** Services whose UI records the dialogs it is asked to show. */
function recordingServices() {
  const services = memoryServices(workbook(), TODAY);
  const dialogs: { title: string; html: string }[] = [];
  return {
    services: { ...services, ui: { ...services.ui, showDialog: (html: string, title: string) => dialogs.push({ title, html }) } },
    dialogs,
  };
}

describeInChromium('opening the printed documents', () => {
  let chrome: ChromiumSession;
  beforeAll(async () => {
    ensureBundleBuilt();
    chrome = await launchChromium({ viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await chrome?.close();
  });

  it('asks for the date from the preview menu, then shows the sheet of that date in a dialog', async () => {
    const today = dayFromIso(TODAY)!;
    const preview: RunningPreview = await startPreview(
      { workbook: workbook(), root: ROOT, sourcePath: null, today: () => today },
      0,
    );
    const page = await chrome.context.newPage();
    try {
      await page.goto(preview.url);
      await page.locator('table.grid').first().waitFor();
      await page.getByRole('button', { name: "Club de l'alternance" }).click();
      await page.getByRole('menuitem', { name: "Imprimer la feuille d'émargement…" }).click();
      const ask = page.frameLocator('dialog.doc-dialog iframe');
      const field = ask.getByLabel('Date de la séance');
      await field.waitFor();
      expect(await field.inputValue()).toBe(TODAY);
      await field.fill('2018-04-17');
      await ask.getByRole('button', { name: 'Afficher la feuille' }).click();
      const sheet = page.frameLocator('dialog.doc-dialog iframe');
      await sheet.getByRole('heading', { level: 1, name: "Feuille d'émargement" }).waitFor();
      const body = (await sheet.locator('main').textContent()) ?? '';
      expect(body).toContain('mardi 17 avril 2018');
      expect(body).toMatch(/Benali[\s\S]*Écrivain/);
      expect(await page.locator('dialog.doc-dialog').count()).toBe(1);
    } finally {
      await page.close();
      await preview.close();
    }
  });

  it('opens the sheet of the date shown in the attendance view', async () => {
    const { services, dialogs } = recordingServices();
    const h = await openSidebarPage(chrome, sidebarHtml('attendance'), services);
    try {
      await h.page.locator('fieldset.att-person').first().waitFor();
      await h.page.getByRole('button', { name: "Feuille d'émargement" }).click();
      await h.page.locator('#att-print-message.message-ok').waitFor();
      expect(h.calls.filter((c) => c.name === 'showSignInSheet')).toEqual([{ name: 'showSignInSheet', args: [TODAY] }]);
      expect(dialogs.map((d) => d.title)).toEqual(["Feuille d'émargement"]);
    } finally {
      await h.page.close();
    }
  });

  it('opens the certificate of the person shown in the Parcours view, and says why not when refused', async () => {
    const { services, dialogs } = recordingServices();
    const h = await openSidebarPage(chrome, sidebarHtml('journey'), services);
    try {
      await h.page.getByRole('button', { name: /Écrivain Léa/ }).click();
      await h.page.getByRole('button', { name: 'Attestation de participation' }).click();
      await h.page.locator('#jr-certificate-message.message-ok').waitFor();
      expect(h.calls.filter((c) => c.name === 'showCertificate')).toEqual([{ name: 'showCertificate', args: ['B-2'] }]);
      expect(dialogs.map((d) => d.title)).toEqual(['Attestation de participation']);
      await h.page.getByRole('button', { name: 'Retour à la liste' }).click();
      await h.page.getByRole('button', { name: /Benali Yanis/ }).click();
      await h.page.getByRole('button', { name: 'Attestation de participation' }).click();
      const refusal = h.page.locator('#jr-certificate-message.message-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('aucune présence');
    } finally {
      await h.page.close();
    }
  });
});
