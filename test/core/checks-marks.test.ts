/** Grid marks (cell notes) and the "Préparer" plan: pure parts. */
import fc from 'fast-check';
import { MarkedCells, NotesPlan, addMark, markNote, planNotes, stripMark, withMark } from '../../src/core/marks';
import { rowBands } from '../../src/core/bands';
import { planPreparation, defaultSettingsValues } from '../../src/core/prepare';
import { DEFAULT_QPV_DISTRICTS, DEFAULT_TERRITORY } from '../../src/core/lists';
import { MARK_HEADER } from '../../src/i18n/fr/checks';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

/** The message of every cell marked by marksAt, and the note it gets. */
const MESSAGE = 'Problème à corriger';
const MARK_NOTE = markNote([MESSAGE]);

const marksAt = (...cells: [number, number][]): MarkedCells => {
  const marks: MarkedCells = new Map();
  for (const [row, col] of cells) addMark(marks, row, col, MESSAGE);
  return marks;
};

describe('note blocks', () => {
  it("append after the user's text and strip back to it exactly", () => {
    expect(withMark('', MARK_NOTE)).toBe(MARK_NOTE);
    expect(withMark('Rappeler lundi', MARK_NOTE)).toBe(`Rappeler lundi\n\n${MARK_NOTE}`);
    expect(stripMark(`Rappeler lundi\n\n${MARK_NOTE}`)).toBe('Rappeler lundi');
    expect(stripMark(MARK_NOTE)).toBe('');
    expect(stripMark('Une note sans marque')).toBe('Une note sans marque');
  });

  it('strip the detailed blocks of earlier versions too', () => {
    expect(stripMark(`Rappeler lundi\n\n${MARK_HEADER}\n• Erreur : a\n• b`)).toBe('Rappeler lundi');
    expect(stripMark(`${MARK_HEADER}\n• a`)).toBe('');
  });

  it('round-trip any user note (property)', () => {
    fc.assert(
      fc.property(fc.string(), (user) => {
        fc.pre(!user.includes(MARK_HEADER));
        expect(stripMark(withMark(user, MARK_NOTE))).toBe(user);
        expect(stripMark(withMark(stripMark(withMark(user, MARK_NOTE)), MARK_NOTE))).toBe(user);
      }),
    );
  });
});

describe('planNotes', () => {
  it("marks a cell without a note with our marker and that cell's message, on that cell only", () => {
    const current = [
      ['', '', ''],
      ['', '', ''],
    ];
    expect(planNotes(current, marksAt([2, 2]))).toEqual({
      clear: [],
      rewrite: { row: 2, col: 2, notes: [[`${MARK_HEADER}\n${MESSAGE}`]] },
      marked: 1,
    });
  });

  it('gives each cell its own messages, one per line, a message repeated on a cell written once', () => {
    const marks: MarkedCells = new Map();
    addMark(marks, 1, 1, "« x » n'est pas une date lisible");
    addMark(marks, 1, 1, 'Âge improbable');
    addMark(marks, 1, 1, 'Âge improbable');
    addMark(marks, 2, 1, 'Autre chose');
    expect(planNotes([[''], ['']], marks).rewrite).toEqual({
      row: 1,
      col: 1,
      notes: [[`${MARK_HEADER}\n« x » n'est pas une date lisible\nÂge improbable`], [`${MARK_HEADER}\nAutre chose`]],
    });
  });

  it('rewrites a mark whose messages changed, and only that one', () => {
    const current = [[markNote(['ancien message'])], [MARK_NOTE]];
    expect(planNotes(current, marksAt([1, 1], [2, 1]))).toEqual({
      clear: [],
      rewrite: { row: 1, col: 1, notes: [[MARK_NOTE]] },
      marked: 2,
    });
  });

  it('removes a mark that has no problem any more, on that cell only', () => {
    const current = [
      ['', MARK_NOTE],
      ['', ''],
    ];
    expect(planNotes(current, marksAt()).clear).toEqual([{ row: 1, col: 2 }]);
  });

  it("keeps a user's note and adds the mark after it (a rectangle of one cell)", () => {
    const current = [
      ['', '', ''],
      ['', 'note', ''],
    ];
    const plan = planNotes(current, marksAt([2, 2]));
    expect(plan.rewrite).toEqual({ row: 2, col: 2, notes: [[`note\n\n${MARK_NOTE}`]] });
  });

  it("gives a user's note back alone when its cell is fixed", () => {
    const current = [[`Rappeler lundi\n\n${MARK_NOTE}`]];
    expect(planNotes(current, marksAt()).rewrite).toEqual({ row: 1, col: 1, notes: [['Rappeler lundi']] });
  });

  it('gives the unchanged notes inside a rewritten rectangle back as they were', () => {
    const current = [[`a\n\n${MARK_NOTE}`], ['Rappeler lundi'], ['b']];
    const plan = planNotes(current, marksAt([3, 1]));
    expect(plan.rewrite).toEqual({ row: 1, col: 1, notes: [['a'], ['Rappeler lundi'], [`b\n\n${MARK_NOTE}`]] });
  });

  it("keeps a new mark that lies inside the rectangle of users' notes rewritten", () => {
    const user = `Rappeler lundi\n\n${MARK_NOTE}`;
    const plan = planNotes(
      [
        [user, ''],
        ['', user],
      ],
      marksAt([1, 2]),
    );
    expect(plan.rewrite).toEqual({
      row: 1,
      col: 1,
      notes: [
        ['Rappeler lundi', MARK_NOTE],
        ['', 'Rappeler lundi'],
      ],
    });
  });

  it('replaces the note of an earlier version by the messages', () => {
    const current = [[`${MARK_HEADER}\nCette cellule est à corriger ou à vérifier : le panneau « Contrôle » dit pourquoi.`]];
    expect(planNotes(current, marksAt([1, 1])).rewrite).toEqual({ row: 1, col: 1, notes: [[MARK_NOTE]] });
  });

  it('writes nothing when the notes are up to date', () => {
    const applied = [
      ['', '', ''],
      ['', `note\n\n${MARK_NOTE}`, MARK_NOTE],
    ];
    expect(planNotes(applied, marksAt([2, 2], [2, 3]))).toEqual({ clear: [], rewrite: null, marked: 2 });
  });

  it('clears only the fixed cell when one fault among many is corrected', () => {
    const current = Array.from({ length: 1_000 }, () => ['', MARK_NOTE]);
    const cells: [number, number][] = [];
    for (let r = 1; r <= 1_000; r++) if (r !== 500) cells.push([r, 2]);
    expect(planNotes(current, marksAt(...cells))).toEqual({
      clear: [{ row: 500, col: 2 }],
      rewrite: null,
      marked: 999,
    });
  });

  it('reads ragged note grids as padded with empty notes', () => {
    expect(planNotes([[''], ['', '', '']], marksAt([1, 3])).rewrite).toEqual({ row: 1, col: 3, notes: [[MARK_NOTE]] });
  });

  it('ignores marks outside the rectangle read', () => {
    expect(planNotes([['']], marksAt([5, 1]))).toEqual({ clear: [], rewrite: null, marked: 0 });
  });
});

describe('planNotes by bands of rows', () => {
  /** The notes after a plan's writes. */
  function applied(notes: string[][], plans: NotesPlan[]): string[][] {
    const out = notes.map((line) => [...line]);
    for (const p of plans) {
      for (const { row, col } of p.clear) out[row - 1][col - 1] = '';
      if (p.rewrite)
        p.rewrite.notes.forEach((line, i) => line.forEach((n, j) => (out[p.rewrite!.row - 1 + i][p.rewrite!.col - 1 + j] = n)));
    }
    return out;
  }
  const note = fc.constantFrom('', '', '', MARK_NOTE, 'Rappeler lundi', `Rappeler lundi\n\n${MARK_NOTE}`);

  it('leaves the same notes as one plan of the whole grid, each band writing only its own rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(note, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3 }))),
        fc.integer({ min: 1, max: 8 }),
        (notes, cells, count) => {
          const marks = marksAt(...cells);
          const bands = rowBands(notes.length, count).map((b) => {
            const plan = planNotes(notes.slice(b.firstRow - 1, b.firstRow - 1 + b.numRows), marks, b.firstRow);
            const rows = plan.clear.map((c) => c.row);
            if (plan.rewrite) rows.push(plan.rewrite.row, plan.rewrite.row + plan.rewrite.notes.length - 1);
            return { plan, inside: rows.every((r) => r >= b.firstRow && r < b.firstRow + b.numRows) };
          });
          expect([
            applied(
              notes,
              bands.map((b) => b.plan),
            ),
            bands.every((b) => b.inside),
          ]).toEqual([applied(notes, [planNotes(notes, marks)]), true]);
        },
      ),
    );
  });
});

describe('planPreparation', () => {
  it('plans nothing to create for a complete workbook, only validation', () => {
    const wb = buildWorkbook({
      participants: [participant()],
      sessions: [{ date: '2018-03-06', start: '14:00', end: '16:00' }],
      settings: [
        [
          'Seuil de confidentialité',
          'Durée de conservation (années)',
          'Structure',
          'Mention des financeurs',
          'Heure de début',
          'Heure de fin',
          'Lignes vierges',
        ],
        [3, 2, 'Mission locale', '', '', '', 5],
      ],
    });
    const plan = planPreparation(readModel(wb), { Participants: 1, Séances: 1, Présences: 1 });
    expect(plan.createTabs).toEqual([]);
    expect(plan.fillEmptyTabs).toEqual([]);
    expect(plan.appendHeaders).toEqual([]);
    expect(plan.freeze).toEqual([]);
    expect(plan.validations.length).toBeGreaterThan(0);
    for (const v of plan.validations) expect(v.rule.allowInvalid).toBe(true);
  });

  it('fills an empty Paramètres tab with the default settings, and leaves one of unrecognised data alone', () => {
    const empty = planPreparation(readModel(buildWorkbook({ participants: [participant()], settings: [] })));
    expect(empty.fillEmptyTabs.map((t) => [t.name, t.values[0].includes('Lignes vierges')])).toEqual([['Paramètres', true]]);
    const notes = planPreparation(
      readModel(buildWorkbook({ participants: [participant()], settings: [['mes notes'], ['à garder']] })),
    );
    expect([notes.untouched, notes.appendHeaders.filter((a) => a.tab === 'Paramètres')]).toEqual([['Paramètres'], []]);
  });

  it('freezes the header row when fewer rows are frozen', () => {
    const wb = buildWorkbook({ participants: [participant()] });
    const plan = planPreparation(readModel(wb), { Participants: 0, Séances: 1 });
    expect(plan.freeze).toEqual([
      { sheet: 'Participants', rows: 1 },
      { sheet: 'Présences', rows: 1 },
    ]);
  });

  it('gives default Paramètres that read back as the defaults', () => {
    const values = defaultSettingsValues({
      territory: [...DEFAULT_TERRITORY],
      qpvDistricts: DEFAULT_QPV_DISTRICTS.map((d) => ({ ...d })),
    });
    expect(values[0]).toEqual([
      'Année',
      'Places prévues',
      'Début de saison',
      'Fin de saison',
      'Commune du territoire',
      'Quartier QPV',
      'Commune du QPV',
      'Seuil de confidentialité',
      'Durée de conservation (années)',
      'Structure',
      'Mention des financeurs',
      'Heure de début',
      'Heure de fin',
      'Lignes vierges',
    ]);
    expect(values[1].slice(8)).toEqual([2, 'Mission locale', '', '', '', 5]);
    expect(values).toHaveLength(1 + 9); // 9 (district, commune) pairs
    expect(
      values
        .slice(1)
        .map((r) => r[4])
        .filter(Boolean),
    ).toEqual(DEFAULT_TERRITORY);
  });
});
