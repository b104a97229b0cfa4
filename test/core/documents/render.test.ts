/**
 * The printed documents' HTML (SPEC §12), from plain data: what each holds, text from the
 * workbook always as text, French dates in full, times and hours written the French way.
 */
import { renderCertificate, type CertificateData } from '../../../src/core/documents/certificate';
import { cssString, escapeHtml } from '../../../src/core/documents/html';
import { renderSignInSheet, type SignInSheetData } from '../../../src/core/documents/sign-in-sheet';
import { dayFromYmd } from '../../../src/core/days';

const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d) as number;

function sheet(overrides: Partial<SignInSheetData> = {}): SignInSheetData {
  return {
    organisation: 'Mission locale Bièvre',
    date: day(2018, 10, 30),
    times: { start: 14 * 60, end: 16 * 60 + 30 },
    theme: 'CV',
    place: 'Salle 1',
    facilitator: 'Nadia Roux',
    people: [
      { lastName: 'Benali', firstName: 'Yanis' },
      { lastName: 'Durand', firstName: 'Léo' },
    ],
    blankLines: 3,
    fundersNote: 'Action cofinancée par le Fonds social européen',
    ...overrides,
  };
}

function certificate(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    organisation: 'Mission locale Bièvre',
    firstName: 'Yanis',
    lastName: 'Benali',
    birthDate: day(2000, 5, 3),
    sessions: [
      { date: day(2018, 3, 6), theme: 'CV', hours: 2.5 },
      { date: day(2018, 3, 13), theme: 'Lettre de motivation', hours: 2 },
    ],
    hours: { attended: 4.5, unknown: 0 },
    today: day(2018, 11, 1),
    fundersNote: null,
    ...overrides,
  };
}

/** The text of the page as a reader sees it (tags removed, entities decoded, spaces collapsed). */
function text(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<script>[\s\S]*?<\/script>/g, '');
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** What the DOM's textContent of an element reads: tags removed without adding any space. */
function textContentOf(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1].replace(/<[^>]+>/g, ''));
}

const rowsOf = (html: string): string[] =>
  [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)][0][1].match(/<tr[\s\S]*?<\/tr>/g) ?? [];

describe('feuille d’émargement', () => {
  it('gives the date in full, the times, the theme, the place, the facilitator and the organisation', () => {
    const t = text(renderSignInSheet(sheet()));
    for (const part of [
      'Mission locale Bièvre',
      "Feuille d'émargement",
      "Club de l'alternance",
      'mardi 30 octobre 2018',
      'de 14\u00a0h\u00a000 à 16\u00a0h\u00a030',
      'Thème\u00a0: CV',
      'Lieu\u00a0: Salle 1',
      'Animateur\u00a0: Nadia Roux',
      "Signature de l'animateur",
    ]) {
      expect(t).toContain(part);
    }
  });

  it('lists the people, then the blank lines, N° counting on through them', () => {
    const rows = rowsOf(renderSignInSheet(sheet()));
    expect(rows.map((r) => text(r))).toEqual(['1 Benali Yanis', '2 Durand Léo', '3', '4', '5']);
  });

  it('leaves the times to fill in by hand when the session has none: "Horaires : ____ à ____", in one element', () => {
    const html = renderSignInSheet(sheet({ times: null }));
    expect(text(html)).toContain('Horaires\u00a0: ____ à ____');
    expect(textContentOf(html, 'div')).toContain('Horaires\u00a0: ____ à ____');
  });

  it('writes known times in one element too: "Horaires : de 14 h 00 à 16 h 30"', () => {
    const html = renderSignInSheet(sheet());
    expect(textContentOf(html, 'div')).toContain('Horaires\u00a0: de 14\u00a0h\u00a000 à 16\u00a0h\u00a030');
    expect(textContentOf(html, 'div')).toContain('Thème\u00a0: CV');
  });

  it('never prints more than 50 blank lines, nor fewer than none', () => {
    expect(rowsOf(renderSignInSheet(sheet({ people: [], blankLines: 80 })))).toHaveLength(50);
    expect(rowsOf(renderSignInSheet(sheet({ blankLines: -2 })))).toHaveLength(2);
  });

  it('inserts text from the workbook as text, in the page and in the footer', () => {
    const html = renderSignInSheet(
      sheet({
        people: [{ lastName: '<img src=x onerror=alert(1)>', firstName: '=HYPERLINK("x")' }],
        theme: '</style><script>alert(1)</script>',
        fundersNote: 'Financé "par" </style><b>nous</b> \\',
      }),
    );
    expect(html).not.toMatch(/<img|<script>alert|<b>nous/);
    expect(text(html)).toContain('<img src=x onerror=alert(1)> =HYPERLINK("x")');
    expect(html).toContain(cssString('Financé "par" </style><b>nous</b> \\'));
  });

  it('puts the footer and the page number in the page margins, repeats the table header and never splits a row', () => {
    const html = renderSignInSheet(sheet());
    expect(html).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " \/ " counter\(pages\)/);
    expect(html).toContain(`@bottom-left { content: ${cssString('Action cofinancée par le Fonds social européen')}`);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).toMatch(/tr \{ break-inside: avoid;/);
    expect(html).toContain('onclick="window.print()"');
  });
});

describe('attestation de participation', () => {
  it('says who took part, from the first to the last session, with the count and the hours', () => {
    const t = text(renderCertificate(certificate()));
    expect(t).toContain(
      "Yanis Benali, né(e) le mercredi 3 mai 2000, a participé aux ateliers du Club de l'alternance du mardi 6 mars 2018 au mardi 13 mars 2018.",
    );
    expect(t).toContain('Nombre de séances suivies\u00a0: 2');
    expect(t).toContain('Heures de présence\u00a0: 4,5\u00a0h');
    expect(t).toContain('mardi 6 mars 2018 CV 2,5\u00a0h');
    expect(t).toContain('Fait le jeudi 1er novembre 2018');
  });

  it('reads "le {date}" for one session and leaves the birth date out when unknown', () => {
    const t = text(
      renderCertificate(
        certificate({
          birthDate: null,
          sessions: [{ date: day(2018, 11, 1), theme: '', hours: null }],
          hours: { attended: 0, unknown: 1 },
        }),
      ),
    );
    expect(t).toContain("Yanis Benali, a participé aux ateliers du Club de l'alternance le jeudi 1er novembre 2018.");
    expect(t).not.toContain('né(e)');
    expect(t).toContain('jeudi 1er novembre 2018 — non renseignée');
  });

  it('says "au moins" when some sessions have no times', () => {
    const t = text(
      renderCertificate(
        certificate({
          sessions: [
            { date: day(2018, 3, 6), theme: 'CV', hours: 2.5 },
            { date: day(2018, 3, 13), theme: 'CV', hours: null },
          ],
          hours: { attended: 2.5, unknown: 1 },
        }),
      ),
    );
    expect(t).toContain('Heures de présence\u00a0: au moins 2,5\u00a0h');
  });

  it('says "au moins 0 h", with why, when no session attended has times', () => {
    const none = (n: number) =>
      text(
        renderCertificate(
          certificate({
            sessions: Array.from({ length: n }, (_, i) => ({ date: day(2018, 3, 6 + 7 * i), theme: 'CV', hours: null })),
            hours: { attended: 0, unknown: n },
          }),
        ),
      );
    expect(none(2)).toContain('Heures de présence\u00a0: au moins 0\u00a0h (les horaires des séances ne sont pas renseignés)');
    expect(none(1)).toContain('Heures de présence\u00a0: au moins 0\u00a0h (les horaires de la séance ne sont pas renseignés)');
    expect(none(2)).not.toContain('non connues');
  });

  it('inserts the name as text', () => {
    const html = renderCertificate(certificate({ lastName: '<script>alert(1)</script>' }));
    expect(html).not.toContain('<script>alert(1)');
    expect(text(html)).toContain('Yanis <script>alert(1)</script>, né(e)');
  });
});

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });

  it('turns every character that could end a CSS string or a style element into a hex escape', () => {
    expect(cssString('a"b\\c</style>\nd')).toBe('"a\\22 b\\5c c\\3c /style\\3e  d"');
  });
});
