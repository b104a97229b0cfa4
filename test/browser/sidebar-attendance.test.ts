/**
 * The real sidebar (dist/Sidebar.html) in headless Chromium, its google.script.run replaced by
 * a stand-in that runs the real server functions in Node on an in-memory workbook. Driven by
 * accessible names only.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { DateCellReader, isoOfDay } from '../../src/core/days';
import { buildWorkbook, memoryServices, participant, TZ } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { openSidebarPage, SidebarPage, sidebarHtml } from '../support/sidebar-page';

const XSS = '<img src=x onerror=alert(1)>';

function workbook(): MemoryWorkbook {
  const people = [
    participant({ id: 'S-1', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-03-01' }),
    participant({ id: 'S-2', lastName: 'Durand', firstName: 'Léo', entryDate: '2018-03-01' }),
    participant({ id: 'S-3', lastName: 'Écrivain', firstName: 'Léa', entryDate: '2018-03-01' }),
    participant({ id: 'S-4', lastName: XSS, firstName: 'Zed', entryDate: '2018-03-01' }),
    participant({ id: 'S-5', lastName: 'Moreau', firstName: 'Inès', entryDate: '2018-03-01' }),
  ];
  const past = ['2018-03-06', '2018-03-13', '2018-03-20'];
  return buildWorkbook({
    participants: people,
    sessions: past.map((date) => ({ date, theme: 'CV', facilitator: 'Nadia', place: 'Salle 1' })),
    attendance: past.flatMap((date) =>
      ['S-1', 'S-2', 'S-3', 'S-4', 'S-5'].map((id) => ({ date, id, status: id === 'S-5' ? 'Absent' : 'Présent' })),
    ),
  });
}

interface Harness extends SidebarPage {
  wb: MemoryWorkbook;
  services: ReturnType<typeof memoryServices>;
}

describeInChromium('sidebar "Présences" in Chromium', () => {
  let chrome: ChromiumSession;
  let html: string;

  beforeAll(async () => {
    // As AppsScriptUi.showSidebar does for the "Saisir les présences" menu item.
    html = sidebarHtml('attendance');
    chrome = await launchChromium({ viewport: { width: 300, height: 900 } });
  });

  afterAll(async () => {
    await chrome?.close();
  });

  async function open(wb = workbook(), todayIso = '2018-03-27'): Promise<Harness> {
    const services = memoryServices(wb, todayIso);
    const h: Harness = { ...(await openSidebarPage(chrome, html, services)), wb, services };
    const page = h.page;
    await page.getByRole('group', { name: 'Benali Yanis' }).waitFor();
    return h;
  }

  const group = (h: Harness, name: string) => h.page.getByRole('group', { name, exact: true });
  const radio = (h: Harness, name: string, status: string) => group(h, name).getByRole('radio', { name: status, exact: true });

  function presences(wb: MemoryWorkbook, iso: string): Record<string, string> {
    const reader = new DateCellReader(TZ);
    const out: Record<string, string> = {};
    for (const r of wb.sheet('Présences').cells.slice(1)) {
      if (isoOfDay(reader.dayOf(r[0] as Date)!) !== iso) continue;
      const id = String(r[1]);
      if (out[id] !== undefined) throw new Error(`duplicate row for ${id}`);
      out[id] = String(r[3]);
    }
    return out;
  }

  it('opens on the default date in one round trip, shows the roster sorted, and flags who needs a call', async () => {
    const h = await open();
    expect(h.calls).toEqual([{ name: 'getAttendanceSheet', args: [''] }]);
    await expect(h.page.getByLabel('Date de la séance').inputValue()).resolves.toBe('2018-03-27');
    const names = await h.page.locator('fieldset').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    // French collation: Nom then Prénom, accents ignored ('<' sorts before letters).
    expect(names).toEqual([`${XSS} Zed`, 'Benali Yanis', 'Durand Léo', 'Écrivain Léa', 'Moreau Inès']);
    await expect(group(h, 'Moreau Inès').getByText('à relancer').isVisible()).resolves.toBe(true);
    await expect(group(h, 'Moreau Inès').getAttribute('aria-describedby')).resolves.toBeTruthy();
    await expect(group(h, 'Moreau Inès').getByText('Absent aux trois dernières séances').isVisible()).resolves.toBe(true);
    await expect(group(h, 'Benali Yanis').getByText('à relancer').count()).resolves.toBe(0);
    await expect(h.page.getByText('Non saisis : 5').isVisible()).resolves.toBe(true);
    // Fits the 300 px sidebar: no horizontal scrolling.
    const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await h.page.close();
  });

  it('shows a participant named like HTML as text and runs nothing', async () => {
    const h = await open();
    await expect(h.page.getByText(`${XSS} Zed`, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(group(h, `${XSS} Zed`).count()).resolves.toBe(1);
    await expect(h.page.locator('img').count()).resolves.toBe(0);
    await radio(h, `${XSS} Zed`, 'Excusé').check();
    await h.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await h.page.getByRole('status').getByText(/Enregistré/).waitFor();
    await expect(h.page.locator('img').count()).resolves.toBe(0);
    expect(h.dialogs).toEqual([]);
    expect(h.errors).toEqual([]);
    expect(h.requests).toEqual([]);
    expect(presences(h.wb, '2018-03-27')).toEqual({ 'S-4': 'Excusé' });
    await h.page.close();
  });

  it('marks, saves in one round trip, and shows what was saved on re-opening', async () => {
    const h = await open();
    await radio(h, 'Benali Yanis', 'Présent').check();
    await radio(h, 'Durand Léo', 'Absent').check();
    await radio(h, 'Écrivain Léa', 'Excusé').check();
    await expect(h.page.getByText('Présents : 1 · Absents : 1 · Excusés : 1 · Non saisis : 2').isVisible()).resolves.toBe(true);
    await h.page.getByLabel('Thème').fill('Lettre de motivation');
    await h.page.getByLabel('Animateur').fill('Nadia');
    await h.page.getByLabel('Lieu').fill('Salle 2');
    await h.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const status = h.page.getByRole('status');
    await status.getByText(/Enregistré pour le 27\/03\/2018 : 3 lignes écrites, 0 inchangée, séance créée/).waitFor();
    expect(h.calls.map((c) => c.name)).toEqual(['getAttendanceSheet', 'saveAttendance']);
    expect(h.calls[1].args).toEqual([
      {
        date: '2018-03-27',
        theme: 'Lettre de motivation',
        facilitator: 'Nadia',
        place: 'Salle 2',
        entries: [
          { participantId: 'S-1', status: 'Présent' },
          { participantId: 'S-2', status: 'Absent' },
          { participantId: 'S-3', status: 'Excusé' },
        ],
      },
    ]);
    expect(presences(h.wb, '2018-03-27')).toEqual({ 'S-1': 'Présent', 'S-2': 'Absent', 'S-3': 'Excusé' });

    // Saving again changes nothing and adds no row.
    await h.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await status.getByText(/0 ligne écrite, 3 inchangées/).waitFor();
    expect(presences(h.wb, '2018-03-27')).toEqual({ 'S-1': 'Présent', 'S-2': 'Absent', 'S-3': 'Excusé' });

    // Re-opening (a new sidebar on the same workbook) shows the saved state.
    await h.page.close();
    const again = await open(h.wb);
    await expect(radio(again, 'Benali Yanis', 'Présent').isChecked()).resolves.toBe(true);
    await expect(radio(again, 'Durand Léo', 'Absent').isChecked()).resolves.toBe(true);
    await expect(radio(again, 'Écrivain Léa', 'Excusé').isChecked()).resolves.toBe(true);
    await expect(radio(again, 'Moreau Inès', 'Présent').isChecked()).resolves.toBe(false);
    await expect(again.page.getByLabel('Thème').inputValue()).resolves.toBe('Lettre de motivation');
    await expect(again.page.getByLabel('Lieu').inputValue()).resolves.toBe('Salle 2');
    expect(again.calls.map((c) => c.name)).toEqual(['getAttendanceSheet']);
    await again.page.close();
  });

  it('"Tous présents" marks everyone, then single changes remain possible', async () => {
    const h = await open();
    await h.page.getByRole('button', { name: 'Tous présents' }).click();
    await expect(h.page.getByText('Présents : 5 · Absents : 0 · Excusés : 0 · Non saisis : 0').isVisible()).resolves.toBe(true);
    await radio(h, 'Moreau Inès', 'Absent').check();
    await h.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await h.page.getByRole('status').getByText(/5 lignes écrites/).waitFor();
    expect(presences(h.wb, '2018-03-27')).toEqual({
      'S-1': 'Présent',
      'S-2': 'Présent',
      'S-3': 'Présent',
      'S-4': 'Présent',
      'S-5': 'Absent',
    });
    await h.page.close();
  });

  it('can be used with the keyboard alone', async () => {
    const h = await open();
    await radio(h, 'Benali Yanis', 'Présent').focus();
    await h.page.keyboard.press('Space');
    await expect(radio(h, 'Benali Yanis', 'Présent').isChecked()).resolves.toBe(true);
    await h.page.keyboard.press('ArrowRight');
    await expect(radio(h, 'Benali Yanis', 'Absent').isChecked()).resolves.toBe(true);
    // Tab leaves the group and lands on the next participant's choice.
    await h.page.keyboard.press('Tab');
    const focused = await h.page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement;
      return { type: a.type, group: a.closest('fieldset')?.getAttribute('aria-label') };
    });
    expect(focused).toEqual({ type: 'radio', group: 'Durand Léo' });
    await h.page.keyboard.press('Space');
    await h.page.getByRole('button', { name: 'Enregistrer', exact: true }).focus();
    await h.page.keyboard.press('Enter');
    await h.page.getByRole('status').getByText(/Enregistré/).waitFor();
    expect(presences(h.wb, '2018-03-27')).toEqual({ 'S-1': 'Absent', 'S-2': 'Présent' });
    await h.page.close();
  });

  it('filters the roster by name, ignoring accents and case', async () => {
    const h = await open();
    await h.page.getByLabel('Rechercher un participant').fill('ECRIV');
    await expect(group(h, 'Écrivain Léa').isVisible()).resolves.toBe(true);
    await expect(group(h, 'Benali Yanis').isVisible()).resolves.toBe(false);
    await h.page.getByLabel('Rechercher un participant').fill('zzz');
    await expect(h.page.getByText('Aucun participant ne correspond à la recherche.').isVisible()).resolves.toBe(true);
    await h.page.getByLabel('Rechercher un participant').fill('');
    await expect(group(h, 'Benali Yanis').isVisible()).resolves.toBe(true);
    await h.page.close();
  });

  it('opens another date in one round trip and shows its recorded statuses', async () => {
    const h = await open();
    await h.page.getByLabel('Date de la séance').fill('2018-03-13');
    await h.page.waitForFunction(() => (document.getElementById('att-theme') as HTMLInputElement).value === 'CV');
    await expect(radio(h, 'Moreau Inès', 'Absent').isChecked()).resolves.toBe(true);
    await expect(radio(h, 'Benali Yanis', 'Présent').isChecked()).resolves.toBe(true);
    await expect(h.page.getByLabel('Thème').inputValue()).resolves.toBe('CV');
    expect(h.calls).toEqual([
      { name: 'getAttendanceSheet', args: [''] },
      { name: 'getAttendanceSheet', args: ['2018-03-13'] },
    ]);
    await h.page.close();
  });

  it('shows a clear failure message when the save is refused, and keeps the choices', async () => {
    const h = await open();
    await radio(h, 'Benali Yanis', 'Présent').check();
    h.services.lock.busy = true;
    await h.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await h.page
      .getByRole('status')
      .getByText(/Échec de l'enregistrement : .*un autre enregistrement est en cours, réessayez/)
      .waitFor();
    await expect(radio(h, 'Benali Yanis', 'Présent').isChecked()).resolves.toBe(true);
    expect(presences(h.wb, '2018-03-27')).toEqual({});
    h.services.lock.busy = false;
    await h.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await h.page.getByRole('status').getByText(/Enregistré/).waitFor();
    expect(presences(h.wb, '2018-03-27')).toEqual({ 'S-1': 'Présent' });
    await h.page.close();
  });
});
