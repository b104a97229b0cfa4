/** French text of personal data (SPEC §11): the sidebar view, the server's messages, the CLI. */
import { frenchNumber as frenchCount } from './format';
const NBSP = '\u00a0';

function people(n: number): string {
  return `${frenchCount(n)} personne${n > 1 ? 's' : ''}`;
}

function frenchDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export const PRIVACY = {
  title: 'Données personnelles',
  rule: (years: number) =>
    `Le classeur contient des données personnelles de jeunes, souvent mineurs. La CNIL demande de ne pas les garder plus longtemps que nécessaire${NBSP}: ici, ${years} an${years > 1 ? 's' : ''} après la dernière activité (réglable dans l'onglet «${NBSP}Paramètres${NBSP}», colonne «${NBSP}Durée de conservation (années)${NBSP}»).`,
  lastActivity:
    "La dernière activité d'un jeune est la plus récente de ces dates\u00a0: date d'entrée, date de sortie, date de début du contrat et ses présences aux séances.",
  whatHappens:
    "Anonymiser vide les colonnes personnelles des lignes concernées et remplace l'identifiant par un numéro «\u00a0ANON-…\u00a0». Les lignes restent à leur place\u00a0: les chiffres des bilans ne changent pas (sauf l'âge des jeunes venus deux saisons, qui devient l'âge à l'entrée).",
  cutoff: (iso: string) => `Date limite${NBSP}: dernière activité avant le ${frenchDay(iso)}.`,
  loading: 'Recherche des personnes concernées…',
  noneDue: "Personne n'est à anonymiser aujourd'hui.",
  due: (n: number) => `${people(n)} à anonymiser.`,
  byYearCaption: 'Personnes à anonymiser par année de dernière activité',
  yearHeader: 'Année de dernière activité',
  countHeader: 'Personnes',
  columnsHeading: 'Colonnes qui seront vidées',
  idsSummary: (n: number) => `Identifiants concernés (${frenchCount(n)})`,
  anonymiseButton: (n: number) => `Anonymiser ${people(n)}`,
  confirmQuestion: (n: number) =>
    `Confirmer${NBSP}? Les données personnelles de ${people(n)} seront effacées du classeur. Cette action ne peut pas être annulée depuis le module.`,
  confirmButton: (n: number) => `Oui, anonymiser ${people(n)}`,
  cancelButton: 'Annuler',
  working: 'Anonymisation en cours…',
  done: (n: number, presences: number) =>
    `${people(n)} anonymisée${n > 1 ? 's' : ''}${presences > 0 ? ` (${frenchCount(presences)} ligne${presences > 1 ? 's' : ''} de présence mise${presences > 1 ? 's' : ''} à jour)` : ''}.`,
  refresh: 'Actualiser',
  historyHeading: 'Ce que le module ne peut pas faire',
  history:
    "L'historique des versions de Google Sheets garde les anciennes valeurs. Pour les effacer aussi\u00a0: faites une copie du fichier (Fichier › Créer une copie), vérifiez-la, puis supprimez l'original et videz la corbeille.",
  // Server messages
  inputNotObject: "La demande d'anonymisation est incomplète. Actualisez le panneau et réessayez.",
  cutoffInvalid: `La date limite de l'anonymisation n'est pas une date AAAA-MM-JJ. Actualisez le panneau et réessayez.`,
  idsInvalid: "La liste des identifiants à anonymiser n'est pas lisible. Actualisez le panneau et réessayez.",
  stale:
    "La liste des personnes à anonymiser a changé depuis son affichage (le classeur a été modifié). Rien n'a été effacé\u00a0: actualisez le panneau, vérifiez la nouvelle liste et recommencez.",
  participantsMissing: `L'onglet «${NBSP}Participants${NBSP}» est introuvable${NBSP}: rien à anonymiser.`,
  participantsUnusable: `L'onglet «${NBSP}Participants${NBSP}» n'a pas de ligne d'en-têtes avec une colonne «${NBSP}ID${NBSP}»${NBSP}: rien n'a été anonymisé.`,
  // CLI
  cli: {
    usage: 'Usage\u00a0: club-alternance anonymiser <classeur.xlsx> --sortie <copie.xlsx> [--avant AAAA-MM-JJ] [--remplacer]',
    missingFile: `Indiquez le classeur .xlsx à anonymiser.`,
    missingOutput: `Indiquez le fichier à écrire avec --sortie copie.xlsx (le classeur d'origine n'est jamais modifié).`,
    unknownOption: (o: string) => `Option inconnue${NBSP}: «${NBSP}${o}${NBSP}».`,
    extraArgument: (a: string) => `Argument en trop${NBSP}: «${NBSP}${a}${NBSP}».`,
    badCutoff: (t: string) => `«${NBSP}${t}${NBSP}» n'est pas une date AAAA-MM-JJ (option --avant).`,
    missingCutoff: `Indiquez la date après --avant, au format AAAA-MM-JJ (par exemple --avant 2018-06-01).`,
    impossibleCutoff: (t: string, reason: string) => `La date ${t} de l'option --avant n'existe pas${NBSP}: ${reason}.`,
    futureCutoff: (t: string) =>
      `La date de --avant (${t}) est après aujourd'hui${NBSP}: tout le monde serait anonymisé. Aucune copie n'a été écrite.`,
    noHeader: (p: string, tab: string) =>
      `Dans ${p}, l'onglet «${NBSP}${tab}${NBSP}» n'a pas de ligne d'en-têtes reconnue dans ses premières lignes (colonne «${NBSP}ID${NBSP}» ou «${NBSP}ID participant${NBSP}»)${NBSP}: rien ne serait anonymisé, aucune copie n'a été écrite.`,
    notXlsx: (p: string) => `Impossible de lire ${p}${NBSP}: ce n'est pas un classeur .xlsx valide.`,
    noParticipants: (p: string) => `Le classeur ${p} n'a pas d'onglet «${NBSP}Participants${NBSP}».`,
    result: (n: number, cutoff: string, output: string) =>
      `${people(n)} anonymisée${n > 1 ? 's' : ''} (dernière activité avant le ${frenchDay(cutoff)}). Copie écrite${NBSP}: ${output}`,
    none: (cutoff: string, output: string) =>
      `Personne à anonymiser (dernière activité avant le ${frenchDay(cutoff)}). Copie écrite${NBSP}: ${output}`,
  },
} as const;
