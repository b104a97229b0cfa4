/** Tabs and their columns (SPEC §2.1): canonical headers, synonyms, required columns. */
import { normalizeKey, normalizeTabName } from './text';

export type ColumnKind = 'text' | 'date' | 'list' | 'yesno' | 'integer' | 'time';

export interface ColumnDefinition<K extends string = string> {
  key: K;
  /** Canonical header, as written by "Préparer le classeur" and used in issues. */
  header: string;
  synonyms: readonly string[];
  required: boolean;
  kind: ColumnKind;
}

export interface TabDefinition<K extends string = string> {
  /** Canonical tab name. */
  name: string;
  columns: readonly ColumnDefinition<K>[];
  /** Recognised headers needed on a row for it to be the header row. */
  minHeaders: number;
}

function col<K extends string>(
  key: K,
  header: string,
  kind: ColumnKind,
  synonyms: string[] = [],
  required = false,
): ColumnDefinition<K> {
  return { key, header, synonyms, required, kind };
}

export type ParticipantColumn =
  | 'id'
  | 'lastName'
  | 'firstName'
  | 'sex'
  | 'birthDate'
  | 'commune'
  | 'postcode'
  | 'qpvResident'
  | 'qpvDistrict'
  | 'trainingLevel'
  | 'entryDate'
  | 'referrer'
  | 'careerPlan'
  | 'situation'
  | 'contractType'
  | 'diploma'
  | 'contractMonths'
  | 'employer'
  | 'trainingProvider'
  | 'contractStart'
  | 'exitDate'
  | 'phone'
  | 'email'
  | 'address'
  | 'comment'
  | 'ageAtEntry'
  | 'anonymisedOn';

/** Contract durations (months) the checks accept and the indicators average (SPEC §3, CONTRACT_DURATION_INVALID). */
export const MIN_CONTRACT_MONTHS = 1;
export const MAX_CONTRACT_MONTHS = 48;

export const PARTICIPANTS: TabDefinition<ParticipantColumn> = {
  name: 'Participants',
  minHeaders: 3,
  columns: [
    col('id', 'ID', 'text', ['Identifiant', 'N°', 'Numéro', 'Réf'], true),
    col('lastName', 'Nom', 'text', ['Nom de famille'], true),
    col('firstName', 'Prénom', 'text', [], true),
    col('sex', 'Sexe', 'list', ['Genre']),
    col('birthDate', 'Date de naissance', 'date', ['Naissance', 'DDN', 'Né le', 'Né(e) le', 'Née le'], true),
    col('commune', 'Commune', 'text', ['Ville', 'Commune de résidence'], true),
    col('postcode', 'Code postal', 'text', ['CP']),
    col('qpvResident', 'Résident QPV', 'yesno', ['QPV', 'Habite en QPV', 'Résidence QPV']),
    col('qpvDistrict', 'Quartier QPV', 'text', ['Quartier', 'Nom du QPV']),
    col('trainingLevel', 'Niveau de formation', 'list', ['Niveau', "Niveau d'études", 'Dernier diplôme', 'Diplôme']),
    col('entryDate', "Date d'entrée", 'date', ["Date d'inscription", 'Entrée', 'Inscription'], true),
    col('referrer', 'Prescripteur', 'text', ['Orienté par', 'Orientation']),
    col('careerPlan', 'Projet professionnel', 'text', ['Métier visé', 'Projet']),
    col('situation', 'Situation', 'list', ['Statut', 'Résultat']),
    col('contractType', 'Type de contrat', 'list', ['Contrat']),
    col('diploma', 'Diplôme préparé', 'text', ['Formation préparée']),
    col('contractMonths', 'Durée du contrat (mois)', 'integer', ['Durée', 'Durée (mois)']),
    col('employer', 'Employeur', 'text', ['Entreprise']),
    col('trainingProvider', 'Organisme de formation', 'text', ['École', 'CFA']),
    col('contractStart', 'Date de début du contrat', 'date', ['Début du contrat', 'Date de signature']),
    col('exitDate', 'Date de sortie', 'date', ['Sortie le']),
    col('phone', 'Téléphone', 'text', ['Tél', 'Tel', 'Portable']),
    col('email', 'Email', 'text', ['E-mail', 'Courriel', 'Mail']),
    col('address', 'Adresse', 'text', ['Adresse postale', 'Rue']),
    col('comment', 'Commentaire', 'text', ['Remarques']),
    col('ageAtEntry', "Âge à l'entrée", 'integer', ["Age à l'entrée"]),
    col('anonymisedOn', 'Anonymisé le', 'date', ['Anonymisation']),
  ],
};

export type SessionColumn = 'date' | 'theme' | 'facilitator' | 'place' | 'start' | 'end' | 'comment';
export const SESSIONS: TabDefinition<SessionColumn> = {
  name: 'Séances',
  minHeaders: 2,
  columns: [
    col('date', 'Date', 'date', ['Date de la séance'], true),
    col('theme', 'Thème', 'text', ['Atelier', 'Sujet']),
    col('facilitator', 'Animateur', 'text', ['Intervenant']),
    col('place', 'Lieu', 'text'),
    col('start', 'Début', 'time', ['Heure de début', 'Horaire de début']),
    col('end', 'Fin', 'time', ['Heure de fin', 'Horaire de fin']),
    col('comment', 'Commentaire', 'text'),
  ],
};

export type AttendanceColumn = 'date' | 'participantId' | 'participantName' | 'status';
export const ATTENDANCE: TabDefinition<AttendanceColumn> = {
  name: 'Présences',
  minHeaders: 2,
  columns: [
    col('date', 'Date', 'date', ['Date de la séance', 'Séance'], true),
    col('participantId', 'ID participant', 'text', ['ID', 'Identifiant', 'Participant ID'], true),
    col('participantName', 'Participant', 'text'),
    col('status', 'Statut', 'list', ['Présence'], true),
  ],
};

export type SettingsColumn =
  | 'year'
  | 'plannedPlaces'
  | 'seasonStart'
  | 'seasonEnd'
  | 'territoryCommune'
  | 'qpvDistrict'
  | 'qpvCommune'
  | 'confidentialityThreshold'
  | 'retentionYears'
  | 'organisation'
  | 'fundersNote'
  | 'defaultStart'
  | 'defaultEnd'
  | 'blankLines';
export const SETTINGS: TabDefinition<SettingsColumn> = {
  name: 'Paramètres',
  minHeaders: 2,
  columns: [
    col('year', 'Année', 'integer'),
    col('plannedPlaces', 'Places prévues', 'integer'),
    col('seasonStart', 'Début de saison', 'date'),
    col('seasonEnd', 'Fin de saison', 'date'),
    col('territoryCommune', 'Commune du territoire', 'text'),
    col('qpvDistrict', 'Quartier QPV', 'text'),
    col('qpvCommune', 'Commune du QPV', 'text'),
    col('confidentialityThreshold', 'Seuil de confidentialité', 'integer'),
    col('retentionYears', 'Durée de conservation (années)', 'integer', ['Durée de conservation']),
    col('organisation', 'Structure', 'text'),
    col('fundersNote', 'Mention des financeurs', 'text'),
    col('defaultStart', 'Heure de début', 'time'),
    col('defaultEnd', 'Heure de fin', 'time'),
    col('blankLines', 'Lignes vierges', 'integer'),
  ],
};

/**
 * Participants columns written only by the anonymisation (SPEC §11): "Préparer le classeur"
 * does not add them to a new tab; the anonymisation appends them when missing.
 */
export const ANONYMISATION_COLUMNS: readonly ParticipantColumn[] = ['ageAtEntry', 'anonymisedOn'];

export const DATA_TABS = [PARTICIPANTS, SESSIONS, ATTENDANCE, SETTINGS] as const;

export const REPORT_TAB_PREFIX = 'Bilan';
export function reportTabName(year: number): string {
  return `${REPORT_TAB_PREFIX} ${year}`;
}

/** normalised header → column key, per tab (built once). */
const headerLookups = new WeakMap<TabDefinition, Map<string, string>>();
export function headerLookup<K extends string>(tab: TabDefinition<K>): ReadonlyMap<string, K> {
  let lookup = headerLookups.get(tab) as Map<string, K> | undefined;
  if (!lookup) {
    lookup = new Map();
    for (const c of tab.columns) {
      for (const h of [c.header, ...c.synonyms]) {
        const k = normalizeKey(h);
        if (!lookup.has(k)) lookup.set(k, c.key);
      }
    }
    headerLookups.set(tab, lookup);
  }
  return lookup;
}

export function columnDefinition<K extends string>(tab: TabDefinition<K>, key: K): ColumnDefinition<K> {
  const c = tab.columns.find((x) => x.key === key);
  if (!c) throw new Error(`unknown column ${key}`);
  return c;
}

/** The canonical header of a column (the one definition of each header: the tab's definition). */
export function headerOf<K extends string>(tab: TabDefinition<K>, key: K): string {
  return columnDefinition(tab, key).header;
}

/** Finds a tab among the workbook's tab names (case, accents, surrounding spaces ignored). */
export function findTabName(names: readonly string[], wanted: string): string | null {
  const key = normalizeTabName(wanted);
  return names.find((n) => normalizeTabName(n) === key) ?? null;
}
