/** French text of the annual report (tab "Bilan AAAA", HTML report, CLI table, menu, sidebar). */
const plural = (n: number, one: string, many: string): string => (Math.abs(n) >= 2 ? many : one);

export const REPORT = {
  title: (year: number) => `Club de l'alternance — Bilan ${year}`,
  generatedOn: (date: string) =>
    `Généré le ${date} · chiffres agrégés, sans aucune donnée nominative · année civile (1er janvier – 31 décembre).`,
  excludedWarning: (n: number) =>
    `Attention : ${n} ${plural(n, "ligne de l'onglet Participants n'a pas", "lignes de l'onglet Participants n'ont pas")} de date d'entrée lisible et ${plural(n, "n'est comptée", 'ne sont comptées')} dans aucune année. Corrigez-${plural(n, 'la', 'les')} avec « Vérifier le classeur » (menu Club de l'alternance), puis régénérez le bilan.`,
  missingColumnsWarning: (headers: string[]) =>
    `Attention : ${plural(headers.length, 'colonne absente', 'colonnes absentes')} dans Participants (${headers.join(', ')}) : les valeurs correspondantes sont comptées « non renseigné ». Voir « Vérifier le classeur ».`,
  thresholdNote: (n: number) =>
    `Seuil de confidentialité : les effectifs de 1 à ${n - 1} sont affichés « < ${n} » ; les pourcentages et évolutions qui en découlent ne sont pas affichés (—).`,
  ageNote:
    "Âges en années révolues à la date d'entrée (pour les reconduits : à leur première présence de l'année). Sorties : situation connue, datée au plus tard le 31 décembre (sinon « toujours en recherche »).",
  noPreviousYear: (year: number) => `Pas de données pour ${year} : la comparaison n'est pas possible.`,

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
    presences: 'Présences (part : taux de présence)',
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
  months: ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'],

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
      ? 'Année du bilan (AAAA) :'
      : `Année du bilan (AAAA) — laissez vide pour ${suggested}, la dernière année avec des séances :`,
  invalidYear: (text: string) =>
    `« ${text.length > 40 ? `${text.slice(0, 39)}…` : text} » n'est pas une année valide : saisissez quatre chiffres, par exemple 2018. Aucun bilan n'a été généré.`,
  invalidYearValue: 'Année invalide : indiquez une année sur quatre chiffres, par exemple 2018.',
  noYearGiven: "Aucune année n'a été indiquée. Aucun bilan n'a été généré.",
  noData: (year: number) =>
    `Aucune donnée pour ${year} : ni bénéficiaire ni séance. Aucun bilan n'a été généré.`,
  noParticipantsTab:
    "Onglet « Participants » introuvable (ou sans ligne d'en-tête reconnue) : le bilan ne peut pas être calculé. Utilisez « Préparer le classeur » ou « Vérifier le classeur ».",
  noEntryDateColumn:
    "La colonne « Date d'entrée » est absente de l'onglet Participants : le bilan ne peut pas être calculé. Voir « Vérifier le classeur ».",
  confirmTitle: 'Remplacer le bilan ?',
  confirmReplace: (sheet: string) =>
    `L'onglet « ${sheet} » existe déjà. Le remplacer par un bilan recalculé à partir des données actuelles ? (Les onglets de données ne sont pas modifiés.)`,
  cancelled: "Bilan non généré : l'onglet existant est conservé.",
  done: (sheet: string) => `Bilan écrit dans l'onglet « ${sheet} ».`,
  summaryLine: (parts: string[]) => parts.join(' · '),

  // CLI ---------------------------------------------------------------------------------
  cli: {
    usage: 'Usage : club-alternance bilan <classeur.xlsx> --annee AAAA [--json] [--sortie bilan.html]',
    missingFile: 'Indiquez le classeur .xlsx à lire. Usage : club-alternance bilan <classeur.xlsx> --annee AAAA',
    missingYear: "Indiquez l'année du bilan avec --annee AAAA (par exemple --annee 2018).",
    badYear: (text: string) => `Année invalide pour --annee : « ${text} ». Indiquez quatre chiffres, par exemple --annee 2018.`,
    missingOutput: 'Indiquez le fichier à écrire après --sortie (par exemple --sortie bilan.html).',
    unknownOption: (opt: string) => `Option inconnue : « ${opt} ». Usage : club-alternance bilan <classeur.xlsx> --annee AAAA [--json] [--sortie bilan.html]`,
    extraArgument: (arg: string) => `Argument en trop : « ${arg} ». Un seul classeur à la fois.`,
    notXlsx: (path: string) => `${path} n'est pas un fichier .xlsx : exportez le classeur au format Excel (.xlsx).`,
    noParticipants: (path: string) => `${path} n'a pas d'onglet « Participants » : ce n'est pas un classeur du Club de l'alternance.`,
    sameAsInput: 'Le fichier de --sortie est le classeur lu : choisissez un autre nom (le classeur n\'est jamais modifié).',
    cannotWrite: (path: string, reason: string) => `Impossible d'écrire ${path} : ${reason}`,
    written: (path: string) => `Bilan HTML écrit dans ${path}.`,
    tableHeader: (year: number) => `Bilan ${year} — Club de l'alternance`,
  },

  // HTML --------------------------------------------------------------------------------
  html: {
    lang: 'fr',
    charts: 'Graphiques',
    footer: "Document généré par le module Club de l'alternance à partir du classeur de suivi. Chiffres agrégés, sans aucune donnée nominative.",
    noValue: 'aucune donnée',
  },

  // Sidebar -----------------------------------------------------------------------------
  sidebar: {
    intro:
      "Calcule les chiffres de l'année civile pour les financeurs et les écrit dans un onglet « Bilan AAAA » (les onglets de données ne sont pas modifiés).",
    yearLabel: 'Année',
    noYears: "Aucune année avec des données : saisissez d'abord des participants ou des séances.",
    generate: 'Générer le bilan',
    replace: (year: number) => `Remplacer le bilan ${year}`,
    existsNote: (sheet: string) => `L'onglet « ${sheet} » existe déjà : il sera remplacé.`,
    working: 'Calcul du bilan…',
    done: (sheet: string) => `Bilan écrit dans l'onglet « ${sheet} ».`,
    figuresTitle: 'Chiffres clés',
    figures: {
      beneficiaries: (n: number, places: number | null, fill: number | null) =>
        places === null
          ? `${n} bénéficiaires (pas de places prévues dans Paramètres)`
          : `${n} bénéficiaires pour ${places} places prévues${fill === null ? '' : ` (${fill} %)`}`,
      entrants: (n: number, c: number) => `${n} nouveaux entrants, ${c} reconduits`,
      share: (label: string, n: number, p: number | null) => `${label} : ${n}${p === null ? '' : ` (${p} %)`}`,
      sex: (f: number, h: number, u: number) => `Femmes : ${f} · Hommes : ${h}${u > 0 ? ` · non renseigné : ${u}` : ''}`,
      attendance: (s: number, p: number, rate: number | null) =>
        `${s} séances, ${p} présences${rate === null ? '' : ` (taux de présence ${rate} %)`}`,
      outcomes: (pos: number, rate: number | null, ws: number) =>
        `Sorties positives : ${pos}${rate === null ? '' : ` (${rate} %)`}, dont ${ws} alternances signées`,
    },
  },
} as const;
