/**
 * Deterministic, fictional benchmark workbooks: N participants, five seasons (2020–2024) of
 * weekly workshops (every Tuesday, March to October), 20 `Présences` rows per participant
 * (200 000 rows for 10 000 participants).
 *
 * Everything is fictional: names are combinations from short lists, phone numbers are in
 * the range ARCEP reserves for fiction (06 39 98 xx xx), e-mails are at exemple.fr.
 * The same (n, seed) always gives the same cells. A little realistic noise (unknown
 * communes, missing postal codes, ages just outside 16–25, out-of-territory people) gives the
 * checks something to report.
 *
 * Used by bench/bench.ts and by the call-count tests in test/reliability/.
 */
import type { FakeInputCell } from '../test/support/fake-gas';

export const SEASONS = [2020, 2021, 2022, 2023, 2024] as const;
/** Sessions each participant attends (one Présences row per session). */
export const ROWS_PER_PARTICIPANT = 20;

export const PARTICIPANT_HEADERS = [
  'ID',
  'Nom',
  'Prénom',
  'Sexe',
  'Date de naissance',
  'Commune',
  'Code postal',
  'Résident QPV',
  'Quartier QPV',
  'Niveau de formation',
  "Date d'entrée",
  'Prescripteur',
  'Projet professionnel',
  'Situation',
  'Type de contrat',
  'Diplôme préparé',
  'Durée du contrat (mois)',
  'Employeur',
  'Organisme de formation',
  'Date de début du contrat',
  'Date de sortie',
  'Téléphone',
  'Email',
  'Commentaire',
];
export const SESSION_HEADERS = ['Date', 'Thème', 'Animateur', 'Lieu', 'Début', 'Fin', 'Commentaire'];
export const ATTENDANCE_HEADERS = ['Date', 'ID participant', 'Participant', 'Statut'];

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'Andre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Diallo',
  'Traoré',
  'Benali',
  'Nguyen',
  'Haddad',
  'Kone',
  'Da Silva',
  'Mendy',
  'Cissé',
  'Ferreira',
];
const FIRST_NAMES_F = [
  'Léa',
  'Emma',
  'Chloé',
  'Inès',
  'Manon',
  'Sarah',
  'Camille',
  'Jade',
  'Awa',
  'Yasmine',
  'Lina',
  'Maëlys',
  'Nour',
  'Aïcha',
  'Clara',
  'Zoé',
];
const FIRST_NAMES_H = [
  'Lucas',
  'Hugo',
  'Nathan',
  'Adam',
  'Yanis',
  'Enzo',
  'Mehdi',
  'Théo',
  'Noah',
  'Moussa',
  'Rayan',
  'Louis',
  'Karim',
  'Samuel',
  'Ilyes',
  'Maël',
];
const TERRITORY = [
  { name: 'Arcueil', postcode: '94110', districts: ['Irlandais-PVC-Cherchefeuille-Clément Ader', 'Chaperon Vert'] },
  { name: 'Cachan', postcode: '94230', districts: ['La Plaine'] },
  { name: 'Gentilly', postcode: '94250', districts: ['Chaperon Vert', 'Péri-Schuman Bergonié Martinets'] },
  { name: 'Le Kremlin-Bicêtre', postcode: '94270', districts: ['Péri-Schuman Bergonié Martinets'] },
  {
    name: 'Villejuif',
    postcode: '94800',
    districts: ['Alexandre Dumas', 'Lebon-Hochart-Mermoz (Lozaits Sud)', 'Lozaits Nord-Grimau-Armand Gouret'],
  },
];
const ELSEWHERE = [
  { name: 'Fresnes', postcode: '94260' },
  { name: 'Ivry-sur-Seine', postcode: '94200' },
  { name: 'Paris', postcode: '75013' },
];
const LEVELS = [
  'Sans diplôme',
  'CAP / BEP (niveau 3)',
  'CAP',
  'Bac (niveau 4)',
  'Bac pro',
  'Bac+2 (niveau 5)',
  'BTS',
  'Bac+3 / Bac+4 (niveau 6)',
  'Licence',
];
const REFERRERS = ['Mission locale', 'France Travail', 'CIO', 'Bouche à oreille', 'Service jeunesse'];
const PLANS = ['Vente', 'Comptabilité', 'Électricité', 'Cuisine', 'Logistique', 'Aide à la personne', 'Informatique', 'Coiffure'];
const EMPLOYERS = [
  'Boulangerie des Lilas (fictive)',
  'Garage du Moulin (fictif)',
  'Pharmacie Centrale (fictive)',
  'Cabinet Durand & Associés (fictif)',
  'Hôtel du Parc (fictif)',
];
const PROVIDERS = ['CFA des Métiers (fictif)', 'École de commerce du Val (fictive)', 'Lycée professionnel Jean Moulin (fictif)'];
const THEMES = [
  'Validation du projet',
  'CV',
  'Lettre de motivation',
  'Ciblage des entreprises',
  'Outils et sites de recherche',
  "Préparation à l'entretien",
  "Simulation d'entretien",
  'Bilan',
];
const FACILITATORS = ['Nadia', 'Julien', 'Sophie', 'Karim'];

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MS_DAY = 86_400_000;
/** Sunday on or before the last day of a month (UTC midnight ms). */
function lastSunday(year: number, month0: number): number {
  let t = Date.UTC(year, month0 + 1, 0);
  while (new Date(t).getUTCDay() !== 0) t -= MS_DAY;
  return t;
}

/**
 * Midnight in Paris of a day, as a Sheets Date cell (fast: no Intl call per date). Summer time
 * starts on the last Sunday of March and ends on the last Sunday of October (September until
 * 1995), both at 01:00 UTC, so midnight of the first Sunday is still winter time and midnight
 * of the last one still summer time. Checked against fake-gas's Intl-based sheetsDate in
 * test/reliability/dataset.test.ts.
 */
export function parisMidnight(iso: string): Date {
  const utc = msOf(iso);
  const y = new Date(utc).getUTCFullYear();
  const summer = utc > lastSunday(y, 2) && utc <= lastSunday(y, y <= 1995 ? 8 : 9);
  return new Date(utc - (summer ? 2 : 1) * 3_600_000);
}

/** UTC-midnight milliseconds ↔ 'YYYY-MM-DD'. */
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Every Tuesday from 1 March to 31 October of each season. */
export function sessionDates(): string[] {
  const out: string[] = [];
  for (const y of SEASONS) {
    let t = Date.UTC(y, 2, 1);
    while (new Date(t).getUTCDay() !== 2) t += MS_DAY;
    for (; t <= Date.UTC(y, 9, 31); t += 7 * MS_DAY) out.push(isoOf(t));
  }
  return out;
}

export interface Dataset {
  participants: number;
  sessions: number;
  attendanceRows: number;
  /** The tabs, in order, as getValues() gives them (Date cells are midnight in Paris). */
  tabs: Record<string, FakeInputCell[][]>;
  /** A year with a full season of data, for indicators and the annual report. */
  reportYear: number;
  /** A session date that exists (for getAttendanceSheet). */
  existingSession: string;
  /** A save of a new session: a date without a Séances row and up to 30 entries. */
  save: {
    date: string;
    theme: string;
    facilitator: string;
    place: string;
    entries: { participantId: string; status: 'Présent' | 'Absent' | 'Excusé' }[];
  };
}

export interface DatasetOptions {
  seed?: number;
  /** Présences rows per participant (default 20; tests use fewer to stay fast). */
  rowsPerParticipant?: number;
}

/** The benchmark workbook of `n` participants (deterministic for a given seed). */
export function generateDataset(n: number, options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? 2024;
  const perPerson = options.rowsPerParticipant ?? ROWS_PER_PARTICIPANT;
  const rnd = prng(seed ^ n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const dates = sessionDates();
  const dateCells = new Map<string, Date>();
  const cell = (iso: string): Date => {
    let d = dateCells.get(iso);
    if (!d) dateCells.set(iso, (d = parisMidnight(iso)));
    return d;
  };

  const participants: FakeInputCell[][] = [PARTICIPANT_HEADERS];
  const attendance: FakeInputCell[][] = [ATTENDANCE_HEADERS];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `P${String(i + 1).padStart(5, '0')}`;
    ids.push(id);
    const female = rnd() < 0.45;
    const lastName = pick(LAST_NAMES);
    const firstName = pick(female ? FIRST_NAMES_F : FIRST_NAMES_H);
    // First session attended; entry up to 6 days before it.
    const first = Math.floor(rnd() * (dates.length - ROWS_PER_PARTICIPANT + 1));
    const entryMs = msOf(dates[first]) - Math.floor(rnd() * 7) * MS_DAY;
    // Age at entry: 16–25, a few just outside (warnings for the checks).
    const r = rnd();
    const age = r < 0.01 ? 15 : r < 0.02 ? 26 : 16 + Math.floor(rnd() * 10);
    const birthMs = entryMs - Math.round((age + 0.05 + rnd() * 0.9) * 365.25) * MS_DAY;
    const inTerritory = rnd() < 0.96;
    const place = inTerritory ? pick(TERRITORY) : pick(ELSEWHERE);
    const qpvRoll = rnd();
    const qpv = !inTerritory ? 'Non' : qpvRoll < 0.2 ? 'Oui' : qpvRoll < 0.97 ? 'Non' : '';
    const district = qpv === 'Oui' ? pick((place as (typeof TERRITORY)[number]).districts) : '';
    const postcode = rnd() < 0.01 ? '' : place.postcode;

    // Attendance: consecutive sessions from `first` (20 by default).
    let lastPresentMs = entryMs;
    for (let s = first; s < first + perPerson; s++) {
      const roll = rnd();
      const status = roll < 0.75 ? 'Présent' : roll < 0.9 ? 'Absent' : 'Excusé';
      if (status === 'Présent') lastPresentMs = msOf(dates[s]);
      attendance.push([cell(dates[s]), id, `${lastName} ${firstName}`, status]);
    }

    // Outcome after the last session attended.
    const o = rnd();
    const situation =
      o < 0.35
        ? ''
        : o < 0.7
          ? 'Alternance signée'
          : o < 0.78
            ? 'Formation'
            : o < 0.85
              ? 'Emploi'
              : o < 0.97
                ? 'Abandon'
                : 'Autre';
    const outcomeIso = isoOf(lastPresentMs + (1 + Math.floor(rnd() * 30)) * MS_DAY);
    const contract = situation === 'Alternance signée';
    participants.push([
      id,
      lastName,
      firstName,
      female ? 'F' : 'H',
      cell(isoOf(birthMs)),
      place.name,
      postcode,
      qpv,
      district,
      pick(LEVELS),
      cell(isoOf(entryMs)),
      pick(REFERRERS),
      pick(PLANS),
      situation,
      contract ? (rnd() < 0.65 ? 'Apprentissage' : 'Professionnalisation') : '',
      contract ? pick(['CAP', 'Bac pro', 'BTS', 'Titre professionnel']) : '',
      contract ? pick([6, 12, 12, 24, 24, 24, 36]) : '',
      contract ? pick(EMPLOYERS) : '',
      contract ? pick(PROVIDERS) : '',
      contract ? cell(outcomeIso) : '',
      situation !== '' && !contract ? cell(outcomeIso) : '',
      `06 39 98 ${String(Math.floor(rnd() * 100)).padStart(2, '0')} ${String(Math.floor(rnd() * 100)).padStart(2, '0')}`,
      rnd() < 0.7
        ? `${firstName}.${lastName}`
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z.]/g, '') + '@exemple.fr'
        : '',
      rnd() < 0.05 ? 'Suivi renforcé' : '',
    ]);
  }

  const sessions: FakeInputCell[][] = [SESSION_HEADERS];
  dates.forEach((iso, i) =>
    sessions.push([
      cell(iso),
      THEMES[i % THEMES.length],
      FACILITATORS[i % FACILITATORS.length],
      'Salle Jean Jaurès',
      '14:00',
      i % 10 === 0 ? '' : '16:30', // one session in ten without an end time (SESSION_TIME_INVALID)
      '',
    ]),
  );

  const places = Math.max(10, Math.round((n / SEASONS.length) * 0.9));
  const settings: FakeInputCell[][] = [['Année', 'Places prévues', 'Début de saison', 'Fin de saison']];
  for (const y of SEASONS) settings.push([y, places, cell(`${y}-03-01`), cell(`${y}-10-31`)]);

  // A new session on a Thursday of the last season, with the first 30 participants.
  const saveDate = '2024-10-03';
  const entries = ids.slice(0, 30).map((participantId, i) => ({
    participantId,
    status: (['Présent', 'Présent', 'Absent', 'Excusé'] as const)[i % 4],
  }));
  return {
    participants: n,
    sessions: dates.length,
    attendanceRows: attendance.length - 1,
    tabs: { Participants: participants, Séances: sessions, Présences: attendance, Paramètres: settings },
    reportYear: 2023,
    existingSession: dates[dates.length - 1],
    save: { date: saveDate, theme: 'Bilan', facilitator: 'Nadia', place: 'Salle Jean Jaurès', entries },
  };
}
