/**
 * Accessibility (SPEC §9): axe-core's WCAG 2.1 A/AA rules on every sidebar view (the real
 * dist/Sidebar.html on the demo workbook, its google.script.run running the real server
 * functions) in the states that matter, and on the HTML report of the worked example; one h2
 * per view; the focus stays on the control used (tab switch, "Aller à la cellule",
 * "Vérifier à nouveau", "Générer le bilan").
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runReport } from '../../src/cli/report';
import { DEMO_OPEN_SESSION, generateDemoWorkbook } from '../../src/preview/demo';
import { SIDEBAR_VIEWS, type SidebarView } from '../../src/shared/views';
import { blocking, describeViolations, runAxe } from '../support/axe';
import { memoryServices } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { openSidebarPage, SidebarPage, sidebarHtml } from '../support/sidebar-page';

const EXAMPLE = join(__dirname, '..', 'fixtures', 'exemples', 'classeur-exemple.xlsx');

/** What shows that a known view has loaded its data (other views: their h2, then a quiet page). */
const READY: Partial<Record<SidebarView, string>> = {
  home: '#view h2',
  attendance: 'fieldset.att-person',
  checks: '.checks-summary p',
  report: '#report-year option',
  journey: '.jr-view[aria-busy="false"]',
  privacy: '.privacy-view[aria-busy="false"]',
  followUp: '.fu-view[aria-busy="false"]',
};

/** Waits until the view's content stops changing (views this file does not know yet). */
async function settled(page: Page): Promise<void> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 100 && same < 3; i++) {
    const now = await page.locator('#view').innerHTML();
    same = now === last ? same + 1 : 0;
    last = now;
    await page.waitForTimeout(100);
  }
}

async function whenReady(page: Page, view: SidebarView): Promise<void> {
  await page
    .locator(READY[view] ?? '#view h2')
    .first()
    .waitFor({ state: 'attached' });
  if (!READY[view]) await settled(page);
}

async function expectNoBlockingViolation(page: Page): Promise<void> {
  expect(describeViolations(blocking(await runAxe(page)))).toEqual([]);
}

/** In the page: no control is busy any more (every google.script.run call has come back). */
const NOTHING_BUSY = (): boolean => !document.querySelector('[aria-busy="true"]');

const focusedId = (page: Page): Promise<string> =>
  page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? '');

describeInChromium('accessibility of the sidebar and the HTML report (axe-core, WCAG 2.1 A/AA)', () => {
  let chrome: ChromiumSession;

  beforeAll(async () => {
    chrome = await launchChromium({ viewport: { width: 300, height: 700 } });
  });

  afterAll(async () => {
    await chrome?.close();
  });

  async function open(view: SidebarView): Promise<SidebarPage> {
    const h = await openSidebarPage(chrome, sidebarHtml(view), memoryServices(generateDemoWorkbook(), DEMO_OPEN_SESSION));
    await whenReady(h.page, view);
    return h;
  }

  describe.each(SIDEBAR_VIEWS.map((v) => [v]))('the "%s" view', (view) => {
    it('has no serious or critical axe violation once loaded', async () => {
      const h = await open(view);
      await expectNoBlockingViolation(h.page);
      expect(h.errors).toEqual([]);
      await h.page.close();
    });

    it('draws the borders of its fields and buttons at 3:1 or more against the page', async () => {
      const h = await open(view);
      const weak = await h.page.evaluate(() => {
        const channel = (v: number): number => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        const lum = (css: string): number => {
          const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((n) => channel(Number(n) / 255));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const ratio = (a: string, b: string): number => {
          const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
          return (x + 0.05) / (y + 0.05);
        };
        const fields = Array.from(
          document.querySelectorAll<HTMLElement>(
            '#view input:not([type=radio]):not([type=checkbox]), #view select, #view textarea, #view button',
          ),
        );
        return fields
          .filter((f) => getComputedStyle(f).borderTopStyle !== 'none' && parseFloat(getComputedStyle(f).borderTopWidth) > 0)
          .filter((f) => ratio(getComputedStyle(f).borderTopColor, 'rgb(255, 255, 255)') < 3)
          .map((f) => `${f.tagName.toLowerCase()}#${f.id} ${getComputedStyle(f).borderTopColor}`);
      });
      expect(weak).toEqual([]);
      await h.page.close();
    });

    it('has exactly one heading, an h2 inside its tab panel', async () => {
      const h = await open(view);
      const headings = await h.page.evaluate(() =>
        Array.from(document.querySelectorAll('h1, h2')).map(
          (n) => `${n.tagName} in ${n.closest('[role=tabpanel]') ? 'panel' : 'shell'}`,
        ),
      );
      expect(headings).toEqual(['H2 in panel']);
      await h.page.close();
    });
  });

  it('the attendance view has no blocking violation with choices made and after saving', async () => {
    const h = await open('attendance');
    const people = h.page.locator('fieldset.att-person');
    await people.nth(0).getByRole('radio', { name: 'Présent' }).check();
    await people.nth(1).getByRole('radio', { name: 'Excusé' }).check();
    await people.nth(2).getByRole('radio', { name: 'Absent' }).check();
    await expectNoBlockingViolation(h.page);
    await h.page.locator('#att-save').click();
    await h.page.locator('#att-message.message-ok').waitFor();
    await expectNoBlockingViolation(h.page);
    await h.page.close();
  });

  it('the attendance view has no blocking violation with the "Nouveau jeune" form open, then a newcomer added', async () => {
    const h = await open('attendance');
    await h.page.getByRole('button', { name: 'Nouveau jeune', exact: true }).click();
    const form = h.page.getByRole('form', { name: 'Nouveau jeune' });
    await form.waitFor();
    await expectNoBlockingViolation(h.page);
    await form.getByLabel('Nom', { exact: true }).fill('Nouveau');
    await form.getByLabel('Prénom', { exact: true }).fill('Léo');
    await form.getByLabel('Date de naissance').fill('2001-05-04');
    await form.getByLabel('Commune', { exact: true }).fill('Paris');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await h.page.locator('#nj-warnings').waitFor();
    await expectNoBlockingViolation(h.page);
    expect(h.errors).toEqual([]);
    await h.page.close();
  });

  it('the attendance view has no blocking violation with the new-session confirmation open', async () => {
    const h = await open('attendance');
    await h.page.getByLabel('Date de la séance').fill('2018-10-24');
    await h.page.waitForFunction(() => document.getElementById('att-session-hint')?.textContent !== '');
    await h.page.locator('fieldset.att-person').first().getByRole('radio', { name: 'Présent' }).check();
    await h.page.locator('#att-save').click();
    await h.page.getByRole('alertdialog').waitFor();
    expect(await focusedId(h.page)).toBe('att-confirm-cancel');
    await expectNoBlockingViolation(h.page);
    await h.page.keyboard.press('Escape');
    await expect(h.page.getByRole('alertdialog').count()).resolves.toBe(0);
    expect(await focusedId(h.page)).toBe('att-save');
    await h.page.close();
  });

  it('names each "Aller à la cellule" button by its visible text, then the cell', async () => {
    const h = await open('checks');
    const names = await h.page
      .locator('#view li.issue button')
      .evaluateAll((buttons) =>
        buttons.map((b) => ({ visible: (b.textContent ?? '').trim(), name: b.getAttribute('aria-label') ?? '' })),
      );
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !n.name.startsWith(n.visible) || n.name === n.visible)).toEqual([]);
    expect(names[0].name).toMatch(/^Aller à la cellule \(Participants, ligne \d+/);
    await h.page.close();
  });

  it('the checks view has no blocking violation with warnings hidden', async () => {
    const h = await open('checks');
    await h.page.getByLabel('Afficher les avertissements').uncheck();
    await expectNoBlockingViolation(h.page);
    await h.page.close();
  });

  it('the report view has no blocking violation with the key figures shown', async () => {
    const h = await open('report');
    await h.page.locator('#report-year').selectOption('2018');
    await h.page.getByRole('button', { name: /bilan 2018|Générer le bilan/ }).click();
    await h.page.locator('.message-ok').waitFor();
    await h.page.locator('#view h3').waitFor();
    await expectNoBlockingViolation(h.page);
    await h.page.close();
  });

  it('the HTML report of the worked example has no blocking violation', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bilan-a11y-')), 'bilan-2018.html');
    const io = { out: () => undefined, err: () => undefined };
    expect(
      await runReport([EXAMPLE, '--annee', '2018', '--sortie', out], io, { now: () => new Date('2019-01-10T09:00:00Z') }),
    ).toBe(0);
    const page = await chrome.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.setContent(readFileSync(out, 'utf8'));
    await expectNoBlockingViolation(page);
    await page.close();
  });

  describe('focus after an action', () => {
    it('stays on a tab clicked to switch view', async () => {
      const h = await open('home');
      await h.page.getByRole('tab', { name: 'Contrôle' }).click();
      await whenReady(h.page, 'checks');
      expect(await focusedId(h.page)).toBe('tab-checks');
      await expect(h.page.getByRole('tab', { name: 'Contrôle' }).getAttribute('aria-selected')).resolves.toBe('true');
      await h.page.close();
    });

    it('moves between tabs with the arrow keys and stays on the tab opened with Enter', async () => {
      const h = await open('home');
      await h.page.getByRole('tab', { name: 'Accueil' }).focus();
      await h.page.keyboard.press('ArrowRight');
      expect(await focusedId(h.page)).toBe('tab-attendance');
      await h.page.keyboard.press('End');
      await h.page.keyboard.press('Home');
      await h.page.keyboard.press('ArrowLeft');
      const last = `tab-${SIDEBAR_VIEWS[SIDEBAR_VIEWS.length - 1]}`;
      expect(await focusedId(h.page)).toBe(last);
      await h.page.keyboard.press('Home');
      await h.page.keyboard.press('ArrowRight');
      await h.page.keyboard.press('ArrowRight');
      await h.page.keyboard.press('Enter');
      await whenReady(h.page, 'checks');
      expect(await focusedId(h.page)).toBe('tab-checks');
      await h.page.close();
    });

    it('keeps one tab in the Tab order: the selected one', async () => {
      const h = await open('report');
      const order = await h.page
        .getByRole('tab')
        .evaluateAll((tabs) => tabs.map((t) => `${t.id}:${t.getAttribute('tabindex')}:${t.getAttribute('aria-selected')}`));
      expect(order).toEqual(SIDEBAR_VIEWS.map((v) => (v === 'report' ? `tab-${v}:0:true` : `tab-${v}:-1:false`)));
      await h.page.close();
    });

    it("goes to the opened view's tab from a home button", async () => {
      const h = await open('home');
      await h.page.getByRole('button', { name: 'Bilan annuel' }).click();
      await whenReady(h.page, 'report');
      expect(await focusedId(h.page)).toBe('tab-report');
      await h.page.close();
    });

    it('stays on "Aller à la cellule" after the cell is selected', async () => {
      const h = await open('checks');
      const go = h.page.getByRole('button', { name: /^Aller à la cellule \(/ }).nth(1);
      await go.focus();
      await h.page.keyboard.press('Enter');
      await h.page.waitForFunction(NOTHING_BUSY);
      expect(h.calls.map((c) => c.name)).toEqual(['validateWorkbook', 'selectCell']);
      await expect(go.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
      await h.page.close();
    });

    it('stays on "Vérifier à nouveau" after the check is run again', async () => {
      const h = await open('checks');
      const again = h.page.getByRole('button', { name: 'Vérifier à nouveau' });
      await again.click();
      await h.page.waitForFunction(NOTHING_BUSY);
      expect(h.calls.map((c) => c.name)).toEqual(['validateWorkbook', 'validateWorkbook']);
      await expect(again.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
      await h.page.close();
    });

    it('stays on "Générer le bilan" after the report is written', async () => {
      const h = await open('report');
      const button = h.page.locator('#view button.primary');
      await button.click();
      await h.page.locator('.message-ok').waitFor();
      await h.page.waitForFunction(NOTHING_BUSY);
      await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
      await h.page.close();
    });
  });
});
