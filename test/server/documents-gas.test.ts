/**
 * The printed documents through the built bundle dist/Code.js on the counting fake of the
 * Apps Script services (SPEC §5, §12): showSignInSheet and showCertificate open a modal
 * dialog holding the document; the menu item asks for the date first; refusals are French;
 * the same service calls for 10 000 participants as for 100; nothing written, nothing logged.
 */
import { generateDataset, sessionDates } from '../../bench/dataset';
import { participant, participantsTab } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

function workbook(): FakeGas {
  return createFakeGas({
    sheets: {
      Participants: participantsTab([
        participant({ id: 'G-1', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-09-04', phone: '06 39 98 00 01' }),
        participant({ id: 'G-2', lastName: 'Durand', firstName: 'Léo', entryDate: '2018-09-04', birthDate: '' }),
        participant({ id: 'G-3', lastName: 'Akli', firstName: 'Sofia', entryDate: '2018-09-04' }),
        participant({ id: 'G-4', lastName: 'Moreau', firstName: 'Lina', entryDate: '2018-09-04', anonymisedOn: '2026-01-05' }),
      ]) as FakeInputCell[][],
      Séances: [
        ['Date', 'Thème', 'Animateur', 'Lieu', 'Début', 'Fin'],
        ['2018-10-02', 'cv', 'Nadia Roux', 'Salle 1', '14:00', '16:30'],
        ['2018-10-09', 'Lettre de motivation', 'Nadia Roux', 'Salle 1', '', ''],
      ] as FakeInputCell[][],
      Présences: [
        ['Date', 'ID participant', 'Participant', 'Statut'],
        ['2018-10-02', 'G-1', 'Benali Yanis', 'Présent'],
        ['2018-10-09', 'G-1', 'Benali Yanis', 'Présent'],
        ['2018-10-02', 'G-2', 'Durand Léo', 'Présent'],
        ['2018-10-02', 'G-3', 'Akli Sofia', 'Absent'],
      ] as FakeInputCell[][],
      Paramètres: [
        ['Structure', 'Mention des financeurs', 'Lignes vierges'],
        ['Mission locale de la Bièvre', 'Action cofinancée par le Fonds social européen', 4],
      ] as FakeInputCell[][],
    },
  });
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** The visible text of a dialog's HTML. */
function textOf(html: string): string {
  return html
    .replace(/<(style|script)>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \n]+/g, ' ');
}

beforeAll(() => ensureBundleBuilt());

describe('showSignInSheet in dist/Code.js', () => {
  it('opens one modal dialog holding the sheet of the date and says how many people it lists', () => {
    const fake = workbook();
    const r = plain(loadBundle(fake).call('showSignInSheet', '2018-10-02'));
    expect(r).toEqual({ listed: 3 });
    expect(fake.uiLog.dialogs.map((d) => [d.title, d.modal])).toEqual([["Feuille d'émargement", true]]);
    const text = textOf(fake.uiLog.dialogs[0].html);
    for (const part of [
      'Mission locale de la Bièvre',
      'mardi 2 octobre 2018',
      'de 14\u00a0h\u00a000 à 16\u00a0h\u00a030',
      'Thème\u00a0: cv',
      'Animateur\u00a0: Nadia Roux',
      '1 Akli Sofia 2 Benali Yanis 3 Durand Léo 4 5 6 7 ',
      'Action cofinancée par le Fonds social européen',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toMatch(/Moreau|06 39 98/);
    expect(fake.uiLog.dialogs[0].html).toContain('window.print()');
  });

  it('accepts a date after today', () => {
    const fake = workbook();
    const next = new Date();
    const iso = `${next.getUTCFullYear() + 1}-01-06`;
    fake.setSheet('Séances', [
      ['Date', 'Thème'],
      [iso, 'Bilan'],
    ]);
    expect(plain(loadBundle(fake).call('showSignInSheet', iso))).toEqual({ listed: 0 });
    expect(fake.uiLog.dialogs).toHaveLength(1);
  });

  it('refuses in French a date with no session and nobody listed, and an unreadable date, with no dialog', () => {
    const fake = workbook();
    const gas = loadBundle(fake);
    expect(() => gas.call('showSignInSheet', '2015-01-06')).toThrow(/Aucune séance le 06\/01\/2015 et personne n'y est attendu/);
    expect(() => gas.call('showSignInSheet', '30/10/2018')).toThrow(/est illisible/);
    expect(fake.uiLog.dialogs).toEqual([]);
  });
});

describe('showCertificate in dist/Code.js', () => {
  it('opens one modal dialog holding the certificate and says how many sessions it lists', () => {
    const fake = workbook();
    const r = plain(loadBundle(fake).call('showCertificate', 'g-1'));
    expect(r).toEqual({ sessions: 2 });
    expect(fake.uiLog.dialogs.map((d) => [d.title, d.modal])).toEqual([['Attestation de participation', true]]);
    const text = textOf(fake.uiLog.dialogs[0].html);
    for (const part of [
      "Yanis Benali, né(e) le samedi 15 avril 2000, a participé aux ateliers du Club de l'alternance du mardi 2 octobre 2018 au mardi 9 octobre 2018.",
      'Nombre de séances suivies\u00a0: 2',
      'Heures de présence\u00a0: au moins 2,5\u00a0h',
      'mardi 2 octobre 2018 CV 2,5\u00a0h',
      'mardi 9 octobre 2018 Lettre de motivation non renseignée',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('reads "le {date}" for one session and leaves out an unknown birth date', () => {
    const fake = workbook();
    loadBundle(fake).call('showCertificate', 'G-2');
    const text = textOf(fake.uiLog.dialogs[0].html);
    expect(text).toContain("Léo Durand, a participé aux ateliers du Club de l'alternance le mardi 2 octobre 2018.");
    expect(text).not.toContain('né(e)');
  });

  it('refuses an unknown ID, an anonymised one and someone never Présent, with no dialog', () => {
    const fake = workbook();
    const gas = loadBundle(fake);
    expect(() => gas.call('showCertificate', 'Z-404')).toThrow(/Aucun jeune n'a l'identifiant/);
    expect(() => gas.call('showCertificate', 'G-4')).toThrow(/anonymisée/);
    expect(() => gas.call('showCertificate', 'G-3')).toThrow(/aucune présence/);
    expect(fake.uiLog.dialogs).toEqual([]);
  });
});

describe('menu "Imprimer la feuille d\'émargement…" in dist/Code.js', () => {
  it('is in the menu and asks for the date in a small dialog set to the next session', () => {
    const fake = workbook();
    fake.setSheet('Séances', [
      ['Date', 'Thème'],
      ['2018-10-02', 'CV'],
      [`${new Date().getUTCFullYear() + 2}-03-03`, 'Bilan'],
    ]);
    const gas = loadBundle(fake);
    gas.call('onOpen', {});
    expect(JSON.stringify(fake.uiLog.menus)).toContain("Imprimer la feuille d'émargement…");
    gas.call('menuPrintSignInSheet');
    const dialog = fake.uiLog.dialogs[0];
    expect([dialog.title, dialog.modal]).toEqual(["Imprimer la feuille d'émargement", true]);
    expect(dialog.html).toContain(`value="${new Date().getUTCFullYear() + 2}-03-03"`);
    expect(dialog.html).toMatch(/google\.script\.run[\s\S]*\.showSignInSheet\(input\.value\)/);
  });
});

describe('service calls of the documents', () => {
  function calls(n: number, run: (gas: ReturnType<typeof loadBundle>, fake: FakeGas) => void) {
    const fake = createFakeGas({ sheets: generateDataset(n, { rowsPerParticipant: 2 }).tabs });
    const gas = loadBundle(fake);
    fake.resetCalls();
    run(gas, fake);
    return { calls: fake.snapshotCalls(), logs: gas.logs };
  }
  const lastSession = sessionDates().at(-1) as string;
  const sheet = (gas: ReturnType<typeof loadBundle>) => gas.call('showSignInSheet', lastSession);
  const certificate = (gas: ReturnType<typeof loadBundle>, fake: FakeGas) => {
    const values = fake.values('Présences');
    const present = values.find((r) => r[3] === 'Présent') as unknown[];
    gas.call('showCertificate', String(present[1]));
  };

  it('makes the same calls for 10 000 participants as for 100, never writes and logs nothing', () => {
    const results = [calls(100, sheet), calls(10_000, sheet), calls(100, certificate), calls(10_000, certificate)];
    expect(results[1].calls).toEqual(results[0].calls);
    expect(results[3].calls).toEqual(results[2].calls);
    for (const r of results) {
      const writes = Object.keys(r.calls).filter(
        (m) => /\.(set|insert|clear|delete|append|activate)/.test(m) && !/^HtmlOutput/.test(m),
      );
      expect([writes, r.calls['Ui.showModalDialog'], r.logs]).toEqual([[], 1, []]);
    }
  });
});
