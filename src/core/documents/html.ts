/**
 * The frame of a printed document (SPEC §12): one self-contained HTML page (inline CSS, no
 * request), A4 portrait, black on white, an "Imprimer" button (window.print(), hidden in
 * print) and, on every printed page, a footer in the page's margin boxes: `Mention des
 * financeurs` and "Page n / N". Text from the workbook always goes through `escapeHtml` (or
 * `cssString` for the margin boxes): never inserted as HTML.
 */
import { DOCUMENTS_TEXT } from '../../i18n/fr/documents';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Text as a CSS string literal (quotes included) for `content:` in a <style> element: every
 * character that could end the string, the declaration or the element is a hex escape.
 */
export function cssString(text: string): string {
  const body = String(text)
    .replace(/\s+/g, ' ')
    .replace(/[^A-Za-z0-9\u00c0-\u024f .,;:!?()«»’'\-–—/]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return `"${body}"`;
}

export interface DocumentPage {
  /** The <title> (the dialog's and the browser tab's name; also the PDF's title). */
  title: string;
  /** The document's own CSS (the frame adds the page, the button and the footer). */
  css: string;
  /** The body's HTML, already escaped. */
  body: string;
  /** `Mention des financeurs`, or null. */
  fundersNote: string | null;
  /** A short text repeated at the top of every printed page (escaped here), or null. */
  running: string | null;
}

const FRAME_CSS = `
@page {
  size: A4 portrait;
  margin: 14mm 12mm 16mm 12mm;
  @bottom-right { content: "${DOCUMENTS_TEXT.page} " counter(page) " ${DOCUMENTS_TEXT.pageOf} " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #000; }
}
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { margin: 0; font: 11pt/1.35 Arial, Helvetica, sans-serif; color: #000; background: #fff; }
main { max-width: 186mm; margin: 0 auto; padding: 4mm 0; }
.toolbar { display: flex; gap: 12px; align-items: center; justify-content: space-between; margin: 0 0 4mm; }
.toolbar p { margin: 0; font-size: 9pt; }
.print-button { font: bold 11pt Arial, Helvetica, sans-serif; padding: 6px 18px; border: 2px solid #000; border-radius: 4px;
  background: #fff; color: #000; cursor: pointer; }
.print-button:focus { outline: 3px solid #1a73e8; outline-offset: 2px; }
.funders-screen { margin-top: 8mm; font-size: 8pt; border-top: 1px solid #000; padding-top: 2mm; }
@media print {
  .no-print { display: none !important; }
  main { max-width: none; padding: 0; }
}
`;

/** The whole document. */
export function documentPage(page: DocumentPage): string {
  const marginBoxes: string[] = [];
  if (page.fundersNote) {
    marginBoxes.push(
      `@bottom-left { content: ${cssString(page.fundersNote)}; font: 8pt Arial, Helvetica, sans-serif; color: #000; width: 150mm; }`,
    );
  }
  if (page.running) {
    marginBoxes.push(`@top-right { content: ${cssString(page.running)}; font: 8pt Arial, Helvetica, sans-serif; color: #000; }`);
  }
  const pageBoxes = marginBoxes.length ? `@page { ${marginBoxes.join(' ')} }` : '';
  const funders = page.fundersNote ? `<p class="funders-screen no-print">${escapeHtml(page.fundersNote)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${FRAME_CSS}${pageBoxes}
${page.css}</style>
</head>
<body>
<main>
<div class="toolbar no-print">
<p>${escapeHtml(DOCUMENTS_TEXT.printHint)}</p>
<button type="button" class="print-button" id="print-button" onclick="window.print()">${escapeHtml(DOCUMENTS_TEXT.print)}</button>
</div>
${page.body}
${funders}
</main>
</body>
</html>
`;
}
