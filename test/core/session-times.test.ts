/** Times of day and session times (SPEC §2.1, §2.2): every form Sheets hands over, the defaults of Paramètres. */
import { intlOffsetMinutes, type OffsetSource } from '../../src/core/days';
import { durationMinutes, parseTimeOfDay, sessionTimes } from '../../src/core/session-times';
import { readModel } from '../../src/server/read';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { formatHours, formatTimeOfDay } from '../../src/i18n/fr/format';
import type { CellValue } from '../../src/core/values';
import { wallClockToInstant } from '../support/fake-gas/dates';

const PARIS = 'Europe/Paris';
const parse = (cell: CellValue, offsets: OffsetSource = intlOffsetMinutes) => parseTimeOfDay(cell, PARIS, offsets);

/** A time cell as Sheets gives it: that wall-clock time on 30/12/1899 in the zone (computed by the test's own helper). */
function sheetsTime(hours: number, minutes: number, timeZone = PARIS): Date {
  return new Date(wallClockToInstant(Date.UTC(1899, 11, 30, hours, minutes), timeZone));
}

describe('parseTimeOfDay', () => {
  it('reads a 1899 Date at 14:00 Paris time as 14:00 (Paris was on local mean time, UTC+0:09:21)', () => {
    const cell = sheetsTime(14, 0);
    expect(cell.toISOString()).toBe('1899-12-30T13:50:39.000Z');
    expect(parse(cell)).toEqual({ status: 'ok', value: 14 * 60 });
  });

  it('would read 14:51 with a fixed modern offset (UTC+1), which it does not use', () => {
    const modern: OffsetSource = () => 60;
    expect(parse(sheetsTime(14, 0), modern)).toEqual({ status: 'ok', value: 14 * 60 + 51 });
  });

  it.each([
    [0, 0],
    [9, 5],
    [23, 59],
    [12, 30],
  ])('reads the 1899 Date of %i:%i back to the minute', (h, m) => {
    expect(parse(sheetsTime(h, m))).toEqual({ status: 'ok', value: h * 60 + m });
  });

  it('reads the time of day of a 1899 Date in another zone with its own history (La Réunion)', () => {
    expect(parseTimeOfDay(sheetsTime(9, 30, 'Indian/Reunion'), 'Indian/Reunion', intlOffsetMinutes)).toEqual({
      status: 'ok',
      value: 9 * 60 + 30,
    });
  });

  it('reads a date and time of today as its time in the zone (summer time)', () => {
    const cell = new Date(wallClockToInstant(Date.UTC(2018, 6, 3, 14, 30), PARIS));
    expect(parse(cell)).toEqual({ status: 'ok', value: 14 * 60 + 30 });
  });

  it('reads fractions of a day, rounded to the minute', () => {
    expect(parse(14 / 24)).toEqual({ status: 'ok', value: 840 });
    expect(parse(0.5833)).toEqual({ status: 'ok', value: 840 });
    expect(parse(0)).toEqual({ status: 'ok', value: 0 });
    expect(parse((9 * 60 + 5) / 1440 + 20 / 86_400)).toEqual({ status: 'ok', value: 545 });
  });

  it('refuses numbers outside [0, 1)', () => {
    for (const n of [1, -0.1, 14, 43_000.5, Number.NaN]) expect(parse(n).status).toBe('invalid');
  });

  it.each([
    ['14:00', 840],
    ['14h', 840],
    ['14h30', 870],
    ['14 h 30', 870],
    ['14H30', 870],
    ['9:05', 545],
    ['09:05', 545],
    [' 14:00:40 ', 841],
    ['0h', 0],
    ['23:59', 1439],
  ])('reads the text %p as %i minutes', (text, minutes) => {
    expect(parse(text)).toEqual({ status: 'ok', value: minutes });
  });

  it.each(['24:00', '14:60', '14h5', 'midi', '14', '14:', '2 pm', '14,30'])('refuses the text %p', (text) => {
    expect(parse(text)).toEqual({ status: 'invalid', text });
  });

  it('gives blank for an empty cell and invalid for a boolean or an invalid Date', () => {
    expect(parse('')).toEqual({ status: 'blank' });
    expect(parse(null)).toEqual({ status: 'blank' });
    expect(parse(true).status).toBe('invalid');
    expect(parse(new Date(Number.NaN)).status).toBe('invalid');
  });
});

describe('the offsets of 1899 through the 28-day bucket cache', () => {
  it('gives the local mean time of Paris (9 min to the minute) on both sides of 14:00, then the modern ones', () => {
    const at = (ms: number) => intlOffsetMinutes(PARIS, ms);
    expect([at(Date.UTC(1899, 11, 30, 0)), at(Date.UTC(1899, 11, 30, 13, 50, 39)), at(Date.UTC(1899, 11, 31, 23))]).toEqual([
      9, 9, 9,
    ]);
    expect([at(Date.UTC(2018, 0, 15)), at(Date.UTC(2018, 6, 15))]).toEqual([60, 120]);
  });
});

function modelOf(sessions: CellValue[][], settings?: CellValue[][]) {
  const tabs: Record<string, CellValue[][]> = { Séances: sessions };
  if (settings) tabs.Paramètres = settings;
  return readModel(new MemoryWorkbook(PARIS, tabs));
}

describe('sessionTimes', () => {
  const HEADER = ['Date', 'Thème', 'Heure de début', 'Horaire de fin'];

  it('takes the session’s own times when both are readable and Fin is after Début', () => {
    const m = modelOf(
      [HEADER, ['06/03/2018', 'CV', '14:00', '16h30']],
      [
        ['Heure de début', 'Heure de fin'],
        ['9:00', '12:00'],
      ],
    );
    const t = sessionTimes(m.settings, m.sessionRecords[0]);
    expect(t).toEqual({ start: 840, end: 990 });
    expect(durationMinutes(t!)).toBe(150);
  });

  it('falls back on the defaults of Paramètres when the session has none, one, or Fin not after Début', () => {
    const m = modelOf(
      [HEADER, ['06/03/2018', 'CV', '', ''], ['13/03/2018', 'CV', '14:00', ''], ['20/03/2018', 'CV', '16:00', '14:00']],
      [
        ['Heure de début', 'Heure de fin'],
        [9.5 / 24, '12h'],
      ],
    );
    expect(m.sessionRecords.map((s) => sessionTimes(m.settings, s))).toEqual([
      { start: 570, end: 720 },
      { start: 570, end: 720 },
      { start: 570, end: 720 },
    ]);
  });

  it('gives no times without defaults, with one default only, or with defaults whose end is not after the start', () => {
    const sessions = [HEADER, ['06/03/2018', 'CV', '', '']];
    for (const settings of [
      undefined,
      [
        ['Heure de début', 'Heure de fin'],
        ['14:00', ''],
      ],
      [
        ['Heure de début', 'Heure de fin'],
        ['14:00', '14:00'],
      ],
    ]) {
      const m = modelOf(sessions, settings);
      expect(sessionTimes(m.settings, m.sessionRecords[0])).toBeNull();
    }
  });
});

describe('the document settings of Paramètres (row 2)', () => {
  it('has defaults when the tab is absent: no default times, "Mission locale", no funders’ note, 5 blank lines', () => {
    const { settings } = modelOf([['Date']]);
    expect([
      settings.defaultStart,
      settings.defaultEnd,
      settings.organisation,
      settings.fundersNote,
      settings.blankLines,
    ]).toEqual([null, null, 'Mission locale', null, 5]);
  });

  it('reads row 2 of each column', () => {
    const { settings } = modelOf(
      [['Date']],
      [
        ['Année', 'Structure', 'Mention des financeurs', 'Heure de début', 'Heure de fin', 'Lignes vierges'],
        [2018, ' Mission locale de la Bièvre ', 'Action cofinancée par le Fonds social européen.', '9h30', '12:00', 0],
        [2019, 'ignorée', '', '', '', 12],
      ],
    );
    expect([
      settings.defaultStart,
      settings.defaultEnd,
      settings.organisation,
      settings.fundersNote,
      settings.blankLines,
    ]).toEqual([570, 720, 'Mission locale de la Bièvre', 'Action cofinancée par le Fonds social européen.', 0]);
  });

  it('drops both default times when either is unreadable', () => {
    const { settings } = modelOf(
      [['Date']],
      [
        ['Heure de début', 'Heure de fin'],
        ['9h30', 'midi'],
      ],
    );
    expect([settings.defaultStart, settings.defaultEnd]).toEqual([null, null]);
  });

  it.each([51, -1, 2.5, 'beaucoup'])('takes 5 blank lines for %p (a whole number from 0 to 50 only)', (value) => {
    const { settings } = modelOf(
      [['Date']],
      [
        ['Année', 'Lignes vierges'],
        [2018, value],
      ],
    );
    expect(settings.blankLines).toBe(5);
  });
});

describe('French formats of times and hours', () => {
  it('prints times as "14 h 00" and hours with a decimal comma, with no-break spaces', () => {
    expect([formatTimeOfDay(840), formatTimeOfDay(545), formatTimeOfDay(0)]).toEqual([
      '14\u00a0h\u00a000',
      '9\u00a0h\u00a005',
      '0\u00a0h\u00a000',
    ]);
    expect([formatHours(2.5), formatHours(1028), formatHours(0)]).toEqual(['2,5\u00a0h', '1\u00a0028\u00a0h', '0\u00a0h']);
  });
});
