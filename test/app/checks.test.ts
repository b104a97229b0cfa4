/** Checks server functions over the in-memory workbook: marks, menu, selection, "Préparer". */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { COMMON } from '../../src/i18n/fr/common';
import { CHECK_MESSAGES, MARK_HEADER } from '../../src/i18n/fr/checks';
import { markNote } from '../../src/core/marks';
import { checkWorkbookFromMenu, prepareWorkbook, selectCell, validateWorkbook } from '../../src/app/checks';
import { createMenuActions, createServerApi } from '../../src/app/api';
import { readModel } from '../../src/app/read';
import { buildWorkbook, memoryServices, participant, tuesdays } from '../support/builders';
import { READ_BANDS } from '../../src/core/bands';

/** Participants columns of buildWorkbook: ID(1) Nom(2) Prénom(3) Sexe(4) Date de naissance(5) Commune(6) Code postal(7) … */
function faultyWorkbook(): MemoryWorkbook {
  return buildWorkbook({
    participants: [
      participant({ id: 'A-1' }),
      participant({ id: 'A-2', birthDate: '31/02/2001' }),
      participant({ id: 'A-3', postcode: '9480' }),
    ],
    sessions: [{ date: '2018-03-06' }],
    attendance: [{ date: '2018-03-06', id: 'ZZZ', status: 'P' }],
  });
}

function snapshot(wb: MemoryWorkbook) {
  return JSON.stringify(
    wb.sheets.map((s) => ({
      name: s.name,
      cells: s.cells,
      notes: [...s.notes.entries()].sort(),
      formats: [...s.formats.entries()].sort(),
      validations: s.validations,
      frozen: s.frozenRows,
      widths: [...s.columnWidths.entries()],
    })),
  );
}

describe('validateWorkbook', () => {
  it('returns { rowsChecked, issues } and notes each faulty cell', () => {
    const wb = faultyWorkbook();
    const services = memoryServices(wb);
    const result = validateWorkbook(services);
    expect(Object.keys(result).sort()).toEqual(['counts', 'issues', 'rowsChecked', 'truncated']);
    expect(result.rowsChecked).toBe(5);
    expect(result.issues.map((i) => `${i.sheet}:${i.row}:${i.code}`)).toEqual([
      'Participants:3:DATE_INVALID',
      'Participants:4:POSTCODE_INVALID',
      'Présences:2:ATTENDANCE_UNKNOWN_PARTICIPANT',
    ]);
    const notes = wb.sheet('Participants').notes;
    const [date, postcode, id] = result.issues.map((i) => markNote([i.message]));
    expect([notes.get('3:5'), notes.get('4:7'), wb.sheet('Présences').notes.get('2:2'), notes.size]).toEqual([
      date,
      postcode,
      id,
      2,
    ]);
    expect(notes.get('3:5')).toBe(
      `${MARK_HEADER}\n«\u00a031/02/2001\u00a0»\u00a0: ce jour n'existe pas (février 2001 n'a que 28 jours)\u00a0; corrigez la date.`,
    );
  });

  it("keeps users' notes and formats, and removes its own marks once the fault is fixed", () => {
    const wb = faultyWorkbook();
    const sheet = wb.sheet('Participants');
    sheet.notes.set('3:5', 'Vérifier avec la famille');
    sheet.notes.set('2:2', 'Note de la conseillère');
    sheet.formats.set('3:5', { background: '#ffff00', bold: true });
    const formatsBefore = JSON.stringify([...sheet.formats.entries()]);
    const services = memoryServices(wb);

    const dateIssue = validateWorkbook(services).issues.find((i) => i.row === 3)!;
    expect(sheet.notes.get('3:5')).toBe(`Vérifier avec la famille\n\n${markNote([dateIssue.message])}`);
    expect(sheet.notes.get('2:2')).toBe('Note de la conseillère');

    sheet.cells[2][4] = '28/02/2001'; // fixed
    sheet.cells[3][6] = '94800'; // fixed
    const result = validateWorkbook(services);
    expect(result.issues.filter((i) => i.sheet === 'Participants')).toEqual([]);
    expect(sheet.notes.get('3:5')).toBe('Vérifier avec la famille');
    expect(sheet.notes.get('2:2')).toBe('Note de la conseillère');
    expect(sheet.notes.has('4:7')).toBe(false);
    expect(JSON.stringify([...sheet.formats.entries()])).toBe(formatsBefore);
  });

  it("marks and unmarks Présences band by band, keeping users' notes", () => {
    const dates = tuesdays('2018-03-06', '2018-06-05');
    const ids = ['A-1', 'A-2', 'A-3'];
    const attendance = dates.flatMap((date) => ids.map((id) => ({ date, id, status: 'Présent' })));
    const wb = buildWorkbook({
      participants: ids.map((id) => participant({ id, entryDate: '2018-03-01' })),
      sessions: dates.map((date) => ({ date })),
      attendance,
    });
    const sheet = wb.sheet('Présences');
    const statusAt = (row: number) => sheet.cells[row - 1];
    for (const row of [3, 25, sheet.cells.length]) statusAt(row)[3] = 'peut-être';
    sheet.notes.set('25:4', 'Vu avec Léa');
    sheet.notes.set('12:2', 'Arrivé en retard');
    const services = memoryServices(wb);

    validateWorkbook(services);
    const MARK_NOTE = markNote([CHECK_MESSAGES.attendanceStatusInvalid('peut-être')]);
    const last = `${sheet.cells.length}:4`;
    const marked = () => [sheet.notes.get('3:4'), sheet.notes.get('25:4'), sheet.notes.get(last), sheet.notes.get('12:2')];
    expect([wb.calls.readNotes, ...marked()]).toEqual([
      2 + READ_BANDS,
      MARK_NOTE,
      `Vu avec Léa\n\n${MARK_NOTE}`,
      MARK_NOTE,
      'Arrivé en retard',
    ]);

    statusAt(25)[3] = 'Absent';
    statusAt(sheet.cells.length)[3] = 'Excusé';
    validateWorkbook(services);
    expect(marked()).toEqual([MARK_NOTE, 'Vu avec Léa', undefined, 'Arrivé en retard']);
  });

  it('writes nothing when the marks are already up to date', () => {
    const wb = faultyWorkbook();
    const services = memoryServices(wb);
    validateWorkbook(services);
    const writes = (wb.calls.writeNotes ?? 0) + (wb.calls.setNoteOnCells ?? 0);
    const before = snapshot(wb);
    validateWorkbook(services);
    expect((wb.calls.writeNotes ?? 0) + (wb.calls.setNoteOnCells ?? 0)).toBe(writes);
    expect(snapshot(wb)).toBe(before);
  });

  it('gives a cell with several issues one mark and puts row-level issues on the first column', () => {
    const wb = buildWorkbook({
      participants: [
        participant({ id: 'A-1', lastName: 'Jumeau', firstName: 'Alex', birthDate: '2001-01-01' }),
        participant({ id: 'A-2', lastName: 'Jumeau', firstName: 'Alex', birthDate: '2001-01-01', entryDate: '2030-01-01' }),
      ],
    });
    const { issues } = validateWorkbook(memoryServices(wb, '2026-11-26'));
    const notes = wb.sheet('Participants').notes;
    const entryNote = notes.get(`3:${wb.sheet('Participants').cells[0].indexOf("Date d'entrée") + 1}`)!;
    const rowNote = (row: number) => markNote(issues.filter((i) => i.row === row && i.column === null).map((i) => i.message));
    expect([notes.get('2:1'), notes.get('3:1'), entryNote.split(MARK_HEADER).length]).toEqual([rowNote(2), rowNote(3), 2]);
    expect(entryNote.split('\n').length).toBe(1 + issues.filter((i) => i.row === 3 && i.column === "Date d'entrée").length);
  });

  it('still returns the result when the document lock is busy (marks are left for the next run)', () => {
    const wb = faultyWorkbook();
    const services = memoryServices(wb);
    services.lock.busy = true;
    const result = validateWorkbook(services);
    expect(result.issues).toHaveLength(3);
    expect([wb.calls.setNoteOnCells ?? 0, wb.calls.writeNotes ?? 0]).toEqual([0, 0]);
  });

  it('reads each tab once (Présences in bands) and writes the new notes of a tab in one call', () => {
    const wb = faultyWorkbook();
    validateWorkbook(memoryServices(wb));
    // A small Présences tab: one band of values, one of notes.
    expect([
      wb.calls.readValues,
      wb.calls.readValueBands,
      wb.calls.readNotes,
      wb.calls.setNoteOnCells ?? 0,
      wb.calls.writeNotes ?? 0,
    ]).toEqual([2, 1, 3, 0, 2]);
  });

  it('rewrites only the note of the fixed cell on the next run', () => {
    const wb = faultyWorkbook();
    const services = memoryServices(wb);
    validateWorkbook(services);
    wb.sheet('Participants').cells[3][6] = '94800';
    const rectangles = wb.calls.writeNotes ?? 0;
    const writes: unknown[] = [];
    const write = wb.setNoteOnCells.bind(wb);
    wb.setNoteOnCells = (sheet, cells, note) => {
      writes.push({ sheet, cells, note });
      write(sheet, cells, note);
    };
    validateWorkbook(services);
    expect([writes, (wb.calls.writeNotes ?? 0) - rectangles]).toEqual([
      [{ sheet: 'Participants', cells: [{ row: 4, col: 7 }], note: '' }],
      0,
    ]);
  });

  it('reads the notes under the document lock: a note a colleague writes before it is taken is kept', () => {
    const wb = faultyWorkbook();
    const services = memoryServices(wb);
    validateWorkbook(services);
    wb.sheet('Participants').cells[3][6] = '94800';
    // While this run reads the values, a colleague replaces the mark of the fixed cell by a note.
    const tryLock = services.lock.tryLock.bind(services.lock);
    services.lock.tryLock = (ms: number) => {
      wb.writeNotes('Participants', 4, 7, [['Vérifié avec le jeune']]);
      return tryLock(ms);
    };
    validateWorkbook(services);
    expect(wb.readNotes('Participants', 4, 7, 1, 1)).toEqual([['Vérifié avec le jeune']]);
  });

  it('returns at most 500 issues, errors first, with the counts of all of them', () => {
    const people = Array.from({ length: 600 }, (_, i) => participant({ id: `W-${i}`, email: 'pas-un-email' }));
    people.push(participant({ id: 'E-1', birthDate: '31/02/2001' }));
    const wb = buildWorkbook({ participants: people });
    const result = validateWorkbook(memoryServices(wb));
    expect({
      shown: result.issues.length,
      first: `${result.issues[0].row}:${result.issues[0].code}`,
      second: `${result.issues[1].row}:${result.issues[1].code}`,
      counts: result.counts,
      truncated: result.truncated,
    }).toEqual({
      shown: 500,
      first: '602:DATE_INVALID',
      second: '2:EMAIL_INVALID',
      counts: { errors: 1, warnings: 600 },
      truncated: true,
    });
  });

  it('marks every issue in the grid, also those not returned', () => {
    const people = Array.from({ length: 600 }, (_, i) => participant({ id: `W-${i}`, email: 'pas-un-email' }));
    const wb = buildWorkbook({ participants: people });
    validateWorkbook(memoryServices(wb));
    expect(wb.sheet('Participants').notes.size).toBe(600);
  });

  it("is the server API's validateWorkbook", () => {
    const wb = faultyWorkbook();
    expect(createServerApi(memoryServices(wb)).validateWorkbook().issues).toHaveLength(3);
  });
});

describe('menu "Vérifier le classeur"', () => {
  it('runs the check, writes the marks and opens the Contrôle view', () => {
    const wb = faultyWorkbook();
    const services = memoryServices(wb);
    createMenuActions(services).menuCheckWorkbook();
    expect(services.ui.sidebars).toEqual(['checks']);
    expect(wb.sheet('Participants').notes.size).toBe(2);
  });

  it('returns the result for callers that want it', () => {
    expect(checkWorkbookFromMenu(memoryServices(faultyWorkbook())).issues).toHaveLength(3);
  });
});

describe('selectCell', () => {
  it("selects the issue's column in the actual tab, whatever its spelling and column order", () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      ' participants ': [
        ['Titre'],
        ['Remarque', 'Nom', 'ID', 'Prénom', 'Né(e) le', 'Ville', "Date d'entrée"],
        ['', 'Martin', 'A-1', 'Léa', 'x', 'Cachan', '05/03/2018'],
      ],
    });
    const services = memoryServices(wb);
    selectCell(services, 'Participants', 3, 'Date de naissance');
    expect(wb.selection).toEqual({ sheet: ' participants ', row: 3, col: 5 });
    selectCell(services, 'Participants', 3, null);
    expect(wb.selection).toEqual({ sheet: ' participants ', row: 3, col: 2 });
    selectCell(services, 'Participants', 2, 'Code postal');
    expect(wb.selection).toEqual({ sheet: ' participants ', row: 2, col: 2 });
    expect(wb.calls.readValues).toBeUndefined();
    expect(wb.calls.readTopRows).toBe(3);
  });

  it('refuses a row that no longer exists (rows deleted since the check), selecting nothing', () => {
    const wb = faultyWorkbook();
    expect(() => selectCell(memoryServices(wb), 'Participants', 1_000_000, 'ID')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(wb.selection).toBeNull();
  });

  it('refuses bad arguments and unknown tabs with a French message', () => {
    const services = memoryServices(faultyWorkbook());
    expect(() => selectCell(services, 'Participants', 0, null)).toThrow('Cellule à sélectionner invalide.');
    expect(() => selectCell(services, 'Participants', '3', null)).toThrow('Cellule à sélectionner invalide.');
    expect(() => selectCell(services, 42, 3, null)).toThrow('Cellule à sélectionner invalide.');
    expect(() => selectCell(services, 'Inconnu', 3, null)).toThrow("L'onglet «\u00a0Inconnu\u00a0» est introuvable");
  });
});

describe('prepareWorkbook', () => {
  it('creates the missing tabs with canonical headers, frozen and bold, validation and default Paramètres', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {});
    const services = memoryServices(wb);
    const summary = prepareWorkbook(services);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Participants', 'Séances', 'Présences', 'Paramètres']);
    expect(summary.createdTabs).toEqual(['Participants', 'Séances', 'Présences', 'Paramètres']);
    const p = wb.sheet('Participants');
    expect(p.cells[0].slice(0, 6)).toEqual(['ID', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Commune']);
    // Every Participants column but Âge à l'entrée / Anonymisé le (written by the anonymisation only).
    expect(p.cells[0]).toHaveLength(25);
    expect(p.frozenRows).toBe(1);
    expect(p.formats.get('1:1')).toEqual({ bold: true });
    expect(wb.sheet('Présences').cells[0]).toEqual(['Date', 'ID participant', 'Participant', 'Statut']);
    const listOf = (sheet: string, col: number) => wb.sheet(sheet).validations.find((v) => v.col === col)?.rule;
    expect(listOf('Participants', 4)).toMatchObject({ kind: 'list', values: ['F', 'H'], allowInvalid: true });
    expect(listOf('Participants', 5)).toMatchObject({ kind: 'date' });
    expect(listOf('Participants', 8)).toMatchObject({ kind: 'list', values: ['Oui', 'Non'] });
    expect(listOf('Participants', 14)).toMatchObject({ kind: 'list', values: expect.arrayContaining(['Alternance signée']) });
    expect(listOf('Présences', 4)).toMatchObject({ kind: 'list', values: ['Présent', 'Absent', 'Excusé'] });
    expect(listOf('Séances', 1)).toMatchObject({ kind: 'date' });
    for (const v of p.validations) {
      expect(v.row).toBe(2);
      expect(v.rule.helpText).toBeTruthy();
    }
    expect(p.validations.map((v) => v.col).sort((a, b) => a - b)).toEqual([4, 5, 8, 10, 11, 14, 15, 20, 21]);
    // Defaults read back as the defaults
    const model = readModel(wb);
    expect(model.settings.territory).toEqual(['Arcueil', 'Cachan', 'Gentilly', 'Le Kremlin-Bicêtre', 'Villejuif']);
    expect(model.settings.qpvDistricts.map((d) => d.name)).toHaveLength(7);
    expect(model.settings.qpvDistricts.find((d) => d.name === 'Chaperon Vert')!.communes).toEqual(['Arcueil', 'Gentilly']);
    expect(services.ui.alerts[0]).toContain('Onglets créés');
  });

  it('is idempotent: a second run changes nothing more', () => {
    const wb = buildWorkbook({ participants: [participant()] });
    const services = memoryServices(wb);
    prepareWorkbook(services);
    const after1 = snapshot(wb);
    prepareWorkbook(services);
    expect(snapshot(wb)).toBe(after1);
    expect(services.ui.alerts[1]).toContain('déjà prêt');
  });

  it('keeps existing data, column order, unknown columns and titles; appends only missing required headers and settings', () => {
    const title = ['Suivi 2018'];
    const header = ['Remarque', 'Nom', 'N°', 'Prénom', 'Genre', 'Né(e) le', "Date d'entrée", 'Conseiller'];
    const row = ['à rappeler', 'Martin', 'A-1', 'Léa', 'Femme', '15/04/2000', '05/03/2018', 'M. Lefort'];
    const wb = new MemoryWorkbook('Europe/Paris', {
      Participants: [[...title], [...header], [...row]],
      Paramètres: [['Seuil de confidentialité'], [5]],
    });
    wb.sheet('Participants').notes.set('3:1', 'note');
    wb.sheet('Participants').formats.set('3:2', { italic: true });
    const services = memoryServices(wb);
    const summary = prepareWorkbook(services);
    const p = wb.sheet('Participants');
    expect(p.cells[0]).toEqual(title);
    expect(p.cells[1]).toEqual([...header, 'Commune']);
    expect(p.cells[2]).toEqual(row);
    expect(p.notes.get('3:1')).toBe('note');
    expect(p.formats.get('3:2')).toEqual({ italic: true });
    expect(p.formats.size).toBe(1);
    expect(p.frozenRows).toBe(2);
    const settings = [
      'Durée de conservation (années)',
      'Structure',
      'Mention des financeurs',
      'Heure de début',
      'Heure de fin',
      'Lignes vierges',
    ];
    expect(summary.appendedHeaders).toEqual([
      { tab: 'Participants', headers: ['Commune'] },
      { tab: 'Paramètres', headers: settings },
    ]);
    // The threshold is kept; the settings come after it, with their defaults in row 2.
    expect(wb.sheet('Paramètres').cells).toEqual([
      ['Seuil de confidentialité', ...settings],
      [5, 2, 'Mission locale', '', '', '', 5],
    ]);
    expect(summary.createdTabs).toEqual(['Séances', 'Présences']);
    // Validation below the header row, on the columns where they are.
    const sexRule = p.validations.find((v) => v.col === 5)!;
    expect(sexRule.row).toBe(3);
    expect(sexRule.rule).toMatchObject({ kind: 'list', values: ['F', 'H'] });
    expect(p.validations.find((v) => v.col === 6)!.rule.kind).toBe('date');
    expect(p.validations.some((v) => v.col === 1 || v.col === 8)).toBe(false);
  });

  it('keeps a frozen-rows setting that already covers the header', () => {
    const wb = buildWorkbook({ participants: [participant()] });
    wb.sheet('Participants').frozenRows = 3;
    prepareWorkbook(memoryServices(wb));
    expect(wb.sheet('Participants').frozenRows).toBe(3);
  });

  it('fills an existing empty tab with headers but leaves a tab of unrecognised data untouched', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { Participants: [['Liste des jeunes'], ['Léa', 'Martin']], Présences: [] });
    const services = memoryServices(wb);
    const summary = prepareWorkbook(services);
    expect(wb.sheet('Participants').cells).toEqual([['Liste des jeunes'], ['Léa', 'Martin']]);
    expect(wb.sheet('Participants').validations).toEqual([]);
    expect(summary.untouched).toEqual(['Participants']);
    expect(wb.sheet('Présences').cells[0]).toEqual(['Date', 'ID participant', 'Participant', 'Statut']);
    expect(wb.sheet('Présences').frozenRows).toBe(1);
    expect(services.ui.alerts[0]).toContain("L'onglet Participants contient des données");
  });

  it('writes nothing and says so when the document lock is busy', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {});
    const services = memoryServices(wb);
    services.lock.busy = true;
    createMenuActions(services).menuPrepareWorkbook();
    expect(wb.sheets).toEqual([]);
    expect(services.ui.alerts).toEqual([COMMON.lockBusy]);
  });

  it('is the menu action "Préparer le classeur"', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {});
    createMenuActions(memoryServices(wb)).menuPrepareWorkbook();
    expect(wb.sheets).toHaveLength(4);
  });
});
