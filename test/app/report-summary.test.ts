/** The menu's summary of a report reads the key figures by name, never by cell position. */
import { reportLayoutFor, reportSummary } from '../../src/app/report';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';
import { dayFromIso } from '../../src/core/days';

function layout() {
  const wb = buildWorkbook({
    participants: [
      participant({
        id: 'S-1',
        birthDate: '2001-06-01',
        qpvResident: 'Oui',
        qpvDistrict: 'Chaperon Vert',
        commune: 'Gentilly',
        postcode: '94250',
      }),
      participant({ id: 'S-2' }),
      participant({ id: 'S-3', situation: 'Alternance signée', contractType: 'Apprentissage', contractMonths: 24 }),
    ],
    sessions: [{ date: '2018-03-06' }],
    attendance: [{ date: '2018-03-06', id: 'S-1', status: 'Présent' }],
    settings: [
      ['Année', 'Places prévues'],
      [2018, 4],
    ],
  });
  return reportLayoutFor(readModel(wb), 2018, dayFromIso('2019-01-10')!).layout;
}

describe('reportSummary', () => {
  it('quotes the key figures of the year', () => {
    const summary = reportSummary(layout());
    expect(summary).toContain('Bénéficiaires\u00a0: 3');
    expect(summary).toContain('Places prévues\u00a0: 4');
    expect(summary).toContain('Taux de remplissage\u00a0: 75 %');
  });

  it('gives the same text when the key figures table is laid out in another order', () => {
    const original = layout();
    const reordered = {
      ...original,
      tables: original.tables.map((t) => (t.id === 'key' ? { ...t, rows: [...t.rows].reverse() } : t)),
      grid: [...original.grid].reverse(),
    };
    expect(reportSummary(reordered)).toBe(reportSummary(original));
  });

  it('has the key figures of the "Chiffres clés" table, cell for cell', () => {
    const l = layout();
    const key = l.tables.find((t) => t.id === 'key')!;
    expect(key.rows[0].slice(0, 3)).toEqual([
      'Bénéficiaires',
      l.keyFigures.beneficiaries.value,
      l.keyFigures.beneficiaries.share,
    ]);
  });
});
