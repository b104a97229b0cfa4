/**
 * The people of the demo workbook (SPEC §8): who enters in 2017 and 2018, who carries over,
 * who attends which workshop, their outcomes, and the planted faults, drawn so that the
 * published figures (see demo.ts) hold by construction.
 */
import type { Day } from '../core/days';
import { DEFAULT_QPV_DISTRICTS } from '../core/lists';
import type { CellValue } from '../core/values';
import { Random, birthFor, seasonSessions, ymd } from './demo-calendar';
import {
  ADULT_AGES,
  CAREER_PLANS,
  EMPLOYERS,
  FEMALE,
  LAST,
  LEVELS,
  MALE,
  OTHER_COMMUNES,
  PROVIDERS,
  REFERRERS,
  SPELLINGS,
  TERRITORY_CODES,
} from './demo-data';

type Outcome = 'workStudy' | 'training' | 'employment' | 'dropout' | 'other' | 'searching';

export interface Person {
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

export function generateDemoData(seed: number): DemoData {
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
