/** Accepted values of the list columns (SPEC §2.3) and the territory's built-in data (§2.1). */
import { normalizeKey } from './text';

export interface ListDefinition<T extends string> {
  /** Canonical labels, in display order. */
  readonly labels: readonly T[];
  /** normalised label or synonym → canonical label */
  readonly lookup: ReadonlyMap<string, T>;
}

function defineList<T extends string>(entries: readonly (readonly [T, ...string[]])[]): ListDefinition<T> {
  const lookup = new Map<string, T>();
  for (const [label, ...synonyms] of entries) {
    for (const text of [label, ...synonyms]) lookup.set(normalizeKey(text), label);
  }
  return { labels: entries.map((e) => e[0]), lookup };
}

export type Sex = 'F' | 'H';
export const SEX = defineList<Sex>([
  ['F', 'Femme', 'Féminin', 'Mme', 'Madame'],
  ['H', 'Homme', 'Masculin', 'M', 'M.', 'Monsieur'],
]);

export type TrainingLevel =
  | 'Sans diplôme'
  | 'CAP / BEP (niveau 3)'
  | 'Bac (niveau 4)'
  | 'Bac+2 (niveau 5)'
  | 'Bac+3 / Bac+4 (niveau 6)'
  | 'Bac+5 et plus (niveau 7-8)';
export const TRAINING_LEVEL = defineList<TrainingLevel>([
  ['Sans diplôme', 'Infra 3', 'Aucun'],
  ['CAP / BEP (niveau 3)', 'CAP', 'BEP', 'Niveau 3', 'Niveau V', 'V'],
  ['Bac (niveau 4)', 'Bac', 'Bac pro', 'Bac général', 'Bac techno', 'Niveau 4', 'Niveau IV', 'IV'],
  ['Bac+2 (niveau 5)', 'BTS', 'DUT', 'DEUST', 'Niveau 5', 'Niveau III', 'III'],
  ['Bac+3 / Bac+4 (niveau 6)', 'Licence', 'Licence pro', 'BUT', 'Master 1', 'Niveau 6', 'Niveau II', 'II'],
  ['Bac+5 et plus (niveau 7-8)', 'Master', 'Doctorat', 'Niveau 7', 'Niveau 8', 'Niveau I', 'I'],
]);

export type Situation = 'En recherche' | 'Alternance signée' | 'Formation' | 'Emploi' | 'Abandon' | 'Autre';
export const SITUATION = defineList<Situation>([
  ['En recherche'],
  ['Alternance signée', 'Alternance'],
  ['Formation'],
  ['Emploi'],
  ['Abandon'],
  ['Autre'],
]);

export type ContractType = 'Apprentissage' | 'Professionnalisation';
export const CONTRACT_TYPE = defineList<ContractType>([
  ['Apprentissage', "Contrat d'apprentissage"],
  ['Professionnalisation', 'Contrat de professionnalisation', 'Contrat pro'],
]);

export type AttendanceStatus = 'Présent' | 'Absent' | 'Excusé';
export const ATTENDANCE_STATUS = defineList<AttendanceStatus>([
  ['Présent', 'Présente', 'P', 'Oui', 'X'],
  ['Absent', 'Absente', 'A', 'Non'],
  ['Excusé', 'Excusée', 'E'],
]);

export const YES_NO_LABELS = ['Oui', 'Non'] as const;
const YES = new Set(['oui', 'o', 'yes', 'y', 'x', 'vrai', 'true', '1']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0']);
/** normalised text → true (Oui) / false (Non) / undefined (unknown) */
export function yesNoOf(normalized: string): boolean | undefined {
  if (YES.has(normalized)) return true;
  if (NO.has(normalized)) return false;
  return undefined;
}

export const DEFAULT_TERRITORY: readonly string[] = ['Arcueil', 'Cachan', 'Gentilly', 'Le Kremlin-Bicêtre', 'Villejuif'];

export interface QpvDistrict {
  name: string;
  code?: string;
  communes: string[];
}

/** Priority districts of the territory, 2024 geography (décret 2023-1314). */
export const DEFAULT_QPV_DISTRICTS: readonly QpvDistrict[] = [
  { name: 'Irlandais-PVC-Cherchefeuille-Clément Ader', code: 'QN09402M', communes: ['Arcueil'] },
  { name: 'Chaperon Vert', code: 'QN09414M', communes: ['Arcueil', 'Gentilly'] },
  { name: 'Péri-Schuman Bergonié Martinets', code: 'QN09413M', communes: ['Gentilly', 'Le Kremlin-Bicêtre'] },
  { name: 'Alexandre Dumas', code: 'QN09417M', communes: ['Villejuif'] },
  { name: 'Lebon-Hochart-Mermoz (Lozaits Sud)', code: 'QN09418M', communes: ['Villejuif'] },
  { name: 'Lozaits Nord-Grimau-Armand Gouret', code: 'QN09419M', communes: ['Villejuif'] },
  { name: 'La Plaine', code: 'QN09443N', communes: ['Cachan'] },
];

/** Suggested workshop themes (SPEC §4). */
export const SESSION_THEMES: readonly string[] = [
  'Validation du projet',
  'CV',
  'Lettre de motivation',
  'Ciblage des entreprises',
  'Outils et sites de recherche',
  "Préparation à l'entretien",
  "Simulation d'entretien",
  'Bilan',
];
