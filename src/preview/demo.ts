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
 *
 * This module lays the workbook out; the people are drawn in demo-people.ts (with the seeded
 * random source and calendar of demo-calendar.ts and the data tables of demo-data.ts).
 */
import { MemoryWorkbook, newMemorySheet } from '../adapters/memory';
import type { CellFormat } from '../core/port';
import { Day, midnightInTimeZone } from '../core/days';
import { ymd } from './demo-calendar';
import { FACILITATORS, PLACES } from './demo-data';
import { Person, generateDemoData } from './demo-people';
import { DEFAULT_TERRITORY, SESSION_THEMES } from '../core/lists';
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
