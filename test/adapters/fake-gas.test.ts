/** The fake itself behaves like Sheets where the add-on depends on it. */
import { createFakeGas, sheetsDate } from '../support/fake-gas';
import { columnLetters, parseA1 } from '../support/fake-gas/a1';
import { parseDateText, parseInput, parseNumber } from '../support/fake-gas/input';

function sheetOf(fake: ReturnType<typeof createFakeGas>, name: string) {
  return fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
}

describe('fake Apps Script services', () => {
  it('gives a 1x1 blank data range for an empty sheet, and a blank-padded rectangle otherwise', () => {
    const fake = createFakeGas({ sheets: { Vide: [], Données: [['a'], ['b', 'c', ''], [null, 2]] } });
    expect(sheetOf(fake, 'Vide').getDataRange().getValues()).toEqual([['']]);
    expect(sheetOf(fake, 'Vide').getLastRow()).toBe(0);
    expect(sheetOf(fake, 'Données').getDataRange().getValues()).toEqual([
      ['a', ''],
      ['b', 'c'],
      ['', 2],
    ]);
  });

  it('turns written strings into formulas, numbers, dates and booleans as Sheets does', () => {
    const fake = createFakeGas({ sheets: { T: [] } });
    const range = sheetOf(fake, 'T').getRange(1, 1, 1, 9);
    range.setValues([['=1+1', '0123', '1,5', '05/03/2018', 'vrai', '+33 6 12 34 56 78', '-', '@x', '31/02/2001']]);
    const [row] = fake.values('T');
    expect(fake.formula('T', 1, 1)).toBe('=1+1');
    expect(row[0]).toBe('');
    expect(row[1]).toBe(123);
    expect(row[2]).toBe(1.5);
    expect(row[3]).toEqual(sheetsDate('2018-03-05'));
    expect(row[4]).toBe(true);
    expect(fake.formula('T', 1, 6)).toBe('=+33 6 12 34 56 78');
    expect(row[6]).toBe('-');
    expect(row[7]).toBe('@x');
    expect(row[8]).toBe('31/02/2001');
  });

  it('also converts exponents, accounting negatives, currencies, times and month names', () => {
    const fake = createFakeGas({ sheets: { T: [] } });
    sheetOf(fake, 'T')
      .getRange(1, 1, 1, 8)
      .setValues([['1e5', '(12)', '12 €', '$3', '5 mars 2018', 'Mar 1 2016', 'mars 2018', '12:30']]);
    const [row] = fake.values('T');
    expect(row.slice(0, 4)).toEqual([100000, -12, 12, 3]);
    expect(row.slice(4, 7)).toEqual([sheetsDate('2018-03-05'), sheetsDate('2016-03-01'), sheetsDate('2018-03-01')]);
    expect(row[7]).toBeInstanceOf(Date);
  });

  it('keeps text as text after a leading apostrophe or in an @-formatted cell', () => {
    const fake = createFakeGas({ sheets: { T: [] } });
    const sheet = sheetOf(fake, 'T');
    sheet.getRange(1, 1, 1, 2).setValues([['\'=HYPERLINK("x")', "'0123"]]);
    sheet.getRange(2, 1).setNumberFormat('@');
    sheet.getRange(2, 1).setValues([['0123']]);
    expect(fake.values('T')).toEqual([
      ['=HYPERLINK("x")', '0123'],
      ['0123', ''],
    ]);
    expect(fake.formulas('T')).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('keeps exactly what is written in a plain-text cell, a leading apostrophe included', () => {
    const fake = createFakeGas({ sheets: { T: [['ID']] }, columnFormats: { T: { A: '@' } } });
    const sheet = sheetOf(fake, 'T');
    sheet.getRange(2, 1, 2, 1).setValues([["'00101"], ['00102']]);
    expect(fake.values('T').map((r) => r[0])).toEqual(['ID', "'00101", '00102']);
    expect(sheet.getRange(2, 1, 2, 1).getNumberFormats()).toEqual([['@'], ['@']]);
    sheet.getRange(2, 2).setValues([["'00101"]]);
    expect(fake.cell('T', 2, 2)).toBe('00101');
  });

  it('shows a Date written into an unformatted cell with its time, and in the format of a date cell', () => {
    const fake = createFakeGas({ sheets: { T: [] } });
    const sheet = sheetOf(fake, 'T');
    sheet.getRange(1, 1).setValues([[sheetsDate('2026-03-31')]]);
    sheet.getRange(1, 2).setNumberFormat('dd/MM/yyyy');
    sheet.getRange(1, 2).setValues([[sheetsDate('2026-03-31')]]);
    sheet.getRange(1, 3).setValues([['31/03/2026']]);
    expect(sheet.getRange(1, 1, 1, 3).getDisplayValues()).toEqual([['31/03/2026 00:00:00', '31/03/2026', '31/03/2026']]);
  });

  it('sets number formats through a RangeList and gives the spreadsheet locale it was given', () => {
    const fake = createFakeGas({ sheets: { T: [] }, locale: 'en_US' });
    const spreadsheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(spreadsheet.getSpreadsheetLocale()).toBe('en_US');
    expect(createFakeGas({}).globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale()).toBe('fr_FR');
    sheetOf(fake, 'T').getRangeList(['A2', 'C3:C4']).setNumberFormat('@');
    expect(fake.numberFormat('T', 2, 1)).toBe('@');
    expect(fake.numberFormat('T', 4, 3)).toBe('@');
    expect(fake.numberFormat('T', 2, 3)).toBe('General');
    expect(fake.count('RangeList.setNumberFormat')).toBe(1);
  });

  it('gives date cells back as midnight in the spreadsheet time zone', () => {
    const fake = createFakeGas({ sheets: { T: [[sheetsDate('2018-07-14')]] } });
    const v = sheetOf(fake, 'T').getDataRange().getValues()[0][0] as Date;
    expect(v.toISOString()).toBe('2018-07-13T22:00:00.000Z');
    const winter = sheetsDate('2018-01-05');
    expect(winter.toISOString()).toBe('2018-01-04T23:00:00.000Z');
    sheetOf(fake, 'T').getRange(2, 1).setNumberFormat('dd/MM/yyyy');
    sheetOf(fake, 'T')
      .getRange(2, 1)
      .setValues([[43105]]);
    expect(fake.cell('T', 2, 1)).toEqual(winter);
  });

  it('rejects data whose size does not match the range, and ranges beyond the grid', () => {
    const fake = createFakeGas({ sheets: { T: [] } });
    const sheet = sheetOf(fake, 'T');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow(/number of rows/);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a']])).toThrow(/number of columns/);
    expect(() => sheet.getRange(1001, 1)).toThrow(/out of bounds/);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(/at least 1/);
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(() => sheet.getRange(1005, 1).setValues([['ok']])).not.toThrow();
  });

  it('handles tabs of 200 000 rows and inserts rows inside the data', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`T-${i}`]);
    const fake = createFakeGas({ sheets: { T: rows } });
    const sheet = sheetOf(fake, 'T');
    expect(sheet.getMaxRows()).toBe(200_000);
    sheet.insertRowsAfter(1, 150_000);
    expect(sheet.getMaxRows()).toBe(350_000);
    expect(fake.cell('T', 1, 1)).toBe('T-0');
    expect(fake.cell('T', 2, 1)).toBe('');
    expect(fake.cell('T', 150_002, 1)).toBe('T-1');
    expect(sheet.getLastRow()).toBe(350_000);
  });

  it('counts every call per Class.method and can reset the counts', () => {
    const fake = createFakeGas({ sheets: { T: [['a']] } });
    const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName('T').getDataRange().getValues();
    ss.getSheetByName('T').getDataRange().getValues();
    expect(fake.count('Range.getValues')).toBe(2);
    expect(fake.count('Spreadsheet.getSheetByName')).toBe(2);
    expect(fake.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(fake.totalCalls('Range.')).toBe(2);
    expect(fake.totalCalls()).toBe(7);
    fake.resetCalls();
    expect(fake.totalCalls()).toBe(0);
    expect(fake.values('T')).toEqual([['a']]);
    expect(fake.totalCalls()).toBe(0);
  });

  it('refuses data access in AuthMode.NONE but still builds menus', () => {
    const fake = createFakeGas({ authMode: 'NONE' });
    expect(() => fake.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => fake.globals.LockService.getDocumentLock()).toThrow(/permission/);
    const ui = fake.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Ouvrir', 'openIt').addSeparator().addToUi();
    expect(fake.uiLog.menus).toEqual([
      { title: null, addon: true, items: [{ label: 'Ouvrir', handler: 'openIt' }, { separator: true }] },
    ]);
  });

  it('answers dialogs from the queued answers and logs them', () => {
    const fake = createFakeGas({ answers: { alerts: ['NO'], prompts: [{ button: 'OK', text: '2018' }] } });
    const ui = fake.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Titre', 'Sûr ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Info')).toBe(ui.Button.OK);
    const r = ui.prompt('Bilan', 'Année ?', ui.ButtonSet.OK_CANCEL);
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    expect(r.getResponseText()).toBe('2018');
    expect(ui.prompt('Encore ?').getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(fake.uiLog.alerts.map((a) => a.message)).toEqual(['Sûr ?', 'Info']);
  });

  it('makes the document lock busy on demand', () => {
    const fake = createFakeGas({ lockBusy: true });
    const lock = fake.globals.LockService.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(() => lock.waitLock(10_000)).toThrow(/Lock timeout/);
    fake.lock.busy = false;
    expect(lock.tryLock(10_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(fake.lock).toMatchObject({ held: false, acquired: 1, released: 1, waits: [10_000, 10_000, 10_000] });
  });

  it('serves HTML files and records sidebars', () => {
    const fake = createFakeGas({ htmlFiles: { Sidebar: '<p>panneau</p>' } });
    const { HtmlService, SpreadsheetApp } = fake.globals;
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Club'));
    expect(fake.uiLog.sidebars).toEqual([{ title: 'Club', html: '<p>panneau</p>', width: undefined }]);
    expect(() => HtmlService.createHtmlOutputFromFile('Absent')).toThrow(/No HTML file/);
  });

  it('builds validations and charts through their builders', () => {
    const fake = createFakeGas({ sheets: { T: [['x', 1]] } });
    const { SpreadsheetApp, Charts } = fake.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['F', 'H'], true).setAllowInvalid(false).build();
    sheet.getRange(2, 1, 3, 1).setDataValidation(rule);
    expect(fake.validation('T', 4, 1)).toMatchObject({ criteria: 'VALUE_IN_LIST', values: ['F', 'H'], allowInvalid: false });
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.PIE)
        .addRange(sheet.getRange(1, 1, 1, 2))
        .setPosition(3, 4, 0, 0)
        .setOption('title', 'Sexe')
        .build(),
    );
    expect(fake.charts('T')).toMatchObject([
      { type: 'PIE', ranges: [{ row: 1, col: 1, numRows: 1, numCols: 2 }], options: { title: 'Sexe' } },
    ]);
    sheet.getCharts().forEach((c: unknown) => sheet.removeChart(c));
    expect(fake.charts('T')).toEqual([]);
  });

  describe('value conversion of typed strings (input.ts)', () => {
    it('reads French and English number spellings and rejects the rest', () => {
      expect(['0123', '1,5', '1 439', '1\u00a0439,25', ',5', '1e5', '50%', '12 €', '$3', '-2'].map(parseNumber)).toEqual([
        123, 1.5, 1439, 1439.25, 0.5, 100000, 0.5, 12, 3, -2,
      ]);
      expect(['', '12a', '1,2,3', '06 12 34 56 78', 'e5'].map(parseNumber)).toEqual([null, null, null, null, null]);
    });

    it('reads day-first, ISO and month-name dates as midnight in the zone, and rejects impossible dates', () => {
      const paris = (text: string) => parseDateText(text, 'Europe/Paris');
      expect(paris('05/03/18')).toEqual(sheetsDate('2018-03-05'));
      expect(paris('2018-3-5')).toEqual(sheetsDate('2018-03-05'));
      expect(paris('1er février 2019')).toEqual(sheetsDate('2019-02-01'));
      expect(paris('March 1, 2016')).toEqual(sheetsDate('2016-03-01'));
      expect(parseDateText('14/07/2018', 'America/New_York')).toEqual(sheetsDate('2018-07-14', 'America/New_York'));
      expect([paris('31/02/2001'), paris('5 brumaire 2018'), paris('2018')]).toEqual([null, null, null]);
    });

    it('keeps text after an apostrophe or in plain-text cells, and makes signed non-numbers formulas', () => {
      expect(parseInput("'=1+1", false, 'Europe/Paris')).toEqual({ kind: 'value', value: '=1+1' });
      expect(parseInput('=1+1', true, 'Europe/Paris')).toEqual({ kind: 'value', value: '=1+1' });
      expect(parseInput('+33 6', false, 'Europe/Paris')).toEqual({ kind: 'formula', formula: '=+33 6' });
      expect(parseInput('FAUX', false, 'Europe/Paris')).toEqual({ kind: 'value', value: false });
      expect(parseInput('=', false, 'Europe/Paris')).toEqual({ kind: 'value', value: '=' });
    });
  });

  it('converts between column numbers, letters and A1 notation', () => {
    expect([1, 26, 27, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(parseA1("'Présences'!$C$5:A2")).toEqual({ row: 2, col: 1, numRows: 4, numCols: 3 });
    expect(() => parseA1('5C')).toThrow(/Range not found/);
  });

  it('keeps the cursor set by setActiveCell for getCurrentCell, on its tab only', () => {
    const fake = createFakeGas({ sheets: { A: [['x']], B: [['y']] } });
    fake.setActiveCell('B', 4, 2);
    const spreadsheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(spreadsheet.getCurrentCell().getA1Notation()).toBe('B4');
    expect(spreadsheet.getSheetByName('A').getCurrentCell().getA1Notation()).toBe('A1');
    expect(fake.count('Spreadsheet.getCurrentCell')).toBe(1);
  });
});
