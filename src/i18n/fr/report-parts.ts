/**
 * French text of the annual report's first and last parts (tab "Bilan AAAA", HTML report, CLI
 * table): who made it (`Structure`), and "Qualité des données" — the rows the figures could
 * not use, each with how to fix it where the report is read (the menu in Sheets, the command
 * `club-alternance verifier` for an export).
 */
import { frenchNumber } from './format';

/** Where the report is read: its fixes point to the menu (Sheets) or to the command line. */
export type ReportPlace = 'sheets' | 'cli';

const plural = (n: number, one: string, many: string): string => (Math.abs(n) >= 2 ? many : one);

/** How to find the faulty rows, where the report is read. */
const FIND: Record<ReportPlace, string> = {
  sheets: "le menu Club de l'alternance › «\u00a0Vérifier le classeur\u00a0» (une note sur chaque cellule dit quoi corriger)",
  cli: 'la commande «\u00a0club-alternance verifier <classeur.xlsx>\u00a0» (ligne, colonne et correction de chaque problème)',
};

/** What to do once the rows are fixed, where the report is read. */
const AGAIN: Record<ReportPlace, string> = {
  sheets: 'puis régénérez le bilan',
  cli: 'puis exportez à nouveau le classeur et relancez «\u00a0club-alternance bilan\u00a0»',
};

export const REPORT_PARTS = {
  /** `Structure` when Paramètres has none. */
  defaultOrganisation: 'Mission locale',
  /** The line under the organisation's name: the programme and the year. */
  programme: (year: number) => `Club de l'alternance — Bilan ${year}`,

  quality: {
    title: 'Qualité des données',
    columns: { count: 'Nombre', fix: 'Comment corriger' },
    complete: 'Toutes les lignes du classeur ont pu être utilisées pour les chiffres de ce bilan.',
    incomplete: (n: number) =>
      `${frenchNumber(n)} ${plural(n, "ligne ou séance n'a", "lignes ou séances n'ont")} pas pu être ${plural(n, 'utilisée', 'utilisées')} entièrement par les chiffres de ce bilan\u00a0: le tableau «\u00a0Qualité des données\u00a0» dit pourquoi et comment corriger.`,
    nothingToFix: 'Rien à corriger.',
    rows: {
      excludedRows: "Participants sans date d'entrée lisible (comptés dans aucune année)",
      ageUnknown: "Bénéficiaires sans date de naissance lisible (âge inconnu\u00a0: hors part des mineurs et tranches d'âge)",
      unknownId: "Présences de l'année dont l'ID n'est dans aucune ligne de Participants (non comptées)",
      unknownStatus: "Présences de l'année au statut vide ou inconnu (non comptées)",
      unreadableDate: 'Présences à la date vide ou illisible (comptées dans aucune année)',
      sessionsWithoutTimes: "Séances de l'année sans horaires (aucune heure comptée pour elles)",
    },
    fixes: {
      excludedRows: (p: ReportPlace) =>
        `Trouvez ces lignes avec ${FIND[p]}, saisissez la date d'entrée au format JJ/MM/AAAA, ${AGAIN[p]}.`,
      ageUnknown: (p: ReportPlace) =>
        `Trouvez ces lignes avec ${FIND[p]}, saisissez la date de naissance au format JJ/MM/AAAA, ${AGAIN[p]}.`,
      unknownId: (p: ReportPlace) =>
        `Trouvez ces lignes avec ${FIND[p]}, corrigez l'ID ou ajoutez la personne à Participants, ${AGAIN[p]}.`,
      unknownStatus: (p: ReportPlace) => `Trouvez ces lignes avec ${FIND[p]}, choisissez Présent, Absent ou Excusé, ${AGAIN[p]}.`,
      unreadableDate: (p: ReportPlace) =>
        `Trouvez ces lignes avec ${FIND[p]}, écrivez la date de la séance au format JJ/MM/AAAA, ${AGAIN[p]}.`,
      sessionsWithoutTimes: (p: ReportPlace) =>
        `Indiquez «\u00a0Début\u00a0» et «\u00a0Fin\u00a0» dans l'onglet Séances, ou «\u00a0Heure de début\u00a0» et «\u00a0Heure de fin\u00a0» dans Paramètres pour toutes les séances, ${AGAIN[p]}.`,
    },
    /** A required Participants column is absent: its values count as not given. */
    missingColumns: (headers: string[], p: ReportPlace) =>
      `${plural(headers.length, 'Colonne absente', 'Colonnes absentes')} dans Participants (${headers.join(', ')})\u00a0: les valeurs correspondantes sont comptées «\u00a0non renseigné\u00a0». Ajoutez-${plural(headers.length, 'la', 'les')} (${p === 'sheets' ? "menu Club de l'alternance › «\u00a0Vérifier le classeur\u00a0»" : '«\u00a0club-alternance verifier <classeur.xlsx>\u00a0»'} les nomme), ${AGAIN[p]}.`,
  },
} as const;
