/** French text of the annual report (tab "Bilan AAAA", HTML report, CLI table, menu, sidebar). */
import { frenchNumber } from './format';
const plural = (n: number, one: string, many: string): string => (Math.abs(n) >= 2 ? many : one);
const CLI_USAGE = 'Usage\u00a0: club-alternance bilan <classeur.xlsx> --annee AAAA [--json] [--sortie bilan.html] [--remplacer]';

export const REPORT = {
  title: (year: number) => `Club de l'alternance — Bilan ${year}`,
  generatedOn: (date: string) =>
    `Généré le ${date} · chiffres agrégés, sans aucune donnée nominative · année civile (1er janvier – 31 décembre).`,
  excludedWarning: (n: number) =>
    `Attention\u00a0: ${n} ${plural(n, "ligne de l'onglet Participants n'a pas", "lignes de l'onglet Participants n'ont pas")} de date d'entrée lisible et ${plural(n, "n'est comptée", 'ne sont comptées')} dans aucune année. Corrigez-${plural(n, 'la', 'les')} avec «\u00a0Vérifier le classeur\u00a0» (menu Club de l'alternance), puis régénérez le bilan.`,
  missingColumnsWarning: (headers: string[]) =>
    `Attention\u00a0: ${plural(headers.length, 'colonne absente', 'colonnes absentes')} dans Participants (${headers.join(', ')})\u00a0: les valeurs correspondantes sont comptées «\u00a0non renseigné\u00a0». Voir «\u00a0Vérifier le classeur\u00a0».`,
  thresholdNote: (n: number) =>
    `Seuil de confidentialité\u00a0: les effectifs de 1 à ${n - 1} sont affichés «\u00a0< ${n}\u00a0»\u00a0; les pourcentages et évolutions qui en découlent ne sont pas affichés (—).`,
  ageNote:
    "Âges en années révolues à la date d'entrée (pour les reconduits\u00a0: à leur première présence de l'année). Sorties\u00a0: situation connue, datée au plus tard le 31 décembre (sinon «\u00a0toujours en recherche\u00a0»).",
  noPreviousYear: (year: number) => `Pas de données pour ${year}\u00a0: la comparaison n'est pas possible.`,

  columns: {
    share: '%',
    change: 'Évolution',
  },

  tables: {
    key: 'Chiffres clés',
    districts: 'Résidents QPV par quartier',
    communes: 'Communes de résidence',
    ages: "Tranches d'âge",
    levels: 'Niveaux de formation',
    attendance: 'Séances et présences',
    outcomes: "Sorties de l'année",
    months: 'Présences par mois',
  },

  rows: {
    plannedPlaces: 'Places prévues',
    beneficiaries: 'Bénéficiaires',
    fillRate: 'Taux de remplissage (bénéficiaires / places prévues)',
    newEntrants: "Nouveaux entrants (entrés dans l'année)",
    carriedOver: "Reconduits (entrés avant, présents dans l'année)",
    minors: 'Mineurs (moins de 18 ans)',
    qpv: 'Résidents QPV',
    qpvUnknown: 'Résidence QPV non renseignée',
    women: 'Femmes',
    men: 'Hommes',
    sexUnknown: 'Sexe non renseigné',
    positive: 'Sorties positives (alternance, formation, emploi)',
    noDistrict: 'Aucun résident QPV',
    under18: 'Moins de 18 ans',
    from18to21: '18 à 21 ans',
    from22to25: '22 à 25 ans',
    from26: '26 ans et plus',
    ageUnknown: 'Date de naissance non renseignée',
    sessions: 'Séances',
    presences: 'Présences (part\u00a0: taux de présence)',
    absences: 'Absences',
    excused: 'Excusés',
    meanPerSession: 'Moyenne de présents par séance',
    meanSessionsPerBeneficiary: 'Moyenne de présences par bénéficiaire',
    workStudy: 'Alternance signée',
    apprenticeship: "Alternances signées en contrat d'apprentissage",
    professionalisation: 'Alternances signées en contrat de professionnalisation',
    training: 'Formation',
    employment: 'Emploi',
    dropout: 'Abandon',
    other: 'Autre',
    stillSearching: 'Toujours en recherche',
    meanContractMonths: 'Durée moyenne des contrats (mois)',
  },
  months: [
    'Janvier',
    'Février',
    'Mars',
    'Avril',
    'Mai',
    'Juin',
    'Juillet',
    'Août',
    'Septembre',
    'Octobre',
    'Novembre',
    'Décembre',
  ],

  monthsShort: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],

  charts: {
    communes: (year: number) => `Bénéficiaires ${year} par commune`,
    outcomes: (year: number) => `Sorties ${year}`,
    months: (year: number) => `Présences par mois (${year} et ${year - 1})`,
  },

  notAvailable: '—',
  masked: (n: number) => `< ${n}`,
  points: (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)} ${plural(n, 'pt', 'pts')}`,

  // Server / menu -----------------------------------------------------------------------
  promptTitle: 'Générer le bilan annuel',
  promptMessage: (suggested: number | null) =>
    suggested === null
      ? 'Année du bilan (AAAA)\u00a0:'
      : `Année du bilan (AAAA)\u00a0: ${suggested} est proposée, la dernière année avec des séances.`,
  invalidYear: (text: string, min: number, max: number) =>
    `«\u00a0${text.length > 40 ? `${text.slice(0, 39)}…` : text}\u00a0» n'est pas une année valide\u00a0: saisissez une année de ${min} à ${max}, en quatre chiffres (par exemple 2018). Aucun bilan n'a été généré.`,
  invalidYearValue: (min: number, max: number) =>
    `Année invalide\u00a0: indiquez une année de ${min} à ${max}, en quatre chiffres (par exemple 2018).`,
  noYearGiven: "Aucune année n'a été indiquée. Aucun bilan n'a été généré.",
  noData: (year: number) => `Aucune donnée pour ${year}\u00a0: ni bénéficiaire ni séance. Aucun bilan n'a été généré.`,
  noParticipantsTab:
    "Onglet «\u00a0Participants\u00a0» introuvable (ou sans ligne d'en-tête reconnue)\u00a0: le bilan ne peut pas être calculé. Utilisez «\u00a0Préparer le classeur\u00a0» ou «\u00a0Vérifier le classeur\u00a0».",
  noEntryDateColumn:
    "La colonne «\u00a0Date d'entrée\u00a0» est absente de l'onglet Participants\u00a0: le bilan ne peut pas être calculé. Voir «\u00a0Vérifier le classeur\u00a0».",
  confirmTitle: 'Remplacer le bilan\u00a0?',
  confirmReplace: (sheet: string) =>
    `L'onglet «\u00a0${sheet}\u00a0» existe déjà. Le remplacer par un bilan recalculé à partir des données actuelles\u00a0? (Les onglets de données ne sont pas modifiés.)`,
  cancelled: "Bilan non généré\u00a0: l'onglet existant est conservé.",
  done: (sheet: string) => `Bilan écrit dans l'onglet «\u00a0${sheet}\u00a0».`,
  summaryLine: (parts: string[]) => parts.join(' · '),

  // CLI ---------------------------------------------------------------------------------
  cli: {
    usage: CLI_USAGE,
    missingFile: 'Indiquez le classeur .xlsx à lire. Usage\u00a0: club-alternance bilan <classeur.xlsx> --annee AAAA',
    missingYear: "Indiquez l'année du bilan avec --annee AAAA (par exemple --annee 2018).",
    badYear: (text: string, min: number, max: number) =>
      `Année invalide pour --annee\u00a0: «\u00a0${text}\u00a0». Indiquez une année de ${min} à ${max}, en quatre chiffres (par exemple --annee 2018).`,
    missingOutput: 'Indiquez le fichier à écrire après --sortie (par exemple --sortie bilan.html).',
    unknownOption: (opt: string) => `Option inconnue\u00a0: «\u00a0${opt}\u00a0». ${CLI_USAGE}`,
    extraArgument: (arg: string) => `Argument en trop\u00a0: «\u00a0${arg}\u00a0». Un seul classeur à la fois.`,
    notXlsx: (path: string) => `${path} n'est pas un fichier .xlsx\u00a0: exportez le classeur au format Excel (.xlsx).`,
    noParticipants: (path: string) =>
      `${path} n'a pas d'onglet «\u00a0Participants\u00a0»\u00a0: ce n'est pas un classeur du Club de l'alternance.`,
    written: (path: string) => `Bilan HTML écrit dans ${path}.`,
    tableHeader: (year: number) => `Bilan ${year} — Club de l'alternance`,
  },

  // HTML --------------------------------------------------------------------------------
  html: {
    lang: 'fr',
    charts: 'Graphiques',
    footer:
      "Document généré par le module Club de l'alternance à partir du classeur de suivi. Chiffres agrégés, sans aucune donnée nominative.",
    noValue: 'aucune donnée',
  },

  // Sidebar -----------------------------------------------------------------------------
  sidebar: {
    intro:
      "Calcule les chiffres de l'année civile pour les financeurs et les écrit dans un onglet «\u00a0Bilan AAAA\u00a0» (les onglets de données ne sont pas modifiés).",
    yearLabel: 'Année',
    noYears: "Aucune année avec des données\u00a0: saisissez d'abord des participants ou des séances.",
    generate: 'Générer le bilan',
    replace: (year: number) => `Remplacer le bilan ${year}`,
    existsNote: (sheet: string) => `L'onglet «\u00a0${sheet}\u00a0» existe déjà\u00a0: il sera remplacé.`,
    working: 'Calcul du bilan…',
    done: (sheet: string) => `Bilan écrit dans l'onglet «\u00a0${sheet}\u00a0».`,
    figuresTitle: 'Chiffres clés',
    figures: {
      beneficiaries: (n: number, places: number | null, fill: number | null) =>
        places === null
          ? `${frenchNumber(n)} bénéficiaires (pas de places prévues dans Paramètres)`
          : `${frenchNumber(n)} bénéficiaires pour ${frenchNumber(places)} places prévues${fill === null ? '' : ` (${fill}\u00a0%)`}`,
      entrants: (n: number, c: number) => `${frenchNumber(n)} nouveaux entrants, ${frenchNumber(c)} reconduits`,
      share: (label: string, n: number, p: number | null) =>
        `${label}\u00a0: ${frenchNumber(n)}${p === null ? '' : ` (${frenchNumber(p)}\u00a0%)`}`,
      sex: (f: number, h: number, u: number) =>
        `Femmes\u00a0: ${frenchNumber(f)} · Hommes\u00a0: ${frenchNumber(h)}${u > 0 ? ` · non renseigné\u00a0: ${frenchNumber(u)}` : ''}`,
      attendance: (s: number, p: number, rate: number | null) =>
        `${frenchNumber(s)} séances, ${frenchNumber(p)} présences${rate === null ? '' : ` (taux de présence ${rate}\u00a0%)`}`,
      outcomes: (pos: number, rate: number | null, ws: number) =>
        `Sorties positives\u00a0: ${frenchNumber(pos)}${rate === null ? '' : ` (${rate}\u00a0%)`}, dont ${frenchNumber(ws)} alternances signées`,
    },
  },
} as const;

/** How CLI users run the checks (the menu does not exist for them). */
export const CLI_VERIFY_COMMAND = '«\u00a0club-alternance verifier <classeur.xlsx>\u00a0»';

/**
 * A message written for the add-on's menu, reworded for the command line: it points to
 * `club-alternance verifier` instead of the menu items.
 */
export function forCli(message: string): string {
  return message
    .split("«\u00a0Vérifier le classeur\u00a0» (menu Club de l'alternance)")
    .join(CLI_VERIFY_COMMAND)
    .split('Utilisez «\u00a0Préparer le classeur\u00a0» ou «\u00a0Vérifier le classeur\u00a0»')
    .join(`Lancez ${CLI_VERIFY_COMMAND}`)
    .split('«\u00a0Vérifier le classeur\u00a0»')
    .join(CLI_VERIFY_COMMAND);
}
