/** Charts drawn as inline SVG from the chart specs' data (labels column + series columns). */
import type { ChartData } from '../snapshot';
import { percent } from '../../core/indicators';
import { PREVIEW } from '../../i18n/fr/preview';

const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72', '#fcd04f', '#71c287'];
const FONT = 'Arial, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function fmt(v: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(v);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function drawChart(chart: ChartData): SVGElement {
  const { width, height } = chart;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': chart.title });
  root.append(svg('text', { x: 12, y: 22, 'font-family': FONT, 'font-size': 14, fill: '#202124' }, chart.title));
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (chart.labels.length === 0 || values.length === 0) {
    root.append(
      svg(
        'text',
        { x: width / 2, y: height / 2, 'text-anchor': 'middle', 'font-family': FONT, 'font-size': 12, fill: '#80868b' },
        PREVIEW.page.chartNoData,
      ),
    );
    return root;
  }
  if (chart.type === 'pie') drawPie(root, chart);
  else if (chart.type === 'bar') drawBars(root, chart);
  else drawColumns(root, chart);
  return root;
}

function legend(root: SVGElement, chart: ChartData, x: number, y: number): void {
  if (chart.series.length < 2) return;
  chart.series.forEach((s, i) => {
    root.append(svg('rect', { x, y: y + i * 16, width: 10, height: 10, fill: COLORS[i % COLORS.length] }));
    root.append(
      svg('text', { x: x + 14, y: y + 9 + i * 16, 'font-family': FONT, 'font-size': 11, fill: '#3c4043' }, truncate(s.name, 18)),
    );
  });
}

function drawColumns(root: SVGElement, chart: ChartData): void {
  const left = 40;
  const top = 40;
  const legendWidth = chart.series.length > 1 ? 120 : 0;
  const right = chart.width - 12 - legendWidth;
  const bottom = chart.height - 42;
  const max = niceMax(Math.max(...chart.series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const y = (v: number): number => bottom - ((bottom - top) * v) / max;
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    root.append(svg('line', { x1: left, x2: right, y1: y(v), y2: y(v), stroke: '#e8eaed' }));
    root.append(
      svg(
        'text',
        { x: left - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-family': FONT, 'font-size': 10, fill: '#5f6368' },
        fmt(v),
      ),
    );
  }
  const n = chart.labels.length;
  const slot = (right - left) / n;
  const group = slot * 0.75;
  const barW = group / chart.series.length;
  const line = chart.type === 'line';
  chart.series.forEach((s, si) => {
    const color = COLORS[si % COLORS.length];
    const points: string[] = [];
    s.values.forEach((v, i) => {
      if (v === null) return;
      if (line) {
        const cx = left + slot * i + slot / 2;
        points.push(`${cx},${y(v)}`);
        root.append(svg('circle', { cx, cy: y(v), r: 3, fill: color }));
        return;
      }
      const x = left + slot * i + (slot - group) / 2 + barW * si;
      root.append(svg('rect', { x, y: y(v), width: Math.max(1, barW - 2), height: Math.max(0, bottom - y(v)), fill: color }));
      if (chart.series.length === 1 && v > 0)
        root.append(
          svg(
            'text',
            { x: x + barW / 2 - 1, y: y(v) - 3, 'text-anchor': 'middle', 'font-family': FONT, 'font-size': 10, fill: '#3c4043' },
            fmt(v),
          ),
        );
    });
    if (line && points.length)
      root.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
  });
  const maxChars = Math.max(3, Math.floor(slot / 6));
  chart.labels.forEach((label, i) => {
    root.append(
      svg(
        'text',
        {
          x: left + slot * i + slot / 2,
          y: bottom + 14,
          'text-anchor': 'middle',
          'font-family': FONT,
          'font-size': 10,
          fill: '#3c4043',
        },
        truncate(label, maxChars),
      ),
    );
  });
  root.append(svg('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: '#9aa0a6' }));
  legend(root, chart, right + 12, top);
}

function drawBars(root: SVGElement, chart: ChartData): void {
  const left = Math.min(170, chart.width * 0.38);
  const top = 36;
  const legendWidth = chart.series.length > 1 ? 110 : 0;
  const right = chart.width - 28 - legendWidth;
  const bottom = chart.height - 16;
  const max = niceMax(Math.max(...chart.series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const x = (v: number): number => left + ((right - left) * v) / max;
  const n = chart.labels.length;
  const slot = (bottom - top) / n;
  const group = slot * 0.75;
  const barH = group / chart.series.length;
  chart.labels.forEach((label, i) => {
    root.append(
      svg(
        'text',
        {
          x: left - 6,
          y: top + slot * i + slot / 2 + 4,
          'text-anchor': 'end',
          'font-family': FONT,
          'font-size': 11,
          fill: '#3c4043',
        },
        truncate(label, Math.floor(left / 6)),
      ),
    );
  });
  chart.series.forEach((s, si) => {
    s.values.forEach((v, i) => {
      if (v === null) return;
      const yy = top + slot * i + (slot - group) / 2 + barH * si;
      root.append(
        svg('rect', {
          x: left,
          y: yy,
          width: Math.max(0, x(v) - left),
          height: Math.max(1, barH - 2),
          fill: COLORS[si % COLORS.length],
        }),
      );
      root.append(
        svg('text', { x: x(v) + 3, y: yy + barH / 2 + 3, 'font-family': FONT, 'font-size': 10, fill: '#3c4043' }, fmt(v)),
      );
    });
  });
  root.append(svg('line', { x1: left, x2: left, y1: top, y2: bottom, stroke: '#9aa0a6' }));
  legend(root, chart, right + 28, top);
}

function drawPie(root: SVGElement, chart: ChartData): void {
  const values = chart.series[0].values.map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.min(chart.height - 60, chart.width * 0.5) / 2;
  const cx = 24 + r;
  const cy = 36 + r + 4;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    if (v <= 0 || total <= 0) return;
    const a = (2 * Math.PI * v) / total;
    const color = COLORS[i % COLORS.length];
    if (a >= 2 * Math.PI - 1e-9) root.append(svg('circle', { cx, cy, r, fill: color }));
    else {
      const x1 = cx + r * Math.cos(angle);
      const y1 = cy + r * Math.sin(angle);
      const x2 = cx + r * Math.cos(angle + a);
      const y2 = cy + r * Math.sin(angle + a);
      root.append(
        svg('path', {
          d: `M${cx},${cy} L${x1},${y1} A${r},${r} 0 ${a > Math.PI ? 1 : 0} 1 ${x2},${y2} Z`,
          fill: color,
          stroke: '#fff',
          'stroke-width': 1,
        }),
      );
    }
    angle += a;
  });
  const lx = cx + r + 20;
  chart.labels.forEach((label, i) => {
    const y = 44 + i * 18;
    if (y > chart.height - 8) return;
    const share = percent(values[i], total) ?? 0;
    root.append(svg('rect', { x: lx, y: y - 9, width: 10, height: 10, fill: COLORS[i % COLORS.length] }));
    root.append(
      svg(
        'text',
        { x: lx + 14, y, 'font-family': FONT, 'font-size': 11, fill: '#3c4043' },
        `${truncate(label, 28)} (${share} %)`,
      ),
    );
  });
}
