/**
 * The attestation de participation of one young person (SPEC §12), pure: plain data in, one
 * self-contained HTML page out (documentPage). "{Prénom} {Nom}, né(e) le {date}, a participé
 * aux ateliers du Club de l'alternance du {first} au {last}" (one session: "le {date}"; the
 * birth date left out when unknown), the number of sessions attended, the hours (at least X h
 * when some sessions have no times), the table of the sessions attended (Présent only), "Fait
 * le {today}", a signature line and `Mention des financeurs`.
 */
import { Day, longFrenchDate } from '../days';
import { DOCUMENTS_TEXT } from '../../i18n/fr/documents';
import { formatHours, frenchNumber } from '../../i18n/fr/format';
import { documentPage, escapeHtml } from './html';

const TEXT = DOCUMENTS_TEXT.certificate;

export interface CertificateData {
  organisation: string;
  firstName: string;
  lastName: string;
  birthDate: Day | null;
  /** The sessions attended (Présent), oldest first; `hours` null when the session has no times. */
  sessions: readonly { date: Day; theme: string; hours: number | null }[];
  /** Hours of the sessions with times (one decimal), and how many sessions have none (Journey.hours). */
  hours: { attended: number; unknown: number };
  today: Day;
  fundersNote: string | null;
}

const CSS = `
.org { margin: 0; font-weight: bold; font-size: 12pt; }
h1 { margin: 10mm 0 0; font-size: 20pt; text-align: center; }
.programme { margin: 1mm 0 10mm; font-size: 13pt; text-align: center; }
.statement { font-size: 12pt; margin: 0 0 6mm; }
.figures { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 4mm; margin: 0 0 4mm; }
.figures > div { display: contents; }
.figures dt { font-weight: bold; }
.figures dd { margin: 0; }
.note { font-size: 9pt; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 8mm; }
caption { text-align: left; font-weight: bold; margin-bottom: 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; overflow-wrap: anywhere; }
.num { text-align: right; white-space: nowrap; }
.closing { break-inside: avoid; page-break-inside: avoid; }
.closing p { margin: 0 0 2mm; }
.sig { margin-top: 4mm; width: 80mm; height: 28mm; border-bottom: 1px solid #000; }
`;

function hoursText(hours: CertificateData['hours']): string {
  if (hours.unknown === 0) return formatHours(hours.attended);
  const atLeast = TEXT.hoursAtLeast(formatHours(hours.attended));
  // No session with times: "au moins 0 h", with why (the note below is only for some unknown).
  return hours.attended === 0 ? `${atLeast} ${TEXT.hoursNoTimes(hours.unknown)}` : atLeast;
}

function statement(data: CertificateData): string {
  const name = `${data.firstName} ${data.lastName}`.replace(/\s+/g, ' ').trim();
  const first = data.sessions[0].date;
  const last = data.sessions[data.sessions.length - 1].date;
  const when = first === last ? TEXT.single(longFrenchDate(first)) : TEXT.period(longFrenchDate(first), longFrenchDate(last));
  const parts = [name];
  if (data.birthDate !== null) parts.push(TEXT.bornOn(longFrenchDate(data.birthDate)));
  return `${parts.map(escapeHtml).join(', ')}, ${escapeHtml(`${TEXT.participated} ${when}`)}.`;
}

function sessionRows(data: CertificateData): string {
  return data.sessions
    .map(
      (s) =>
        `<tr><td>${escapeHtml(longFrenchDate(s.date))}</td><td>${escapeHtml(s.theme.trim() === '' ? TEXT.noTheme : s.theme)}</td>` +
        `<td class="num">${escapeHtml(s.hours === null ? TEXT.noDuration : formatHours(s.hours))}</td></tr>`,
    )
    .join('\n');
}

/** The certificate as one self-contained HTML page; `data.sessions` must not be empty. */
export function renderCertificate(data: CertificateData): string {
  if (data.sessions.length === 0) throw new RangeError('renderCertificate: no session attended');
  const note =
    data.hours.unknown > 0 && data.hours.attended > 0
      ? `<p class="note">${escapeHtml(TEXT.hoursNote(data.hours.unknown))}</p>`
      : '';
  const body = `
<p class="org">${escapeHtml(data.organisation)}</p>
<h1>${escapeHtml(TEXT.title)}</h1>
<p class="programme">${escapeHtml(DOCUMENTS_TEXT.programme)}</p>
<p class="statement">${statement(data)}</p>
<dl class="figures">
<div><dt>${escapeHtml(TEXT.sessionsCount)}\u00a0:</dt> <dd>${escapeHtml(frenchNumber(data.sessions.length))}</dd></div>
<div><dt>${escapeHtml(TEXT.hours)}\u00a0:</dt> <dd>${escapeHtml(hoursText(data.hours))}</dd></div>
</dl>
${note}
<table>
<caption>${escapeHtml(TEXT.tableCaption)}</caption>
<thead><tr><th scope="col">${escapeHtml(TEXT.date)}</th><th scope="col">${escapeHtml(TEXT.theme)}</th><th scope="col" class="num">${escapeHtml(TEXT.duration)}</th></tr></thead>
<tbody>
${sessionRows(data)}
</tbody>
</table>
<div class="closing">
<p>${escapeHtml(TEXT.doneOn(longFrenchDate(data.today)))}</p>
<p>${escapeHtml(TEXT.signatureFor(data.organisation))}</p>
<p>${escapeHtml(TEXT.signatureLine)}\u00a0:</p>
<div class="sig"></div>
</div>`;
  return documentPage({
    title: `${TEXT.title} – ${`${data.firstName} ${data.lastName}`.trim()}`,
    css: CSS,
    body,
    fundersNote: data.fundersNote,
    running: null,
  });
}
