/** Property tests (fast-check) of the foundation: parsing never throws, days round-trip. */
import fc from 'fast-check';
import {
  DateCellReader,
  ageOn,
  dayFromIso,
  dayFromYmd,
  daysInMonth,
  isoOfDay,
  midnightInTimeZone,
  ymdOfDay,
} from '../../src/core/days';
import { ATTENDANCE_STATUS, CONTRACT_TYPE, SEX, SITUATION, TRAINING_LEVEL } from '../../src/core/lists';
import { ATTENDANCE, PARTICIPANTS, SESSIONS, SETTINGS } from '../../src/core/schema';
import { normalizeKey, normalizeTabName } from '../../src/core/text';
import {
  CellValue,
  idKey,
  isBlank,
  parseDate,
  parseInteger,
  parseList,
  parseNumber,
  parseText,
  parseYesNo,
  textOf,
} from '../../src/core/values';
import { readWorkbook, tableRows } from '../../src/core/workbook';
import { sheetsDate } from '../support/fake-gas';

const ZONES = [
  'Europe/Paris',
  'UTC',
  'America/Cayenne',
  'Indian/Reunion',
  'Pacific/Noumea',
  'Pacific/Kiritimati',
  'America/Los_Angeles',
];
const readers = ZONES.map((z) => new DateCellReader(z));
const FIRST = dayFromYmd(1800, 1, 1)!;
const LAST = dayFromYmd(9999, 12, 31)!;

const headerTexts = [PARTICIPANTS, SESSIONS, ATTENDANCE, SETTINGS].flatMap((t) =>
  t.columns.flatMap((c) => [c.header, ...c.synonyms]),
);
const listTexts = [SEX, TRAINING_LEVEL, SITUATION, CONTRACT_TYPE, ATTENDANCE_STATUS].flatMap((l) => [...l.labels]);

/** Any value a spreadsheet or an .xlsx reader might hand over, and some it should not. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}$/),
  fc.constantFrom(...headerTexts, ...listTexts, 'oui', 'NON', 'x', '', ' ', '=A1', '+33', '1,5', '31/02/2001'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
);

const validYmd = fc
  .record({
    year: fc.integer({ min: 1800, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('parsing never throws', () => {
  it('for any cell value, every parser returns blank, ok or invalid', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        const results = [
          ...readers.map((r) => parseDate(cell, r)),
          parseYesNo(cell),
          parseNumber(cell),
          parseInteger(cell),
          parseText(cell),
          ...[SEX, TRAINING_LEVEL, SITUATION, CONTRACT_TYPE, ATTENDANCE_STATUS].map((l) => parseList(cell, l as typeof SEX)),
        ];
        for (const r of results) expect(['blank', 'ok', 'invalid']).toContain(r.status);
        for (const r of results.slice(0, readers.length)) {
          if (r.status === 'ok') {
            expect(Number.isInteger(r.value)).toBe(true);
            expect(r.value).toBeGreaterThanOrEqual(-36_522);
            expect(r.value).toBeLessThanOrEqual(2_958_465);
          }
        }
        expect(typeof textOf(cell)).toBe('string');
        expect(typeof idKey(cell)).toBe('string');
        expect(typeof isBlank(cell)).toBe('boolean');
        // A blank cell is blank for every parser, and only then.
        expect(results[0].status === 'blank').toBe(
          textOf(cell) === '' && !(cell instanceof Date) && typeof cell !== 'number' && typeof cell !== 'boolean',
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('reading any grid of cells as a workbook never throws', () => {
    const row = fc.array(anyCell, { maxLength: 10 });
    const grid = fc.array(row, { maxLength: 10 });
    const tabName = fc.constantFrom('Participants', ' participants', 'SÉANCES', 'Presences', 'Paramètres', 'Bilan 2018', 'Autre');
    fc.assert(
      fc.property(fc.dictionary(tabName, grid, { maxKeys: 5 }), fc.constantFrom(...ZONES), (tabs, timeZone) => {
        const m = readWorkbook({ timeZone, sheetNames: Object.keys(tabs), values: (n) => tabs[n] });
        for (const table of [m.participants, m.sessions, m.attendance]) {
          if (table.headerRow !== null) expect(table.headerRow).toBeLessThanOrEqual(5);
          const rows = tableRows(table).map((r) => r.row);
          expect([...rows].sort((a, b) => a - b)).toEqual(rows);
          for (const r of rows) expect(r).toBeGreaterThan(table.headerRow ?? Infinity);
        }
        expect(m.participantRecords).toHaveLength(tableRows(m.participants).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalisation', () => {
  it('normalizeKey keeps only a–z and 0–9, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const k = normalizeKey(s);
        expect(k).toMatch(/^[a-z0-9]*$/);
        expect(normalizeKey(k)).toBe(k);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeKey ignores case, accents, spaces and punctuation of French text', () => {
    const frenchChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿ0123456789'.split(''));
    const noise = fc.constantFrom(' ', "'", '’', '-', '(', ')', '.', '/', '°', '\u00a0', '+');
    fc.assert(
      fc.property(fc.array(fc.tuple(frenchChar, fc.boolean(), fc.option(noise)), { maxLength: 20 }), (parts) => {
        const plain = parts.map(([c]) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).join('');
        const decorated = parts.map(([c, upper, n]) => (upper ? c.toUpperCase() : c) + (n ?? '')).join('');
        expect(normalizeKey(decorated)).toBe(plain);
        expect(normalizeKey(`  ${decorated.normalize('NFC')} `)).toBe(normalizeKey(decorated.normalize('NFD')));
      }),
    );
  });

  it('normalizeTabName ignores case, accents and surrounding spaces, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 }), (s, sp) => {
        const n = normalizeTabName(s);
        expect(normalizeTabName(n)).toBe(n);
        expect(normalizeTabName(sp + s.toUpperCase() + sp)).toBe(normalizeTabName(s.toLowerCase()));
      }),
    );
  });
});

describe('calendar days', () => {
  it('dayFromYmd and ymdOfDay are inverse on every day from 1800 to 9999', () => {
    fc.assert(
      fc.property(validYmd, (ymd) => {
        const d = dayFromYmd(ymd.year, ymd.month, ymd.day);
        expect(d).not.toBeNull();
        expect(ymdOfDay(d!)).toEqual(ymd);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (d) => {
        const { year, month, day } = ymdOfDay(d);
        expect(dayFromYmd(year, month, day)).toBe(d);
        expect(dayFromIso(isoOfDay(d))).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('consecutive days are consecutive serials', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST - 1 }), (d) => {
        const a = ymdOfDay(d);
        const b = ymdOfDay(d + 1);
        const next =
          a.day < daysInMonth(a.year, a.month)
            ? { ...a, day: a.day + 1 }
            : a.month < 12
              ? { year: a.year, month: a.month + 1, day: 1 }
              : { year: a.year + 1, month: 1, day: 1 };
        expect(b).toEqual(next);
      }),
    );
  });

  it('impossible days are refused, never rolled over', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 10 }),
        (y, m, extra) => {
          const d = daysInMonth(y, m) + extra;
          expect(dayFromYmd(y, m, d)).toBeNull();
          expect(parseDate(`${pad(d)}/${pad(m)}/${y}`, readers[0]).status).toBe('invalid');
          expect(parseDate(`${y}-${pad(m)}-${pad(d)}`, readers[0]).status).toBe('invalid');
        },
      ),
    );
  });

  it('every accepted text form of SPEC §2.2 reads as its day', () => {
    fc.assert(
      fc.property(validYmd, fc.constantFrom(...readers), ({ year, month, day }, reader) => {
        const want = dayFromYmd(year, month, day);
        const forms = [
          `${pad(day)}/${pad(month)}/${pad(year, 4)}`,
          `${day}/${month}/${pad(year, 4)}`,
          `${pad(day)}-${pad(month)}-${pad(year, 4)}`,
          `${pad(day)}.${pad(month)}.${pad(year, 4)}`,
          `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
        ];
        for (const f of forms) expect(parseDate(f, reader)).toEqual({ status: 'ok', value: want });
        if (year >= 1930 && year <= 2029) {
          expect(parseDate(`${pad(day)}/${pad(month)}/${pad(year % 100)}`, reader)).toEqual({ status: 'ok', value: want });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a Date cell at midnight, or at any time that day, in the spreadsheet zone reads as that day', () => {
    const day = fc.integer({ min: dayFromYmd(1950, 1, 1)!, max: dayFromYmd(2100, 12, 31)! });
    fc.assert(
      fc.property(day, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 86_399_999 }), (d, zone, ms) => {
        const reader = new DateCellReader(zone);
        const midnight = midnightInTimeZone(d, zone);
        expect(reader.dayOf(midnight)).toBe(d);
        // The test fake computes Sheets' midnight independently: both agree.
        expect(midnight.getTime()).toBe(sheetsDate(isoOfDay(d), zone).getTime());
        const later = new Date(midnight.getTime() + ms);
        const nextMidnight = midnightInTimeZone(d + 1, zone);
        if (later < nextMidnight) expect(reader.dayOf(later)).toBe(d);
        expect(parseDate(midnight, reader)).toEqual({ status: 'ok', value: d });
      }),
      { numRuns: 1000 },
    );
  });

  it('age is in completed years: 0 at birth, +1 on each birthday, never decreasing', () => {
    fc.assert(
      fc.property(
        validYmd.filter((x) => x.year < 9880) /* + 40 000 days stays before 9999 */,
        fc.integer({ min: 0, max: 40_000 }),
        (b, offset) => {
          const birth = dayFromYmd(b.year, b.month, b.day)!;
          expect(ageOn(birth, birth)).toBe(0);
          const on = birth + offset;
          const age = ageOn(birth, on);
          expect(age).toBeGreaterThanOrEqual(0);
          expect(ageOn(birth, on + 1)).toBeGreaterThanOrEqual(age);
          const birthday = dayFromYmd(b.year + age, b.month, b.day) ?? dayFromYmd(b.year + age, 3, 1)!;
          expect(birthday).toBeLessThanOrEqual(on);
        },
      ),
    );
  });
});
