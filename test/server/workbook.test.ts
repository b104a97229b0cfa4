/** AppsScriptWorkbook / AppsScriptLock over the counting fake of SpreadsheetApp. */
import fc from 'fast-check';
import { AppsScriptLock, AppsScriptWorkbook, a1RunsOf, guardText, isDateFormat, isDayFormat } from '../../src/server/workbook';
import { READ_BANDS } from '../../src/core/bands';
import { dayFromIso, OFFSET_CHECK_INSTANTS } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { createFakeGas, FakeGas, FakeGasOptions, sheetsDate } from '../support/fake-gas';

let fake: FakeGas;
let restore: () => void = () => undefined;

function setup(options: FakeGasOptions = {}): AppsScriptWorkbook {
  restore();
  fake = createFakeGas(options);
  restore = fake.install();
  const wb = new AppsScriptWorkbook(fake.globals.SpreadsheetApp.getActiveSpreadsheet());
  fake.resetCalls();
  return wb;
}

afterEach(() => {
  restore();
  restore = () => undefined;
});

function participants(n: number): (string | number | Date)[][] {
  const rows: (string | number | Date)[][] = [['ID', 'Nom', 'Prénom', "Date d'entrée"]];
  for (let i = 0; i < n; i++) rows.push([`T-${i}`, 'Martin', `Camille${i}`, sheetsDate('2018-03-05')]);
  return rows;
}

describe('AppsScriptWorkbook reads', () => {
  it('reads a whole tab with one getValues call, whatever its size', () => {
    for (const n of [100, 10_000]) {
      const wb = setup({ sheets: { Participants: participants(n) } });
      const values = wb.readValues('Participants');
      expect(values).toHaveLength(n + 1);
      expect(fake.count('Range.getValues')).toBe(1);
      expect(fake.count('Sheet.getDataRange')).toBe(1);
      expect(fake.totalCalls()).toBeLessThanOrEqual(3);
    }
  });

  it('reads a tab in READ_BANDS bands of rows that together are the whole tab, whatever its size', () => {
    for (const n of [100, 10_000]) {
      const wb = setup({ sheets: { Participants: participants(n) } });
      const whole = wb.readValues('Participants');
      fake.resetCalls();
      const rows: unknown[][] = [];
      const firstRows: number[] = [];
      wb.readValueBands('Participants', (firstRow, band, lastRow) => {
        expect([firstRow, lastRow]).toEqual([rows.length + 1, n + 1]);
        firstRows.push(firstRow);
        rows.push(...band);
      });
      expect([rows, firstRows.length, fake.count('Range.getValues')]).toEqual([whole, READ_BANDS, READ_BANDS]);
    }
  });

  it('visits no band of an empty tab', () => {
    const wb = setup({ sheets: { Vide: [] } });
    const visited: number[] = [];
    wb.readValueBands('Vide', (firstRow) => visited.push(firstRow));
    expect([visited, fake.count('Range.getValues')]).toEqual([[], 0]);
  });

  it('gives blanks as empty strings in a rectangle and dates as midnight in Paris', () => {
    const wb = setup({ sheets: { T: [['a', null, 3], [sheetsDate('2018-07-14')]] } });
    const values = wb.readValues('T');
    expect(values).toEqual([
      ['a', '', 3],
      [sheetsDate('2018-07-14'), '', ''],
    ]);
    expect((values[1][0] as Date).toISOString()).toBe('2018-07-13T22:00:00.000Z');
    expect(wb.timeZone).toBe('Europe/Paris');
  });

  it('lists the tabs with one getSheets call and looks each tab up at most once', () => {
    const wb = setup({ sheets: { Participants: [['x']], Séances: [['y']] } });
    expect(wb.sheetNames()).toEqual(['Participants', 'Séances']);
    expect(wb.sheetNames()).toEqual(['Participants', 'Séances']);
    wb.readValues('Participants');
    wb.readValues('Participants');
    wb.readValues('Séances');
    expect(fake.count('Spreadsheet.getSheets')).toBe(1);
    expect(fake.count('Spreadsheet.getSheetByName')).toBe(0);
    expect(fake.count('Range.getValues')).toBe(3);
  });

  it('throws a French message for a missing tab', () => {
    const wb = setup({ sheets: {} });
    expect(() => wb.readValues('Absent')).toThrow('«\u00a0Absent\u00a0» est introuvable');
  });

  it('uses the spreadsheet time zone', () => {
    expect(setup({ timeZone: 'America/Cayenne' }).timeZone).toBe('America/Cayenne');
  });
});

describe('AppsScriptWorkbook writes', () => {
  it('writes a rectangle with one setValues call, whatever its size', () => {
    for (const n of [100, 10_000]) {
      const wb = setup({ sheets: { Présences: [['Date', 'ID participant', 'Statut']] } });
      const rows = Array.from({ length: n }, (_, i) => [sheetsDate('2018-03-05'), `T-${i}`, 'Présent']);
      wb.writeValues('Présences', 2, 1, rows);
      expect(fake.count('Range.setValues')).toBe(1);
      expect(fake.count('Sheet.getRange')).toBe(1);
      expect(fake.count('Sheet.insertRowsAfter')).toBe(n + 1 > 1000 ? 1 : 0);
      // The number formats read once, and set once (the dates become JJ/MM/AAAA).
      expect([fake.count('Range.getNumberFormats'), fake.count('Range.setNumberFormats')]).toEqual([1, 1]);
      expect(fake.totalCalls()).toBeLessThanOrEqual(8);
      expect(fake.values('Présences')).toHaveLength(n + 1);
      expect(fake.cell('Présences', n + 1, 2)).toBe(`T-${n - 1}`);
    }
  });

  it('keeps strings Sheets would convert as the text they are', () => {
    const texts = [
      '=HYPERLINK("http://exemple.fr";"clic")',
      '+33 6 12 34 56 78',
      '+33612345678',
      '-',
      '-5',
      '@',
      '@moi',
      '0123',
      '06 12 34 56 78',
      '94800',
      '1,5',
      '1e5',
      '50%',
      '05/03/2018',
      '2018-03-05',
      'Mar 1 2016',
      '12:30',
      'TRUE',
      'vrai',
      ' Faux ',
      "'déjà cité",
      '\tTab',
      '\rRetour',
      '#N/A',
      '(12)',
      '12 €',
    ];
    const wb = setup({ sheets: { T: [] } });
    wb.writeValues(
      'T',
      1,
      1,
      texts.map((t) => [t]),
    );
    expect(fake.values('T').map((r) => r[0])).toEqual(texts);
    expect(fake.formulas('T').every((r) => r[0] === '')).toBe(true);
  });

  it('leaves plain words untouched', () => {
    for (const t of ['Martin', 'Le Kremlin-Bicêtre', 'Présent', 'M. Lefort']) expect(guardText(t)).toBe(t);
  });

  it('adds no apostrophe to IDs and names, but guards text Sheets would read as a date', () => {
    for (const t of ['P2017-0110', 'J17-001', 'T-0001', 'Dupont Jean']) expect(guardText(t)).toBe(t);
    const wb = setup({ sheets: { T: [] } });
    const texts = ['Mar 1 2016', 'mars 2018', 'janv. 2019', '1er mars 2018', 'P2017-0110', '  =1+1'];
    wb.writeValues('T', 1, 1, [texts]);
    expect(fake.values('T')[0]).toEqual(texts);
    texts.forEach((_, i) => expect(fake.formula('T', 1, i + 1)).toBe(''));
  });

  it('keeps numbers, booleans and dates typed, and writes null as blank', () => {
    const wb = setup({ sheets: { T: [['x', 'x', 'x', 'x']] } });
    wb.writeValues('T', 1, 1, [[42, false, sheetsDate('2018-03-05'), null]]);
    expect(fake.values('T')).toEqual([[42, false, sheetsDate('2018-03-05')]]);
  });

  it('writes nothing for an empty rectangle', () => {
    const wb = setup({ sheets: { T: [] } });
    wb.writeValues('T', 1, 1, []);
    wb.writeValues('T', 1, 1, [[]]);
    expect(fake.totalCalls()).toBe(0);
  });

  it('any text written comes back as itself, never as a formula', () => {
    const interesting = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc
        .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '0', '#', '(', ' '), fc.string({ maxLength: 10 }))
        .map(([a, b]) => a + b),
      fc.stringMatching(/^[0-9 .,:/%€$e+-]{1,10}$/),
    );
    fc.assert(
      fc.property(fc.array(interesting, { minLength: 1, maxLength: 8 }), (texts) => {
        const wb = setup({ sheets: { T: [] } });
        wb.writeValues('T', 1, 1, [texts]);
        const back = fake.values('T')[0];
        texts.forEach((t, i) => {
          expect(back[i] ?? '').toBe(t);
          expect(fake.formula('T', 1, i + 1)).toBe('');
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('AppsScriptWorkbook sheets, notes and formats', () => {
  it('appends a tab at the end once', () => {
    const wb = setup({ sheets: { Participants: [['x']] } });
    wb.sheetNames();
    wb.insertSheet('Bilan 2018');
    wb.insertSheet('Bilan 2018');
    expect(fake.sheetNames()).toEqual(['Participants', 'Bilan 2018']);
    expect(wb.sheetNames()).toEqual(['Participants', 'Bilan 2018']);
    expect(fake.count('Spreadsheet.insertSheet')).toBe(1);
  });

  it('clears a generated tab: values, formats, notes, validations and charts', () => {
    const wb = setup({
      sheets: {
        'Bilan 2018': [
          ['Titre', 1],
          ['a', 2],
        ],
        Participants: [['ID']],
      },
    });
    wb.writeNotes('Bilan 2018', 1, 1, [['note']]);
    wb.format('Bilan 2018', 1, 1, 1, 2, { bold: true });
    wb.setValidation('Bilan 2018', 2, 1, 1, 1, { kind: 'list', values: ['a'], allowInvalid: false });
    wb.addChart('Bilan 2018', {
      type: 'pie',
      title: 'T',
      range: { row: 1, col: 1, numRows: 2, numCols: 2 },
      anchor: { row: 1, col: 4 },
    });
    wb.clearSheet('Bilan 2018');
    expect(fake.values('Bilan 2018')).toEqual([['']]);
    expect(fake.note('Bilan 2018', 1, 1)).toBe('');
    expect(fake.format('Bilan 2018', 1, 1)).toEqual({});
    expect(fake.validation('Bilan 2018', 2, 1)).toBeNull();
    expect(fake.charts('Bilan 2018')).toEqual([]);
    expect(fake.values('Participants')).toEqual([['ID']]);
  });

  it('reads and writes notes in one call each', () => {
    const wb = setup({
      sheets: {
        T: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
    });
    wb.writeNotes('T', 1, 1, [
      ['n1', ''],
      ['', 'n4'],
    ]);
    expect(wb.readNotes('T', 1, 1, 2, 2)).toEqual([
      ['n1', ''],
      ['', 'n4'],
    ]);
    expect(wb.readNotes('T', 1, 1, 0, 2)).toEqual([]);
    expect(fake.count('Range.setNotes')).toBe(1);
    expect(fake.count('Range.getNotes')).toBe(1);
  });

  it('sets frozen rows, validations, formats, widths, charts and the selection', () => {
    const wb = setup({
      sheets: {
        T: [
          ['Nom', 'Sexe', 'Date'],
          ['Martin', 'F', sheetsDate('2018-03-05')],
        ],
      },
    });
    wb.setFrozenRows('T', 1);
    expect(wb.getFrozenRows('T')).toBe(1);
    wb.setValidation('T', 2, 2, 999, 1, { kind: 'list', values: ['F', 'H'], allowInvalid: true, helpText: 'F ou H' });
    wb.setValidation('T', 2, 3, 999, 1, { kind: 'date', allowInvalid: false });
    expect(fake.validation('T', 1000, 2)).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: ['F', 'H'],
      allowInvalid: true,
      helpText: 'F ou H',
    });
    expect(fake.validation('T', 2, 3)).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: false });
    fake.resetCalls();
    wb.format('T', 1, 1, 1, 3, {
      bold: true,
      italic: true,
      fontSize: 12,
      fontColor: '#333333',
      background: '#eeeeee',
      numberFormat: '@',
      horizontalAlignment: 'center',
      wrap: true,
    });
    expect(fake.format('T', 1, 3)).toEqual({
      fontWeight: 'bold',
      fontStyle: 'italic',
      fontSize: 12,
      fontColor: '#333333',
      background: '#eeeeee',
      horizontalAlignment: 'center',
      wrap: true,
    });
    expect(fake.numberFormat('T', 1, 2)).toBe('@');
    expect(fake.count('Sheet.getRange')).toBe(1);
    wb.setColumnWidth('T', 2, 180);
    expect(fake.columnWidth('T', 2)).toBe(180);
    wb.addChart('T', {
      type: 'column',
      title: 'Sexe',
      range: { row: 1, col: 1, numRows: 2, numCols: 2 },
      anchor: { row: 5, col: 2 },
    });
    expect(fake.charts('T')).toMatchObject([
      {
        type: 'COLUMN',
        ranges: [{ row: 1, col: 1, numRows: 2, numCols: 2 }],
        position: { row: 5, col: 2 },
        options: { title: 'Sexe' },
      },
    ]);
    expect(wb.select('T', 2, 3)).toBe(true);
    expect(fake.selection()).toMatchObject({ sheet: 'T', row: 2, col: 3 });
    expect(fake.activeSheet()).toBe('T');
    const maxRows = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T').getMaxRows();
    expect(wb.select('T', maxRows + 1, 1)).toBe(false);
    expect(fake.selection()).toMatchObject({ sheet: 'T', row: 2, col: 3 });
    wb.flush();
    expect(fake.count('SpreadsheetApp.flush')).toBe(1);
  });
});

describe('AppsScriptWorkbook calls the services directly (no check for optional methods)', () => {
  it('grows the tab in rows and columns before writing past its grid', () => {
    const wb = setup({ sheets: { Présences: [['Date', 'ID participant', 'Statut']] } });
    const rows = fake.maxRows('Présences');
    const cols = fake.maxColumns('Présences');
    wb.writeValues('Présences', rows + 2, cols + 1, [['x', 'y']]);
    expect(fake.maxRows('Présences')).toBe(rows + 2);
    expect(fake.maxColumns('Présences')).toBe(cols + 2);
    expect(fake.cell('Présences', rows + 2, cols + 2)).toBe('y');
  });

  it('writes scattered cells through one range list per value and says so', () => {
    const wb = setup({
      sheets: {
        Présences: [
          ['Date', 'ID participant', 'Statut'],
          ['', 'T-1', 'Absent'],
          ['', 'T-2', 'Absent'],
        ],
      },
    });
    wb.writeCells('Présences', [
      { row: 2, col: 3, value: 'Présent' },
      { row: 3, col: 3, value: 'Présent' },
    ]);
    expect([fake.count('Sheet.getRangeList'), fake.cell('Présences', 3, 3)]).toEqual([1, 'Présent']);
  });

  it('gives scattered cells one note with one range list, touching no other cell', () => {
    const wb = setup({
      sheets: {
        T: [
          ['a', 'b', 'c'],
          ['', '', ''],
          ['', '', ''],
          ['', '', ''],
        ],
      },
    });
    fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T')!.getRange(3, 2).setNote('garde');
    fake.resetCalls();
    wb.setNoteOnCells(
      'T',
      [
        { row: 2, col: 2 },
        { row: 4, col: 2 },
        { row: 2, col: 3 },
      ],
      'N',
    );
    const grid = [1, 2, 3, 4].map((r) => [1, 2, 3].map((c) => fake.note('T', r, c)));
    expect([fake.count('Sheet.getRangeList'), fake.count('RangeList.setNote'), grid]).toEqual([
      1,
      1,
      [
        ['', '', ''],
        ['', 'N', 'N'],
        ['', 'garde', ''],
        ['', 'N', ''],
      ],
    ]);
  });

  it('removes the notes of scattered cells with one clearNote', () => {
    const wb = setup({
      sheets: {
        T: [
          ['a', 'b'],
          ['', ''],
        ],
      },
    });
    wb.setNoteOnCells('T', [{ row: 2, col: 2 }], 'N');
    fake.resetCalls();
    wb.setNoteOnCells('T', [{ row: 2, col: 2 }], '');
    expect([fake.count('RangeList.clearNote'), fake.note('T', 2, 2)]).toEqual([1, '']);
  });

  it('names runs of consecutive rows of a column as one range', () => {
    const cells = [5, 1, 2, 3, 9].map((row) => ({ row, col: 28 }));
    expect(a1RunsOf([...cells, { row: 2, col: 1 }])).toEqual(['A2', 'AB1:AB3', 'AB5', 'AB9']);
  });

  it('reads the header rows with one getValues call on the rows asked', () => {
    const wb = setup({ sheets: { Participants: participants(50) } });
    expect(wb.readTopRows('Participants', 5)).toHaveLength(5);
    expect(fake.count('Range.getValues')).toBe(1);
  });
});

describe('AppsScriptWorkbook time-zone offsets', () => {
  const REUNION = 'Indian/Reunion';
  const tabs = () => ({
    Participants: [
      ['ID', 'Nom', 'Prénom', "Date d'entrée"],
      ['R-1', 'Payet', 'Léa', sheetsDate('2018-03-06', REUNION)],
    ],
  });

  it('reads midnight in La Réunion as that day', () => {
    const wb = setup({ timeZone: REUNION, sheets: tabs() });
    const p = readModel(wb).participantRecords[0];
    expect(p.entryDate).toEqual({ status: 'ok', value: dayFromIso('2018-03-06') });
  });

  it('takes the days from Utilities.formatDate when it disagrees with Intl', () => {
    const wb = setup({ timeZone: REUNION, sheets: tabs() });
    // Apps Script's data says another zone (New York, UTC−5): 2018-03-05 at 15:00 there.
    const formatDate = fake.globals.Utilities.formatDate;
    fake.globals.Utilities.formatDate = (d: Date, _tz: string, pattern: string) => formatDate(d, 'America/New_York', pattern);
    const p = readModel(wb).participantRecords[0];
    expect(p.entryDate).toEqual({ status: 'ok', value: dayFromIso('2018-03-05') });
  });

  it('checks Intl with a fixed number of Utilities.formatDate calls, however many dates are read', () => {
    const rows: (string | Date)[][] = [['ID', 'Nom', 'Prénom', "Date d'entrée"]];
    for (let i = 0; i < 2_000; i++) rows.push([`R-${i}`, 'Payet', 'Léa', new Date(Date.UTC(1990, 0, 1) + i * 86_400_000)]);
    const wb = setup({ timeZone: REUNION, sheets: { Participants: rows } });
    readModel(wb);
    expect(fake.count('Utilities.formatDate')).toBe(OFFSET_CHECK_INSTANTS.length);
  });
});

describe('AppsScriptLock', () => {
  it('takes and releases the document lock, and reports a busy lock', () => {
    setup({ lockBusy: true });
    const lock = new AppsScriptLock();
    expect(lock.tryLock(10_000)).toBe(false);
    fake.lock.busy = false;
    expect(lock.tryLock(10_000)).toBe(true);
    expect(fake.lock.held).toBe(true);
    lock.releaseLock();
    expect(fake.lock).toMatchObject({ held: false, acquired: 1, released: 1, waits: [10_000, 10_000] });
  });
});

describe('AppsScriptWorkbook writes whatever the format of the column (SPEC §2.2)', () => {
  const ids = ['00101', '=1+1', "'cité", '06/03/2018', 'P-7'];

  it('writes text as the same text in plain-text cells and in ordinary ones, never with an apostrophe', () => {
    for (const plain of [true, false]) {
      const wb = setup({ sheets: { T: [['ID']] }, columnFormats: plain ? { T: { A: '@' } } : undefined });
      wb.writeValues(
        'T',
        2,
        1,
        ids.map((id) => [id]),
      );
      expect(
        fake
          .values('T')
          .slice(1)
          .map((r) => r[0]),
      ).toEqual(ids);
      expect(fake.formulas('T').every((r) => r[0] === '')).toBe(true);
    }
  });

  it('shows the days it writes as JJ/MM/AAAA, and keeps numbers numbers in a plain-text column', () => {
    const wb = setup({ sheets: { T: [['Date', 'Âge']] }, columnFormats: { T: { B: '@' } } });
    wb.writeValues('T', 2, 1, [[sheetsDate('2026-03-31'), 17]]);
    const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
    expect(sheet.getRange(2, 1, 1, 2).getDisplayValues()).toEqual([['31/03/2026', '17']]);
    expect(fake.cell('T', 2, 2)).toBe(17);
    expect([isDateFormat('dd/MM/yyyy'), isDateFormat('d mmmm yyyy'), isDateFormat('@'), isDateFormat('General')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('reads one column in one call, no further than the last row', () => {
    const wb = setup({
      sheets: {
        T: [
          ['ID', 'Nom'],
          ['A-1', 'Abel'],
          ['A-2', 'Zola'],
        ],
      },
    });
    fake.resetCalls();
    expect(wb.readColumn('T', 2, 10)).toEqual(['Nom', 'Abel', 'Zola']);
    expect(wb.readColumn('T', 1, 2)).toEqual(['ID', 'A-1']);
    expect(fake.count('Range.getValues')).toBe(2);
  });

  it('shows a day written into a date-and-time column without its time', () => {
    const wb = setup({
      sheets: { T: [['Date', 'Séance']] },
      columnFormats: { T: { A: 'dd/MM/yyyy HH:mm:ss', B: 'd mmmm yyyy' } },
    });
    wb.writeValues('T', 2, 1, [[sheetsDate('2026-03-31'), sheetsDate('2026-04-07')]]);
    const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
    expect(sheet.getRange(2, 1, 1, 1).getDisplayValues()).toEqual([['31/03/2026']]);
    expect(sheet.getRange(2, 2, 1, 1).getNumberFormat()).toBe('d mmmm yyyy');
    expect([
      isDayFormat('dd/MM/yyyy'),
      isDayFormat('d mmmm yyyy'),
      isDayFormat('dd/MM/yyyy HH:mm'),
      isDayFormat('HH:mm'),
    ]).toEqual([true, true, false, false]);
  });

  it('keeps a formula of a plain-text cell a formula when it rewrites the cells around it', () => {
    const wb = setup({ sheets: { T: [['ID'], ['A-1'], ['A-2'], ['A-3']] }, columnFormats: { T: { A: '@' } } });
    const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
    sheet.getRange(3, 1).setFormula('="A-"&"2"');
    wb.writeColumnCells(
      'T',
      1,
      new Map([
        [2, 'ANON-0001'],
        [4, 'ANON-0002'],
      ]),
    );
    expect(sheet.getRange(3, 1).getFormula()).toBe('="A-"&"2"');
    expect(sheet.getRange(2, 1, 3, 1).getNumberFormats()).toEqual([['@'], ['@'], ['@']]);
    expect([fake.cell('T', 2, 1), fake.cell('T', 4, 1)]).toEqual(['ANON-0001', 'ANON-0002']);
  });

  it('writes scattered cells of a plain-text column exactly as given', () => {
    const wb = setup({ sheets: { T: [['ID'], ['x'], ['y'], ['z']] }, columnFormats: { T: { A: '@' } } });
    wb.writeCells('T', [
      { row: 2, col: 1, value: '00123' },
      { row: 4, col: 1, value: '00123' },
    ]);
    expect(fake.values('T').map((r) => r[0])).toEqual(['ID', '00123', 'y', '00123']);
  });

  it('changes some cells of a column in a constant number of calls, the rows in between keeping formulas and text', () => {
    const counts: Record<string, number>[] = [];
    for (const n of [10, 1000]) {
      for (const plain of [true, false]) {
        const rows: (string | number)[][] = [['ID', 'Âge']];
        for (let i = 0; i < n; i++) rows.push([`00${100 + i}`, '']);
        const wb = setup({ sheets: { T: rows }, columnFormats: plain ? { T: { A: '@' } } : undefined });
        const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
        for (let r = 2; r <= n + 1; r++) sheet.getRange(r, 2).setFormula(`=LEN(A${r})`);
        const before = { values: fake.values('T'), formulas: fake.formulas('T') };
        fake.resetCalls();
        wb.writeColumnCells(
          'T',
          1,
          new Map([
            [2, 'ANON-0001'],
            [n + 1, 'ANON-0002'],
          ]),
        );
        wb.writeColumnCells(
          'T',
          2,
          new Map([
            [2, 17],
            [n + 1, 18],
          ]),
        );
        counts.push(fake.snapshotCalls());
        const after = { values: fake.values('T'), formulas: fake.formulas('T') };
        for (let r = 3; r <= n; r++) {
          expect(after.values[r - 1]).toEqual(before.values[r - 1]);
          expect(after.formulas[r - 1]).toEqual(before.formulas[r - 1]);
        }
        expect([after.values[1][0], after.values[n][0], after.values[1][1], after.formulas[1][1]]).toEqual([
          'ANON-0001',
          'ANON-0002',
          17,
          '',
        ]);
      }
    }
    expect(counts[2]).toEqual(counts[0]);
    expect(counts[3]).toEqual(counts[1]);
  });
});
