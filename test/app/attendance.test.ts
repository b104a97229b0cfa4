import { MemoryWorkbook } from '../../src/adapters/memory';
import { DateCellReader, isoOfDay } from '../../src/core/days';
import type { CellValue } from '../../src/core/values';
import { getAttendanceSheet, saveAttendance } from '../../src/app/attendance';
import { buildWorkbook, dateCell, memoryServices, participant, TZ } from '../support/builders';

const people = () => [
  participant({ id: 'P-01', lastName: 'Moreau', firstName: 'Inès', entryDate: '2018-03-01' }),
  participant({ id: 'P-02', lastName: 'Benali', firstName: 'Yanis', entryDate: '2018-03-01' }),
  participant({ id: 'P-03', lastName: 'Durand', firstName: 'Léo', entryDate: '2018-03-01' }),
  participant({ id: 'P-04', lastName: 'Traoré', firstName: 'Awa', entryDate: '2018-03-01' }),
];

const reader = new DateCellReader(TZ);
/** A tab's cells as plain data (Date cells → 'YYYY-MM-DD'). */
function tab(wb: MemoryWorkbook, name: string): CellValue[][] {
  return wb.sheet(name).cells.map((r) => r.map((c) => (c instanceof Date ? isoOfDay(reader.dayOf(c)!) : c)));
}
function snapshot(wb: MemoryWorkbook): string {
  return JSON.stringify(wb.sheets.map((s) => [s.name, tab(wb, s.name)]));
}
function writes(wb: MemoryWorkbook): number {
  return (wb.calls.writeValues ?? 0) + (wb.calls.insertSheet ?? 0) + (wb.calls.clearSheet ?? 0);
}

describe('getAttendanceSheet', () => {
  it('returns the roster, the session and the themes of a date', () => {
    const wb = buildWorkbook({
      participants: people(),
      sessions: [{ date: '2018-03-13', theme: 'CV', facilitator: 'Nadia', place: 'Salle 1' }],
      attendance: [{ date: '2018-03-13', id: 'P-02', status: 'Présent' }],
    });
    const sheet = getAttendanceSheet(memoryServices(wb, '2018-03-20'), '2018-03-13');
    expect(sheet.date).toBe('2018-03-13');
    expect(sheet.session).toEqual({ theme: 'CV', facilitator: 'Nadia', place: 'Salle 1' });
    expect(sheet.participants.map((p) => [p.id, p.name, p.status])).toEqual([
      ['P-02', 'Benali Yanis', 'Présent'],
      ['P-03', 'Durand Léo', null],
      ['P-01', 'Moreau Inès', null],
      ['P-04', 'Traoré Awa', null],
    ]);
    expect(sheet.themes).toContain("Simulation d'entretien");
  });

  it('opens on the default date when the date is blank or missing', () => {
    const wb = buildWorkbook({ participants: people(), sessions: [{ date: '2018-10-23' }] });
    expect(getAttendanceSheet(memoryServices(wb, '2018-06-12'), '').date).toBe('2018-06-12');
    expect(getAttendanceSheet(memoryServices(wb, '2018-11-26'), undefined).date).toBe('2018-10-23');
  });

  it('refuses an invalid date with a French message', () => {
    const wb = buildWorkbook({ participants: people() });
    expect(() => getAttendanceSheet(memoryServices(wb), '2018-02-30')).toThrow(
      /La date «\u00a02018-02-30\u00a0» n'est pas valide/,
    );
    expect(() => getAttendanceSheet(memoryServices(wb), 20180213)).toThrow(/date/);
  });

  it('asks for "Préparer le classeur" when Participants is missing, and writes nothing', () => {
    const wb = new MemoryWorkbook(TZ, { Feuille1: [['x']] });
    expect(() => getAttendanceSheet(memoryServices(wb), '')).toThrow(/Participants.*Préparer le classeur/);
    expect(writes(wb)).toBe(0);
  });

  it('reads each tab once and writes nothing', () => {
    const wb = buildWorkbook({
      participants: people(),
      settings: [
        ['Année', 'Places prévues'],
        [2018, 55],
      ],
    });
    getAttendanceSheet(memoryServices(wb), '2018-03-13');
    expect(wb.calls.readValues).toBe(4);
    expect(writes(wb)).toBe(0);
  });
});

describe('saveAttendance', () => {
  const input = (entries: [string, string][], extra: Record<string, unknown> = {}) => ({
    date: '2018-03-13',
    entries: entries.map(([participantId, status]) => ({ participantId, status })),
    ...extra,
  });

  it('creates the session and appends one Présences row per entry', () => {
    const wb = buildWorkbook({ participants: people() });
    const services = memoryServices(wb, '2018-03-13');
    const result = saveAttendance(
      services,
      input(
        [
          ['P-01', 'Présent'],
          ['P-02', 'Absent'],
          ['P-03', 'Excusé'],
        ],
        { theme: 'CV', facilitator: 'Nadia', place: 'Salle 1' },
      ),
    );
    expect(result).toEqual({ date: '2018-03-13', sessionCreated: true, sessionUpdated: false, written: 3, unchanged: 0 });
    expect(tab(wb, 'Séances')).toEqual([
      ['Date', 'Thème', 'Animateur', 'Lieu'],
      ['2018-03-13', 'CV', 'Nadia', 'Salle 1'],
    ]);
    expect(tab(wb, 'Présences')).toEqual([
      ['Date', 'ID participant', 'Participant', 'Statut'],
      ['2018-03-13', 'P-01', 'Moreau Inès', 'Présent'],
      ['2018-03-13', 'P-02', 'Benali Yanis', 'Absent'],
      ['2018-03-13', 'P-03', 'Durand Léo', 'Excusé'],
    ]);
    // Date cells are midnight in the spreadsheet's time zone, as Sheets stores dates.
    expect(wb.sheet('Présences').cells[1][0]).toEqual(dateCell('2018-03-13'));
    expect(services.lock.held).toBe(false);
    expect(wb.calls.flush).toBe(1);
  });

  it('is idempotent: saving the same input again changes nothing and adds no row', () => {
    const wb = buildWorkbook({ participants: people() });
    const services = memoryServices(wb, '2018-03-13');
    const save = input(
      [
        ['P-01', 'Présent'],
        ['P-02', 'Absent'],
      ],
      { theme: 'CV' },
    );
    saveAttendance(services, save);
    const after = snapshot(wb);
    const again = saveAttendance(services, save);
    expect(again).toEqual({ date: '2018-03-13', sessionCreated: false, sessionUpdated: false, written: 0, unchanged: 2 });
    expect(snapshot(wb)).toBe(after);
  });

  it('updates a changed status in place and appends only the new people', () => {
    const wb = buildWorkbook({ participants: people() });
    const services = memoryServices(wb, '2018-03-13');
    saveAttendance(
      services,
      input([
        ['P-01', 'Présent'],
        ['P-02', 'Absent'],
      ]),
    );
    const result = saveAttendance(
      services,
      input([
        ['P-01', 'Présent'],
        ['p-02 ', 'Excusé'],
        ['P-04', 'Présent'],
      ]),
    );
    expect(result).toEqual({ date: '2018-03-13', sessionCreated: false, sessionUpdated: false, written: 2, unchanged: 1 });
    expect(tab(wb, 'Présences').slice(1)).toEqual([
      ['2018-03-13', 'P-01', 'Moreau Inès', 'Présent'],
      ['2018-03-13', 'P-02', 'Benali Yanis', 'Excusé'],
      ['2018-03-13', 'P-04', 'Traoré Awa', 'Présent'],
    ]);
    const reopened = getAttendanceSheet(services, '2018-03-13');
    expect(reopened.participants.map((p) => [p.id, p.status])).toEqual([
      ['P-02', 'Excusé'],
      ['P-03', null],
      ['P-01', 'Présent'],
      ['P-04', 'Présent'],
    ]);
    expect(reopened.session).toEqual({ theme: '', facilitator: '', place: '' });
  });

  it('treats a sheet synonym equal to the new status as unchanged (the cell keeps its text)', () => {
    const wb = buildWorkbook({
      participants: people(),
      sessions: [{ date: '2018-03-13' }],
      attendance: [{ date: '2018-03-13', id: 'P-01', status: 'P' }],
    });
    const r = saveAttendance(memoryServices(wb), input([['P-01', 'Présent']]));
    expect(r).toEqual({ date: '2018-03-13', sessionCreated: false, sessionUpdated: false, written: 0, unchanged: 1 });
    expect(tab(wb, 'Présences')[1][3]).toBe('P');
  });

  it('updates theme, animateur and lieu of an existing session only when given', () => {
    const wb = buildWorkbook({
      participants: people(),
      sessions: [{ date: '2018-03-13', theme: 'CV', facilitator: 'Nadia', place: 'Salle 1' }],
    });
    const services = memoryServices(wb);
    saveAttendance(services, input([], { theme: 'Lettre de motivation', facilitator: '', place: undefined }));
    expect(tab(wb, 'Séances')[1]).toEqual(['2018-03-13', 'Lettre de motivation', 'Nadia', 'Salle 1']);
    const r = saveAttendance(services, input([], { theme: 'Lettre de motivation' }));
    expect(r.sessionCreated).toBe(false);
    expect(tab(wb, 'Séances')).toHaveLength(2);
  });

  it('finds the session and the rows whatever the date format of the sheet', () => {
    const wb = buildWorkbook({
      participants: people(),
      sessions: [{ date: '13/03/2018', theme: 'CV' }],
      attendance: [{ date: 43172 /* 2018-03-13 */, id: 'p-01', status: 'Absent' }],
    });
    const r = saveAttendance(memoryServices(wb), input([['P-01', 'Présent']]));
    expect(r).toEqual({ date: '2018-03-13', sessionCreated: false, sessionUpdated: false, written: 1, unchanged: 0 });
    expect(tab(wb, 'Présences')).toHaveLength(2);
    expect(tab(wb, 'Présences')[1]).toEqual([43172, 'p-01', '', 'Présent']);
  });

  it('updates every duplicate (date, ID) row consistently and never adds a third', () => {
    const wb = buildWorkbook({
      participants: people(),
      sessions: [{ date: '2018-03-13' }],
      attendance: [
        { date: '2018-03-13', id: 'P-01', status: 'Absent' },
        { date: '2018-03-06', id: 'P-02', status: 'Présent' },
        { date: '2018-03-13', id: 'P-01', status: 'Présent' },
      ],
    });
    const r = saveAttendance(memoryServices(wb), input([['P-01', 'Excusé']]));
    expect(r.written).toBe(1);
    expect(
      tab(wb, 'Présences')
        .slice(1)
        .map((row) => [row[0], row[1], row[3]]),
    ).toEqual([
      ['2018-03-13', 'P-01', 'Excusé'],
      ['2018-03-06', 'P-02', 'Présent'],
      ['2018-03-13', 'P-01', 'Excusé'],
    ]);
  });

  it("respects the tabs' own layout: title rows, column order, unknown columns untouched", () => {
    const wb = new MemoryWorkbook(TZ, {
      Participants: buildWorkbook({ participants: people() }).sheet('Participants').cells,
      ' seances ': [
        ['Séances du club'],
        [],
        ['Remarque interne', 'Lieu', 'Date de la séance', 'Atelier'],
        ['à garder', 'Salle 3', dateCell('2018-03-06'), 'CV'],
      ],
      PRÉSENCES: [
        ['Présences 2018', '', '', '', ''],
        ['Statut', 'Note', 'Identifiant', 'Séance', 'Couleur'],
        ['Absent', 'ne pas toucher', 'P-03', dateCell('2018-03-13'), 'rouge'],
        ['Présent', 'autre', 'P-01', dateCell('2018-03-06'), 'vert'],
      ],
    });
    const r = saveAttendance(
      memoryServices(wb),
      input(
        [
          ['P-03', 'Présent'],
          ['P-04', 'Absent'],
        ],
        { theme: 'Bilan', place: 'Salle 5', facilitator: 'Marc' },
      ),
    );
    expect(r).toEqual({ date: '2018-03-13', sessionCreated: true, sessionUpdated: false, written: 2, unchanged: 0 });
    expect(tab(wb, ' seances ')).toEqual([
      ['Séances du club'],
      [],
      ['Remarque interne', 'Lieu', 'Date de la séance', 'Atelier', 'Animateur'],
      ['à garder', 'Salle 3', '2018-03-06', 'CV'],
      ['', 'Salle 5', '2018-03-13', 'Bilan', 'Marc'],
    ]);
    expect(tab(wb, 'PRÉSENCES')).toEqual([
      ['Présences 2018', '', '', '', ''],
      ['Statut', 'Note', 'Identifiant', 'Séance', 'Couleur'],
      ['Présent', 'ne pas toucher', 'P-03', '2018-03-13', 'rouge'],
      ['Présent', 'autre', 'P-01', '2018-03-06', 'vert'],
      ['Absent', '', 'P-04', '2018-03-13'],
    ]);
    expect(wb.sheetNames()).toEqual(['Participants', ' seances ', 'PRÉSENCES']);
  });

  it('creates missing Séances and Présences tabs with their canonical headers', () => {
    const wb = new MemoryWorkbook(TZ, {
      Participants: buildWorkbook({ participants: people() }).sheet('Participants').cells,
      Présences: [['']],
    });
    saveAttendance(memoryServices(wb), input([['P-02', 'Présent']], { theme: 'CV' }));
    expect(tab(wb, 'Séances')).toEqual([
      ['Date', 'Thème', 'Animateur', 'Lieu', 'Commentaire'],
      ['2018-03-13', 'CV', '', '', ''],
    ]);
    expect(tab(wb, 'Présences')).toEqual([
      ['Date', 'ID participant', 'Participant', 'Statut'],
      ['2018-03-13', 'P-02', 'Benali Yanis', 'Présent'],
    ]);
  });

  it('stores formula-like text as the text it is', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-09', lastName: '=HYPERLINK("http://x.test")', firstName: '+33' })],
    });
    saveAttendance(
      memoryServices(wb),
      input([['P-09', 'Présent']], { theme: '=HYPERLINK("http://x.test";"clic")', place: '@salle', facilitator: '-Nadia' }),
    );
    expect(tab(wb, 'Séances')[1]).toEqual(['2018-03-13', '=HYPERLINK("http://x.test";"clic")', '-Nadia', '@salle']);
    expect(tab(wb, 'Présences')[1][2]).toBe('=HYPERLINK("http://x.test") +33');
  });

  describe('is all-or-nothing', () => {
    const base = () =>
      buildWorkbook({
        participants: people(),
        sessions: [{ date: '2018-03-06', theme: 'CV' }],
        attendance: [{ date: '2018-03-06', id: 'P-01', status: 'Présent' }],
      });
    const good = { participantId: 'P-01', status: 'Présent' };
    const cases: [string, unknown, RegExp][] = [
      ['input not an object', 'tout le monde', /illisibles/],
      ['no date', { entries: [good] }, /date de la séance manque/],
      ['an impossible date', { date: '2018-02-29', entries: [good] }, /n'est pas valide/],
      ['entries not a list', { date: '2018-03-13', entries: 'P-01' }, /liste des présences/],
      ['an unknown status', { date: '2018-03-13', entries: [good, { participantId: 'P-02', status: 'Malade' }] }, /inconnu/],
      ['a missing status', { date: '2018-03-13', entries: [good, { participantId: 'P-02' }] }, /manque/],
      [
        'an unknown participant',
        { date: '2018-03-13', entries: [good, { participantId: 'P-99', status: 'Absent' }] },
        /«\u00a0P-99\u00a0» n'existe pas/,
      ],
      [
        'a repeated participant',
        { date: '2018-03-13', entries: [good, { participantId: 'p-01', status: 'Absent' }] },
        /plusieurs fois/,
      ],
      [
        'more than 1 000 entries',
        { date: '2018-03-13', entries: Array.from({ length: 1001 }, (_, i) => ({ participantId: `P-${i}`, status: 'Présent' })) },
        /maximum de 1\u00a0000/,
      ],
      ['a theme that is not text', { date: '2018-03-13', theme: { x: 1 }, entries: [good] }, /Thème.*texte/],
      ['an absurdly long place', { date: '2018-03-13', place: 'x'.repeat(5000), entries: [good] }, /Lieu.*trop long/],
    ];

    it.each(cases)('rejects %s with a French message and writes nothing', (_label, bad, message) => {
      const wb = base();
      const before = snapshot(wb);
      const services = memoryServices(wb);
      expect(() => saveAttendance(services, bad)).toThrow(message);
      expect(() => saveAttendance(services, bad)).toThrow(/Rien n'a été enregistré/);
      expect(snapshot(wb)).toBe(before);
      expect(writes(wb)).toBe(0);
      expect(services.lock.held).toBe(false);
    });

    it('does not even take the lock when the input is malformed', () => {
      const wb = base();
      const services = memoryServices(wb);
      expect(() => saveAttendance(services, { date: 'hier', entries: [] })).toThrow();
      expect(services.lock.acquisitions).toBe(0);
      expect(wb.totalCalls()).toBe(0);
    });

    it('refuses a Présences tab without a required column, naming it', () => {
      const wb = new MemoryWorkbook(TZ, {
        Participants: buildWorkbook({ participants: people() }).sheet('Participants').cells,
        Présences: [
          ['Date', 'ID participant', 'Remarque'],
          [dateCell('2018-03-06'), 'P-01', 'ok'],
        ],
      });
      const before = snapshot(wb);
      expect(() => saveAttendance(memoryServices(wb), input([['P-01', 'Présent']]))).toThrow(
        /«\u00a0Présences\u00a0» n'a pas de colonne «\u00a0Statut\u00a0»/,
      );
      expect(snapshot(wb)).toBe(before);
      expect(writes(wb)).toBe(0);
    });

    it('refuses a Séances tab with content but no header row', () => {
      const wb = new MemoryWorkbook(TZ, {
        Participants: buildWorkbook({ participants: people() }).sheet('Participants').cells,
        Séances: [['notes diverses'], ['à trier']],
      });
      const before = snapshot(wb);
      expect(() => saveAttendance(memoryServices(wb), input([['P-01', 'Présent']]))).toThrow(/ligne d'en-tête/);
      expect(snapshot(wb)).toBe(before);
    });

    it('says another save is in progress when the lock stays busy, and writes nothing', () => {
      const wb = base();
      const before = snapshot(wb);
      const services = memoryServices(wb);
      services.lock.busy = true;
      expect(() => saveAttendance(services, input([['P-02', 'Présent']]))).toThrow(
        /un autre enregistrement est en cours, réessayez/,
      );
      expect(snapshot(wb)).toBe(before);
      expect(wb.totalCalls()).toBe(0);
    });
  });

  it('asks for the lock with a 10 s wait', () => {
    const wb = buildWorkbook({ participants: people() });
    const services = memoryServices(wb);
    const waits: number[] = [];
    const tryLock = services.lock.tryLock.bind(services.lock);
    services.lock.tryLock = (ms: number) => {
      waits.push(ms);
      return tryLock(ms);
    };
    saveAttendance(services, input([['P-01', 'Présent']]));
    expect(waits).toEqual([10_000]);
  });
});
