/**
 * The embedded demo workbook of the local preview (SPEC §8): fictional people, the 2017 and
 * 2018 seasons of weekly workshops, built by a deterministic seeded generator.
 *
 * The programme's published figures hold BY CONSTRUCTION (SPEC §6 semantics):
 * - 2017: 64 beneficiaries (64 new entrants; the programme starts in 2017) for 55 planned places;
 * - 2018: 56 beneficiaries (47 new entrants + 9 carried over from 2017), of whom 9 minors
 *   (16 %) and 11 living in a QPV (20 %).
 * Every age is chosen at the person's reference date (entry date, or first « Présent » of 2018
 * for carried-over people) with a safety margin of weeks around birthdays; every 2018
 * beneficiary has Résident QPV filled in, so the share is the same whatever the denominator.
 *
 * A few realistic faults give "Vérifier le classeur" something to show; none of them can move
 * the published figures (they sit on 2017 rows, on a row without entry date, or are
 * warnings on 2018 rows that do not touch age, QPV or entry dates).
 * The last workshop of 2018 (DEMO_OPEN_SESSION) has no attendance yet: "Saisir les présences"
 * opens on it. Anybody "expected" at a 2018 or later session (entered, not exited) is already
 * a 2018 beneficiary, so recording attendance there never changes the 2018 head count.
 */
import { MemoryWorkbook, newMemorySheet } from '../adapters/memory';
import type { CellFormat } from '../core/port';
import { Day, dayFromYmd, midnightInTimeZone, ymdOfDay } from '../core/days';
import { DEFAULT_QPV_DISTRICTS, DEFAULT_TERRITORY, SESSION_THEMES } from '../core/lists';
import { ATTENDANCE, PARTICIPANTS, SESSIONS, ParticipantColumn, headerOf } from '../core/schema';
import type { CellValue } from '../core/values';

import { DEFAULT_TIME_ZONE } from '../core/days';
export const DEMO_TIME_ZONE = DEFAULT_TIME_ZONE;
export const DEMO_SEED = 20170307;

/** The programme's published figures the demo reproduces (SPEC §8). */
/** The session whose attendance is left to record (the last workshop of 2018, a Tuesday). */
export const DEMO_OPEN_SESSION = '2018-10-30';

export const DEMO_FIGURES = {
  2017: { beneficiaries: 64, plannedPlaces: 55 },
  2018: { beneficiaries: 56, minorsPercent: 16, qpvPercent: 20 },
} as const;

// ---------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): same seed, same workbook, on every machine.

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** A list holding each value `count` times, shuffled. */
  deck<T>(counts: readonly (readonly [T, number])[]): T[] {
    const out: T[] = [];
    for (const [v, n] of counts) for (let i = 0; i < n; i++) out.push(v);
    return this.shuffle(out);
  }
}

// ---------------------------------------------------------------------------------------
// Fictional people: common French first and last names, combined at random.

const FEMALE = [
  'Camille',
  'Léa',
  'Manon',
  'Inès',
  'Sarah',
  'Chloé',
  'Emma',
  'Lina',
  'Jade',
  'Yasmine',
  'Aïcha',
  'Maëlys',
  'Océane',
  'Clara',
  'Nour',
  'Lou',
  'Fatoumata',
  'Anaïs',
  'Julie',
  'Kenza',
  'Mélissa',
  'Amel',
  'Eva',
  'Salomé',
  'Awa',
  'Louise',
  'Rania',
  'Zoé',
  'Margaux',
  'Imane',
];
const MALE = [
  'Lucas',
  'Hugo',
  'Enzo',
  'Nathan',
  'Mehdi',
  'Yanis',
  'Théo',
  'Adam',
  'Rayan',
  'Louis',
  'Mamadou',
  'Kevin',
  'Bilal',
  'Maxime',
  'Samuel',
  'Ilyès',
  'Jules',
  'Noah',
  'Moussa',
  'Axel',
  'Sofiane',
  'Romain',
  'Ibrahim',
  'Tom',
  'Quentin',
  'Anis',
  'Dylan',
  'Karim',
  'Victor',
  'Issa',
];
const LAST = [
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
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guerin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Diallo',
  'Traoré',
  'Benali',
  'Haddad',
  'Nguyen',
  'Da Silva',
  'Pereira',
  'Cissé',
  'Kone',
  'Boukhari',
  'Mendy',
  'Ferreira',
  'Chevalier',
  'Gauthier',
  'Lopez',
  'Sanchez',
  'Camara',
  'Bensaïd',
  'Renaud',
  'Colin',
];

const TERRITORY_CODES: Record<string, string> = {
  Arcueil: '94110',
  Cachan: '94230',
  Gentilly: '94250',
  'Le Kremlin-Bicêtre': '94270',
  Villejuif: '94800',
};
const OTHER_COMMUNES: readonly (readonly [string, string])[] = [
  ['Ivry-sur-Seine', '94200'],
  ['Vitry-sur-Seine', '94400'],
  ['Bourg-la-Reine', '92340'],
  ['Paris', '75013'],
];
/** How staff sometimes type a territory commune (all read as the same commune, SPEC §2.2). */
const SPELLINGS: Record<string, readonly string[]> = {
  'Le Kremlin-Bicêtre': ['Le Kremlin-Bicêtre', 'Le Kremlin-Bicêtre', 'le kremlin bicetre'],
  Villejuif: ['Villejuif', 'Villejuif', 'Villejuif', 'VILLEJUIF'],
};

const LEVELS: readonly (readonly [string, number])[] = [
  ['Sans diplôme', 14],
  ['CAP / BEP (niveau 3)', 12],
  ['CAP', 3],
  ['Bac (niveau 4)', 26],
  ['Bac pro', 6],
  ['Bac+2 (niveau 5)', 14],
  ['BTS', 3],
  ['Bac+3 / Bac+4 (niveau 6)', 6],
  ['Bac+5 et plus (niveau 7-8)', 1],
];
const REFERRERS = [
  'Mission locale',
  'Mission locale',
  'Mission locale',
  'Pôle emploi',
  'Lycée',
  'Service jeunesse',
  "Forum de l'alternance",
  'Bouche-à-oreille',
];
const CAREER_PLANS: readonly (readonly [string, string])[] = [
  ['Vente', 'Bac pro Métiers du commerce et de la vente'],
  ['Commerce', 'BTS Management commercial opérationnel'],
  ['Cuisine', 'CAP Cuisine'],
  ['Service en salle', 'CAP Commercialisation et services en HCR'],
  ['Boulangerie', 'CAP Boulanger'],
  ['Coiffure', 'CAP Métiers de la coiffure'],
  ['Électricité', 'CAP Électricien'],
  ['Plomberie', 'CAP Monteur en installations sanitaires'],
  ['Mécanique automobile', 'CAP Maintenance des véhicules'],
  ['Logistique', 'Titre pro Préparateur de commandes'],
  ['Comptabilité', 'BTS Comptabilité et gestion'],
  ['Assistanat', "BTS Support à l'action managériale"],
  ['Informatique', 'BTS Services informatiques aux organisations'],
  ['Petite enfance', 'CAP Accompagnant éducatif petite enfance'],
  ['Aide-soignant', "Diplôme d'État d'aide-soignant"],
  ['Pharmacie', 'BP Préparateur en pharmacie'],
];
const EMPLOYERS = [
  'Boulangerie du Marché',
  'Pharmacie de la Mairie',
  'Garage des Coteaux',
  'Restaurant Le Jardin',
  'Cabinet comptable Alpha',
  'Supermarché du centre',
  "Salon Coiff'Style",
  'Électricité Services 94',
  'Crèche Les Petits Pas',
  'Entrepôt Val-de-Bièvre',
  'Agence immobilière des Écoles',
  'Hôtel de la Vallée',
  'Plomberie Rapide',
  'Magasin de sport du Sud',
  'Clinique des Lilas',
];
const PROVIDERS = [
  'CFA du commerce',
  'CFA des métiers de bouche',
  'CFA du BTP',
  "CFA de l'automobile",
  'Lycée professionnel (UFA)',
  'CFA du sanitaire et social',
  'École de gestion (CFA)',
];
const FACILITATORS = ['Nadia K.', 'Julien M.', 'Sandrine P.'];
const PLACES = ['Mission locale, salle 1', 'Mission locale, salle 1', "Maison de l'emploi"];

// ---------------------------------------------------------------------------------------
// Calendar

function ymd(y: number, m: number, d: number): Day {
  const day = dayFromYmd(y, m, d);
  if (day === null) throw new Error(`demo: bad date ${y}-${m}-${d}`);
  return day;
}
/** 0 = Sunday … 6 = Saturday. */
function weekday(day: Day): number {
  // Serial 0 (1899-12-30) was a Saturday.
  return (((day + 6) % 7) + 7) % 7;
}
const HOLIDAYS = new Set([ymd(2018, 5, 1), ymd(2018, 5, 8)]);

/** Weekly Tuesday workshops, March to October, no session in August nor on public holidays. */
export function seasonSessions(year: number): Day[] {
  const out: Day[] = [];
  for (let d = ymd(year, 3, 1); d <= ymd(year, 10, 31); d++) {
    if (weekday(d) !== 2 || ymdOfDay(d).month === 8 || HOLIDAYS.has(d)) continue;
    out.push(d);
  }
  return out;
}

/** A birth date that makes someone exactly `age` (completed years) at `on`, weeks away from a birthday. */
function birthFor(rng: Random, age: number, on: Day): Day {
  const r = ymdOfDay(on);
  const sameDay = dayFromYmd(r.year - age, r.month, r.day) ?? ymd(r.year - age, r.month, 28);
  return sameDay - rng.int(25, 330);
}

// ---------------------------------------------------------------------------------------
// People

type Outcome = 'workStudy' | 'training' | 'employment' | 'dropout' | 'other' | 'searching';

interface Person {
  id: string;
  lastName: string;
  firstName: string;
  sex: 'F' | 'H';
  commune: string;
  communeText: string;
  postcode: string;
  qpv: 'Oui' | 'Non' | '';
  district: string;
  level: string;
  entry: Day;
  referrer: string;
  plan: string;
  diploma: string;
  outcome: Outcome;
  contractType: 'Apprentissage' | 'Professionnalisation' | '';
  contractMonths: number | '';
  employer: string;
  provider: string;
  contractStart: Day | null;
  exit: Day | null;
  phone: string;
  email: string;
  comment: string;
  /** Raw birth date cell (a Date, or a faulty text/blank). */
  birth: CellValue;
  /** Sessions attended or excused: [day, status]. */
  attendance: [Day, 'Présent' | 'Absent' | 'Excusé'][];
}

const ASCII = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

class PeopleFactory {
  private readonly usedNames = new Set<string>();
  constructor(private readonly rng: Random) {}

  name(sex: 'F' | 'H'): [string, string] {
    for (;;) {
      const first = this.rng.pick(sex === 'F' ? FEMALE : MALE);
      const last = this.rng.pick(LAST);
      const key = `${last}|${first}`;
      if (this.usedNames.has(key)) continue;
      this.usedNames.add(key);
      return [last, first];
    }
  }

  phone(): string {
    // 06 39 98 xx xx: the range ARCEP reserves for fiction.
    const pair = (): string => String(this.rng.int(0, 99)).padStart(2, '0');
    return `06 39 98 ${pair()} ${pair()}`;
  }
}

function residence(
  rng: Random,
  qpv: 'Oui' | 'Non' | '',
  outside: boolean,
): Pick<Person, 'commune' | 'communeText' | 'postcode' | 'district'> {
  if (outside) {
    const [commune, postcode] = rng.pick(OTHER_COMMUNES);
    return { commune, communeText: commune, postcode, district: '' };
  }
  if (qpv === 'Oui') {
    const district = rng.pick(DEFAULT_QPV_DISTRICTS);
    const commune = rng.pick(district.communes);
    return {
      commune,
      communeText: rng.pick(SPELLINGS[commune] ?? [commune]),
      postcode: TERRITORY_CODES[commune],
      district: district.name,
    };
  }
  const commune = rng.weighted<string>([
    ['Villejuif', 30],
    ['Cachan', 18],
    ['Gentilly', 16],
    ['Arcueil', 15],
    ['Le Kremlin-Bicêtre', 15],
  ]);
  return { commune, communeText: rng.pick(SPELLINGS[commune] ?? [commune]), postcode: TERRITORY_CODES[commune], district: '' };
}

function statusDraw(rng: Random, presentShare: number): 'Présent' | 'Absent' | 'Excusé' {
  const x = rng.next();
  if (x < presentShare) return 'Présent';
  return x < presentShare + (1 - presentShare) * 0.55 ? 'Absent' : 'Excusé';
}

/** Sets outcome fields once the last attended session is known. */
function settle(rng: Random, p: Person, lastSession: Day, latestExit: Day): void {
  if (p.outcome === 'searching') return;
  const exit = Math.min(lastSession + rng.int(1, 12), latestExit);
  p.exit = exit;
  if (p.outcome === 'workStudy') {
    p.contractType = rng.next() < 0.7 ? 'Apprentissage' : 'Professionnalisation';
    p.contractMonths = p.contractType === 'Apprentissage' ? rng.pick([12, 24, 24, 24, 36]) : rng.pick([6, 12, 12, 18, 24]);
    p.employer = rng.pick(EMPLOYERS);
    p.provider = rng.pick(PROVIDERS);
    p.contractStart = exit;
  }
}

function attend(rng: Random, p: Person, sessions: Day[], from: number, length: number, presentShare: number): Day {
  const until = Math.min(sessions.length, from + length);
  let last = sessions[from];
  for (let i = from; i < until; i++) {
    // The first workshop of a stay is always attended (people come to register).
    const status = i === from ? 'Présent' : statusDraw(rng, presentShare);
    p.attendance.push([sessions[i], status]);
    last = sessions[i];
  }
  return last;
}

export interface DemoData {
  people: Person[];
  sessions: Day[];
  /** Présences rows that point to no participant (a typing fault), as [day, id, name]. */
  strayAttendance: [Day, string, string][];
}

/** What every step of the generation draws from: the seeded random source and the two seasons. */
interface DemoContext {
  rng: Random;
  factory: PeopleFactory;
  s17: Day[];
  s18: Day[];
}

/** A new row: name, residence, level, plan, contacts drawn; outcome fields settled later. */
function newPerson(
  ctx: DemoContext,
  id: string,
  entry: Day,
  outcome: Outcome,
  qpv: 'Oui' | 'Non' | '',
  outside: boolean,
): Person {
  const { rng, factory } = ctx;
  const sex = rng.next() < 0.46 ? 'F' : 'H';
  const [lastName, firstName] = factory.name(sex);
  const [plan, diploma] = rng.pick(CAREER_PLANS);
  const email = rng.next() < 0.85 ? `${ASCII(firstName)}.${ASCII(lastName)}@example.com` : '';
  return {
    id,
    lastName,
    firstName,
    sex,
    ...residence(rng, qpv, outside),
    qpv,
    level: rng.next() < 0.03 ? '' : rng.weighted(LEVELS),
    entry,
    referrer: rng.pick(REFERRERS),
    plan,
    diploma: outcome === 'workStudy' ? diploma : '',
    outcome,
    contractType: '',
    contractMonths: '',
    employer: '',
    provider: '',
    contractStart: null,
    exit: null,
    phone: rng.next() < 0.92 ? factory.phone() : '',
    email,
    comment: '',
    birth: '',
    attendance: [],
  };
}

/** Index of the first workshop of a stay, drawn with weights over the season's first sessions. */
function startIndex(rng: Random, sessions: Day[], weights: (i: number) => number, maxIndex: number): number {
  return rng.weighted(sessions.slice(0, maxIndex + 1).map((_, i) => [i, weights(i)] as const));
}

const id2017 = (n: number): string => `J17-${String(n).padStart(3, '0')}`;
const id2018 = (n: number): string => `J18-${String(n).padStart(3, '0')}`;

/**
 * 2017: the 55 new entrants who leave in 2017 with an outcome (and an exit date); with the 9
 * who carry over (carriedOver), the 64 new entrants of 2017.
 */
function leavers2017(ctx: DemoContext): Person[] {
  const { rng, s17 } = ctx;
  const outcomes = rng.deck<Outcome>([
    ['workStudy', 24],
    ['training', 6],
    ['employment', 5],
    ['dropout', 16],
    ['other', 4],
  ]);
  const qpvAnswers = rng.deck<'Oui' | 'Non' | ''>([
    ['Oui', 9],
    ['Non', 44],
    ['', 2],
  ]);
  const minors = rng.deck<boolean>([
    [true, 8],
    [false, 47],
  ]);
  const starts = (i: number): number => (i < 8 ? 6 : i < 16 ? 4 : i < 22 ? 1 : 3);
  const people: Person[] = [];
  for (let k = 0; k < 55; k++) {
    const from = startIndex(rng, s17, starts, s17.length - 4);
    const qpv = qpvAnswers[k];
    const p = newPerson(ctx, id2017(k + 1), s17[from] - rng.int(0, 9), outcomes[k], qpv, qpv !== 'Oui' && rng.next() < 0.06);
    const last = attend(rng, p, s17, from, rng.int(5, 14), 0.78);
    settle(rng, p, last, ymd(2017, 12, 15));
    const age = minors[k] ? rng.int(16, 17) : rng.weighted(ADULT_AGES);
    p.birth = birthFor(rng, age, p.entry);
    people.push(p);
  }
  return people;
}

/** The 9 who carry over: they come in the autumn of 2017 and come back in the spring of 2018. */
function carriedOver(ctx: DemoContext, firstNumber: number): Person[] {
  const { rng, s17, s18 } = ctx;
  const outcomes = rng.deck<Outcome>([
    ['workStudy', 4],
    ['training', 1],
    ['dropout', 1],
    ['searching', 3],
  ]);
  const carried: Person[] = [];
  for (let k = 0; k < 9; k++) {
    const from = rng.int(s17.length - 9, s17.length - 3);
    const p = newPerson(ctx, id2017(firstNumber + k), s17[from] - rng.int(0, 9), outcomes[k], 'Non', false);
    attend(rng, p, s17, from, s17.length, 0.75);
    // They come back at one of the first workshops of 2018 (their first 2018 « Présent »).
    const back = rng.int(0, 3);
    const length = p.outcome === 'searching' ? s18.length : rng.int(6, 14);
    const last = attend(rng, p, s18, back, length, 0.74);
    settle(rng, p, last, ymd(2018, 12, 15));
    carried.push(p);
  }
  return carried;
}

/** Rows in entry order (then by name), numbered by `idOf` in that order. */
function numberByEntry(people: Person[], idOf: (n: number) => string): Person[] {
  const sorted = [...people].sort((a, b) => a.entry - b.entry || a.lastName.localeCompare(b.lastName));
  sorted.forEach((p, i) => {
    p.id = idOf(i + 1);
  });
  return sorted;
}

/** 2018: the 47 new entrants, numbered in entry order. */
function entrants2018(ctx: DemoContext): Person[] {
  const { rng, s18 } = ctx;
  const outcomes = rng.deck<Outcome>([
    ['workStudy', 17],
    ['training', 3],
    ['employment', 2],
    ['dropout', 5],
    ['other', 1],
    ['searching', 19],
  ]);
  const starts = (i: number): number => (i < 8 ? 6 : i < 15 ? 4 : i < 20 ? 1 : 3);
  const people: Person[] = [];
  for (let k = 0; k < 47; k++) {
    const from = startIndex(rng, s18, starts, s18.length - 3);
    const outcome = outcomes[k];
    const p = newPerson(ctx, '', s18[from] - rng.int(0, 9), outcome, 'Non', false);
    const length = outcome === 'searching' ? s18.length : rng.int(5, 14);
    const last = attend(rng, p, s18, from, length, outcome === 'searching' ? 0.66 : 0.8);
    settle(rng, p, last, ymd(2018, 12, 15));
    people.push(p);
  }
  return numberByEntry(people, id2018);
}

/** 2018 figures: 56 beneficiaries = 47 new + 9 carried over; 9 minors, 11 QPV residents. */
function settleBeneficiaries2018(ctx: DemoContext, beneficiaries: Person[]): void {
  const { rng } = ctx;
  const minors = rng.deck<boolean>([
    [true, 9],
    [false, 47],
  ]);
  const qpv = rng.deck<boolean>([
    [true, 11],
    [false, 45],
  ]);
  const newYear = ymd(2018, 1, 1);
  beneficiaries.forEach((p, i) => {
    const firstPresent2018 = p.attendance.find(([d, s]) => d >= newYear && s === 'Présent')![0];
    const reference = p.entry >= newYear ? p.entry : firstPresent2018;
    // Carried-over minors were 16 at entry: keep them 17 at their return.
    const age = minors[i] ? (p.entry < newYear ? 17 : rng.int(16, 17)) : rng.weighted(ADULT_AGES);
    p.birth = birthFor(rng, age, reference);
    const outside = !qpv[i] && p.entry >= newYear && rng.next() < 0.06;
    Object.assign(p, residence(rng, qpv[i] ? 'Oui' : 'Non', outside));
    p.qpv = qpv[i] ? 'Oui' : 'Non';
  });
}

/** Realistic faults in the rows (none moves a published figure): faults 1 to 8. */
function plantRowFaults(leavers17: Person[], new18: Person[]): void {
  // 1. A 2017 birth date never filled in.
  leavers17[3].birth = '';
  // 2. An impossible date typed as text.
  leavers17[11].birth = '31/02/2001';
  // 3. The same ID typed twice in 2017, on the row of someone who registered but never came
  //    (both rows are 2017 entrants who left in 2017; no Présences row is shared).
  const noShow = leavers17[20];
  noShow.id = leavers17[19].id;
  noShow.attendance = [];
  noShow.outcome = 'dropout';
  Object.assign(noShow, { contractType: '', contractMonths: '', employer: '', provider: '', diploma: '', contractStart: null });
  noShow.exit = noShow.entry + 21;
  noShow.comment = 'Jamais venu aux ateliers';
  // 4. An "Alternance signée" without its contract start date (2017).
  const signed17 = leavers17.find((p, i) => i > 25 && p.outcome === 'workStudy')!;
  signed17.contractStart = null;
  // 5. A postcode that is not the commune's (a 2018 resident of Cachan with Arcueil's code).
  const cachan = new18.find((p) => p.commune === 'Cachan' && p.qpv === 'Non')!;
  cachan.postcode = TERRITORY_CODES.Arcueil;
  // 6. A QPV resident whose district was not filled in.
  new18.find((p) => p.qpv === 'Oui')!.district = '';
  // 7. A phone number with a digit pair missing.
  new18[30].phone = new18[30].phone.slice(0, 11);
  // 8. An e-mail address without "@".
  const withMail = new18.find((p, i) => i > 20 && p.email !== '')!;
  withMail.email = withMail.email.replace('@', '.');
}

/** 9. A registration started but not finished: no entry date (counted in excludedRows). */
function unfinishedRegistration(ctx: DemoContext): Person {
  const unfinished = newPerson(ctx, id2018(48), 0, 'searching', '', false);
  unfinished.birth = birthFor(ctx.rng, 19, ymd(2018, 11, 20));
  unfinished.comment = 'Inscription à compléter';
  unfinished.phone = '';
  return unfinished;
}

/** 10. A Présences row whose ID does not exist (a typo of J18-004 → J18-04). */
function strayAttendanceRow(new18: Person[]): [Day, string, string] {
  const someone = new18[3];
  const strayDay = someone.attendance[someone.attendance.length - 1][0];
  return [strayDay, 'J18-04', `${someone.lastName} ${someone.firstName}`];
}

export function generateDemoData(seed = DEMO_SEED): DemoData {
  const rng = new Random(seed);
  const ctx: DemoContext = { rng, factory: new PeopleFactory(rng), s17: seasonSessions(2017), s18: seasonSessions(2018) };

  const leavers17 = leavers2017(ctx);
  const carried = carriedOver(ctx, leavers17.length + 1);
  // Interleave the carried-over rows by entry date with the other 2017 rows (IDs follow the entry order).
  const people17 = numberByEntry([...leavers17, ...carried], id2017);
  const new18 = entrants2018(ctx);
  settleBeneficiaries2018(ctx, [...carried, ...new18]);

  const rows17 = people17.filter((p) => !carried.includes(p));
  plantRowFaults(rows17, new18);
  const unfinished = unfinishedRegistration(ctx);
  const stray = strayAttendanceRow(new18);

  // 11. The last workshop of 2018 is in Séances but its attendance is not recorded yet: it is
  //     the date "Saisir les présences" opens on, with everybody still to mark.
  const openSession = ctx.s18[ctx.s18.length - 1];
  for (const p of [...people17, ...new18]) p.attendance = p.attendance.filter(([d]) => d !== openSession);
  return {
    people: [...people17, ...new18, unfinished],
    sessions: [...ctx.s17, ...ctx.s18],
    strayAttendance: [stray],
  };
}

const ADULT_AGES: readonly (readonly [number, number])[] = [
  [18, 14],
  [19, 15],
  [20, 14],
  [21, 12],
  [22, 10],
  [23, 8],
  [24, 6],
  [25, 4],
];

// ---------------------------------------------------------------------------------------
// Workbook

const HEADER_FORMAT: CellFormat = { bold: true, background: '#e8eaed' };
const THEME_FOR = (i: number): string => SESSION_THEMES[i % SESSION_THEMES.length];

/** Participant columns of the demo, in the order of the Participants tab. */
const NOT_IN_DEMO: readonly ParticipantColumn[] = ['address', 'ageAtEntry', 'anonymisedOn'];
const PARTICIPANT_COLUMNS: ParticipantColumn[] = PARTICIPANTS.columns.map((c) => c.key).filter((k) => !NOT_IN_DEMO.includes(k));

export function generateDemoWorkbook(seed = DEMO_SEED): MemoryWorkbook {
  const data = generateDemoData(seed);
  const tz = DEMO_TIME_ZONE;
  const date = (d: Day | null): CellValue => (d === null || d === 0 ? '' : midnightInTimeZone(d, tz));
  const wb = new MemoryWorkbook(tz);

  // Participants
  const header = PARTICIPANT_COLUMNS.map((k) => headerOf(PARTICIPANTS, k));
  const situationOf = (p: Person): string =>
    ({
      workStudy: 'Alternance signée',
      training: 'Formation',
      employment: 'Emploi',
      dropout: 'Abandon',
      other: 'Autre',
      searching: '',
    })[p.outcome];
  const rows = data.people.map((p) => {
    const values: Record<ParticipantColumn, CellValue> = {
      id: p.id,
      lastName: p.lastName,
      firstName: p.firstName,
      sex: p.sex,
      birthDate: typeof p.birth === 'number' ? date(p.birth) : p.birth,
      commune: p.communeText,
      postcode: p.postcode,
      qpvResident: p.qpv,
      qpvDistrict: p.district,
      trainingLevel: p.level,
      entryDate: date(p.entry),
      referrer: p.referrer,
      careerPlan: p.plan,
      situation: situationOf(p),
      contractType: p.contractType,
      diploma: p.diploma,
      contractMonths: p.contractMonths,
      employer: p.employer,
      trainingProvider: p.provider,
      contractStart: date(p.contractStart),
      exitDate: date(p.exit),
      phone: p.phone,
      email: p.email,
      comment: p.comment,
      address: '',
      ageAtEntry: '',
      anonymisedOn: '',
    };
    return PARTICIPANT_COLUMNS.map((k) => values[k]);
  });
  addTab(
    wb,
    PARTICIPANTS.name,
    [header, ...rows],
    [70, 110, 100, 50, 110, 130, 80, 90, 200, 170, 100, 130, 150, 120, 120, 220, 90, 190, 170, 120, 100, 110, 220, 150],
  );

  // Séances
  const sessionRows: CellValue[][] = data.sessions.map((d, i) => [
    date(d),
    THEME_FOR(i),
    FACILITATORS[i % FACILITATORS.length],
    PLACES[Math.floor(i / 5) % PLACES.length],
    '14:00',
    '16:30',
    '',
  ]);
  addTab(wb, SESSIONS.name, [SESSIONS.columns.map((c) => c.header), ...sessionRows], [100, 200, 120, 180, 70, 70, 200]);

  // Présences: by date, then name.
  const attendance: [Day, string, string, string][] = [];
  for (const p of data.people) for (const [d, s] of p.attendance) attendance.push([d, p.id, `${p.lastName} ${p.firstName}`, s]);
  for (const [d, id, name] of data.strayAttendance) attendance.push([d, id, name, 'Présent']);
  attendance.sort((a, b) => a[0] - b[0] || a[2].localeCompare(b[2], 'fr') || a[1].localeCompare(b[1]));
  addTab(
    wb,
    ATTENDANCE.name,
    [['Date', 'ID participant', 'Participant', 'Statut'], ...attendance.map(([d, id, name, s]) => [date(d), id, name, s])],
    [100, 110, 200, 90],
  );

  // Paramètres
  const settings: CellValue[][] = [
    ['Année', 'Places prévues', 'Début de saison', 'Fin de saison', 'Commune du territoire'],
    [2017, 55, date(ymd(2017, 3, 1)), date(ymd(2017, 10, 31)), DEFAULT_TERRITORY[0]],
    [2018, 55, date(ymd(2018, 3, 1)), date(ymd(2018, 10, 31)), DEFAULT_TERRITORY[1]],
    ...DEFAULT_TERRITORY.slice(2).map((c) => ['', '', '', '', c]),
  ];
  addTab(wb, 'Paramètres', settings, [70, 110, 120, 110, 170]);
  wb.version = 0;
  return wb;
}

function addTab(wb: MemoryWorkbook, name: string, cells: CellValue[][], widths: number[]): void {
  const sheet = newMemorySheet(name, cells);
  sheet.frozenRows = 1;
  const width = cells[0].length;
  for (let c = 1; c <= width; c++) sheet.formats.set(`1:${c}`, { ...HEADER_FORMAT });
  widths.forEach((w, i) => sheet.columnWidths.set(i + 1, w));
  wb.sheets.push(sheet);
}
