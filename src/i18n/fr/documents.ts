/** French text of the printed documents (feuille d'émargement, attestation de participation) and of their entry points. */
import { frenchNumber } from './format';
import { impossibleDay } from './checks';

const NBSP = '\u00a0';

function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `«${NBSP}${t}${NBSP}»`;
}

function plural(n: number, one: string, many: string): string {
  return `${frenchNumber(n)}${NBSP}${n >= 2 ? many : one}`;
}

export const DOCUMENTS_TEXT = {
  programme: "Club de l'alternance",
  print: 'Imprimer',
  printHint: 'Le bouton «\u00a0Imprimer\u00a0» ouvre l’impression du navigateur (format A4, portrait).',
  page: 'Page',
  pageOf: '/',
  toFill: '________________',

  signIn: {
    title: "Feuille d'émargement",
    dialogTitle: "Feuille d'émargement",
    date: 'Date',
    times: 'Horaires',
    timesToFill: '____ à ____',
    timesRange: (start: string, end: string): string => `de ${start} à ${end}`,
    theme: 'Thème',
    place: 'Lieu',
    facilitator: 'Animateur',
    facilitatorSignature: "Signature de l'animateur",
    tableCaption: (listed: number): string =>
      `Participants (${plural(listed, 'inscrit', 'inscrits')}, puis des lignes vierges pour les nouveaux venus)`,
    number: 'N°',
    lastName: 'Nom',
    firstName: 'Prénom',
    signature: 'Signature',
    running: (date: string): string => `Feuille d'émargement du ${date}`,
  },

  certificate: {
    title: 'Attestation de participation',
    dialogTitle: 'Attestation de participation',
    bornOn: (date: string): string => `né(e) le ${date}`,
    participated: "a participé aux ateliers du Club de l'alternance",
    period: (first: string, last: string): string => `du ${first} au ${last}`,
    single: (date: string): string => `le ${date}`,
    sessionsCount: 'Nombre de séances suivies',
    hours: 'Heures de présence',
    hoursAtLeast: (hours: string): string => `au moins ${hours}`,
    hoursNoTimes: (n: number): string =>
      n >= 2 ? '(les horaires des séances ne sont pas renseignés)' : '(les horaires de la séance ne sont pas renseignés)',
    hoursNote: (n: number): string =>
      `${plural(n, 'séance', 'séances')} sans horaires dans le classeur${NBSP}: ${n >= 2 ? 'leurs heures ne sont pas comptées' : 'ses heures ne sont pas comptées'}.`,
    tableCaption: 'Séances suivies',
    date: 'Date',
    theme: 'Thème',
    duration: 'Durée',
    noTheme: '—',
    noDuration: 'non renseignée',
    doneOn: (date: string): string => `Fait le ${date}`,
    signatureFor: (organisation: string): string => `Pour ${organisation}`,
    signatureLine: 'Nom, qualité et signature',
  },

  // Server and CLI messages ------------------------------------------------------------------
  dateInvalid: (text: string): string => {
    const missing = impossibleDay(text);
    return missing
      ? `La date ${quote(text)} n'existe pas${NBSP}: ${missing}.`
      : `La date ${quote(text)} est illisible${NBSP}: attendu AAAA-MM-JJ (par exemple 2018-10-30).`;
  },
  dateNotText: `La date demandée est illisible${NBSP}: choisissez une date.`,
  nobodyOn: (date: string): string =>
    `Aucune séance le ${date} et personne n'y est attendu${NBSP}: pas de feuille d'émargement à imprimer. Vérifiez la date.`,
  idNotText: `L'identifiant demandé est illisible${NBSP}: choisissez un jeune.`,
  idMissing: `Indiquez l'identifiant du jeune (colonne ${quote('ID')} de l'onglet ${quote('Participants')}).`,
  notFound: (id: string): string => `Aucun jeune n'a l'identifiant ${quote(id)} dans l'onglet ${quote('Participants')}.`,
  anonymised: (id: string): string => `La fiche ${quote(id)} a été anonymisée${NBSP}: aucune attestation ne peut être faite.`,
  repeatedId: (id: string, rows: string): string =>
    `L'identifiant ${quote(id)} figure sur plusieurs lignes de ${quote('Participants')} (lignes ${rows})${NBSP}: corrigez le doublon avant de faire une attestation.`,
  noPresence: (id: string): string =>
    `Le jeune ${quote(id)} n'a aucune présence (${quote('Présent')}) enregistrée${NBSP}: pas d'attestation de participation possible.`,
  participantsTabMissing: `L'onglet ${quote('Participants')} est introuvable${NBSP}: lancez ${quote('Préparer le classeur')} depuis le menu Club de l'alternance.`,
  participantsUnreadable: `L'onglet ${quote('Participants')} n'a pas de ligne d'en-tête reconnue ou pas de colonne ${quote('ID')}${NBSP}: lancez ${quote('Préparer le classeur')}.`,

  // The menu's small dialog asking for the date ----------------------------------------------
  askDate: {
    title: "Imprimer la feuille d'émargement",
    label: 'Date de la séance',
    hint: 'La feuille liste les jeunes attendus ce jour-là, puis des lignes vierges.',
    show: 'Afficher la feuille',
    cancel: 'Annuler',
    loading: 'Préparation de la feuille…',
    missing: 'Choisissez une date.',
    failed: (message: string): string => `Impossible d'afficher la feuille${NBSP}: ${message}`,
  },

  // Sidebar buttons ---------------------------------------------------------------------------
  sidebar: {
    signInSheet: "Feuille d'émargement",
    certificate: 'Attestation de participation',
    opening: 'Ouverture du document…',
    opened: (what: string): string => `${what}${NBSP}: le document est ouvert dans une fenêtre.`,
    failed: (message: string): string => `Impossible d'ouvrir le document${NBSP}: ${message}`,
  },

  // CLI -------------------------------------------------------------------------------------------
  cli: {
    usageSignIn:
      'Usage\u00a0: club-alternance emargement <classeur.xlsx> --date AAAA-MM-JJ --sortie <feuille.html> [--remplacer]',
    usageCertificate:
      'Usage\u00a0: club-alternance attestation <classeur.xlsx> --id <ID> --sortie <attestation.html> [--remplacer]',
    missingFile: 'Indiquez le fichier du classeur (.xlsx).',
    missingDate: 'Indiquez la date de la séance avec --date AAAA-MM-JJ.',
    missingId: 'Indiquez le jeune avec --id <ID>.',
    missingOutput: 'Indiquez le fichier à écrire avec --sortie <fichier.html>.',
    unknownOption: (option: string): string => `Option inconnue${NBSP}: ${quote(option)}.`,
    extraArgument: (arg: string): string => `Argument en trop${NBSP}: ${quote(arg)}.`,
    notXlsx: (file: string): string => `Le fichier ${quote(file)} n'est pas un classeur .xlsx lisible.`,
    noParticipants: (file: string): string => `Le classeur ${quote(file)} n'a pas d'onglet ${quote('Participants')}.`,
    writtenSignIn: (file: string, listed: number): string =>
      `Feuille d'émargement écrite dans ${quote(file)} (${plural(listed, 'jeune inscrit', 'jeunes inscrits')}).`,
    writtenCertificate: (file: string, sessions: number): string =>
      `Attestation écrite dans ${quote(file)} (${plural(sessions, 'séance', 'séances')}).`,
  },
} as const;
