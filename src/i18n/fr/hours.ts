/** French text of session times and hours (SPEC §2.1, §3 SESSION_TIME_INVALID, §6 hours and sexByAge, §10). */
import { quote } from './checks';
import { formatHours, formatTimeOfDay, frenchNumber } from './format';

export const SESSION_TIME_MESSAGES = {
  unreadable: (value: string, header: string) =>
    `${quote(value)} n'est pas une heure lisible (colonne ${header})\u00a0: écrivez-la comme 14:00, 14h ou 14h30.`,
  missing: (header: string, other: string) =>
    `Colonne ${header} vide alors que ${other} est remplie\u00a0: indiquez les deux heures de la séance, ou aucune (les heures par défaut de l'onglet Paramètres s'appliquent alors).`,
  notAfter: (start: number, end: number) =>
    `L'heure de fin (${formatTimeOfDay(end)}) n'est pas après l'heure de début (${formatTimeOfDay(start)})\u00a0: corrigez l'une des deux (une séance ne passe pas minuit).`,
};

/** The report's hours and sex-by-age tables (SPEC §6). */
export const REPORT_HOURS = {
  tables: {
    hours: 'Heures',
    sexByAge: (year: number) => `Sexe et âge des bénéficiaires ${year}`,
  },
  rows: {
    delivered: 'Heures de séance délivrées (séances avec horaires)',
    attended: 'Heures de présence (durée de la séance pour chaque présent)',
    perBeneficiary: 'Heures de présence par bénéficiaire',
    sessionsWithoutTimes: 'Séances sans horaires (non comptées en heures)',
  },
  columns: {
    women: 'Femmes',
    men: 'Hommes',
    sexUnknown: 'Sexe non renseigné',
    total: 'Total',
  },
};

/** The Parcours view's line of hours (SPEC §10 Journey.hours). */
export function journeyHoursText(hours: { attended: number; unknown: number }): string {
  const base = `Heures de présence\u00a0: ${formatHours(hours.attended)}`;
  if (hours.unknown === 0) return base;
  const sessions = hours.unknown === 1 ? '1 séance sans horaires' : `${frenchNumber(hours.unknown)} séances sans horaires`;
  return `${base} (plus ${sessions}, non comptée${hours.unknown === 1 ? '' : 's'})`;
}
