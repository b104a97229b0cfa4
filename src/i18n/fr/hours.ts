/** French text of session times and hours (SPEC §2.1, §3 SESSION_TIME_INVALID, §6 hours and sexByAge, §10). */
import { quote } from './checks';
import { formatTimeOfDay } from './format';

export const SESSION_TIME_MESSAGES = {
  unreadable: (value: string, header: string) =>
    `${quote(value)} n'est pas une heure lisible (colonne ${header})\u00a0: écrivez-la comme 14:00, 14h ou 14h30.`,
  missing: (header: string, other: string) =>
    `Colonne ${header} vide alors que ${other} est remplie\u00a0: indiquez les deux heures de la séance, ou aucune (les heures par défaut de l'onglet Paramètres s'appliquent alors).`,
  notAfter: (start: number, end: number) =>
    `L'heure de fin (${formatTimeOfDay(end)}) n'est pas après l'heure de début (${formatTimeOfDay(start)})\u00a0: corrigez l'une des deux (une séance ne passe pas minuit).`,
};
