/**
 * The printed documents in Chromium (SPEC §12): printed to PDF (A4), the sign-in sheet of a
 * 40-person day takes 2 to 3 pages, with every name once, the blank lines, the table's header,
 * the footer and "Page n / N" on each page; the certificate holds what a young person shows.
 * Inside an iframe sandboxed as Apps Script's dialogs (SPEC §9): axe finds no serious or
 * critical violation, "Imprimer" calls window.print() and is hidden in print.
 */
import type { Frame, Page } from 'playwright-core';
import { renderCertificate } from '../../src/core/documents/certificate';
import { certificateData, signInSheetData } from '../../src/core/documents/data';
import { renderDateDialog } from '../../src/core/documents/date-dialog';
import { renderSignInSheet } from '../../src/core/documents/sign-in-sheet';
import { dayFromIso } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { blocking, describeViolations, runAxe } from '../support/axe';
import { buildWorkbook, dateCell, participant } from '../support/builders';
import { ChromiumSession, describeInChromium, launchChromium } from '../support/chromium';
import { pdfPageCount, pdfPageTexts, pdftotextPath } from '../support/pdf';

const ORIGIN = 'http://dialog.test';
const SANDBOX =
  'allow-same-origin allow-forms allow-scripts allow-popups allow-downloads allow-modals allow-popups-to-escape-sandbox';
const DAY = '2018-10-30';
const FUNDERS = 'Action cofinancée par le Fonds social européen';

const SURNAMES = ['Aubert', 'Barbier', 'Carpentier', 'Delorme', 'Esnault', 'Fabre', 'Gillet', 'Hamon', 'Imbert', 'Jacquet'];
const FIRST_NAMES = ['Yanis', 'Lina', 'Sofia', 'Noah'];

/** 40 people expected on DAY (fictional), the session with its times, and the settings. */
function workbook() {
  const people = SURNAMES.flatMap((last, i) =>
    FIRST_NAMES.map((first, j) =>
      participant({
        id: `E-${i}${j}`,
        lastName: `${last}${j === 0 ? '' : `-${'ABC'[j - 1]}`}`,
        firstName: first,
        entryDate: '2018-09-04',
      }),
    ),
  );
  return buildWorkbook({
    participants: people,
    attendance: [
      { date: '2018-10-02', id: 'E-00', status: 'Présent' },
      { date: '2018-10-09', id: 'E-00', status: 'Présent' },
    ],
    settings: [
      ['Structure', 'Mention des financeurs', 'Lignes vierges', 'Heure de début', 'Heure de fin'],
      ['Mission locale de la Bièvre', FUNDERS, 5, '14:00', '16:30'],
    ],
    extraTabs: {
      Séances: [
        ['Date', 'Thème', 'Animateur', 'Lieu'],
        [dateCell('2018-10-02'), 'CV', 'Nadia Roux', 'Salle 1'],
        [dateCell('2018-10-09'), 'Lettre de motivation', 'Nadia Roux', 'Salle 1'],
        [dateCell(DAY), 'Simulation d’entretien', 'Nadia Roux', 'Salle 1'],
      ],
    },
  });
}

const model = readModel(workbook());
const sheetData = signInSheetData(model, dayFromIso(DAY) as number);
const SHEET = renderSignInSheet(sheetData);
const CERTIFICATE = renderCertificate(certificateData(model, 'E-00', dayFromIso('2018-11-01') as number));
const itWithText = pdftotextPath() || process.env.CI ? it : it.skip;

describeInChromium('printed documents', () => {
  let chrome: ChromiumSession;
  beforeAll(async () => {
    chrome = await launchChromium({ viewport: { width: 1000, height: 800 } });
  });
  afterAll(async () => {
    await chrome?.close();
  });

  async function printed(html: string): Promise<Buffer> {
    const page = await chrome.context.newPage();
    try {
      await page.setContent(html);
      return await page.pdf({ format: 'A4' });
    } finally {
      await page.close();
    }
  }

  /** The document inside an iframe sandboxed like Apps Script's dialogs. */
  async function inDialog(html: string): Promise<{ page: Page; frame: Frame; requests: string[] }> {
    const page = await chrome.context.newPage();
    const requests: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/`) {
        return route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!DOCTYPE html><html lang="fr"><head><title>Sheets</title></head><body><iframe title="Document" sandbox="${SANDBOX}" src="/dialog" style="width:900px;height:680px"></iframe></body></html>`,
        });
      }
      if (url === `${ORIGIN}/dialog`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      requests.push(url);
      return route.abort();
    });
    await page.goto(`${ORIGIN}/`);
    const frame = page.frames().find((f) => f.url() === `${ORIGIN}/dialog`) as Frame;
    await frame.waitForLoadState();
    return { page, frame, requests };
  }

  it('prints the sign-in sheet of a 40-person day on 2 to 3 A4 pages', async () => {
    expect(sheetData.people).toHaveLength(40);
    const pages = pdfPageCount(await printed(SHEET));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
  });

  itWithText('prints every name once, the blank lines, and the header, the footer and "Page n / N" on each page', async () => {
    const texts = pdfPageTexts(await printed(SHEET)) as string[];
    const all = texts.join('\n');
    for (const p of sheetData.people) {
      expect([p.lastName, all.match(new RegExp(`\\b${p.lastName}\\s+${p.firstName}\\b`, 'g'))?.length]).toEqual([p.lastName, 1]);
    }
    const numbers = all.match(/^\s*(\d+)\s*$/gm)?.map((l) => Number(l.trim()));
    expect(numbers).toEqual([41, 42, 43, 44, 45]);
    texts.forEach((t, i) => {
      expect([
        i,
        /N°\s+Nom\s+Prénom\s+Signature/.test(t),
        t.includes(FUNDERS),
        t.includes(`Page ${i + 1} / ${texts.length}`),
      ]).toEqual([i, true, true, true]);
      expect(t).toContain("Feuille d'émargement du mardi 30 octobre 2018");
    });
    expect(texts[0]).toMatch(/Horaires\s*:\s*de 14\s*h\s*00 à 16\s*h\s*30/);
  });

  itWithText('prints the certificate on one page with the sessions, the hours and the footer', async () => {
    const pdf = await printed(CERTIFICATE);
    const [text] = pdfPageTexts(pdf) as string[];
    expect(pdfPageCount(pdf)).toBe(1);
    for (const part of ['Attestation de participation', 'Fait le jeudi 1er novembre 2018', FUNDERS, 'Page 1 / 1']) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/Nombre de séances suivies\s*:\s*2\s+Heures de présence\s*:\s*5\s*h/);
    expect(text).toMatch(/mardi 2 octobre 2018\s+CV\s+2,5\s*h/);
    expect(text).not.toContain('Imprimer');
  });

  for (const [name, html] of [
    ['sign-in sheet', SHEET],
    ['certificate', CERTIFICATE],
    ['date dialog', renderDateDialog(dayFromIso(DAY) as number)],
  ] as const) {
    it(`has no serious or critical axe violation in a sandboxed dialog: ${name}`, async () => {
      const { page, frame, requests } = await inDialog(html);
      try {
        expect(describeViolations(blocking(await runAxe(frame)))).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('calls window.print() from the "Imprimer" button, which print hides', async () => {
    const { page, frame } = await inDialog(SHEET);
    try {
      await frame.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed++;
        };
      });
      await frame.getByRole('button', { name: 'Imprimer' }).click();
      expect(await frame.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await frame.locator('#print-button').isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });
});
