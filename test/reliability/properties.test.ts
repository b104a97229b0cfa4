/**
 * Properties (fast-check) that complete the ones other suites already hold:
 * - test/core/checks-workbooks.test.ts: checkWorkbook never throws on random cells or headers;
 * - test/core/indicators-properties.test.ts: breakdowns sum to beneficiaries, percentages stay
 *   within 0–100 (null exactly when the denominator is 0);
 * - test/server/attendance-concurrency.test.ts: interleaved saves lose and duplicate nothing.
 * Here: adding a Présent row never lowers presences (it adds exactly one, in its year only);
 * and every server function, run through the Apps Script adapter on arbitrary cells, returns
 * or refuses in French, leaving the workbook as it was (or, for a save, only adding to it and
 * showing the saved statuses on re-opening).
 */
import fc from 'fast-check';
import { AppsScriptLock, AppsScriptWorkbook } from '../../src/server/workbook';
import type { Services } from '../../src/app/ports';
import { dayFromIso } from '../../src/core/days';
import { computeIndicators } from '../../src/core/indicators';
import { stripMark } from '../../src/core/marks';
import { PARTICIPANTS } from '../../src/core/schema';
import type { CellValue } from '../../src/core/values';
import { attendanceRecordsOf } from '../../src/core/workbook';
import { createServerApi } from '../../src/app/api';
import { readModel } from '../../src/app/read';
import type { Status } from '../../src/shared/api';
import { buildWorkbook, participant } from '../support/builders';
import { createFakeGas, FakeInputCell, sheetsDate } from '../support/fake-gas';
import { frenchProblems } from './support/french';
import { changesToExisting, diff, snapshot } from './support/snapshot';

const YEARS = [2016, 2017, 2018, 2019];
const isoDay = fc
  .record({ y: fc.constantFrom(...YEARS), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const POOL = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

describe('adding a Présent row', () => {
  const person = fc.record({
    id: fc.constantFrom(...POOL, 'b', ''),
    entryDate: fc.oneof(isoDay, fc.constantFrom('', '31/02/2018', 'bientôt')),
    birthDate: fc.oneof(
      isoDay.map((d) => `${Number(d.slice(0, 4)) - 19}${d.slice(4)}`),
      fc.constant(''),
    ),
    exitDate: fc.oneof(isoDay, fc.constant('')),
    situation: fc.constantFrom('', 'Alternance signée', 'Abandon', 'Formation'),
  });
  const mark = fc.record({
    date: fc.oneof(isoDay, fc.constantFrom('', 'hier')),
    id: fc.constantFrom(...POOL, ' a ', 'Z'),
    status: fc.constantFrom('Présent', 'P', 'Absent', 'Excusé', 'x', '?', ''),
  });
  const added = fc.record({
    date: fc.oneof(
      isoDay,
      isoDay.map((d) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`),
      fc.constantFrom('', '31/02/2018'),
    ),
    id: fc.constantFrom(...POOL, ' a ', 'b', 'Z', ''),
    status: fc.constantFrom('Présent', 'P', 'x', 'Présente', 'Oui'),
  });

  it('never lowers presences or beneficiaries: +1 presence in its year when the ID is a participant, nothing elsewhere', () => {
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 12 }),
        fc.array(mark, { maxLength: 30 }),
        fc.array(isoDay, { maxLength: 6 }),
        added,
        (people, marks, sessions, row) => {
          const input = {
            participants: people.map((p) => participant(p)),
            sessions: sessions.map((date) => ({ date })),
            settings: [['Année', 'Places prévues'], ...YEARS.map((y) => [y, 10])] as CellValue[][],
          };
          const before = readModel(buildWorkbook({ ...input, attendance: marks }));
          const after = readModel(buildWorkbook({ ...input, attendance: [...marks, row] }));
          const rowDay = attendanceRecordsOf(after)[attendanceRecordsOf(after).length - 1]?.date;
          const known =
            row.id.trim() !== '' &&
            before.participantRecords.some((p) => p.idKey !== '' && p.idKey === row.id.trim().toLowerCase());
          for (const y of YEARS) {
            const b = computeIndicators(before, y);
            const a = computeIndicators(after, y);
            const inYear =
              rowDay?.status === 'ok' && rowDay.value >= dayFromIso(`${y}-01-01`)! && rowDay.value <= dayFromIso(`${y}-12-31`)!;
            expect(a.attendance.presences - b.attendance.presences).toBe(inYear && known ? 1 : 0);
            expect(a.attendance.absences).toBe(b.attendance.absences);
            expect(a.attendance.excused).toBe(b.attendance.excused);
            expect(a.beneficiaries).toBeGreaterThanOrEqual(b.beneficiaries);
            expect(a.carriedOver).toBeGreaterThanOrEqual(b.carriedOver);
            expect(a.newEntrants).toBe(b.newEntrants);
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});

// ---------------------------------------------------------------------------------------

const cellArb: fc.Arbitrary<FakeInputCell> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<FakeInputCell>(
      '',
      null,
      ' ',
      'Oui',
      'Non',
      'x',
      'P',
      'Absent',
      'Alternance signée',
      'Apprentissage',
      'Villejuif',
      'Chaperon Vert',
      '31/02/2001',
      '05/03/2018',
      '2018-03-13',
      '=SOMME(A1)',
      '+33 6',
      '#N/A',
      'A',
      'a ',
      '42',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 400 }) },
  { weight: 2, arbitrary: fc.integer({ min: -100_000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.date({ min: new Date(-5e13), max: new Date(5e13), noInvalidDate: false }) },
);
const rows = (width: number) => fc.array(fc.array(cellArb, { maxLength: width }), { maxLength: 7 });
const participantHeaders = PARTICIPANTS.columns.map((c) => c.header);
const headerArb = (names: string[]) =>
  fc
    .shuffledSubarray(names, { minLength: 0 })
    .chain((h) =>
      fc
        .tuple(fc.constant(h), fc.array(fc.constantFrom(...names, '', 'Colonne perso'), { maxLength: 2 }))
        .map(([a, b]) => [...a, ...b]),
    );

const randomWorkbook = fc.record({
  participantsName: fc.constantFrom('Participants', ' PARTICIPANTS ', 'participants', 'Inscrits'),
  participantsHeader: headerArb(participantHeaders),
  participants: rows(participantHeaders.length + 2),
  sessionsHeader: headerArb(['Date', 'Thème', 'Animateur', 'Lieu', 'Date de la séance']),
  sessions: rows(6),
  attendanceName: fc.constantFrom('Présences', 'presences', 'Présence'),
  attendanceHeader: headerArb(['Date', 'ID participant', 'Participant', 'Statut', 'ID']),
  attendance: rows(6),
  settings: fc.option(rows(8), { nil: undefined }),
  titleRow: fc.boolean(),
});

/** Canonical headers, rows that are partly plausible (an ID, an entry date) and partly arbitrary cells. */
const dateCellArb = isoDay.map((d) => sheetsDate(d));
const plausibleParticipant = fc
  .tuple(
    fc.constantFrom(...POOL, 'a', ' B '),
    dateCellArb,
    fc.array(cellArb, { minLength: participantHeaders.length, maxLength: participantHeaders.length }),
    fc.boolean(),
  )
  .map(([id, entry, cells, keepExit]) =>
    participantHeaders.map((h, i) =>
      h === 'ID' ? id : h === "Date d'entrée" ? entry : h === 'Date de sortie' && !keepExit ? '' : cells[i],
    ),
  );
const plausibleMark = fc
  .tuple(dateCellArb, fc.constantFrom(...POOL, 'z'), fc.constantFrom('Présent', 'P', 'Absent', 'E', '?', ''))
  .map(([d, id, st]) => [d, id, '', st]);
const structuredWorkbook = fc.record({
  participantsName: fc.constant('Participants'),
  participantsHeader: fc.constant(participantHeaders),
  participants: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: plausibleParticipant },
      { weight: 1, arbitrary: fc.array(cellArb, { maxLength: participantHeaders.length }) },
    ),
    { maxLength: 8 },
  ),
  sessionsHeader: fc.constant<string[]>(['Date', 'Thème', 'Animateur', 'Lieu']),
  sessions: fc.array(
    fc.oneof(
      dateCellArb.map((d) => [d, 'CV', '', '']),
      fc.array(cellArb, { maxLength: 5 }),
    ),
    { maxLength: 5 },
  ),
  attendanceName: fc.constant('Présences'),
  attendanceHeader: fc.constant<string[]>(['Date', 'ID participant', 'Participant', 'Statut']),
  attendance: fc.array(
    fc.oneof({ weight: 3, arbitrary: plausibleMark }, { weight: 1, arbitrary: fc.array(cellArb, { maxLength: 5 }) }),
    { maxLength: 10 },
  ),
  settings: fc.option(rows(8), { nil: undefined }),
  titleRow: fc.boolean(),
});
const workbookArb = fc.oneof(structuredWorkbook, randomWorkbook);

describe('server functions on arbitrary cells, through the Apps Script adapter', () => {
  it('return, or refuse with a French message; never change what they must not', () => {
    fc.assert(
      fc.property(
        workbookArb,
        isoDay,
        fc.constantFrom(...YEARS),
        fc.array(fc.constantFrom<Status>('Présent', 'Absent', 'Excusé'), { minLength: 1, maxLength: 4 }),
        (w, date, year, statuses) => {
          const sheets: Record<string, FakeInputCell[][]> = {
            [w.participantsName]: [...(w.titleRow ? [['Suivi des jeunes']] : []), w.participantsHeader, ...w.participants],
            Séances: [w.sessionsHeader, ...w.sessions],
            [w.attendanceName]: [w.attendanceHeader, ...w.attendance],
          };
          if (w.settings)
            sheets.Paramètres = [
              [
                'Année',
                'Places prévues',
                'Début de saison',
                'Fin de saison',
                'Commune du territoire',
                'Quartier QPV',
                'Seuil de confidentialité',
              ],
              ...w.settings,
            ];
          const fake = createFakeGas({ sheets });
          const restore = fake.install();
          try {
            const services = (): Services => ({
              workbook: new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
              lock: new AppsScriptLock(),
              ui: { showSidebar() {}, alert() {}, prompt: () => null, confirm: () => true },
              today: () => dayFromIso('2026-11-26')!,
              now: () => new Date('2026-11-26T10:00:00Z'),
            });
            const attempt = (run: () => unknown): { ok: boolean; value?: unknown } => {
              try {
                return { ok: true, value: run() };
              } catch (e) {
                expect((e as Error).name).toBe('Error');
                expect(frenchProblems((e as Error).message)).toEqual([]);
                return { ok: false };
              }
            };
            // Read-only functions change nothing.
            const before = snapshot(fake);
            for (const run of [
              () => createServerApi(services()).getAttendanceSheet(''),
              () => createServerApi(services()).getAttendanceSheet(date),
              () => createServerApi(services()).computeIndicators(year),
              () => createServerApi(services()).getReportYears(),
            ]) {
              attempt(run);
              expect(diff(before, snapshot(fake))).toEqual([]);
            }
            // Checks only add their marks to notes.
            const checked = attempt(() => createServerApi(services()).validateWorkbook());
            expect(checked.ok).toBe(true);
            expect(diff(before, snapshot(fake), { note: (b, a) => stripMark(a) === b })).toEqual([]);
            // The report only adds its tab.
            const afterChecks = snapshot(fake);
            attempt(() => createServerApi(services()).generateAnnualReport(year));
            expect(diff(afterChecks, snapshot(fake), { allowNewTabs: [`Bilan ${year}`] })).toEqual([]);
            // A save only adds (or refuses and changes nothing); re-opening shows what was saved.
            const sheet = attempt(() => createServerApi(services()).getAttendanceSheet(date));
            const ids = sheet.ok ? (sheet.value as { participants: { id: string }[] }).participants.map((p) => p.id) : ['A'];
            const entries = statuses.slice(0, ids.length).map((status, i) => ({ participantId: ids[i], status }));
            const beforeSave = snapshot(fake);
            // The statuses of rows already recorded for (date, ID) may be updated, nothing else.
            const model = readModel(new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
            const keys = new Set(entries.map((e) => e.participantId.trim().toLowerCase()));
            const day = dayFromIso(date)!;
            const statusCol = model.attendance.columns.status;
            const updatable = new Set(
              attendanceRecordsOf(model)
                .filter((a) => a.date.status === 'ok' && a.date.value === day && keys.has(a.idKey) && statusCol !== undefined)
                .map((a) => `${model.attendance.sheetName}!${a.row}:${statusCol! + 1}`),
            );
            const saved = attempt(() => createServerApi(services()).saveAttendance({ date, entries }));
            if (saved.ok) {
              expect(changesToExisting(beforeSave, snapshot(fake), updatable)).toEqual([]);
              const reopened = createServerApi(services()).getAttendanceSheet(date);
              const shown = new Map(reopened.participants.map((p) => [p.id.toLowerCase(), p.status]));
              for (const e of entries)
                expect([e.participantId, shown.get(e.participantId.toLowerCase())]).toEqual([e.participantId, e.status]);
            } else expect(diff(beforeSave, snapshot(fake))).toEqual([]);
            expect(fake.lock.held).toBe(false);
          } finally {
            restore();
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 80) },
    );
  });
});
