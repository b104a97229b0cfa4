/**
 * French typography of every user-facing text (src/i18n/fr/*.ts, walked whole, so strings added
 * later are checked too): a no-break space (U+00A0) before « : ; ? ! », inside « », and
 * thousands grouped ("1 439 lignes vérifiées").
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { frenchNumber } from '../../src/i18n/fr/format';
import { countText } from '../../src/i18n/fr/checks';

const DIR = join(__dirname, '../../src/i18n/fr');
const SAMPLES: unknown[] = [1439, 'Texte', 2018];

/** Every string an exported value can produce: strings, object members, functions called with samples. */
function texts(value: unknown, path: string, out: [string, string][], depth = 0): void {
  if (depth > 6) return;
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    for (const sample of SAMPLES) {
      const args = Array.from({ length: Math.max(value.length, 1) }, (_, i) => (i === 0 ? sample : SAMPLES[i % SAMPLES.length]));
      let result: unknown;
      try {
        result = (value as (...a: unknown[]) => unknown)(...args);
      } catch {
        continue; // a function that needs other arguments (arrays…): its strings are checked elsewhere
      }
      texts(result, `${path}(${String(sample)})`, out, depth + 1);
    }
    // Functions taking lists.
    try {
      texts((value as (...a: unknown[]) => unknown)(['Texte', 'Autre'], ['Texte'], 3), `${path}([…])`, out, depth + 1);
    } catch {
      /* not a list function */
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out, depth + 1));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) texts(v, `${path}.${k}`, out, depth + 1);
}

/** Typography problems of one text. */
function typographyProblems(text: string): string[] {
  const problems: string[] = [];
  if (/[ \t][:;?!](\s|$)/.test(text)) problems.push('espace ordinaire avant : ; ? !');
  if (/«[ \t]/.test(text)) problems.push('espace ordinaire après «');
  if (/[ \t]»/.test(text)) problems.push('espace ordinaire avant »');
  if (/«[^\u00a0\u202f]/.test(text)) problems.push('pas d’espace insécable après «');
  if (/[^\u00a0\u202f]»/.test(text)) problems.push('pas d’espace insécable avant »');
  return problems;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const all: [string, string][] = [];
for (const f of files) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(DIR, f)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) texts(value, `${f}:${name}`, all);
}

describe('French typography of src/i18n/fr', () => {
  it('finds the texts of every file', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it('has a no-break space before : ; ? ! and inside « » everywhere', () => {
    const bad = all.map(([path, text]) => [path, text, typographyProblems(text)] as const).filter(([, , p]) => p.length > 0);
    expect(bad.map(([path, text, p]) => `${path} → ${p.join(', ')} → ${text}`)).toEqual([]);
  });

  it('groups thousands with a no-break space', () => {
    expect(frenchNumber(1439)).toBe('1\u00a0439');
  });

  it('leaves numbers under a thousand as they are', () => {
    expect(frenchNumber(999)).toBe('999');
  });

  it('writes decimals with a comma', () => {
    expect(frenchNumber(16.6)).toBe('16,6');
  });

  it('says "1 439 lignes vérifiées"', () => {
    expect(countText.rows(1439)).toBe('1\u00a0439 lignes vérifiées');
  });
});

describe('the typography check itself', () => {
  it('catches an ordinary space before a colon', () => {
    expect(typographyProblems('Date : demain')).toEqual(['espace ordinaire avant : ; ? !']);
  });

  it('catches ordinary spaces inside « »', () => {
    expect(typographyProblems('« Texte »')).toEqual(
      expect.arrayContaining(['espace ordinaire après «', 'espace ordinaire avant »']),
    );
  });

  it('accepts the French form', () => {
    expect(typographyProblems('Date\u00a0: «\u00a0Texte\u00a0»\u00a0; oui\u00a0?')).toEqual([]);
  });
});
