/**
 * The project explains itself: README.md and docs/ document every check code, link only to
 * files of the repository, and never point outside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECK_SEVERITY } from '../../src/core/checks';

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs');

/** The check codes of the product contract (§3, version 2) and their severity. */
const CONTRACT_CODES: Readonly<Record<string, 'error' | 'warning'>> = {
  MISSING_COLUMN: 'error',
  ID_MISSING: 'error',
  ID_DUPLICATE: 'error',
  NAME_MISSING: 'error',
  DATE_INVALID: 'error',
  BIRTH_DATE_MISSING: 'error',
  ENTRY_DATE_MISSING: 'error',
  DATE_IN_FUTURE: 'error',
  AGE_IMPLAUSIBLE: 'error',
  AGE_OUT_OF_RANGE: 'warning',
  VALUE_NOT_ALLOWED: 'error',
  COMMUNE_MISSING: 'error',
  COMMUNE_OUTSIDE_TERRITORY: 'warning',
  POSTCODE_INVALID: 'error',
  POSTCODE_MISMATCH: 'warning',
  QPV_DISTRICT_MISSING: 'warning',
  QPV_DISTRICT_UNKNOWN: 'warning',
  QPV_INCONSISTENT: 'warning',
  CONTRACT_TYPE_MISSING: 'error',
  CONTRACT_START_MISSING: 'warning',
  CONTRACT_DURATION_INVALID: 'error',
  CONTRACT_AGE_RULE: 'warning',
  CONTRACT_FIELDS_WITHOUT_CONTRACT: 'warning',
  EXIT_BEFORE_ENTRY: 'error',
  OUTCOME_DATE_MISSING: 'warning',
  PHONE_INVALID: 'warning',
  EMAIL_INVALID: 'warning',
  POSSIBLE_DUPLICATE_PERSON: 'warning',
  SESSION_DATE_INVALID: 'error',
  SESSION_DUPLICATE: 'error',
  SESSION_OUTSIDE_SEASON: 'warning',
  SESSION_TIME_INVALID: 'error',
  ATTENDANCE_UNKNOWN_PARTICIPANT: 'error',
  ATTENDANCE_UNKNOWN_SESSION: 'error',
  ATTENDANCE_DUPLICATE: 'error',
  ATTENDANCE_STATUS_INVALID: 'error',
  ATTENDANCE_BEFORE_ENTRY: 'warning',
  ATTENDANCE_AFTER_EXIT: 'warning',
  ATTENDANCE_IN_FUTURE: 'error',
};

/** The documents this test holds to French typography (no-break spaces). */
const FRENCH_DOCS = [
  'docs/README.md',
  'docs/classeur.md',
  'docs/controles.md',
  'docs/indicateurs.md',
  'docs/presences.md',
  'docs/parcours.md',
  'docs/donnees-personnelles.md',
];

function read(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

function markdownFiles(): string[] {
  const docs = fs
    .readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/** The text outside fenced code blocks. */
function prose(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .filter((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence;
        return false;
      }
      return !inFence;
    })
    .join('\n');
}

/** GitHub's anchor of a heading: lower case, punctuation removed, spaces as hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of prose(markdown).split('\n')) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Link {
  file: string;
  target: string;
}

function relativeLinks(): Link[] {
  const links: Link[] = [];
  for (const file of markdownFiles()) {
    const text = prose(read(file)).replace(/`[^`\n]*`/g, '``'); // code spans hold no links
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, mailto:, tel:
      links.push({ file, target });
    }
  }
  return links;
}

/** Each `### CODE` section of docs/controles.md with the severity its first line gives. */
function documentedCodes(): Map<string, 'error' | 'warning' | null> {
  const sections = read('docs/controles.md').split(/^### /m).slice(1);
  const out = new Map<string, 'error' | 'warning' | null>();
  for (const section of sections) {
    const [title, ...body] = section.split('\n');
    const code = title.trim();
    if (!/^[A-Z][A-Z_]+$/.test(code)) continue;
    const first = body.join('\n').trim();
    out.set(code, first.startsWith('**Erreur.**') ? 'error' : first.startsWith('**Avertissement.**') ? 'warning' : null);
  }
  return out;
}

describe('the check codes in docs/controles.md', () => {
  const documented = documentedCodes();

  it.each(Object.keys(CHECK_SEVERITY))('documents %s, a code the checks emit', (code) => {
    expect(documented.has(code)).toBe(true);
  });

  it.each(Object.keys(CONTRACT_CODES))('documents %s, a code of the contract', (code) => {
    expect(documented.has(code)).toBe(true);
  });

  it('documents ATTENDANCE_IN_FUTURE as an error', () => {
    expect(documented.get('ATTENDANCE_IN_FUTURE')).toBe('error');
  });

  it('gives every code the severity the checks use', () => {
    const wrong = Object.entries(CHECK_SEVERITY)
      .filter(([code, severity]) => documented.get(code) !== severity)
      .map(([code]) => code);
    expect(wrong).toEqual([]);
  });

  it('gives every contract code its contract severity', () => {
    const wrong = Object.entries(CONTRACT_CODES)
      .filter(([code, severity]) => documented.get(code) !== severity)
      .map(([code]) => code);
    expect(wrong).toEqual([]);
  });

  it('documents no code that neither the checks nor the contract know', () => {
    const known = new Set([...Object.keys(CHECK_SEVERITY), ...Object.keys(CONTRACT_CODES)]);
    expect([...documented.keys()].filter((c) => !known.has(c))).toEqual([]);
  });

  it('lists every documented code in the summary table', () => {
    const text = read('docs/controles.md');
    const missing = [...documented.keys()].filter((code) => !text.includes(`| [\`${code}\`](#${code.toLowerCase()}) |`));
    expect(missing).toEqual([]);
  });
});

describe('README.md and docs/', () => {
  it.each(markdownFiles())('%s points to nothing outside the repository (../shared, SPEC.md)', (file) => {
    const text = read(file);
    expect({ file, shared: text.includes('../shared'), spec: text.includes('SPEC.md') }).toEqual({
      file,
      shared: false,
      spec: false,
    });
  });

  it('has every relative link pointing to an existing file', () => {
    const broken = relativeLinks()
      .map(({ file, target }) => {
        const [pathPart] = target.split('#');
        if (pathPart === '') return null;
        const resolved = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), decodeURI(pathPart)));
        if (fs.existsSync(path.join(ROOT, resolved))) return null;
        return `${file} → ${target}`;
      })
      .filter((x) => x !== null);
    expect(broken).toEqual([]);
  });

  it('has every link to a heading pointing to a heading of that document', () => {
    const broken = relativeLinks()
      .map(({ file, target }) => {
        const [pathPart, anchor] = target.split('#');
        if (anchor === undefined) return null;
        const targetFile =
          pathPart === '' ? path.join(ROOT, file) : path.resolve(path.dirname(path.join(ROOT, file)), decodeURI(pathPart));
        if (!targetFile.endsWith('.md') || !fs.existsSync(targetFile)) return null;
        return anchorsOf(fs.readFileSync(targetFile, 'utf8')).has(decodeURIComponent(anchor)) ? null : `${file} → ${target}`;
      })
      .filter((x) => x !== null);
    expect(broken).toEqual([]);
  });

  it('lists every document of docs/ in the index docs/README.md', () => {
    const index = read('docs/README.md');
    const unlisted = fs
      .readdirSync(DOCS)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .filter((f) => !index.includes(`](${f})`));
    expect(unlisted).toEqual([]);
  });

  it('links the README to the documentation index', () => {
    expect(read('README.md')).toContain('](docs/README.md)');
  });

  it('still starts the README with the two commands', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(read('README.md'))?.[1] ?? '';
    expect(
      firstBlock
        .split('\n')
        .slice(0, 2)
        .map((l) => l.split('#')[0].trim()),
    ).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });

  it.each(FRENCH_DOCS)('%s puts a no-break space before : ; ? ! and inside « »', (file) => {
    const offending = prose(read(file))
      .split('\n')
      .map((line) => line.replace(/`[^`]*`/g, '``'))
      .filter((line) => /[ \t][:;?!](\s|$)|«[ \t]|[ \t]»|^\s*[:;?!»]/.test(line));
    expect(offending).toEqual([]);
  });
});
