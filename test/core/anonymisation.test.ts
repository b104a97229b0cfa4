/** Personal data (SPEC §11), pure parts: cutoff, last activity, the plan, checks on anonymised rows. */
import {
  anonymisationTargets,
  cleanNotes,
  cutoffDay,
  planAnonymisation,
  planAnonymisationWrites,
} from '../../src/core/anonymisation';
import { checkWorkbook } from '../../src/core/checks';
import { dayFromIso, isoOfDay, midnightInTimeZone, type OffsetSource } from '../../src/core/days';
import { planPreparation } from '../../src/core/prepare';
import { readModel } from '../../src/app/read';
import { MARK_HEADER } from '../../src/i18n/fr/checks';
import { buildWorkbook, participant } from '../support/builders';
import { MemoryWorkbook } from '../../src/adapters/memory';

const day = (iso: string) => dayFromIso(iso)!;

describe('cutoffDay', () => {
  it('is today minus the retention in calendar years', () => {
    expect(isoOfDay(cutoffDay(day('2026-12-02'), 2))).toBe('2024-12-02');
  });

  it('turns 29 February into 28 February', () => {
    expect(isoOfDay(cutoffDay(day('2028-02-29'), 2))).toBe('2026-02-28');
  });
});

describe('planAnonymisation', () => {
  const plan = (wb: MemoryWorkbook, today = '2026-11-26') => planAnonymisation(readModel(wb), day(today));

  it('takes the latest Présences date as the last activity, whatever its status', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-1', entryDate: '2023-03-06' })],
      attendance: [{ date: '2025-01-06', id: 'p-1 ', status: 'Excusé' }],
    });
    expect(plan(wb).ids).toEqual([]);
  });

  it('takes the contract start and the exit date into account', () => {
    const wb = buildWorkbook({
      participants: [
        participant({ id: 'P-1', entryDate: '2023-03-06', contractStart: '2025-09-01' }),
        participant({ id: 'P-2', entryDate: '2023-03-06', exitDate: '2025-01-31' }),
        participant({ id: 'P-3', entryDate: '2023-03-06', exitDate: '2023-06-30' }),
      ],
    });
    expect(plan(wb)).toEqual(expect.objectContaining({ cutoff: '2024-11-26', ids: ['P-3'], byYear: { '2023': 1 } }));
  });

  it('never proposes a row whose last activity is unknown (no readable date)', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'P-1', entryDate: 'bientôt' })] });
    expect(plan(wb).ids).toEqual([]);
  });

  it('never proposes a blank, repeated or already anonymised ID', () => {
    const wb = buildWorkbook({
      participants: [
        participant({ id: '', entryDate: '2016-03-01' }),
        participant({ id: 'D-1', entryDate: '2016-03-01' }),
        participant({ id: ' d-1', entryDate: '2016-03-01' }),
        participant({
          id: 'ANON-0001',
          lastName: '',
          firstName: '',
          birthDate: '',
          entryDate: '2016-03-01',
          anonymisedOn: '2020-01-01',
        }),
        participant({ id: 'OK-1', entryDate: '2016-03-01' }),
      ],
    });
    expect(plan(wb).ids).toEqual(['OK-1']);
  });

  it('is strict: a last activity on the cutoff day is kept', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-1', entryDate: '2024-11-26' }), participant({ id: 'P-2', entryDate: '2024-11-25' })],
    });
    expect(plan(wb).ids).toEqual(['P-2']);
  });

  it('falls back to 2 years when the retention of Paramètres is not a whole number of at least 1', () => {
    for (const bad of [0, -1, 1.5, 'deux', '']) {
      const wb = buildWorkbook({
        participants: [participant()],
        settings: [
          ['Année', 'Durée de conservation (années)'],
          [2018, bad],
        ],
      });
      expect(plan(wb).retentionYears).toBe(2);
    }
  });

  it('lists a second copy of a recognised header as a column to empty', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'P-1', entryDate: '2016-03-01' })] });
    const cells = wb.sheet('Participants').cells;
    cells[0].push('Commune', '');
    cells[1].push('Ancienne adresse', 'texte sans en-tête');
    expect(plan(wb).columnsCleared.slice(-2)).toEqual(['Commune', `Colonne ${String.fromCharCode(64 + cells[0].length)}`]);
  });
});

describe('checks on anonymised rows', () => {
  it('raise none of the personal-field codes', () => {
    const wb = buildWorkbook({
      participants: [
        participant({
          id: 'ANON-0001',
          lastName: '',
          firstName: '',
          birthDate: '31/02/2001',
          phone: '12',
          email: 'x',
          entryDate: '2016-03-01',
          anonymisedOn: '2020-01-01',
          ageAtEntry: 19,
        }),
        participant({
          id: 'ANON-0002',
          lastName: '',
          firstName: '',
          birthDate: '',
          entryDate: '2016-03-01',
          anonymisedOn: '2020-01-01',
        }),
      ],
    });
    expect(checkWorkbook(readModel(wb), day('2026-11-26')).issues.map((i) => i.code)).toEqual([]);
  });

  it('still raise them on a row whose Anonymisé le is not a readable date', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-1', lastName: '', entryDate: '2016-03-01', anonymisedOn: 'oui' })],
    });
    expect(checkWorkbook(readModel(wb), day('2026-11-26')).issues.map((i) => i.code)).toContain('NAME_MISSING');
  });
});

describe('cleanNotes', () => {
  it("strips the add-on's blocks on the rows concerned and empties the listed columns", () => {
    const mark = `${MARK_HEADER}\n• x`;
    const current = [
      [`moi\n\n${mark}`, 'à garder', 'perso'],
      [mark, '', 'autre ligne'],
    ];
    const spec = { sheet: 'P', row: 5, numRows: 2, numCols: 3, rows: new Set([5]), clearColumns: new Set([3]) };
    expect(cleanNotes(current, spec)).toEqual({ row: 5, col: 1, notes: [['moi', 'à garder', '']] });
  });
});

describe('Préparer le classeur', () => {
  it("does not add Âge à l'entrée or Anonymisé le to a new Participants tab", () => {
    const wb = new MemoryWorkbook('Europe/Paris', {});
    const plan = planPreparation(readModel(wb));
    const headers = plan.createTabs.find((t) => t.name === 'Participants')!.values[0];
    expect(headers.filter((h) => h === "Âge à l'entrée" || h === 'Anonymisé le')).toEqual([]);
  });
});

describe('anonymisationTargets', () => {
  it('takes the cutoff given (the CLI --avant) over the retention', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'P-1', entryDate: '2025-03-03' })] });
    const t = anonymisationTargets(readModel(wb), day('2026-11-26'), day('2026-01-01'));
    expect([t.plan.cutoff, t.plan.ids]).toEqual(['2026-01-01', ['P-1']]);
  });
});

describe('planAnonymisationWrites and Présences rows of nobody', () => {
  it('empties the name of rows dated before the cutoff whose ID is in no Participants row, and counts them', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-1', entryDate: '2020-03-02' }), participant({ id: 'P-2', entryDate: '2026-03-02' })],
      attendance: [
        { date: '2020-03-10', id: 'P-1', status: 'Présent', name: 'Fictif Paul' },
        // P-9 was renumbered or deleted by hand: its rows before the cutoff lose their name.
        { date: '2020-03-10', id: 'P-9', status: 'Présent', name: 'Oublié Noé' },
        { date: '2026-03-10', id: 'P-9', status: 'Absent', name: 'Oublié Noé' },
        { date: '2026-03-10', id: 'P-2', status: 'Présent', name: 'Récent Lou' },
      ],
    });
    const model = readModel(wb);
    const today = day('2026-11-26');
    const writes = planAnonymisationWrites(model, anonymisationTargets(model, today), today);
    expect(writes.presencesUpdated).toBe(2);
    const emptied = writes.ops.filter((op) => op.kind === 'writeCells' && op.sheet === 'Présences');
    expect(emptied.flatMap((op) => (op.kind === 'writeCells' ? op.cells : []))).toEqual([
      { row: 2, col: 3, value: '' },
      { row: 3, col: 3, value: '' },
    ]);
  });

  it('writes nothing for such rows when nobody is to be anonymised', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-2', entryDate: '2026-03-02' })],
      attendance: [{ date: '2020-03-10', id: 'P-9', status: 'Présent', name: 'Oublié Noé' }],
    });
    const model = readModel(wb);
    const today = day('2026-11-26');
    expect(planAnonymisationWrites(model, anonymisationTargets(model, today), today)).toMatchObject({
      ops: [],
      presencesUpdated: 0,
    });
  });
});

describe('Anonymisé le', () => {
  it('is today at midnight through the offsets the model was read with (checked against Apps Script)', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'P-1', entryDate: '2020-03-02' })] });
    const model = readModel(wb);
    const today = day('2026-11-26');
    // A source that disagrees with the runtime's Intl data (as Utilities.formatDate may).
    const checked: OffsetSource = () => 240;
    const writes = planAnonymisationWrites({ ...model, offsets: checked }, anonymisationTargets(model, today), today);
    const columns = writes.ops.filter((op) => op.kind === 'column' && op.sheet === 'Participants');
    const stamp = columns[2].kind === 'column' ? columns[2].updates.get(2) : null;
    expect(stamp).toEqual(midnightInTimeZone(today, model.timeZone, checked));
    expect(stamp).not.toEqual(midnightInTimeZone(today, model.timeZone));
  });
});
