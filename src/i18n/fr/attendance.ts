/** French text of the attendance feature (SPEC §4, §5): server messages and the sidebar view. */

/** Appended to every rejection: the user must know the sheet was left as it was. */
const NOTHING_SAVED = "Rien n'a été enregistré.";

function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `« ${t} »`;
}

export const ATTENDANCE_TEXT = {
  nothingSaved: NOTHING_SAVED,
  lockBusy: `Enregistrement impossible pour le moment : un autre enregistrement est en cours, réessayez dans quelques secondes. ${NOTHING_SAVED}`,

  // getAttendanceSheet -------------------------------------------------------------------
  dateInvalid: (text: string): string =>
    `La date ${quote(text)} n'est pas valide : choisissez une date du calendrier (format AAAA-MM-JJ).`,
  dateNotText: 'La date de la séance est illisible : choisissez une date du calendrier (format AAAA-MM-JJ).',
  participantsTabMissing:
    "L'onglet « Participants » est introuvable : lancez « Préparer le classeur » depuis le menu Club de l'alternance.",
  participantsColumnMissing: (header: string): string =>
    `L'onglet « Participants » n'a pas de colonne « ${header} » : ajoutez-la sur la ligne d'en-tête (ou lancez « Préparer le classeur »).`,

  // saveAttendance: validation of the input ---------------------------------------------
  inputNotObject: `Les données à enregistrer sont illisibles. ${NOTHING_SAVED}`,
  dateMissing: `La date de la séance manque. ${NOTHING_SAVED}`,
  saveDateInvalid: (text: string): string =>
    `La date ${quote(text)} n'est pas valide (format attendu AAAA-MM-JJ, jour existant). ${NOTHING_SAVED}`,
  entriesNotList: `La liste des présences est illisible. ${NOTHING_SAVED}`,
  tooManyEntries: (count: number, max: number): string =>
    `${count} présences envoyées en une fois : c'est plus que le maximum de ${max}. ${NOTHING_SAVED}`,
  entryNotObject: (index: number): string => `La présence n° ${index} est illisible. ${NOTHING_SAVED}`,
  participantIdMissing: (index: number): string =>
    `La présence n° ${index} n'indique pas l'identifiant du participant. ${NOTHING_SAVED}`,
  participantIdTooLong: (index: number): string =>
    `L'identifiant de la présence n° ${index} est trop long pour être un identifiant de participant. ${NOTHING_SAVED}`,
  statusMissing: (id: string): string => `Le statut de ${quote(id)} manque (Présent, Absent ou Excusé). ${NOTHING_SAVED}`,
  statusUnknown: (id: string, status: string): string =>
    `Le statut ${quote(status)} de ${quote(id)} est inconnu : choisissez Présent, Absent ou Excusé. ${NOTHING_SAVED}`,
  participantRepeated: (id: string): string =>
    `Le participant ${quote(id)} apparaît plusieurs fois dans la saisie : une seule présence par personne et par séance. ${NOTHING_SAVED}`,
  participantUnknown: (id: string): string =>
    `L'identifiant ${quote(id)} n'existe pas dans l'onglet « Participants » (la ligne a peut-être été supprimée ou l'identifiant modifié) : rouvrez la séance. ${NOTHING_SAVED}`,
  fieldNotText: (label: string): string => `Le champ « ${label} » doit être du texte. ${NOTHING_SAVED}`,
  fieldTooLong: (label: string, max: number): string =>
    `Le champ « ${label} » est trop long (${max} caractères au plus). ${NOTHING_SAVED}`,
  fieldLabels: { theme: 'Thème', facilitator: 'Animateur', place: 'Lieu' },

  // saveAttendance: layout of the tabs --------------------------------------------------
  tabWithoutHeader: (tab: string): string =>
    `L'onglet « ${tab} » n'a pas de ligne d'en-tête reconnue (lignes 1 à 5) : corrigez-la ou lancez « Préparer le classeur ». ${NOTHING_SAVED}`,
  tabColumnMissing: (tab: string, header: string): string =>
    `L'onglet « ${tab} » n'a pas de colonne « ${header} » : ajoutez-la sur la ligne d'en-tête (ou lancez « Préparer le classeur »). ${NOTHING_SAVED}`,

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
    newSession: 'Nouvelle séance : elle sera créée dans « Séances » à l\'enregistrement.',
    counts: (present: number, absent: number, excused: number, missing: number): string =>
      `Présents : ${present} · Absents : ${absent} · Excusés : ${excused} · Non saisis : ${missing}`,
    saved: (date: string, written: number, unchanged: number, created: boolean): string =>
      `Enregistré pour le ${date} : ${written} ligne${written > 1 ? 's' : ''} écrite${written > 1 ? 's' : ''}, ${unchanged} inchangée${unchanged > 1 ? 's' : ''}${created ? ', séance créée dans « Séances »' : ''}.`,
    saveFailed: (message: string): string => `Échec de l'enregistrement : ${message}`,
    loadFailed: (message: string): string => `Impossible d'ouvrir la séance : ${message}`,
    nothingToSave: 'Aucun statut saisi : cochez Présent, Absent ou Excusé pour au moins une personne.',
    draftKept: "Saisie non enregistrée conservée pour cette date : pensez à cliquer sur « Enregistrer ».",
    unsaved: 'Modifications non enregistrées.',
    statuses: { Présent: 'Présent', Absent: 'Absent', Excusé: 'Excusé' },
  },
} as const;
