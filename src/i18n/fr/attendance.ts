/** French text of the attendance feature (SPEC §4, §5): server messages and the sidebar view. */
import { countOf, frenchNumber } from './format';

/** Appended to every rejection: the user must know the sheet was left as it was. */
const NOTHING_SAVED = "Rien n'a été enregistré.";

function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `«\u00a0${t}\u00a0»`;
}

export const ATTENDANCE_TEXT = {
  nothingSaved: NOTHING_SAVED,
  lockBusy: `Enregistrement impossible pour le moment\u00a0: un autre enregistrement est en cours, réessayez dans quelques secondes. ${NOTHING_SAVED}`,

  // getAttendanceSheet -------------------------------------------------------------------
  dateInvalid: (text: string): string =>
    `La date ${quote(text)} n'est pas valide\u00a0: choisissez une date du calendrier (format AAAA-MM-JJ).`,
  dateNotText: 'La date de la séance est illisible\u00a0: choisissez une date du calendrier (format AAAA-MM-JJ).',
  participantsTabMissing:
    "L'onglet «\u00a0Participants\u00a0» est introuvable\u00a0: lancez «\u00a0Préparer le classeur\u00a0» depuis le menu Club de l'alternance.",
  participantsColumnMissing: (header: string): string =>
    `L'onglet «\u00a0Participants\u00a0» n'a pas de colonne «\u00a0${header}\u00a0»\u00a0: ajoutez-la sur la ligne d'en-tête (ou lancez «\u00a0Préparer le classeur\u00a0»).`,

  // saveAttendance: validation of the input ---------------------------------------------
  inputNotObject: `Les données à enregistrer sont illisibles. ${NOTHING_SAVED}`,
  dateMissing: `La date de la séance manque. ${NOTHING_SAVED}`,
  saveDateInvalid: (text: string): string =>
    `La date ${quote(text)} n'est pas valide (format attendu AAAA-MM-JJ, jour existant). ${NOTHING_SAVED}`,
  saveDateNotText: `La date de la séance n'est pas un texte AAAA-MM-JJ. ${NOTHING_SAVED}`,
  saveDateInFuture: (date: string): string =>
    `La séance du ${date} n'a pas encore eu lieu\u00a0: les présences se saisissent le jour de la séance ou après. ${NOTHING_SAVED}`,
  entriesNotList: `La liste des présences est illisible. ${NOTHING_SAVED}`,
  tooManyEntries: (count: number, max: number): string =>
    `${frenchNumber(count)} présences envoyées en une fois\u00a0: c'est plus que le maximum de ${frenchNumber(max)}. ${NOTHING_SAVED}`,
  entryNotObject: (index: number): string => `La présence n° ${index} est illisible. ${NOTHING_SAVED}`,
  participantIdMissing: (index: number): string =>
    `La présence n° ${index} n'indique pas l'identifiant du participant. ${NOTHING_SAVED}`,
  participantIdTooLong: (index: number): string =>
    `L'identifiant de la présence n° ${index} est trop long pour être un identifiant de participant. ${NOTHING_SAVED}`,
  statusMissing: (id: string): string => `Le statut de ${quote(id)} manque (Présent, Absent ou Excusé). ${NOTHING_SAVED}`,
  statusUnknown: (id: string, status: string): string =>
    `Le statut ${quote(status)} de ${quote(id)} est inconnu\u00a0: choisissez Présent, Absent ou Excusé. ${NOTHING_SAVED}`,
  statusNotText: (id: string): string =>
    `Le statut de ${quote(id)} n'est pas un texte\u00a0: choisissez Présent, Absent ou Excusé. ${NOTHING_SAVED}`,
  participantRepeated: (id: string): string =>
    `Le participant ${quote(id)} apparaît plusieurs fois dans la saisie\u00a0: une seule présence par personne et par séance. ${NOTHING_SAVED}`,
  participantUnknown: (id: string): string =>
    `L'identifiant ${quote(id)} n'existe pas dans l'onglet «\u00a0Participants\u00a0» (la ligne a peut-être été supprimée ou l'identifiant modifié)\u00a0: rouvrez la séance. ${NOTHING_SAVED}`,
  fieldNotText: (label: string): string => `Le champ «\u00a0${label}\u00a0» doit être du texte. ${NOTHING_SAVED}`,
  fieldTooLong: (label: string, max: number): string =>
    `Le champ «\u00a0${label}\u00a0» est trop long (${max} caractères au plus). ${NOTHING_SAVED}`,
  fieldLabels: { theme: 'Thème', facilitator: 'Animateur', place: 'Lieu' },

  // saveAttendance: layout of the tabs --------------------------------------------------
  tabWithoutHeader: (tab: string): string =>
    `L'onglet «\u00a0${tab}\u00a0» n'a pas de ligne d'en-tête reconnue (lignes 1 à 5)\u00a0: corrigez-la ou lancez «\u00a0Préparer le classeur\u00a0». ${NOTHING_SAVED}`,
  tabColumnMissing: (tab: string, header: string): string =>
    `L'onglet «\u00a0${tab}\u00a0» n'a pas de colonne «\u00a0${header}\u00a0»\u00a0: ajoutez-la sur la ligne d'en-tête (ou lancez «\u00a0Préparer le classeur\u00a0»). ${NOTHING_SAVED}`,

  // Follow-up flags ----------------------------------------------------------------------
  followUp: 'à relancer',
  followUpThreeAbsences: 'Absent aux trois dernières séances',
  followUpNoPresence: 'Aucune présence aux trois dernières séances',

  // Sidebar view ---------------------------------------------------------------------------
  view: {
    title: 'Présences',
    date: 'Date de la séance',
    theme: 'Thème',
    facilitator: 'Animateur',
    place: 'Lieu',
    search: 'Rechercher un participant',
    searchPlaceholder: 'Nom ou prénom',
    allPresent: 'Tous présents',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    loading: 'Chargement…',
    roster: 'Participants attendus',
    empty: "Personne n'est attendu à cette date (aucun participant inscrit avant elle).",
    noMatch: 'Aucun participant ne correspond à la recherche.',
    newSession: "Nouvelle séance\u00a0: elle sera créée dans «\u00a0Séances\u00a0» à l'enregistrement.",
    counts: (present: number, absent: number, excused: number, missing: number): string =>
      `Présents\u00a0: ${frenchNumber(present)} · Absents\u00a0: ${frenchNumber(absent)} · Excusés\u00a0: ${frenchNumber(excused)} · Non saisis\u00a0: ${frenchNumber(missing)}`,
    saved: (date: string, written: number, unchanged: number, created: boolean, updated: boolean): string => {
      const rows = `${countOf(written, 'présence écrite', 'présences écrites')}, ${countOf(unchanged, 'inchangée', 'inchangées')}`;
      const session = created
        ? '\u00a0; séance créée dans «\u00a0Séances\u00a0»'
        : updated
          ? '\u00a0; thème, animateur ou lieu de la séance mis à jour dans «\u00a0Séances\u00a0»'
          : '';
      return `Enregistré pour le ${date}\u00a0: ${rows}${session}.`;
    },
    saveFailed: (message: string): string => `Échec de l'enregistrement\u00a0: ${message}`,
    loadFailed: (message: string): string => `Impossible d'ouvrir la séance\u00a0: ${message}`,
    dateRequired:
      "Choisissez la date de la séance\u00a0: le champ «\u00a0Date de la séance\u00a0» est vide. Rien n'a été envoyé.",
    dateInFuture: (date: string): string =>
      `Le ${date} est après aujourd'hui\u00a0: les présences se saisissent le jour de la séance ou après. Rien n'a été envoyé.`,
    dateNotLoaded: "La liste affichée n'est pas celle de la date choisie\u00a0: attendez son chargement, puis enregistrez.",
    fieldTooLong: (label: string, max: number, length: number): string =>
      `Le champ «\u00a0${label}\u00a0» est trop long\u00a0: ${frenchNumber(length)} caractères pour ${frenchNumber(max)} au plus. Raccourcissez-le (rien n'a été coupé ni envoyé).`,
    followUpFilter: (n: number): string => `À relancer (${frenchNumber(n)})`,
    othersToggle: (n: number): string => `Autres inscrits (${frenchNumber(n)})`,
    others: 'Autres inscrits (non attendus à cette date)',
    phone: 'Tél.',
    email: 'E-mail',
    noPhone: 'pas de téléphone',
    noEmail: "pas d'e-mail",
    nothingToSave: 'Aucun statut saisi\u00a0: cochez Présent, Absent ou Excusé pour au moins une personne.',
    draftKept: 'Saisie non enregistrée conservée pour cette date\u00a0: pensez à cliquer sur «\u00a0Enregistrer\u00a0».',
    unsaved: 'Modifications non enregistrées.',
    statuses: { Présent: 'Présent', Absent: 'Absent', Excusé: 'Excusé' },
  },
} as const;
