/** The sidebar's colour tokens (src/sidebar/style.css :root) meet WCAG 2.1 AA contrast. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CSS = readFileSync(join(__dirname, '..', '..', 'src', 'sidebar', 'style.css'), 'utf8');

function token(name: string): string {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\b`).exec(CSS);
  if (!m) throw new Error(`token --${name} missing from style.css`);
  return m[1];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('sidebar colour tokens', () => {
  it('defines the shared tokens with their agreed values', () => {
    expect({
      okFg: token('color-ok-fg'),
      okBg: token('color-ok-bg'),
      warnFg: token('color-warn-fg'),
      warnBg: token('color-warn-bg'),
      errorFg: token('color-error-fg'),
      errorBg: token('color-error-bg'),
      border: token('color-border'),
      muted: token('color-muted-fg'),
      accent: token('color-accent'),
    }).toEqual({
      okFg: '#137333',
      okBg: '#e6f4ea',
      warnFg: '#8c4a00',
      warnBg: '#fef7e0',
      errorFg: '#b3261e',
      errorBg: '#fce8e6',
      border: '#80868b',
      muted: '#5f6368',
      accent: '#1a73e8',
    });
  });

  it.each([
    ['color-ok-fg', 'color-ok-bg'],
    ['color-warn-fg', 'color-warn-bg'],
    ['color-error-fg', 'color-error-bg'],
    ['color-info-fg', 'color-info-bg'],
  ])('text --%s on --%s reaches 4.5:1', (fg, bg) => {
    expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['color-muted-fg', 'color-accent', 'color-text', 'color-ok-fg', 'color-warn-fg', 'color-error-fg'])(
    'text --%s on white reaches 4.5:1',
    (fg) => {
      expect(contrast(token(fg), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('white text on the accent (primary buttons) reaches 4.5:1', () => {
    expect(contrast('#ffffff', token('color-accent'))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['#ffffff', 'color-ok-bg', 'color-warn-bg', 'color-error-bg'])('field borders reach 3:1 on %s', (bg) => {
    expect(contrast(token('color-border'), bg.startsWith('#') ? bg : token(bg))).toBeGreaterThanOrEqual(3);
  });

  it('takes every text colour from a token (rules after :root never write a raw text colour)', () => {
    const rules = CSS.replace(/\/\*[\s\S]*?\*\//g, '').replace(/:root\s*\{[^}]*\}/, '');
    const raw = rules.match(/(?<![-\w])color:\s*#[0-9a-fA-F]{3,6}\b/g) ?? [];
    expect(raw.filter((d) => !/#fff(fff)?$/i.test(d))).toEqual([]);
  });
});
