/** MemoryWorkbook: the in-memory WorkbookPort of the CLI, the preview and the tests. */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { sheetsDate } from '../support/fake-gas';

describe('MemoryWorkbook', () => {
  it('reads a tab as a rectangle with blanks as empty strings', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { T: [['a'], ['b', null, 3], []] });
    expect(wb.readValues('T')).toEqual([
      ['a', '', ''],
      ['b', '', 3],
      ['', '', ''],
    ]);
  });

  it('reads a tab in bands of rows that together are the rectangle readValues gives', () => {
    const cells = Array.from({ length: 50 }, (_, i) => (i % 7 === 0 ? [] : [`r${i}`, i % 3 === 0 ? null : i]));
    const wb = new MemoryWorkbook('Europe/Paris', { T: cells });
    const rows: unknown[][] = [];
    wb.readValueBands('T', (firstRow, band) => {
      expect(firstRow).toBe(rows.length + 1);
      rows.push(...band);
    });
    expect([rows, wb.calls.readValueBands]).toEqual([wb.readValues('T'), 1]);
  });

  it('hands out copies of dates, so callers cannot change the workbook', () => {
    const d = sheetsDate('2018-03-05');
    const wb = new MemoryWorkbook('Europe/Paris', { T: [[d]] });
    const read = wb.readValues('T')[0][0] as Date;
    read.setFullYear(1990);
    expect(wb.readValues('T')[0][0]).toEqual(d);
  });

  it('stores strings as they are, never as formulas or numbers', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { T: [] });
    wb.writeValues('T', 1, 1, [['=1+1', '0123', '+33 6 12 34 56 78']]);
    expect(wb.readValues('T')).toEqual([['=1+1', '0123', '+33 6 12 34 56 78']]);
  });

  it('writes a rectangle anywhere, growing the tab and writing null as blank', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { T: [['a']] });
    wb.writeValues('T', 3, 2, [['x', null]]);
    expect(wb.readValues('T')).toEqual([
      ['a', '', ''],
      ['', '', ''],
      ['', 'x', ''],
    ]);
  });

  it('counts every port call and bumps its version on changes', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { T: [['a']] });
    const v0 = wb.version;
    wb.sheetNames();
    wb.readValues('T');
    wb.readValues('T');
    wb.writeValues('T', 1, 1, [['b']]);
    expect(wb.calls).toEqual({ sheetNames: 1, readValues: 2, writeValues: 1 });
    expect(wb.totalCalls()).toBe(4);
    expect(wb.version).toBeGreaterThan(v0);
  });

  it('appends a tab once and clears a tab completely', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { A: [['x']] });
    wb.insertSheet('B');
    wb.insertSheet('B');
    expect(wb.sheetNames()).toEqual(['A', 'B']);
    wb.writeNotes('A', 1, 1, [['note']]);
    wb.format('A', 1, 1, 1, 1, { bold: true });
    wb.setFrozenRows('A', 1);
    wb.clearSheet('A');
    expect(wb.readValues('A')).toEqual([]);
    expect(wb.readNotes('A', 1, 1, 1, 1)).toEqual([['']]);
    expect(wb.sheet('A').formats.size).toBe(0);
    expect(wb.getFrozenRows('A')).toBe(0);
  });

  it('keeps notes, formats and validations per cell', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { T: [['a', 'b']] });
    wb.writeNotes('T', 1, 1, [['n1', 'n2']]);
    wb.writeNotes('T', 1, 2, [['']]);
    expect(wb.readNotes('T', 1, 1, 1, 2)).toEqual([['n1', '']]);
    wb.format('T', 1, 1, 1, 2, { bold: true });
    wb.format('T', 1, 2, 1, 1, { background: '#eeeeee' });
    expect(wb.sheet('T').formats.get('1:2')).toEqual({ bold: true, background: '#eeeeee' });
    wb.setValidation('T', 2, 1, 10, 1, { kind: 'list', values: ['F'], allowInvalid: true });
    wb.setValidation('T', 2, 1, 10, 1, { kind: 'list', values: ['F', 'H'], allowInvalid: true });
    expect(wb.sheet('T').validations).toHaveLength(1);
    expect(wb.sheet('T').validations[0].rule).toEqual({ kind: 'list', values: ['F', 'H'], allowInvalid: true });
  });

  it('records charts, widths and the selection', () => {
    const wb = new MemoryWorkbook('Europe/Paris', { T: [['a']] });
    wb.setColumnWidth('T', 1, 150);
    wb.addChart('T', {
      type: 'pie',
      title: 'Sexe',
      range: { row: 1, col: 1, numRows: 3, numCols: 2 },
      anchor: { row: 1, col: 4 },
    });
    wb.select('T', 2, 3);
    expect(wb.sheet('T').columnWidths.get(1)).toBe(150);
    expect(wb.sheet('T').charts).toHaveLength(1);
    expect(wb.selection).toEqual({ sheet: 'T', row: 2, col: 3 });
  });

  it('throws for an unknown tab', () => {
    const wb = new MemoryWorkbook();
    expect(() => wb.readValues('Absent')).toThrow(/Absent/);
  });
});
