/**
 * The real sidebar (dist/Sidebar.html) in headless Chromium, its google.script.run replaced by
 * a stand-in that runs the real server functions in Node on an in-memory workbook. Driven by
 * accessible names only.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { DateCellReader, isoOfDay } from '../../src/core/days';
import {
  buildWorkbook,
  memoryServices,
  participant,
  participantsTab,
  TWO_SEASON_GROUPS as G,
  twoSeasonWorkbook,
  TZ,
} from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { openSidebarPage, saveWithConfirmation, SidebarPage, sidebarHtml } from '../support/sidebar-page';

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
    await expect(h.page.getByText('Non saisis\u00a0: 5').isVisible()).resolves.toBe(true);
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
    await saveWithConfirmation(h.page);
    await h.page
      .getByRole('status')
      .getByText(/Enregistré/)
      .waitFor();
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
    await expect(
      h.page.getByText('Présents\u00a0: 1 · Absents\u00a0: 1 · Excusés\u00a0: 1 · Non saisis\u00a0: 2').isVisible(),
    ).resolves.toBe(true);
    await h.page.getByLabel('Thème').fill('Lettre de motivation');
    await h.page.getByLabel('Animateur').fill('Nadia');
    await h.page.getByLabel('Lieu').fill('Salle 2');
    await saveWithConfirmation(h.page);
    const status = h.page.getByRole('status');
    await status
      .getByText(/Enregistré pour le 27\/03\/2018\u00a0: 3 présences écrites, 0 inchangée\u00a0; séance créée/)
      .waitFor();
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
    await saveWithConfirmation(h.page);
    await status.getByText(/0 présence écrite, 3 inchangées/).waitFor();
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
    await expect(
      h.page.getByText('Présents\u00a0: 5 · Absents\u00a0: 0 · Excusés\u00a0: 0 · Non saisis\u00a0: 0').isVisible(),
    ).resolves.toBe(true);
    await radio(h, 'Moreau Inès', 'Absent').check();
    await saveWithConfirmation(h.page);
    await h.page
      .getByRole('status')
      .getByText(/5 présences écrites/)
      .waitFor();
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
    // The new session's confirmation takes the focus on "Créer la séance".
    await h.page.getByRole('alertdialog').waitFor();
    await h.page.keyboard.press('Enter');
    await h.page
      .getByRole('status')
      .getByText(/Enregistré/)
      .waitFor();
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
    await saveWithConfirmation(h.page);
    await h.page
      .getByRole('status')
      .getByText(/Échec de l'enregistrement\u00a0: .*un autre enregistrement est en cours, réessayez/)
      .waitFor();
    await expect(radio(h, 'Benali Yanis', 'Présent').isChecked()).resolves.toBe(true);
    expect(presences(h.wb, '2018-03-27')).toEqual({});
    h.services.lock.busy = false;
    await saveWithConfirmation(h.page);
    await h.page
      .getByRole('status')
      .getByText(/Enregistré/)
      .waitFor();
    expect(presences(h.wb, '2018-03-27')).toEqual({ 'S-1': 'Présent' });
    await h.page.close();
  });

  it('"Tous présents" marks only the people not yet marked, never a chosen status', async () => {
    const h = await open();
    await radio(h, 'Moreau Inès', 'Excusé').check();
    await h.page.getByRole('button', { name: 'Tous présents' }).click();
    await expect(radio(h, 'Moreau Inès', 'Excusé').isChecked()).resolves.toBe(true);
    await expect(
      h.page.getByText('Présents\u00a0: 4 · Absents\u00a0: 0 · Excusés\u00a0: 1 · Non saisis\u00a0: 0').isVisible(),
    ).resolves.toBe(true);
    await h.page.close();
  });

  it('keeps the focus on "Enregistrer" after saving', async () => {
    const h = await open();
    await radio(h, 'Benali Yanis', 'Présent').check();
    await saveWithConfirmation(h.page);
    await h.page
      .getByRole('status')
      .getByText(/Enregistré/)
      .waitFor();
    await expect(h.page.evaluate(() => document.activeElement?.id)).resolves.toBe('att-save');
    await h.page.close();
  });

  it('refuses a date after today before anything is sent', async () => {
    const h = await open();
    await h.page.getByLabel('Date de la séance').fill('2099-01-05');
    await h.page
      .getByRole('status')
      .getByText(/Le 05\/01\/2099 est après aujourd'hui/)
      .waitFor();
    expect(h.calls.map((c) => c.name)).toEqual(['getAttendanceSheet']);
    await h.page.close();
  });

  it('refuses to save with the date field emptied, and sends nothing', async () => {
    const h = await open();
    await radio(h, 'Benali Yanis', 'Présent').check();
    await h.page.getByLabel('Date de la séance').fill('');
    await saveWithConfirmation(h.page);
    await h.page
      .getByRole('status')
      .getByText(/le champ «\u00a0Date de la séance\u00a0» est vide/)
      .waitFor();
    expect(h.calls.map((c) => c.name)).toEqual(['getAttendanceSheet']);
    expect(presences(h.wb, '2018-03-27')).toEqual({});
    await h.page.close();
  });

  it('refuses to save on a date after today, and sends nothing', async () => {
    const h = await open();
    await radio(h, 'Benali Yanis', 'Présent').check();
    await h.page.getByLabel('Date de la séance').fill('2099-01-05');
    await saveWithConfirmation(h.page);
    await h.page
      .getByRole('status')
      .getByText(/est après aujourd'hui/)
      .waitFor();
    expect(h.calls.map((c) => c.name)).toEqual(['getAttendanceSheet']);
    await h.page.close();
  });

  it('reloads a roster that failed (tab missing) when the person comes back to the panel after "Préparer le classeur"', async () => {
    const wb = new MemoryWorkbook(TZ, {});
    const services = memoryServices(wb, '2018-03-27');
    const h = await openSidebarPage(chrome, html, services);
    await h.page
      .getByRole('status')
      .getByText(/L'onglet «\u00a0Participants\u00a0» est introuvable/)
      .waitFor();
    // What "Préparer le classeur" and the team do meanwhile, in the sheet.
    wb.insertSheet('Participants');
    wb.writeValues(
      'Participants',
      1,
      1,
      participantsTab([participant({ id: 'S-1', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-03-01' })]),
    );
    await h.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await h.page.getByRole('group', { name: 'Benali Yanis' }).waitFor();
    await expect(h.page.locator('#att-message').textContent()).resolves.toBe('');
    await h.page.close();
  });

  describe('on two seasons of data (2018-10-30)', () => {
    async function openLate(): Promise<Harness> {
      const wb = twoSeasonWorkbook();
      const services = memoryServices(wb, '2018-10-30');
      const h: Harness = { ...(await openSidebarPage(chrome, html, services)), wb, services };
      await h.page.locator(`fieldset[data-id="${G.autumn2018[0]}"]`).waitFor();
      return h;
    }
    const shownIds = (h: Harness) =>
      h.page.locator('fieldset:visible').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')!).sort());

    it('lists the current group only, with "Autres inscrits (23)" collapsed and not rendered', async () => {
      const h = await openLate();
      await expect(shownIds(h)).resolves.toEqual([...G.spring2018, ...G.autumn2018].sort());
      const others = h.page.getByRole('button', { name: 'Autres inscrits (23)' });
      await expect(others.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(h.page.locator('fieldset').count()).resolves.toBe(8);
      await h.page.close();
    });

    it('renders the other enrolled people when "Autres inscrits" is opened', async () => {
      const h = await openLate();
      await h.page.getByRole('button', { name: 'Autres inscrits (23)' }).click();
      await expect(h.page.getByRole('button', { name: 'Autres inscrits (23)' }).getAttribute('aria-expanded')).resolves.toBe(
        'true',
      );
      await expect(h.page.locator('fieldset').count()).resolves.toBe(31);
      await h.page.close();
    });

    it('finds an other enrolled person with the search, and saves them with the day', async () => {
      const h = await openLate();
      // The first of the 2016 group: "Bernard Prénom01".
      await h.page.getByLabel('Rechercher un participant').fill('Prénom01');
      const other = h.page.locator(`fieldset[data-id="${G.from2016[0]}"]`);
      await other.getByRole('radio', { name: 'Présent', exact: true }).check();
      await saveWithConfirmation(h.page);
      await h.page
        .getByRole('status')
        .getByText(/Enregistré/)
        .waitFor();
      expect(presences(h.wb, '2018-10-30')).toEqual({ [G.from2016[0]]: 'Présent' });
      await h.page.close();
    });

    it('"À relancer (3)" shows only the people to call, with a tel: link', async () => {
      const h = await openLate();
      const filter = h.page.getByRole('button', { name: 'À relancer (3)' });
      await expect(filter.getAttribute('aria-pressed')).resolves.toBe('false');
      await filter.click();
      await expect(filter.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(shownIds(h)).resolves.toEqual([...G.spring2018].sort());
      const link = h.page.locator(`fieldset[data-id="${G.spring2018[0]}"] a[href^="tel:"]`);
      await expect(link.isVisible()).resolves.toBe(true);
      await expect(link.getAttribute('href')).resolves.toMatch(/^tel:06123456\d\d$/);
      await h.page.close();
    });
  });
});
