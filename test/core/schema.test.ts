/** Tabs, headers and their synonyms (SPEC §2 and §2.1). */
import {
  ATTENDANCE,
  DATA_TABS,
  PARTICIPANTS,
  SESSIONS,
  SETTINGS,
  TabDefinition,
  findTabName,
  headerLookup,
  reportTabName,
} from '../../src/core/schema';
import { normalizeKey, normalizeTabName } from '../../src/core/text';

describe('header normalisation', () => {
  it.each([
    ["Date d'entrée ", 'datedentree'],
    ['Né(e) le', 'neele'],
    ['  CODE   POSTAL', 'codepostal'],
    ['Durée du contrat (mois)', 'dureeducontratmois'],
    ['E-mail', 'email'],
    ['N°', 'n'],
    ['Œuvre', 'oeuvre'],
    ['Tél.', 'tel'],
  ])('normalises %j to %j', (header, key) => {
    expect(normalizeKey(header)).toBe(key);
  });
});

/** Canonical header and synonyms of SPEC §2.1, written out independently of src/. */
const SPEC_HEADERS: Record<string, [string, string[], boolean][]> = {
  Participants: [
    ['ID', ['Identifiant', 'N°', 'Numéro', 'Réf'], true],
    ['Nom', ['Nom de famille'], true],
    ['Prénom', [], true],
    ['Sexe', ['Genre'], false],
    ['Date de naissance', ['Naissance', 'DDN', 'Né le', 'Né(e) le', 'Née le'], true],
    ['Commune', ['Ville', 'Commune de résidence'], true],
    ['Code postal', ['CP'], false],
    ['Résident QPV', ['QPV', 'Habite en QPV', 'Résidence QPV'], false],
    ['Quartier QPV', ['Quartier', 'Nom du QPV'], false],
    ['Niveau de formation', ['Niveau', "Niveau d'études", 'Dernier diplôme', 'Diplôme'], false],
    ["Date d'entrée", ["Date d'inscription", 'Entrée', 'Inscription'], true],
    ['Prescripteur', ['Orienté par', 'Orientation'], false],
    ['Projet professionnel', ['Métier visé', 'Projet'], false],
    ['Situation', ['Statut', 'Résultat'], false],
    ['Type de contrat', ['Contrat'], false],
    ['Diplôme préparé', ['Formation préparée'], false],
    ['Durée du contrat (mois)', ['Durée', 'Durée (mois)'], false],
    ['Employeur', ['Entreprise'], false],
    ['Organisme de formation', ['École', 'CFA'], false],
    ['Date de début du contrat', ['Début du contrat', 'Date de signature'], false],
    ['Date de sortie', ['Sortie le'], false],
    ['Téléphone', ['Tél', 'Tel', 'Portable'], false],
    ['Email', ['E-mail', 'Courriel', 'Mail'], false],
    ['Adresse', ['Adresse postale', 'Rue'], false],
    ['Commentaire', ['Remarques'], false],
    ["Âge à l'entrée", ["Age à l'entrée"], false],
    ['Anonymisé le', ['Anonymisation'], false],
  ],
  Séances: [
    ['Date', ['Date de la séance'], true],
    ['Thème', ['Atelier', 'Sujet'], false],
    ['Animateur', ['Intervenant'], false],
    ['Lieu', [], false],
    ['Début', ['Heure de début', 'Horaire de début'], false],
    ['Fin', ['Heure de fin', 'Horaire de fin'], false],
    ['Commentaire', [], false],
  ],
  Présences: [
    ['Date', ['Date de la séance', 'Séance'], true],
    ['ID participant', ['ID', 'Identifiant', 'Participant ID'], true],
    ['Statut', ['Présence'], true],
    ['Participant', [], false],
  ],
  Paramètres: [
    ['Année', [], false],
    ['Places prévues', [], false],
    ['Début de saison', [], false],
    ['Fin de saison', [], false],
    ['Commune du territoire', [], false],
    ['Quartier QPV', [], false],
    ['Commune du QPV', [], false],
    ['Seuil de confidentialité', [], false],
    // SPEC §11: row 2, the retention of personal data in years.
    ['Durée de conservation (années)', ['Durée de conservation'], false],
    // SPEC §2.1 (v3): row 2, the default times of a session and what documents print.
    ['Heure de début', [], false],
    ['Heure de fin', [], false],
    ['Structure', [], false],
    ['Mention des financeurs', [], false],
    ['Lignes vierges', [], false],
  ],
};

const TABS: Record<string, TabDefinition> = {
  Participants: PARTICIPANTS,
  Séances: SESSIONS,
  Présences: ATTENDANCE,
  Paramètres: SETTINGS,
};

describe.each(Object.keys(SPEC_HEADERS))('headers of %s', (tabName) => {
  const tab = TABS[tabName];
  const lookup = headerLookup(tab);

  it('has exactly the canonical headers and required columns of the SPEC', () => {
    expect(tab.name).toBe(tabName);
    expect(tab.columns.map((c) => c.header).sort()).toEqual(SPEC_HEADERS[tabName].map(([h]) => h).sort());
    for (const [header, , required] of SPEC_HEADERS[tabName]) {
      expect(tab.columns.find((c) => c.header === header)?.required).toBe(required);
    }
  });

  it('recognises every canonical header and synonym, whatever the case, accents and spacing', () => {
    for (const [header, synonyms] of SPEC_HEADERS[tabName]) {
      const key = tab.columns.find((c) => c.header === header)!.key;
      for (const text of [header, ...synonyms]) {
        expect(lookup.get(normalizeKey(text))).toBe(key);
        const variant = ` ${text
          .toUpperCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')}  `;
        expect(lookup.get(normalizeKey(variant))).toBe(key);
      }
    }
  });

  it('never maps one header text to two columns', () => {
    const seen = new Map<string, string>();
    for (const c of tab.columns) {
      for (const text of [c.header, ...c.synonyms]) {
        const k = normalizeKey(text);
        expect(seen.get(k) ?? c.key).toBe(c.key);
        seen.set(k, c.key);
      }
    }
  });
});

it('needs 3 recognised headers for Participants and 2 for the other tabs', () => {
  expect(PARTICIPANTS.minHeaders).toBe(3);
  expect([SESSIONS, ATTENDANCE, SETTINGS].map((t) => t.minHeaders)).toEqual([2, 2, 2]);
  expect(DATA_TABS).toHaveLength(4);
});

describe('tab names', () => {
  it('are matched ignoring case, accents and surrounding spaces', () => {
    const names = ['  PARTICIPANTS ', 'seances', 'Présences', 'Parametres', 'Bilan 2018'];
    expect(findTabName(names, 'Participants')).toBe('  PARTICIPANTS ');
    expect(findTabName(names, 'Séances')).toBe('seances');
    expect(findTabName(names, 'Présences')).toBe('Présences');
    expect(findTabName(names, 'Paramètres')).toBe('Parametres');
    expect(findTabName(names, 'Bilan 2017')).toBeNull();
    expect(findTabName([], 'Participants')).toBeNull();
  });

  it('keep inner spaces significant (collapsed)', () => {
    expect(normalizeTabName(' Bilan   2018 ')).toBe('bilan 2018');
    expect(findTabName(['Bilan2018'], 'Bilan 2018')).toBeNull();
  });

  it('take the first matching tab when two differ only by case', () => {
    expect(findTabName(['participants', 'Participants'], 'Participants')).toBe('participants');
  });

  it('name the report tab of a year "Bilan AAAA"', () => {
    expect(reportTabName(2018)).toBe('Bilan 2018');
  });
});
