/** Grid marks (cell notes) and the "Préparer" plan: pure parts. */
import fc from 'fast-check';
import { CellMarks, addMark, marksAt, refreshNotes, stripMark, withMark } from '../../src/core/marks';
import { planPreparation, defaultSettingsValues } from '../../src/core/prepare';
import { DEFAULT_QPV_DISTRICTS, DEFAULT_TERRITORY } from '../../src/core/lists';
import { MARK_HEADER } from '../../src/i18n/fr/checks';
import { readModel } from '../../src/server/read';
import { buildWorkbook, participant } from '../support/builders';

describe('note blocks', () => {
  it("append after the user's text and strip back to it exactly", () => {
    expect(withMark('', ['• a'])).toBe(`${MARK_HEADER}\n• a`);
    expect(withMark('Rappeler lundi', ['• a', '• b'])).toBe(`Rappeler lundi\n\n${MARK_HEADER}\n• a\n• b`);
    expect(stripMark(`Rappeler lundi\n\n${MARK_HEADER}\n• a`)).toBe('Rappeler lundi');
    expect(stripMark(`${MARK_HEADER}\n• a`)).toBe('');
    expect(stripMark('Une note sans marque')).toBe('Une note sans marque');
    expect(withMark('x', [])).toBe('x');
  });

  it('round-trip any user note (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(
          fc.string({ minLength: 1 }).map((s) => `• ${s}`),
          { maxLength: 3 },
        ),
        (user, lines) => {
          fc.pre(!user.includes(MARK_HEADER));
          expect(stripMark(withMark(user, lines))).toBe(user);
          expect(stripMark(withMark(stripMark(withMark(user, lines)), lines))).toBe(user);
        },
      ),
    );
  });
});

describe('refreshNotes', () => {
  it('writes the smallest rectangle that changed', () => {
    const current = [
      ['', '', ''],
      ['', 'note', ''],
      ['', '', `${MARK_HEADER}\n• vieux`],
    ];
    const marks: CellMarks = new Map();
    addMark(marks, 2, 2, '• nouveau');
    expect(refreshNotes(current, marks)).toEqual({
      writes: [
        {
          row: 2,
          col: 2,
          notes: [
            [`note\n\n${MARK_HEADER}\n• nouveau`, ''],
            ['', ''],
          ],
        },
      ],
      marked: 1,
    });
  });

  it('writes nothing when the notes are up to date', () => {
    const marks: CellMarks = new Map();
    addMark(marks, 2, 2, '• nouveau');
    const applied = [
      ['', '', ''],
      ['', `note\n\n${MARK_HEADER}\n• nouveau`, ''],
      ['', '', ''],
    ];
    expect(refreshNotes(applied, marks).writes).toEqual([]);
  });

  it('gives the unchanged notes inside the rectangle back as they were', () => {
    const current = [[`${MARK_HEADER}\n• a`], ['Rappeler lundi'], ['']];
    const marks: CellMarks = new Map();
    addMark(marks, 3, 1, '• b');
    expect(refreshNotes(current, marks).writes).toEqual([
      { row: 1, col: 1, notes: [[''], ['Rappeler lundi'], [`${MARK_HEADER}\n• b`]] },
    ]);
  });

  it('writes only the fixed cell when one fault among many is corrected', () => {
    const current = Array.from({ length: 1_000 }, () => ['', `${MARK_HEADER}\n• a`]);
    const marks: CellMarks = new Map();
    for (let r = 1; r <= 1_000; r++) if (r !== 500) addMark(marks, r, 2, '• a');
    expect(refreshNotes(current, marks).writes).toEqual([{ row: 500, col: 2, notes: [['']] }]);
  });

  it('pads ragged note grids into a rectangle', () => {
    const marks: CellMarks = new Map();
    addMark(marks, 1, 3, '• x');
    const update = refreshNotes([[''], ['', '', '']], marks);
    expect(update.writes).toEqual([{ row: 1, col: 3, notes: [[`${MARK_HEADER}\n• x`]] }]);
  });

  it('ignores marks outside the rectangle read', () => {
    const marks: CellMarks = new Map();
    addMark(marks, 5, 1, '• x');
    expect(refreshNotes([['']], marks)).toEqual({ writes: [], marked: 0 });
  });

  it('never repeats the same line twice in a cell', () => {
    const marks: CellMarks = new Map();
    addMark(marks, 1, 1, '• x');
    addMark(marks, 1, 1, '• x');
    expect(marksAt(marks, 1, 1)).toEqual(['• x']);
  });
});

describe('planPreparation', () => {
  it('plans nothing to create for a complete workbook, only validation', () => {
    const wb = buildWorkbook({ participants: [participant()], settings: [['Seuil de confidentialité'], [3]] });
    const plan = planPreparation(readModel(wb), { Participants: 1, Séances: 1, Présences: 1 });
    expect(plan.createTabs).toEqual([]);
    expect(plan.fillEmptyTabs).toEqual([]);
    expect(plan.appendHeaders).toEqual([]);
    expect(plan.freeze).toEqual([]);
    expect(plan.validations.length).toBeGreaterThan(0);
    for (const v of plan.validations) expect(v.rule.allowInvalid).toBe(true);
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
    ]);
    expect(values).toHaveLength(1 + 9); // 9 (district, commune) pairs
    expect(
      values
        .slice(1)
        .map((r) => r[4])
        .filter(Boolean),
    ).toEqual(DEFAULT_TERRITORY);
  });
});
