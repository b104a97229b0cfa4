/** French text of the local preview (`npm start`): console, HTTP errors and the page. */
export const PREVIEW = {
  // Console
  usage: [
    'Usage\u00a0: npm start [-- chemin/vers/export.xlsx]',
    '',
    "Sans argument, l'aperçu ouvre le classeur de démonstration (personnes fictives).",
    'Avec un fichier .xlsx, il ouvre une copie en mémoire de ce fichier\u00a0: «\u00a0Enregistrer une copie\u00a0»',
    "écrit <nom>.apercu.xlsx à côté, jamais par-dessus l'original.",
    'Variables\u00a0: PORT (8080 par défaut), APERCU_AUJOURDHUI=AAAA-MM-JJ (date du jour simulée).',
  ].join('\n'),
  tooManyArguments: 'Un seul classeur à la fois\u00a0: npm start -- chemin/vers/export.xlsx',
  unknownOption: (option: string) => `Option inconnue\u00a0: ${option} (npm start -- --aide pour l'usage).`,
  notXlsx: (name: string) =>
    `${name} n'est pas un fichier .xlsx\u00a0: exportez le classeur depuis Google Sheets (Fichier › Télécharger › Microsoft Excel).`,
  cannotOpen: (message: string) => `Impossible d'ouvrir le classeur. ${message}`,
  badPort: (value: string) => `PORT=${value} n'est pas un numéro de port valide (1 à 65535).`,
  badToday: (value: string) => `APERCU_AUJOURDHUI=${value} n'est pas une date AAAA-MM-JJ valide.`,
  portInUse: (port: number) =>
    `Le port ${port} est déjà utilisé (un autre aperçu tourne peut-être). Relancez avec un autre port\u00a0: PORT=${port + 1} npm start`,
  listenFailed: (message: string) => `Le serveur d'aperçu n'a pas pu démarrer\u00a0: ${message}`,
  sidebarMissing: "La barre latérale n'est pas construite (dist/Sidebar.html absent)\u00a0: lancez npm run build.",
  pageBuildFailed: (message: string) => `La page d'aperçu n'a pas pu être construite\u00a0: ${message}`,
  started: (url: string) => `Aperçu du Club de l'alternance\u00a0: ${url}`,
  startedDemo: 'Classeur de démonstration (personnes fictives). Ctrl+C pour arrêter.',
  startedFile: (name: string) =>
    `Classeur ouvert en mémoire\u00a0: ${name} (l'original n'est jamais modifié\u00a0; «\u00a0Enregistrer une copie\u00a0» écrit à côté). Ctrl+C pour arrêter.`,
  stopped: 'Aperçu arrêté.',

  // HTTP API
  notFound: 'Page introuvable.',
  forbiddenHost: "Accès refusé\u00a0: l'aperçu ne répond qu'à 127.0.0.1 et localhost.",
  jsonExpected: 'Requête invalide\u00a0: un corps JSON est attendu.',
  bodyTooLarge: 'Requête trop volumineuse.',
  unknownFunction: (name: string) => `Fonction serveur inconnue\u00a0: ${name}.`,
  unknownHandler: (name: string) => `Action du menu inconnue\u00a0: ${name}.`,
  argsExpected: 'Requête invalide\u00a0: «\u00a0args\u00a0» doit être une liste.',
  answersExpected: 'Requête invalide\u00a0: «\u00a0answers\u00a0» doit être une liste de réponses.',
  demoSaved: (name: string, dir: string) => `Copie du classeur de démonstration enregistrée\u00a0: ${name} (dossier ${dir}).`,
  demoNoFreeName: (dir: string) =>
    `le dossier ${dir} contient déjà trop de copies du classeur de démonstration\u00a0: rangez-en quelques-unes.`,
  demoCannotWrite: (dir: string) => `impossible d'écrire dans le dossier ${dir}.`,
  editRefused: 'Modification refusée\u00a0: cette cellule est hors du classeur.',
  editTooLong: (max: number) => `Texte trop long\u00a0: une cellule contient au plus ${max.toLocaleString('fr-FR')} caractères.`,
  nothingToSave: "Le classeur de démonstration n'a pas de fichier d'origine\u00a0: rien à enregistrer à côté.",
  saved: (name: string) => `Copie enregistrée\u00a0: ${name} (l'original n'a pas été modifié).`,
  saveFailed: (message: string) => `La copie n'a pas pu être enregistrée\u00a0: ${message}`,
  unexpected: "Une erreur inattendue est survenue dans le serveur d'aperçu.",

  // Page
  page: {
    title: "Aperçu local — Club de l'alternance",
    demoTitle: "Club de l'alternance — classeur de démonstration",
    demoBadge: 'Personnes fictives',
    simulatedToday: (iso: string) => `jour simulé\u00a0: ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
    fileBadge: (name: string) => `Copie en mémoire de ${name}`,
    menuTitle: "Club de l'alternance",
    menuHint: "Menu du module (dans Google Sheets\u00a0: Extensions › Club de l'alternance)",
    saveCopy: 'Enregistrer une copie',
    saving: 'Enregistrement…',
    sidebarClose: 'Fermer le panneau',
    ok: 'OK',
    cancel: 'Annuler',
    yes: 'Oui',
    no: 'Non',
    loading: 'Chargement du classeur…',
    offline: "Le serveur d'aperçu ne répond plus\u00a0: relancez npm start.",
    emptySheet: 'Onglet vide.',
    noteLabel: 'Note',
    gridLabel: (sheet: string) => `Onglet ${sheet}`,
    editLabel: (ref: string) => `Modifier la cellule ${ref}`,
    editFailed: "La modification n'a pas été enregistrée\u00a0:",
    editHint:
      'Double-clic, Entrée ou F2 pour modifier une cellule, Entrée ou Tab pour valider, Échap pour annuler, Suppr pour vider.',
    chartNoData: 'Pas de données à tracer.',
    sheetTabs: 'Onglets du classeur',
    previewNote: "Aperçu local\u00a0: les données restent dans ce serveur, rien n'est envoyé à Google.",
  },
} as const;
