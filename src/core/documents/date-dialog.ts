/**
 * The small dialog of the menu "Imprimer la feuille d'émargement…" (SPEC §12): a date field
 * (today when today has a session, else the next session, else today) and a button that calls
 * the server function showSignInSheet, whose dialog then replaces this one. Self-contained HTML.
 */
import { Day, isoOfDay } from '../days';
import type { WorkbookModel } from '../workbook';
import { DOCUMENTS_TEXT } from '../../i18n/fr/documents';
import { escapeHtml } from './html';

const TEXT = DOCUMENTS_TEXT.askDate;

/** Today when today has a `Séances` row, else the next session's date, else today. */
export function defaultSignInSheetDay(model: WorkbookModel, today: Day): Day {
  let next: Day | null = null;
  for (const s of model.sessionRecords) {
    if (s.date.status !== 'ok') continue;
    const d = s.date.value;
    if (d === today) return today;
    if (d > today && (next === null || d < next)) next = d;
  }
  return next ?? today;
}

const CSS = `
body { margin: 0; padding: 12px 16px; font: 14px/1.4 Arial, Helvetica, sans-serif; color: #202124; background: #fff; }
label { display: block; font-weight: bold; margin-bottom: 4px; }
input { font: inherit; padding: 4px 6px; border: 1px solid #5f6368; border-radius: 4px; }
p { margin: 6px 0 12px; color: #3c4043; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }
button { font: inherit; padding: 6px 16px; border-radius: 4px; border: 1px solid #5f6368; background: #fff; color: #202124; cursor: pointer; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; font-weight: bold; }
button:focus, input:focus { outline: 2px solid #1a73e8; outline-offset: 2px; }
#message { min-height: 1.4em; margin: 8px 0 0; }
#message.error { color: #b3261e; }
`;

/** The dialog's HTML; `day` is the date the field starts with. */
export function renderDateDialog(day: Day): string {
  const texts = JSON.stringify({ loading: TEXT.loading, missing: TEXT.missing, failed: TEXT.failed('{m}') }).replace(
    /</g,
    '\\u003c',
  );
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(TEXT.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<form id="ask-date" novalidate>
<label for="sheet-date">${escapeHtml(TEXT.label)}</label>
<input type="date" id="sheet-date" name="date" required value="${escapeHtml(isoOfDay(day))}" aria-describedby="date-hint">
<p id="date-hint">${escapeHtml(TEXT.hint)}</p>
<div id="message" role="status" aria-live="polite"></div>
<div class="buttons">
<button type="button" id="cancel">${escapeHtml(TEXT.cancel)}</button>
<button type="submit" class="primary" id="show">${escapeHtml(TEXT.show)}</button>
</div>
</form>
</main>
<script>
(function () {
  var TEXT = ${texts};
  var form = document.getElementById('ask-date');
  var input = document.getElementById('sheet-date');
  var message = document.getElementById('message');
  var show = document.getElementById('show');
  function say(text, error) { message.textContent = text; message.className = error ? 'error' : ''; }
  document.getElementById('cancel').addEventListener('click', function () { google.script.host.close(); });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (show.getAttribute('aria-busy') === 'true') return;
    if (!input.value) { say(TEXT.missing, true); input.focus(); return; }
    show.setAttribute('aria-busy', 'true');
    say(TEXT.loading, false);
    google.script.run
      .withSuccessHandler(function () { show.removeAttribute('aria-busy'); })
      .withFailureHandler(function (e) {
        show.removeAttribute('aria-busy');
        say(TEXT.failed.replace('{m}', (e && e.message) || String(e)), true);
      })
      .showSignInSheet(input.value);
  });
  input.focus();
})();
</script>
</body>
</html>
`;
}
