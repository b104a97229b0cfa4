/**
 * The workshop day in the real sidebar (dist/Sidebar.html) in headless Chromium, on an
 * in-memory workbook: "Nouveau jeune" adds a row to Participants and the person is saved
 * Présent with the day; a date without a session asks for a confirmation naming its weekday,
 * and "Annuler" sends nothing; the "Suivi" view lists the people to call.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { DateCellReader, isoOfDay } from '../../src/core/days';
import { buildWorkbook, memoryServices, participant, TZ } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { openSidebarPage, SidebarPage, sidebarHtml } from '../support/sidebar-page';

const TUESDAYS = ['2018-10-02', '2018-10-09', '2018-10-16', '2018-10-23'];

function workbook(): MemoryWorkbook {
  const people = [
    participant({ id: 'P2018-0106', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-09-25' }),
    participant({
      id: 'P2018-0107',
      lastName: 'Lambert',
      firstName: 'Chloé',
      entryDate: '2018-09-25',
      phone: '06 12 34 56 78',
      email: 'chloe.lambert@exemple.fr',
    }),
  ];
  return buildWorkbook({
    participants: people,
    participantColumns: ['id', 'lastName', 'firstName', 'sex', 'birthDate', 'commune', 'postcode', 'entryDate', 'phone', 'email'],
    sessions: TUESDAYS.map((date) => ({ date, theme: 'CV' })),
    attendance: TUESDAYS.flatMap((date) => [
      { date, id: 'P2018-0106', status: 'Présent' },
      { date, id: 'P2018-0107', status: date === TUESDAYS[0] ? 'Présent' : 'Absent' },
    ]),
  });
}

function rowsOf(wb: MemoryWorkbook, tab: string): unknown[][] {
  const reader = new DateCellReader(TZ);
  return wb
    .sheet(tab)
    .cells.map((r) =>
      r.map((c) => (Object.prototype.toString.call(c) === '[object Date]' ? isoOfDay(reader.dayOf(c as Date)!) : c)),
    );
}

/** Waits until the view has asked for `n` rosters and shows the last one. */
async function loaded(h: SidebarPage, n: number): Promise<void> {
  for (let i = 0; i < 200 && h.calls.filter((c) => c.name === 'getAttendanceSheet').length < n; i++) {
    await h.page.waitForTimeout(50);
  }
  await h.page.waitForFunction(() => {
    const message = document.getElementById('att-message')?.textContent ?? '';
    return message !== 'Chargement…' && document.querySelector('fieldset') !== null;
  });
}

describeInChromium('the workshop day in Chromium', () => {
  let chrome: ChromiumSession;

  beforeAll(async () => {
    chrome = await launchChromium({ viewport: { width: 300, height: 900 } });
  });

  afterAll(async () => {
    await chrome?.close();
  });

  async function openAttendance(todayIso: string) {
    const wb = workbook();
    const services = memoryServices(wb, todayIso);
    const h: SidebarPage = await openSidebarPage(chrome, sidebarHtml('attendance'), services);
    await h.page.getByRole('group', { name: 'Benali Yanis' }).waitFor();
    return { ...h, wb };
  }

  it('adds a newcomer from the search, who is then saved Présent with the day', async () => {
    const h = await openAttendance('2018-10-30');
    const page = h.page;
    await page.getByLabel('Date de la séance').fill('2018-10-23');
    await loaded(h, 2);
    await page.getByLabel('Rechercher un participant').fill('Nouveau Léo');
    await page.getByText('Aucun participant ne correspond à la recherche.').waitFor();
    await page.getByRole('button', { name: 'Ajouter «\u00a0Nouveau Léo\u00a0» comme nouveau jeune' }).click();
    const form = page.getByRole('form', { name: 'Nouveau jeune' });
    await expect(form.getByLabel('Nom', { exact: true }).inputValue()).resolves.toBe('Nouveau');
    await expect(form.getByLabel('Prénom', { exact: true }).inputValue()).resolves.toBe('Léo');
    await form.getByLabel('Date de naissance').fill('2001-05-04');
    await form.getByLabel('Commune', { exact: true }).fill('cachan');
    await form.getByLabel('Téléphone').fill('0611223344');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    const newcomer = page.getByRole('group', { name: 'Nouveau Léo', exact: true });
    await newcomer.waitFor();
    await expect(newcomer.getByRole('radio', { name: 'Présent', exact: true }).isChecked()).resolves.toBe(true);
    expect(h.calls.map((c) => c.name)).toEqual(['getAttendanceSheet', 'getAttendanceSheet', 'addParticipant']);
    const added = rowsOf(h.wb, 'Participants')[3].slice(0, 9);
    expect(added).toEqual(['P2018-0108', 'Nouveau', 'Léo', '', '2001-05-04', 'Cachan', '', '2018-10-23', '0611223344']);

    // The session exists: "Enregistrer" sends at once, the newcomer with the others.
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/Enregistré pour le 23\/10\/2018/)
      .waitFor();
    const saved = h.calls.find((c) => c.name === 'saveAttendance')!.args[0] as { entries: unknown[] };
    expect(saved.entries).toContainEqual({ participantId: 'P2018-0108', status: 'Présent' });
    expect(rowsOf(h.wb, 'Présences').filter((r) => r[0] === '2018-10-23' && r[1] === 'P2018-0108')).toEqual([
      ['2018-10-23', 'P2018-0108', 'Nouveau Léo', 'Présent'],
    ]);
    expect(h.errors).toEqual([]);
    await page.close();
  });

  it('refuses an incomplete newcomer form in the page, and shows the server refusal of a duplicate', async () => {
    const h = await openAttendance('2018-10-30');
    const page = h.page;
    await page.getByRole('button', { name: 'Nouveau jeune', exact: true }).click();
    const form = page.getByRole('form', { name: 'Nouveau jeune' });
    await form.getByLabel('Nom', { exact: true }).fill('Lambert');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await page
      .locator('#nj-message')
      .getByText(/«\u00a0Prénom\u00a0» est obligatoire/)
      .waitFor();
    expect(h.calls.map((c) => c.name)).toEqual(['getAttendanceSheet']);
    await form.getByLabel('Prénom', { exact: true }).fill('chloe');
    await form.getByLabel('Date de naissance').fill('2000-04-15');
    await form.getByLabel('Commune', { exact: true }).fill('Villejuif');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await page
      .locator('#nj-message')
      .getByText(/P2018-0107.*ligne 3/)
      .waitFor();
    expect(rowsOf(h.wb, 'Participants')).toHaveLength(3);
    await page.close();
  });

  it('asks before creating a session on a new date, naming its weekday; "Annuler" sends nothing', async () => {
    const h = await openAttendance('2018-10-30');
    const page = h.page;
    await page.getByLabel('Date de la séance').fill('2018-10-24');
    await loaded(h, 2);
    await page.getByRole('button', { name: 'Tous présents' }).click();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.getAttribute('aria-labelledby')).resolves.toBe('att-confirm-title');
    await expect(page.locator('#att-confirm-title').textContent()).resolves.toBe(
      'Créer la séance du mercredi 24 octobre 2018\u00a0?',
    );
    await expect(dialog.getByText(/pas lieu le mercredi d'habitude/).isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
    await page
      .getByRole('status')
      .getByText(/rien n'a été envoyé/)
      .waitFor();
    expect(h.calls.map((c) => c.name)).toEqual(['getAttendanceSheet', 'getAttendanceSheet']);
    expect(rowsOf(h.wb, 'Séances')).toHaveLength(5);

    // Confirmed, the session is created.
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Créer la séance' }).click();
    await page
      .getByRole('status')
      .getByText(/séance créée/)
      .waitFor();
    expect(rowsOf(h.wb, 'Séances')[5][0]).toBe('2018-10-24');
    await page.close();
  });

  it('the "Suivi" view lists who to call, with a tel: link opening a new window', async () => {
    const wb = workbook();
    const h = await openSidebarPage(chrome, sidebarHtml('followUp'), memoryServices(wb, '2018-10-30'));
    const item = h.page.getByRole('list', { name: 'Jeunes à relancer' }).getByRole('listitem');
    await item.first().waitFor();
    await expect(item.count()).resolves.toBe(1);
    await expect(item.getByText('Lambert Chloé').isVisible()).resolves.toBe(true);
    await expect(item.getByText('Absent aux trois dernières séances').isVisible()).resolves.toBe(true);
    await expect(item.getByText('Dernière présence\u00a0: mardi 2 octobre 2018').isVisible()).resolves.toBe(true);
    const tel = item.locator('a[href^="tel:"]');
    await expect(tel.getAttribute('href')).resolves.toBe('tel:0612345678');
    await expect(tel.getAttribute('target')).resolves.toBe('_blank');
    await expect(tel.textContent()).resolves.toBe('06 12 34 56 78');
    expect(h.calls).toEqual([{ name: 'getFollowUpList', args: [] }]);
    await h.page.close();
  });
});
