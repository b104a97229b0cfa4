/**
 * The feuille d'émargement of a day (SPEC §12), pure: plain data in, one self-contained HTML
 * page out (documentPage). The header gives what an auditor looks for (date, times, theme,
 * place, facilitator and their signature box); the table lists the day's people (N°, Nom,
 * Prénom, Signature), then blank rows for newcomers, N° counting on. The table's header
 * repeats on every printed page and a row is never split across two pages (about 20 rows a
 * page). No other personal data.
 */
import { Day, longFrenchDate } from '../days';
import { DOCUMENTS_TEXT } from '../../i18n/fr/documents';
import { formatTimeOfDay } from '../../i18n/fr/format';
import { MAX_BLANK_LINES } from '../workbook';
import { documentPage, escapeHtml } from './html';

const TEXT = DOCUMENTS_TEXT.signIn;

export interface SignInSheetData {
  /** `Structure` of `Paramètres`. */
  organisation: string;
  date: Day;
  /** Minutes since midnight; null when the session has no times (filled in by hand). */
  times: { start: number; end: number } | null;
  theme: string;
  place: string;
  facilitator: string;
  /** The day's list, in its order. */
  people: readonly { lastName: string; firstName: string }[];
  blankLines: number;
  /** `Mention des financeurs`, or null. */
  fundersNote: string | null;
}

const CSS = `
.doc-head { margin-bottom: 5mm; }
.org { margin: 0; font-weight: bold; font-size: 12pt; }
h1 { margin: 2mm 0 0; font-size: 18pt; }
.programme { margin: 0 0 3mm; font-size: 12pt; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 4mm; margin: 0; }
.facts > div { display: contents; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.facilitator { display: flex; gap: 6mm; align-items: stretch; margin-top: 4mm; }
.facilitator p { margin: 0; flex: 1; align-self: center; overflow-wrap: anywhere; }
.sig-box { width: 70mm; height: 20mm; border: 1px solid #000; padding: 1mm 2mm; font-size: 8pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
caption { text-align: left; font-weight: bold; margin-bottom: 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 0 2mm; text-align: left; vertical-align: middle; overflow-wrap: anywhere; }
th { height: 8mm; background: #fff; font-weight: bold; }
td { height: 11.5mm; }
.col-n { width: 12mm; text-align: right; }
.col-name { width: 52mm; }
.col-first { width: 44mm; }
`;

/** One line "Label : valeur": one element whose text reads so (the grid lays out its two halves). */
function fact(label: string, value: string): string {
  return `<div><dt>${escapeHtml(label)}\u00a0:</dt> <dd>${escapeHtml(value)}</dd></div>`;
}

function orToFill(text: string): string {
  return text.trim() === '' ? DOCUMENTS_TEXT.toFill : text;
}

function timesText(times: SignInSheetData['times']): string {
  if (times === null) return TEXT.timesToFill;
  return TEXT.timesRange(formatTimeOfDay(times.start), formatTimeOfDay(times.end));
}

function rows(data: SignInSheetData): string {
  const out: string[] = [];
  data.people.forEach((p, i) => {
    out.push(
      `<tr><td class="col-n">${i + 1}</td><td>${escapeHtml(p.lastName)}</td><td>${escapeHtml(p.firstName)}</td><td></td></tr>`,
    );
  });
  const blanks = Math.max(0, Math.min(MAX_BLANK_LINES, Math.floor(data.blankLines)));
  for (let k = 0; k < blanks; k++) {
    const n = data.people.length + k + 1;
    out.push(`<tr class="blank"><td class="col-n">${n}</td><td></td><td></td><td></td></tr>`);
  }
  return out.join('\n');
}

/** The sheet as one self-contained HTML page. */
export function renderSignInSheet(data: SignInSheetData): string {
  const date = longFrenchDate(data.date);
  const body = `
<header class="doc-head">
<p class="org">${escapeHtml(data.organisation)}</p>
<h1>${escapeHtml(TEXT.title)}</h1>
<p class="programme">${escapeHtml(DOCUMENTS_TEXT.programme)}</p>
<dl class="facts">
${fact(TEXT.date, date)}
${fact(TEXT.times, timesText(data.times))}
${fact(TEXT.theme, orToFill(data.theme))}
${fact(TEXT.place, orToFill(data.place))}
</dl>
<div class="facilitator">
<p><strong>${escapeHtml(TEXT.facilitator)}\u00a0:</strong> ${escapeHtml(orToFill(data.facilitator))}</p>
<div class="sig-box">${escapeHtml(TEXT.facilitatorSignature)}</div>
</div>
</header>
<table>
<caption>${escapeHtml(TEXT.tableCaption(data.people.length))}</caption>
<thead><tr><th scope="col" class="col-n">${escapeHtml(TEXT.number)}</th><th scope="col" class="col-name">${escapeHtml(TEXT.lastName)}</th><th scope="col" class="col-first">${escapeHtml(TEXT.firstName)}</th><th scope="col">${escapeHtml(TEXT.signature)}</th></tr></thead>
<tbody>
${rows(data)}
</tbody>
</table>`;
  return documentPage({
    title: `${TEXT.title} – ${date}`,
    css: CSS,
    body,
    fundersNote: data.fundersNote,
    running: TEXT.running(date),
  });
}
