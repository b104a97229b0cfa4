/** French text of "Nouveau jeune" (SPEC §4, §5 addParticipant): server messages and the sidebar form. */
import { frenchNumber } from './format';

/** Appended to every refusal: the sheet was left as it was. */
const NOTHING_ADDED = "Personne n'a été ajouté.";

function quote(text: string): string {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `«\u00a0${t}\u00a0»`;
}

export const NEWCOMER_TEXT = {
  nothingAdded: NOTHING_ADDED,
  lockBusy: `Ajout impossible pour le moment\u00a0: un autre enregistrement est en cours, réessayez dans quelques secondes. ${NOTHING_ADDED}`,
  inputNotObject: `Les données du nouveau jeune sont illisibles. ${NOTHING_ADDED}`,
  dateMissing: `La date de la séance manque\u00a0: choisissez le jour de l'atelier. ${NOTHING_ADDED}`,
  dateInvalid: (text: string): string =>
    `La date de la séance ${quote(text)} n'est pas valide (format attendu AAAA-MM-JJ, jour existant). ${NOTHING_ADDED}`,
  birthDateInvalid: (text: string): string =>
    `La date de naissance ${quote(text)} n'est pas valide (format attendu AAAA-MM-JJ, jour existant, par exemple 2001-05-04). ${NOTHING_ADDED}`,
  fieldNotText: (label: string): string => `Le champ «\u00a0${label}\u00a0» doit être du texte. ${NOTHING_ADDED}`,
  fieldTooLong: (label: string, max: number): string =>
    `Le champ «\u00a0${label}\u00a0» est trop long (${frenchNumber(max)} caractères au plus). ${NOTHING_ADDED}`,
  /** The check errors of the fields, one after the other. */
  refused: (messages: readonly string[]): string => `${messages.join(' ')} ${NOTHING_ADDED}`,
  columnMissing: (tab: string, header: string): string =>
    `L'onglet «\u00a0${tab}\u00a0» n'a pas de colonne «\u00a0${header}\u00a0»\u00a0: ajoutez-la sur la ligne d'en-tête (ou lancez «\u00a0Préparer le classeur\u00a0»). ${NOTHING_ADDED}`,
  tabMissing:
    "L'onglet «\u00a0Participants\u00a0» est introuvable\u00a0: lancez «\u00a0Préparer le classeur\u00a0» depuis le menu Club de l'alternance. Personne n'a été ajouté.",
  tabWithoutHeader: (tab: string): string =>
    `L'onglet «\u00a0${tab}\u00a0» n'a pas de ligne d'en-tête reconnue (lignes 1 à 5)\u00a0: corrigez-la ou lancez «\u00a0Préparer le classeur\u00a0». ${NOTHING_ADDED}`,
  duplicate: (name: string, id: string, row: number): string =>
    `${name} est sans doute déjà inscrit(e)\u00a0: même nom, même prénom et même date de naissance que l'ID ${quote(id)} (onglet «\u00a0Participants\u00a0», ligne ${row}). Cherchez ce nom dans la liste (ou dans «\u00a0Autres inscrits\u00a0»). ${NOTHING_ADDED}`,
  idTaken: (id: string): string =>
    `L'identifiant suivant, ${quote(id)}, est déjà pris\u00a0: vérifiez la colonne «\u00a0ID\u00a0» de «\u00a0Participants\u00a0». ${NOTHING_ADDED}`,

  /** Labels of the form's fields (also named in the messages above). */
  labels: {
    lastName: 'Nom',
    firstName: 'Prénom',
    birthDate: 'Date de naissance',
    commune: 'Commune',
    sex: 'Sexe',
    postcode: 'Code postal',
    phone: 'Téléphone',
    email: 'Email',
    qpv: 'Résident QPV',
    district: 'Quartier QPV',
    level: 'Niveau de formation',
  },

  // Sidebar form -------------------------------------------------------------------------
  view: {
    open: 'Nouveau jeune',
    title: 'Nouveau jeune',
    intro: (date: string): string =>
      `Une personne qui n'est pas encore dans «\u00a0Participants\u00a0»\u00a0: elle y est ajoutée avec la date d'entrée du ${date}, puis cochée Présent (à enregistrer avec les autres).`,
    optional: 'Facultatif',
    notGiven: '—',
    sexLabels: { F: 'F (femme)', H: 'H (homme)' },
    add: 'Ajouter',
    adding: 'Ajout…',
    cancel: 'Annuler',
    required: (label: string): string => `Le champ «\u00a0${label}\u00a0» est obligatoire. Rien n'a été envoyé.`,
    added: (name: string, id: string, row: number): string =>
      `${name} ajouté(e) dans «\u00a0Participants\u00a0» (ID ${id}, ligne ${row}) et coché(e) Présent\u00a0: cliquez sur «\u00a0Enregistrer\u00a0».`,
    warnings: 'À vérifier dans «\u00a0Participants\u00a0»\u00a0:',
    failed: (message: string): string => `Échec de l'ajout\u00a0: ${message}`,
    offer: (name: string): string => (name ? `Ajouter «\u00a0${name}\u00a0» comme nouveau jeune` : 'Nouveau jeune'),
  },
} as const;
