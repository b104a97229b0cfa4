/** Prompts and confirmations by replay, and the grid's display text. */
import type { Services } from '../../src/app/ports';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { DateCellReader, dayFromIso } from '../../src/core/days';
import { PreviewApp } from '../../src/preview/app';
import { displayText, formatNumber, sheetSnapshot } from '../../src/preview/snapshot';
import { NeedInput, PreviewUi } from '../../src/preview/ui';
import { dateCell } from '../support/builders';

// A menu handler that writes BEFORE asking (handlers should not, but the replay must cope),
// and one that catches every error to show it in an alert (as the real handlers do).
jest.mock('../../src/app/api', () => {
  const actual = jest.requireActual('../../src/app/api');
  return {
    ...actual,
    createMenuActions: (services: Services) => ({
      ...actual.createMenuActions(services),
      menuPrepareWorkbook: () => {
        services.workbook.writeValues('Feuille', 1, 1, [['écrit avant la question']]);
        const name = services.ui.prompt('Titre', 'Votre nom ?', 'Camille');
        if (name === null) return;
        if (!services.ui.confirm('Titre', `Écrire ${name} ?`)) {
          services.ui.alert('Rien écrit.');
          return;
        }
        services.workbook.writeValues('Feuille', 2, 1, [[name]]);
        services.ui.alert(`Écrit : ${name}`);
      },
      menuCheckWorkbook: () => {
        try {
          services.ui.alert('Avant la question');
          services.ui.prompt('Titre', 'Année ?');
          services.ui.alert('Après la question');
        } catch (e) {
          services.ui.alert((e as Error).message);
        }
      },
    }),
  };
});

describe('menu handlers replayed with the answers given so far', () => {
  const make = () => {
    const workbook = new MemoryWorkbook('Europe/Paris', { Feuille: [['']] });
    const app = new PreviewApp({ workbook, root: '/nonexistent', sourcePath: null, today: () => dayFromIso('2018-10-30')! });
    return { workbook, app };
  };

  test('stops at the first unanswered question and puts the workbook back as it was', () => {
    const { workbook, app } = make();
    const r = app.menu('menuPrepareWorkbook', []);
    expect(r).toMatchObject({
      ok: true,
      question: { kind: 'prompt', message: 'Votre nom ?', defaultValue: 'Camille' },
      alerts: [],
    });
    expect(workbook.sheet('Feuille').cells).toEqual([['']]);
  });

  test('asks the next question once the first one is answered, then finishes', () => {
    const { workbook, app } = make();
    const second = app.menu('menuPrepareWorkbook', ['Lou']);
    expect(second.question).toMatchObject({ kind: 'confirm', message: 'Écrire Lou ?' });
    expect(workbook.sheet('Feuille').cells).toEqual([['']]);
    const done = app.menu('menuPrepareWorkbook', ['Lou', true]);
    expect(done.question).toBeUndefined();
    expect(done.alerts).toEqual(['Écrit : Lou']);
    expect(workbook.sheet('Feuille').cells).toEqual([['écrit avant la question'], ['Lou']]);
  });

  test('a "Non" or a cancelled prompt is an answer too', () => {
    const { workbook, app } = make();
    expect(app.menu('menuPrepareWorkbook', ['Lou', false]).alerts).toEqual(['Rien écrit.']);
    expect(app.menu('menuPrepareWorkbook', [null]).question).toBeUndefined();
    expect(workbook.sheet('Feuille').cells[1]).toBeUndefined();
  });

  test('a handler that catches every error does not turn the question into an alert', () => {
    const { app } = make();
    const first = app.menu('menuCheckWorkbook', []);
    expect(first.question).toMatchObject({ kind: 'prompt', message: 'Année ?' });
    expect(first.alerts).toEqual(['Avant la question']);
    // The alert shown before the question is not shown twice.
    const second = app.menu('menuCheckWorkbook', ['2018']);
    expect(second.alerts).toEqual(['Après la question']);
  });
});

describe('PreviewUi', () => {
  test('hands out the queued answers in order, then throws NeedInput with the question', () => {
    const ui = new PreviewUi(['2018', true]);
    expect(ui.prompt('T', 'Année ?')).toBe('2018');
    expect(ui.confirm('T', 'Remplacer ?')).toBe(true);
    expect(() => ui.confirm('T', 'Encore ?')).toThrow(NeedInput);
    expect(ui.pending).toEqual({ kind: 'confirm', title: 'T', message: 'Encore ?' });
  });

  test('records sidebars and alerts in order, with the number of answers used', () => {
    const ui = new PreviewUi(['x']);
    ui.alert('a');
    ui.prompt('T', 'm');
    ui.showSidebar('checks');
    expect(ui.events).toEqual([
      { kind: 'alert', text: 'a', after: 0 },
      { kind: 'sidebar', text: 'checks', after: 1 },
    ]);
    expect(ui.freshEvents()).toEqual([{ kind: 'sidebar', text: 'checks', after: 1 }]);
  });
});

describe('display text of the grid', () => {
  const dates = new DateCellReader('Europe/Paris');

  test('dates read as JJ/MM/AAAA in the workbook time zone', () => {
    expect(displayText(dateCell('2018-03-05'), dates)).toBe('05/03/2018');
    expect(displayText(dateCell('2018-10-30'), dates)).toBe('30/10/2018');
  });

  test('numbers with a French decimal comma, honouring the number formats the add-on writes', () => {
    expect(formatNumber(16.6)).toBe('16,6');
    expect(formatNumber(56)).toBe('56');
    expect(formatNumber(16, '0" %"')).toBe('16 %');
    expect(formatNumber(0.16, '0%')).toBe('16\u00a0%');
    expect(formatNumber(2.34567, '0.0')).toBe('2,3');
    expect(formatNumber(12345, '#,##0')).toMatch(/^12\s345$/);
    expect(formatNumber(43405, 'dd/mm/yyyy')).toBe('01/11/2018');
  });

  test('booleans and text as Sheets shows them; formulas stay text', () => {
    expect(displayText(true, dates)).toBe('VRAI');
    expect(displayText('=HYPERLINK("x")', dates)).toBe('=HYPERLINK("x")');
    expect(displayText(null, dates)).toBe('');
  });

  test('a sheet snapshot carries notes, formats, frozen rows, list drop-downs and chart data', () => {
    const wb = new MemoryWorkbook('Europe/Paris', {
      Bilan: [
        ['Commune', '2018'],
        ['Arcueil', 12],
        ['Cachan', 4],
      ],
    });
    wb.writeNotes('Bilan', 2, 1, [['Vérifier']]);
    wb.format('Bilan', 1, 1, 1, 2, { bold: true, background: '#e8f0fe' });
    wb.setFrozenRows('Bilan', 1);
    wb.setValidation('Bilan', 2, 2, 1000, 1, { kind: 'list', values: ['a'], allowInvalid: false });
    wb.addChart('Bilan', {
      type: 'bar',
      title: 'Communes',
      range: { row: 1, col: 1, numRows: 3, numCols: 2 },
      anchor: { row: 1, col: 4 },
    });
    const s = sheetSnapshot(wb.sheet('Bilan'), dates);
    expect(s.cells).toEqual([
      ['Commune', '2018'],
      ['Arcueil', '12'],
      ['Cachan', '4'],
    ]);
    expect(s.notes).toEqual({ '2:1': 'Vérifier' });
    expect(s.styles['1:2']).toMatchObject({ bold: true, background: '#e8f0fe' });
    expect(s.styles['2:2']).toEqual({ align: 'right' });
    expect(s.frozenRows).toBe(1);
    expect(s.dropdowns).toEqual(['2:2', '3:2']);
    expect(s.charts).toEqual([
      {
        type: 'bar',
        title: 'Communes',
        anchor: { row: 1, col: 4 },
        width: 480,
        height: 300,
        labels: ['Arcueil', 'Cachan'],
        series: [{ name: '2018', values: [12, 4] }],
      },
    ]);
  });
});
