/** French text of "Parcours d'un jeune" (SPEC §10): server messages and the sidebar view. */
import { frenchNumber as groupedNumber } from './format';

const NBSP = '\u00a0';

function plural(n: number, one: string, many: string): string {
  return `${groupedNumber(n)}${NBSP}${n > 1 ? many : one}`;
}

function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `«${NBSP}${t}${NBSP}»`;
}

export const JOURNEY_TEXT = {
  // Server -------------------------------------------------------------------------------
  idNotText: `L'identifiant demandé est illisible${NBSP}: choisissez un jeune dans la liste.`,
  notFound: (id: string): string =>
    `Aucun jeune n'a l'identifiant ${quote(id)} dans l'onglet ${quote('Participants')}${NBSP}: la liste a peut-être changé, rouvrez le panneau.`,
  anonymised: (id: string): string => `La fiche ${quote(id)} a été anonymisée${NBSP}: son parcours n'est plus consultable.`,
  participantsTabMissing: `L'onglet ${quote('Participants')} est introuvable${NBSP}: lancez ${quote('Préparer le classeur')} depuis le menu Club de l'alternance.`,
  participantsHeaderMissing: `L'onglet ${quote('Participants')} n'a pas de ligne d'en-tête reconnue (lignes 1 à 5)${NBSP}: lancez ${quote('Préparer le classeur')}.`,
  idColumnMissing: `L'onglet ${quote('Participants')} n'a pas de colonne ${quote('ID')}${NBSP}: ajoutez-la sur la ligne d'en-tête.`,

  // Sidebar view ---------------------------------------------------------------------------
  view: {
    title: "Parcours d'un jeune",
    intro: `Choisissez un jeune pour voir son parcours. Astuce${NBSP}: sélectionnez sa ligne dans l'onglet ${quote('Participants')} puis ouvrez le menu ${quote("Parcours d'un jeune")}.`,
    loading: 'Chargement…',
    loadFailed: (message: string): string => `Impossible d'afficher le parcours${NBSP}: ${message}`,
    search: 'Rechercher un jeune',
    searchPlaceholder: 'Nom, prénom ou identifiant',
    directory: 'Jeunes inscrits',
    activeBadge: 'Groupe actuel',
    noMatch: 'Aucun jeune ne correspond à cette recherche.',
    empty: `Aucun jeune dans l'onglet ${quote('Participants')}.`,
    shown: (shown: number, total: number): string =>
      shown === total
        ? `${plural(total, 'jeune', 'jeunes')}`
        : `${groupedNumber(shown)} sur ${plural(total, 'jeune', 'jeunes')}${NBSP}: affinez la recherche pour voir les autres.`,
    back: '← Retour à la liste',
    identity: 'Identité',
    years: (n: number): string => plural(n, 'an', 'ans'),
    ageUnknown: 'âge inconnu',
    communeUnknown: 'commune non renseignée',
    qpv: (value: string | null, district: string | null): string =>
      value === null ? `QPV${NBSP}: non renseigné` : `QPV${NBSP}: ${value}${district ? ` (${district})` : ''}`,
    entry: "Date d'entrée",
    exit: 'Date de sortie',
    none: '—',
    situation: 'Situation',
    contract: 'Contrat',
    contractType: 'Type',
    contractStart: 'Début',
    contractMonths: 'Durée',
    months: (n: number): string => `${groupedNumber(n)}${NBSP}mois`,
    employer: 'Employeur',
    notGiven: 'non renseigné',
    followUp: 'À relancer',
    followUpLabel: (reason: string | null): string => `⚠ À relancer${reason ? `${NBSP}: ${reason}` : ''}`,
    contacts: 'Contact',
    phone: 'Téléphone',
    email: 'E-mail',
    callLabel: (name: string): string => `Appeler ${name}`,
    mailLabel: (name: string): string => `Écrire à ${name}`,
    attendance: 'Présences',
    counts: (present: number, absent: number, excused: number): string =>
      `${plural(present, 'présence', 'présences')}, ${plural(absent, 'absence', 'absences')}, ${plural(excused, 'excusée', 'excusées')}`,
    rate: (rate: number | null): string =>
      rate === null ? `Taux de présence${NBSP}: —` : `Taux de présence${NBSP}: ${groupedNumber(rate)}${NBSP}%`,
    lastPresence: 'Dernière présence',
    noPresence: 'aucune',
    themesCovered: 'Thèmes abordés',
    themesToCover: 'Thèmes à aborder',
    allThemesCovered: 'Tous les thèmes du programme ont été abordés.',
    noThemeCovered: 'Aucun thème abordé pour le moment.',
    sessions: 'Séances',
    noSessions: 'Aucune séance enregistrée pour ce jeune.',
    sessionDate: 'Date',
    sessionTheme: 'Thème',
    sessionStatus: 'Statut',
    noTheme: 'sans thème',
    statusIcon: { Présent: '✓', Absent: '✗', Excusé: '○' } as Record<string, string>,
  },
} as const;
