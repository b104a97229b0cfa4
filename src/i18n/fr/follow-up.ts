/** French text of the new-session confirmation (SPEC §4) and of the "Suivi" view. */
import { frenchNumber } from './format';

export const NEW_SESSION_TEXT = {
  question: (longDate: string): string => `Créer la séance du ${longDate}\u00a0?`,
  explain: "Aucune séance n'existe à cette date\u00a0: elle sera ajoutée à l'onglet «\u00a0Séances\u00a0» avec les présences.",
  unusual: (weekday: string): string =>
    `Attention\u00a0: les séances de cette année n'ont pas lieu le ${weekday} d'habitude. Vérifiez la date avant de créer la séance.`,
  confirm: 'Créer la séance',
  cancel: 'Annuler',
  cancelled: "Séance non créée\u00a0: rien n'a été envoyé. Vérifiez la date de la séance.",
} as const;

export const FOLLOW_UP_TEXT = {
  title: 'Jeunes à relancer',
  intro: (longDate: string): string =>
    `Au ${longDate}\u00a0: les jeunes attendus aux ateliers qui ont manqué les trois dernières séances (ou n'y sont pas venus).`,
  count: (n: number): string =>
    n === 0 ? 'Personne à relancer.' : n === 1 ? '1 jeune à relancer.' : `${frenchNumber(n)} jeunes à relancer.`,
  loading: 'Chargement…',
  failed: (message: string): string => `Impossible d'ouvrir la liste\u00a0: ${message}`,
  list: 'Jeunes à relancer',
  lastPresence: (longDate: string): string => `Dernière présence\u00a0: ${longDate}`,
  neverPresent: 'Aucune présence enregistrée',
  phone: 'Tél.',
  email: 'E-mail',
  noPhone: 'pas de téléphone',
  noEmail: "pas d'e-mail",
  reload: 'Actualiser',
} as const;
