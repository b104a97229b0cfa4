import {
  buildAttendanceSheet,
  defaultAttendanceDay,
  followUpOf,
  parseRequestedDate,
  participantIndex,
  seasonOfYear,
  statusBook,
  themeSuggestions,
} from '../../src/core/attendance';
import { MAX_ENTRIES, unknownParticipantMessage, validateSaveInput } from '../../src/core/attendance-input';
import { dayFromIso, isoOfDay } from '../../src/core/days';
import { SESSION_THEMES } from '../../src/core/lists';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const day = (iso: string): number => dayFromIso(iso)!;

function model(input: Parameters<typeof buildWorkbook>[0]) {
  return readModel(buildWorkbook(input));
}

describe('roster of a date (SPEC §4)', () => {
  const people = [
    participant({ id: 'A1', lastName: 'Zola', firstName: 'Inès', entryDate: '2018-03-01' }),
    participant({ id: 'A2', lastName: 'Écrivain', firstName: 'Léa', entryDate: '2018-03-01' }),
    participant({ id: 'A3', lastName: 'Durand', firstName: 'Yanis', entryDate: '2018-04-10' }),
    participant({ id: 'A4', lastName: 'Durand', firstName: 'Adam', entryDate: '2018-03-01', exitDate: '2018-03-20' }),
    participant({ id: 'A5', lastName: 'Evans', firstName: 'Noé', entryDate: '2018-03-01', exitDate: '2018-03-13' }),
    participant({ id: 'A6', lastName: 'Bernard', firstName: 'Sami', entryDate: 'bientôt' }),
    participant({ id: 'A7', lastName: 'Bernard', firstName: 'Lina', entryDate: '2018-05-01' }),
  ];

  it('lists the participants entered on or before the date and not gone before it, sorted by Nom then Prénom', () => {
    const m = model({ participants: people });
    const sheet = buildAttendanceSheet(m, day('2018-03-13'));
    expect(sheet.participants.map((p) => p.name)).toEqual(['Durand Adam', 'Écrivain Léa', 'Evans Noé', 'Zola Inès']);
    expect(sheet.participants.map((p) => p.id)).toEqual(['A4', 'A2', 'A5', 'A1']);
    expect(sheet.participants.every((p) => p.status === null)).toBe(true);
    expect(sheet.date).toBe('2018-03-13');
  });

  it('keeps someone whose exit is on the date itself and drops them the day after', () => {
    const m = model({ participants: people });
    expect(buildAttendanceSheet(m, day('2018-03-13')).participants.some((p) => p.id === 'A5')).toBe(true);
    expect(buildAttendanceSheet(m, day('2018-03-14')).participants.some((p) => p.id === 'A5')).toBe(false);
  });

  it('adds anyone already recorded for the date, with the recorded status (sheet synonyms read)', () => {
    const m = model({
      participants: people,
      attendance: [
        { date: '2018-03-13', id: 'A7', status: 'P' },
        { date: '2018-03-13', id: ' a6 ', status: 'Excusée' },
        { date: '2018-03-13', id: 'A1', status: 'absent' },
        { date: '2018-03-13', id: 'INCONNU', status: 'Présent' },
        { date: '2018-03-06', id: 'A2', status: 'Présent' },
      ],
    });
    const sheet = buildAttendanceSheet(m, day('2018-03-13'));
    const byId = Object.fromEntries(sheet.participants.map((p) => [p.id, p.status]));
    expect(byId).toEqual({ A4: null, A2: null, A5: null, A1: 'Absent', A7: 'Présent', A6: 'Excusé' });
    expect(sheet.participants.map((p) => p.name)).toEqual([
      'Bernard Lina',
      'Bernard Sami',
      'Durand Adam',
      'Écrivain Léa',
      'Evans Noé',
      'Zola Inès',
    ]);
  });

  it('shows an unreadable recorded status as not entered', () => {
    const m = model({ participants: people, attendance: [{ date: '2018-03-13', id: 'A1', status: 'En retard' }] });
    const a1 = buildAttendanceSheet(m, day('2018-03-13')).participants.find((p) => p.id === 'A1')!;
    expect(a1.status).toBeNull();
  });

  it('shows one line per ID when Participants repeats an ID (the first row wins)', () => {
    const m = model({
      participants: [
        participant({ id: 'B1', lastName: 'Petit', firstName: 'Jade' }),
        participant({ id: 'b1 ', lastName: 'Petit', firstName: 'Jade (doublon)' }),
      ],
    });
    const sheet = buildAttendanceSheet(m, day('2018-06-05'));
    expect(sheet.participants).toHaveLength(1);
    expect(sheet.participants[0].name).toBe('Petit Jade');
  });

  it('returns the session of the date and the theme suggestions plus the themes already used', () => {
    const m = model({
      participants: people,
      sessions: [
        { date: '2018-03-13', theme: 'Atelier numérique', facilitator: 'Nadia', place: 'Salle 2' },
        { date: '2018-03-20', theme: 'cv' },
        { date: '2018-03-27', theme: 'Atelier numérique' },
      ],
    });
    const sheet = buildAttendanceSheet(m, day('2018-03-13'));
    expect(sheet.session).toEqual({ theme: 'Atelier numérique', facilitator: 'Nadia', place: 'Salle 2' });
    expect(sheet.themes).toEqual([...SESSION_THEMES, 'Atelier numérique']);
    expect(buildAttendanceSheet(m, day('2018-04-03')).session).toBeNull();
    expect(themeSuggestions(model({}))).toEqual([...SESSION_THEMES]);
  });

  it('returns exactly the keys of SPEC §5', () => {
    const sheet = buildAttendanceSheet(model({ participants: people }), day('2018-03-13'));
    expect(Object.keys(sheet).sort()).toEqual(['date', 'others', 'participants', 'session', 'themes', 'unusualWeekday']);
    for (const p of sheet.participants) {
      expect(Object.keys(p).sort()).toEqual(['email', 'followUpReason', 'id', 'name', 'needsFollowUp', 'phone', 'status']);
    }
  });
});

describe('default date (SPEC §4)', () => {
  const sessions = [{ date: '2018-10-16' }, { date: '2018-10-23' }, { date: '2019-03-05' }];

  it('is today when today is in the season (March–October by default)', () => {
    const m = model({ sessions });
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-06-12')))).toBe('2018-06-12');
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-03-01')))).toBe('2018-03-01');
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-10-31')))).toBe('2018-10-31');
  });

  it('is today when today has a session, even out of season', () => {
    const m = model({ sessions: [...sessions, { date: '2018-12-04' }] });
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-12-04')))).toBe('2018-12-04');
  });

  it('is the latest past session otherwise', () => {
    const m = model({ sessions });
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-11-26')))).toBe('2018-10-23');
    expect(isoOfDay(defaultAttendanceDay(m, day('2019-01-15')))).toBe('2018-10-23');
  });

  it('uses the season of Paramètres when given', () => {
    const settings = [
      ['Année', 'Places prévues', 'Début de saison', 'Fin de saison'],
      [2018, 55, '2018-04-03', '2018-09-25'],
    ];
    const m = model({ sessions, settings });
    expect(isoOfDay(seasonOfYear(m.settings, 2018).start)).toBe('2018-04-03');
    expect(isoOfDay(seasonOfYear(m.settings, 2019).start)).toBe('2019-03-01');
    // Before the configured start, no session that day and none before: the nearest upcoming one.
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-03-20')))).toBe('2018-10-16');
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-09-25')))).toBe('2018-09-25');
    // After the configured end: the latest past session.
    expect(isoOfDay(defaultAttendanceDay(m, day('2018-10-30')))).toBe('2018-10-23');
  });

  it('is today when the workbook has no session at all', () => {
    expect(isoOfDay(defaultAttendanceDay(model({}), day('2018-12-24')))).toBe('2018-12-24');
  });
});

describe('requested date of getAttendanceSheet', () => {
  it('takes blank or missing as the default date', () => {
    expect(parseRequestedDate('')).toEqual({ ok: true, value: null });
    expect(parseRequestedDate(undefined)).toEqual({ ok: true, value: null });
    expect(parseRequestedDate(null)).toEqual({ ok: true, value: null });
  });

  it('reads YYYY-MM-DD and refuses anything else with a French message', () => {
    expect(parseRequestedDate('2018-03-13')).toEqual({ ok: true, value: day('2018-03-13') });
    for (const bad of ['2018-02-30', '13/03/2018', 'demain', '2018-3-13', 42, {}]) {
      const r = parseRequestedDate(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/date/);
    }
  });
});

describe('"à relancer" flag', () => {
  const p = (extra = {}) => participant({ id: 'F1', entryDate: '2018-03-01', ...extra });
  const other = participant({ id: 'F2', entryDate: '2018-03-01' });
  const att = (entries: [string, string][]) => [
    ...entries.map(([date, status]) => ({ date, id: 'F1', status })),
    // F2 is present at every session, so every date is a session where attendance was taken.
    ...['2018-03-06', '2018-03-13', '2018-03-20', '2018-03-27'].map((date) => ({ date, id: 'F2', status: 'Présent' })),
  ];
  function flagOn(iso: string, entries: [string, string][], extra = {}) {
    const m = model({ participants: [p(extra), other], attendance: att(entries) });
    return buildAttendanceSheet(m, day(iso)).participants.find((x) => x.id === 'F1')!;
  }

  it('flags three consecutive absences', () => {
    const f = flagOn('2018-04-03', [
      ['2018-03-13', 'Absent'],
      ['2018-03-20', 'Absent'],
      ['2018-03-27', 'Absent'],
    ]);
    expect(f.needsFollowUp).toBe(true);
    expect(f.followUpReason).toMatch(/trois dernières séances/);
  });

  it('flags no presence in the last three sessions (excused or not recorded count as not present)', () => {
    const f = flagOn('2018-04-03', [
      ['2018-03-13', 'Excusé'],
      ['2018-03-20', 'Absent'],
    ]);
    expect(f.needsFollowUp).toBe(true);
    expect(f.followUpReason).toMatch(/Aucune présence/);
  });

  it('does not flag someone present at one of the last three sessions', () => {
    expect(
      flagOn('2018-04-03', [
        ['2018-03-06', 'Absent'],
        ['2018-03-13', 'Absent'],
        ['2018-03-20', 'Présent'],
        ['2018-03-27', 'Absent'],
      ]).needsFollowUp,
    ).toBe(false);
  });

  it('looks only at sessions strictly before the date', () => {
    // Absent on the chosen date itself does not count.
    expect(
      flagOn('2018-03-27', [
        ['2018-03-06', 'Présent'],
        ['2018-03-13', 'Absent'],
        ['2018-03-20', 'Absent'],
        ['2018-03-27', 'Absent'],
      ]).needsFollowUp,
    ).toBe(false);
  });

  it('does not flag on a day someone recorded Présent on that very day', () => {
    const absences: [string, string][] = [
      ['2018-03-13', 'Absent'],
      ['2018-03-20', 'Absent'],
      ['2018-03-27', 'Absent'],
    ];
    expect(flagOn('2018-04-03', absences).needsFollowUp).toBe(true);
    const came = flagOn('2018-04-03', [...absences, ['2018-04-03', 'Présent']]);
    expect(came).toMatchObject({ status: 'Présent', needsFollowUp: false, followUpReason: null, phone: null });
    expect(flagOn('2018-04-03', [...absences, ['2018-04-03', 'Absent']]).needsFollowUp).toBe(true);
  });

  it('does not flag before three sessions were expected of the participant', () => {
    expect(flagOn('2018-04-03', [['2018-03-27', 'Absent']], { entryDate: '2018-03-15' }).needsFollowUp).toBe(false);
    expect(
      flagOn(
        '2018-04-03',
        [
          ['2018-03-20', 'Absent'],
          ['2018-03-27', 'Absent'],
        ],
        { entryDate: '2018-03-15' },
      ).needsFollowUp,
    ).toBe(false);
  });

  it('ignores days with a Séances row but no attendance taken', () => {
    const m = model({
      participants: [p(), other],
      sessions: [{ date: '2018-03-29' }, { date: '2018-03-30' }, { date: '2018-03-31' }],
      attendance: att([['2018-03-20', 'Présent']]),
    });
    const f = buildAttendanceSheet(m, day('2018-04-03')).participants.find((x) => x.id === 'F1')!;
    expect(f.needsFollowUp).toBe(false);
  });

  it('is computed by followUpOf from the sessions, most recent first', () => {
    const m = model({ participants: [p(), other], attendance: att([['2018-03-27', 'Présent']]) });
    const book = statusBook(m);
    const index = participantIndex(m.participantRecords);
    const past = [day('2018-03-27'), day('2018-03-20'), day('2018-03-13')];
    expect(followUpOf(index.get('f1')!, past, book).needsFollowUp).toBe(false);
    expect(followUpOf(index.get('f1')!, past.slice(1).concat(day('2018-03-06')), book).needsFollowUp).toBe(true);
  });
});

describe('validation of a save input', () => {
  const valid = { date: '2018-03-13', entries: [{ participantId: 'A1', status: 'Présent' }] };
  const rejected = (input: unknown): string => {
    const r = validateSaveInput(input);
    if (r.ok) throw new Error(`accepted: ${JSON.stringify(input)}`);
    return r.message;
  };

  it('accepts a well-formed input and cleans its text', () => {
    const r = validateSaveInput({
      date: '2018-03-13',
      theme: '  Lettre   de motivation ',
      facilitator: '',
      entries: [
        { participantId: ' A1 ', status: 'Présent' },
        { participantId: 'A2', status: 'Absent' },
        { participantId: 'a3', status: 'Excusé' },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.date).toBe('2018-03-13');
    expect(r.value.theme).toBe('Lettre de motivation');
    expect(r.value.facilitator).toBeNull();
    expect(r.value.place).toBeNull();
    expect(r.value.entries).toEqual([
      { participantId: 'A1', idKey: 'a1', status: 'Présent' },
      { participantId: 'A2', idKey: 'a2', status: 'Absent' },
      { participantId: 'a3', idKey: 'a3', status: 'Excusé' },
    ]);
  });

  it('accepts no entries (the session alone) and exactly the maximum number of entries', () => {
    expect(validateSaveInput({ date: '2018-03-13', entries: [] }).ok).toBe(true);
    const many = Array.from({ length: MAX_ENTRIES }, (_, i) => ({ participantId: `P${i}`, status: 'Présent' }));
    expect(validateSaveInput({ date: '2018-03-13', entries: many }).ok).toBe(true);
  });

  it.each([
    ['no input', undefined],
    ['null', null],
    ['a string', 'Présent'],
    ['an array', [valid]],
  ])('refuses %s', (_label, input) => {
    expect(rejected(input)).toMatch(/illisibles.*Rien n'a été enregistré/);
  });

  it.each([
    ['a missing', undefined, /date de la séance manque/],
    ['a blank', '  ', /date de la séance manque/],
    ['an impossible', '2018-02-30', /n'est pas valide/],
    ['a French-format', '13/03/2018', /n'est pas valide/],
    ['a serial-number', 43172, /n'est pas valide/],
    ['a free-text', 'mardi', /n'est pas valide/],
  ])('refuses %s date', (_label, date, message) => {
    expect(rejected({ ...valid, date })).toMatch(message);
  });

  it('refuses entries that are not a list, and more than the maximum', () => {
    expect(rejected({ date: '2018-03-13' })).toMatch(/liste des présences/);
    expect(rejected({ date: '2018-03-13', entries: {} })).toMatch(/liste des présences/);
    const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({ participantId: `P${i}`, status: 'Présent' }));
    expect(rejected({ date: '2018-03-13', entries: many })).toMatch(/1\u00a0001 présences.*maximum de 1\u00a0000/);
  });

  it.each([
    ['not an object', 'A1', /n° 1 est illisible/],
    ['without ID', { status: 'Présent' }, /n'indique pas l'identifiant/],
    ['with a blank ID', { participantId: '  ', status: 'Présent' }, /n'indique pas l'identifiant/],
    ['with an absurd ID', { participantId: 'x'.repeat(500), status: 'Présent' }, /trop long/],
    ['without status', { participantId: 'A1' }, /statut de «\u00a0A1\u00a0» manque/],
    [
      'with an unknown status',
      { participantId: 'A1', status: 'En retard' },
      /statut «\u00a0En retard\u00a0» de «\u00a0A1\u00a0» est inconnu/,
    ],
    ['with a sheet synonym as status', { participantId: 'A1', status: 'P' }, /est inconnu/],
    ['with a lower-case status', { participantId: 'A1', status: 'présent' }, /est inconnu/],
    ['with a boolean status', { participantId: 'A1', status: true }, /est inconnu/],
  ])('refuses an entry %s', (_label, entry, message) => {
    expect(rejected({ date: '2018-03-13', entries: [entry] })).toMatch(message);
  });

  it('refuses a participant repeated, whatever the case and spaces', () => {
    const entries = [
      { participantId: 'A1', status: 'Présent' },
      { participantId: ' a1', status: 'Absent' },
    ];
    expect(rejected({ date: '2018-03-13', entries })).toMatch(/apparaît plusieurs fois/);
  });

  it.each([
    ['theme', 42],
    ['facilitator', { name: 'x' }],
    ['place', ['Salle']],
  ])('refuses a %s that is not text', (field, value) => {
    expect(rejected({ ...valid, [field]: value })).toMatch(/doit être du texte/);
  });

  it('refuses an absurdly long theme', () => {
    expect(rejected({ ...valid, theme: 'a'.repeat(201) })).toMatch(/Thème.*trop long/);
  });

  it('names the first ID unknown in Participants', () => {
    const m = model({ participants: [participant({ id: 'A1' })] });
    const r = validateSaveInput({
      date: '2018-03-13',
      entries: [
        { participantId: 'a1', status: 'Présent' },
        { participantId: 'Z9', status: 'Présent' },
      ],
    });
    if (!r.ok) throw new Error(r.message);
    const index = participantIndex(m.participantRecords);
    expect(unknownParticipantMessage(r.value, index)).toMatch(/«\u00a0Z9\u00a0» n'existe pas/);
    expect(unknownParticipantMessage({ ...r.value, entries: r.value.entries.slice(0, 1) }, index)).toBeNull();
  });
});

describe('who is expected on a date (SPEC §4, active participants)', () => {
  const listed = (
    people: ReturnType<typeof participant>[],
    iso: string,
    attendance: { date: string; id: string; status: string }[] = [],
  ) => buildAttendanceSheet(model({ participants: people, attendance }), day(iso)).participants.map((p) => p.id);

  it('lists someone who entered exactly six calendar months before the date', () => {
    expect(listed([participant({ id: 'X1', entryDate: '2018-04-30' })], '2018-10-30')).toEqual(['X1']);
  });

  it('leaves out someone who entered the day before that, without a presence since', () => {
    expect(listed([participant({ id: 'X1', entryDate: '2018-04-29' })], '2018-10-30')).toEqual([]);
  });

  it('keeps an early entrant who came (Présent) within the six months', () => {
    const people = [participant({ id: 'X1', entryDate: '2016-03-01' })];
    expect(listed(people, '2018-10-30', [{ date: '2018-04-30', id: 'X1', status: 'Présent' }])).toEqual(['X1']);
  });

  it('does not count an absence as activity', () => {
    const people = [participant({ id: 'X1', entryDate: '2016-03-01' })];
    expect(listed(people, '2018-10-30', [{ date: '2018-10-23', id: 'X1', status: 'Absent' }])).toEqual([]);
  });

  it('leaves out someone whose contract started before the date', () => {
    const people = [
      participant({
        id: 'X1',
        entryDate: '2018-09-01',
        situation: 'Alternance signée',
        contractType: 'Apprentissage',
        contractStart: '2018-10-01',
      }),
    ];
    expect(listed(people, '2018-10-30')).toEqual([]);
  });

  it('still lists someone whose contract starts on the date itself', () => {
    const people = [
      participant({
        id: 'X1',
        entryDate: '2018-09-01',
        situation: 'Alternance signée',
        contractType: 'Apprentissage',
        contractStart: '2018-10-30',
      }),
    ];
    expect(listed(people, '2018-10-30')).toEqual(['X1']);
  });

  it('lists anyone recorded for the date, even inactive', () => {
    const people = [participant({ id: 'X1', entryDate: '2016-03-01' })];
    expect(listed(people, '2018-10-30', [{ date: '2018-10-30', id: 'X1', status: 'Excusé' }])).toEqual(['X1']);
  });

  it('puts the enrolled people not expected in others, with id and name only', () => {
    const people = [participant({ id: 'X1', lastName: 'Ancien', firstName: 'Paul', entryDate: '2016-03-01' })];
    const sheet = buildAttendanceSheet(model({ participants: people }), day('2018-10-30'));
    expect(sheet.others).toEqual([{ id: 'X1', name: 'Ancien Paul' }]);
  });

  it('leaves out of others someone who left before the date', () => {
    const people = [participant({ id: 'X1', entryDate: '2016-03-01', exitDate: '2017-01-01', situation: 'Emploi' })];
    expect(buildAttendanceSheet(model({ participants: people }), day('2018-10-30')).others).toEqual([]);
  });

  it('never lists an anonymised row', () => {
    const people = [participant({ id: 'X1', entryDate: '2018-10-01', anonymisedOn: '2018-10-20' })];
    const sheet = buildAttendanceSheet(
      model({ participants: people, attendance: [{ date: '2018-10-30', id: 'X1', status: 'Présent' }] }),
      day('2018-10-30'),
    );
    expect([sheet.participants, sheet.others]).toEqual([[], []]);
  });
});

describe('dates of a save (SPEC §4, §5)', () => {
  const entries = [{ participantId: 'A1', status: 'Présent' }];

  it('refuses a date after today with a French message', () => {
    const r = validateSaveInput({ date: '2030-06-04', entries }, day('2018-10-30'));
    expect(r).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message:
        "La séance du 04/06/2030 n'a pas encore eu lieu\u00a0: les présences se saisissent le jour de la séance ou après. Rien n'a été enregistré.",
    });
  });

  it('accepts today', () => {
    expect(validateSaveInput({ date: '2018-10-30', entries }, day('2018-10-30')).ok).toBe(true);
  });

  it('refuses an empty date', () => {
    expect(validateSaveInput({ date: '', entries }, day('2018-10-30'))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: "La date de la séance manque. Rien n'a été enregistré.",
    });
  });
});

describe('unusualWeekday of a date without a session (SPEC §4)', () => {
  const tuesdays = ['2018-10-02', '2018-10-09', '2018-10-16', '2018-10-23'].map((date) => ({ date, theme: 'CV' }));
  const m = () => model({ participants: [participant({ entryDate: '2018-03-01' })], sessions: tuesdays });

  it('is true for a new session on another weekday than the year usual one', () => {
    expect(buildAttendanceSheet(m(), day('2018-10-24')).unusualWeekday).toBe(true);
  });

  it('is false on the usual weekday and on a date that already has its session', () => {
    expect(buildAttendanceSheet(m(), day('2018-10-30')).unusualWeekday).toBe(false);
    expect(buildAttendanceSheet(m(), day('2018-10-23')).unusualWeekday).toBe(false);
  });
});
