/**
 * The self-contained HTML report (`club-alternance bilan … --sortie bilan.html`): the same
 * tables as the tab "Bilan AAAA" (one layout, src/core/report-layout.ts), charts as inline
 * SVG, inline CSS, no external resource, prints cleanly to PDF. Every text is escaped.
 */
import { percent } from '../core/indicators';
import { cellText, ReportChart, ReportLayout, ReportTable } from '../core/report-layout';
import { REPORT } from '../i18n/fr/report';

const NBSP = '\u00a0';
/**
 * Series colours: blue, then orange (told apart by hue with a red–green colour deficiency,
 * and by solid versus outlined bars in grey print); each is at least 4.5:1 on white. Bars carry
 * their values as text (bar charts) or titles (columns, whose table sits just above), and the
 * legend names each series: no chart is read by colour alone.
 */
const COLORS = ['#1a73e8', '#b45309', '#8430ce', '#5f6368'];
const TINTS = ['#d2e3fc', '#fce8d4', '#eadcf8', '#e8eaed'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

function renderTable(t: ReportTable, headingId: string): string {
  const head = t.header
    // The first header cell repeats the title in the sheet; here the section's h2 says it, so
    // the corner is a plain (non-header) cell.
    .map((h, i) =>
      i === 0 ? '<td></td>' : `<th scope="col"${t.roles[i] === 'label' ? '' : ' class="num"'}>${escapeHtml(h)}</th>`,
    )
    .join('');
  const body = t.rows
    .map((row) => {
      const cells = row
        .map((v, i) => {
          const text = escapeHtml(cellText(v, t.roles[i], NBSP));
          return i === 0 ? `<th scope="row">${text}</th>` : `<td class="num">${text}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<table>\n<caption class="visually-hidden" id="${headingId}-caption">${escapeHtml(t.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function svgOpen(width: number, height: number, title: string): string {
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>`;
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(content)}</text>`;
}

/**
 * Series k's look: even series solid, odd series a light tint inside a dark outline (told apart
 * in grey print too). No pattern: `url(#…)` is kept out of the file (self-contained check).
 */
function paint(k: number): string {
  const color = COLORS[k % COLORS.length];
  return k % 2 === 0
    ? `fill="${color}" stroke="${color}"`
    : `fill="${TINTS[k % TINTS.length]}" stroke="${color}" stroke-width="1.5"`;
}

function legend(series: ReportChart['series'], x: number, y: number): string {
  return series
    .map(
      (s, i) =>
        `<rect x="${x + i * 90}" y="${y - 10}" width="12" height="12" ${paint(i)}/>` +
        text(x + i * 90 + 16, y, s.name, 'font-size="12"'),
    )
    .join('');
}

/** Horizontal bars, one row per label (first series). */
function barChart(c: ReportChart): string {
  const s = c.series[0];
  const labelWidth = 230;
  const barMax = 300;
  const rowH = 24;
  const top = 34;
  const width = labelWidth + barMax + 70;
  const height = top + c.labels.length * rowH + 10;
  const max = Math.max(1, ...s.values.map((v) => v ?? 0));
  const parts = [svgOpen(width, height, c.title), text(0, 18, c.title, 'font-size="14" font-weight="bold"')];
  c.labels.forEach((label, i) => {
    const y = top + i * rowH;
    const v = s.values[i];
    const w = v === null ? 0 : (barMax * v) / max;
    parts.push(text(labelWidth - 8, y + 15, label, 'font-size="12" text-anchor="end"'));
    if (w > 0) parts.push(`<rect x="${labelWidth}" y="${y + 3}" width="${fmt(w)}" height="${rowH - 8}" fill="${COLORS[0]}"/>`);
    parts.push(text(labelWidth + w + 6, y + 15, s.display[i], 'font-size="12"'));
  });
  parts.push('</svg>');
  return parts.join('');
}

/**
 * A "pie" of the layout (Sorties) drawn as labelled bars: one row per label with its value and
 * share written out, so it reads without telling colours apart (a pie's slices do not).
 */
function shareBars(c: ReportChart): string {
  const s = c.series[0];
  const total = s.values.reduce<number>((a, v) => a + (v ?? 0), 0);
  const withShares: ReportChart = {
    ...c,
    series: [
      {
        ...s,
        display: s.display.map((d, i) => {
          const v = s.values[i];
          const share = v ? percent(v, total) : null;
          return share === null ? d : `${d} (${share}${NBSP}%)`;
        }),
      },
    ],
  };
  return barChart(withShares);
}

/** Grouped vertical columns (one group per label, one column per series). */
function columnChart(c: ReportChart): string {
  const left = 40;
  const top = 50;
  const plotH = 200;
  const groupW = 46;
  const width = left + c.labels.length * groupW + 10;
  const height = top + plotH + 30;
  const max = Math.max(1, ...c.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const barW = (groupW - 10) / c.series.length;
  const parts = [
    svgOpen(width, height, c.title),
    text(0, 18, c.title, 'font-size="14" font-weight="bold"'),
    legend(c.series, left, 40),
    `<line x1="${left}" y1="${top + plotH}" x2="${width - 5}" y2="${top + plotH}" stroke="#9aa0a6"/>`,
    text(left - 4, top + 8, String(max), 'font-size="10" text-anchor="end"'),
    text(left - 4, top + plotH, '0', 'font-size="10" text-anchor="end"'),
  ];
  c.labels.forEach((label, i) => {
    const gx = left + i * groupW + 5;
    c.series.forEach((s, k) => {
      const v = s.values[i];
      if (!v) return;
      const h = (plotH * v) / max;
      parts.push(
        `<rect x="${fmt(gx + k * barW)}" y="${fmt(top + plotH - h)}" width="${fmt(barW - 1)}" height="${fmt(h)}" ${paint(k)}><title>${escapeHtml(`${label} ${s.name}\u00a0: ${s.display[i]}`)}</title></rect>`,
      );
    });
    const short = c.id === 'months' ? (REPORT.monthsShort[i] ?? label) : label;
    parts.push(text(gx + (groupW - 10) / 2, top + plotH + 14, short, 'font-size="10" text-anchor="middle"'));
  });
  parts.push('</svg>');
  return parts.join('');
}

export function renderChart(c: ReportChart): string {
  const svg = c.type === 'pie' ? shareBars(c) : c.type === 'column' ? columnChart(c) : barChart(c);
  return `<figure class="chart">${svg}</figure>`;
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 Arial, Helvetica, sans-serif; color: #202124; margin: 0 auto; padding: 24px; max-width: 900px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.organisation { font-size: 16px; font-weight: bold; margin: 0 0 4px; }
.generated { color: #5f6368; margin: 0 0 12px; font-style: italic; }
.note { border-left: 4px solid #5f6368; background: #f1f3f4; padding: 8px 12px; }
section { margin: 20px 0; }
h2 { font-size: 16px; margin: 0 0 4px; break-after: avoid; page-break-after: avoid; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { border-bottom: 1px solid #dadce0; padding: 4px 8px; text-align: left; font-weight: normal; }
thead th { background: #e8f0fe; font-weight: bold; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure.chart { margin: 8px 0 16px; }
figure.chart svg { max-width: 100%; height: auto; font-family: Arial, Helvetica, sans-serif; }
footer { color: #5f6368; font-size: 12px; border-top: 1px solid #dadce0; margin-top: 24px; padding-top: 8px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 11pt; }
  /* Only tables and charts stay whole: whole sections would leave half-empty pages. */
  figure.chart, table { break-inside: avoid; page-break-inside: avoid; }
  thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The report's first part: Structure, the programme and the year, how the figures were made — never a to-do list. */
function renderOpening(layout: ReportLayout): string {
  return [
    '<header>',
    `<p class="organisation">${escapeHtml(layout.organisation)}</p>`,
    `<h1>${escapeHtml(layout.title)}</h1>`,
    `<p class="generated">${escapeHtml(layout.generated)}</p>`,
    ...layout.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    '</header>',
  ].join('\n');
}

/** The report's last part, "Qualité des données": what the figures could not use, how many, how to fix it. */
function renderQuality(layout: ReportLayout): string {
  const q = layout.quality;
  const head = `<thead><tr><td></td>${q.header
    .slice(1)
    .map((h, i) => `<th scope="col"${i === 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('')}</tr></thead>`;
  const body = q.rows
    .map(
      ([label, count, fix]) =>
        `<tr><th scope="row">${escapeHtml(label)}</th><td class="num">${escapeHtml(cellText(count, 'value', NBSP))}</td><td>${escapeHtml(fix)}</td></tr>`,
    )
    .join('\n');
  return [
    '<section class="quality" aria-labelledby="quality">',
    `<h2 id="quality">${escapeHtml(q.title)}</h2>`,
    `<p>${escapeHtml(q.summary)}</p>`,
    `<table>\n<caption class="visually-hidden">${escapeHtml(q.title)}</caption>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`,
    ...q.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    '</section>',
  ].join('\n');
}

/** The whole report as one HTML document (no script, no external resource). */
export function renderHtmlReport(layout: ReportLayout): string {
  const chartsOf = (id: ReportTable['id']): string =>
    layout.charts
      .filter(
        (c) =>
          (c.id === 'communes' && id === 'communes') ||
          (c.id === 'outcomes' && id === 'outcomes') ||
          (c.id === 'months' && id === 'months'),
      )
      .map(renderChart)
      .join('\n');
  const sections = layout.tables
    .map((t, i) => {
      const id = `section-${i + 1}`;
      return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(t.title)}</h2>\n${renderTable(t, id)}\n${chartsOf(t.id)}\n</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${REPORT.html.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${layout.organisation} — ${layout.title}`)}</title>
<style>${CSS}</style>
</head>
<body>
${renderOpening(layout)}
<main>
${sections}
${renderQuality(layout)}
</main>
<footer>${escapeHtml(REPORT.html.footer)}</footer>
</body>
</html>
`;
}
