/** The "Présences" view's model: loading, choosing, drafts, filters, "Tous présents", saving — without a browser. */
import * as m from '../../../../src/sidebar/views/attendance/model';
import { ATTENDANCE_TEXT } from '../../../../src/i18n/fr/attendance';
import { normalizeKey } from '../../../../src/core/text';
import { MAX_ENTRIES } from '../../../../src/shared/limits';
import type { AttendanceSheet, AttendanceSheetParticipant, Status } from '../../../../src/shared/api';

const TODAY = '2018-04-01';

function person(id: string, name: string, status: Status | null = null, needsFollowUp = false): AttendanceSheetParticipant {
  return { id, name, status, needsFollowUp, followUpReason: null, phone: null, email: null };
}

function sheet(over: Partial<AttendanceSheet> = {}): AttendanceSheet {
  return {
    date: '2018-03-27',
    session: null,
    participants: [person('S-1', 'Benali Yanis'), person('S-2', 'Durand Léo', 'Absent'), person('S-3', 'Moreau Inès')],
    others: [
      { id: 'O-1', name: 'Autre Anne' },
      { id: 'O-2', name: 'Zola Émile' },
    ],
    themes: ['CV'],
    unusualWeekday: false,
    ...over,
  };
}

describe('the attendance view model', () => {
  it('starts empty: nothing loaded, nothing to save', () => {
    const s = m.initialAttendanceState;
    expect(s.sheet).toBeNull();
    expect(m.isDirty(s)).toBe(false);
    expect(m.counts(s)).toEqual({ present: 0, absent: 0, excused: 0, missing: 0 });
  });

  it('loads the saved statuses and the session fields, and is not dirty', () => {
    const s = m.loaded(sheet({ session: { theme: 'CV', facilitator: 'Nadia', place: 'Salle 2' } }));
    expect(m.statusOf(s, 'S-2')).toBe('Absent');
    expect(m.statusOf(s, 'S-1')).toBeNull();
    expect(s.fields).toEqual({ theme: 'CV', facilitator: 'Nadia', place: 'Salle 2' });
    expect(m.isDirty(s)).toBe(false);
    expect(m.counts(s)).toEqual({ present: 0, absent: 1, excused: 0, missing: 2 });
  });

  it('counts a marked other, but never an unmarked one as missing', () => {
    const s = m.choose(m.choose(m.loaded(sheet()), 'O-1', 'Excusé'), 'S-1', 'Présent');
    expect(m.counts(s)).toEqual({ present: 1, absent: 1, excused: 1, missing: 1 });
    expect(m.isDirty(s)).toBe(true);
  });

  it('is dirty when a session field differs from the saved session (trimmed)', () => {
    const s = m.loaded(sheet());
    expect(m.isDirty(m.fieldsTyped(s, { theme: '  ', facilitator: '', place: ' ' }))).toBe(false);
    const typed = m.fieldsTyped(s, { theme: ' Lettre ', facilitator: '', place: '' });
    expect(typed.fields.theme).toBe('Lettre');
    expect(m.isDirty(typed)).toBe(true);
  });

  it('"Tous présents" marks the expected people not yet marked and never overwrites a choice', () => {
    const s = m.markAllPresent(m.choose(m.loaded(sheet()), 'S-3', 'Excusé'));
    expect(m.statusOf(s, 'S-1')).toBe('Présent');
    expect(m.statusOf(s, 'S-2')).toBe('Absent');
    expect(m.statusOf(s, 'S-3')).toBe('Excusé');
    expect(m.statusOf(s, 'O-1')).toBeNull();
    expect(m.counts(s).missing).toBe(0);
    expect(m.markAllPresent(m.initialAttendanceState)).toBe(m.initialAttendanceState);
  });

  it('keeps a draft of what changed when leaving a date, and restores it on return', () => {
    const edited = m.fieldsTyped(m.choose(m.choose(m.loaded(sheet()), 'S-1', 'Présent'), 'O-2', 'Absent'), {
      theme: 'CV',
      facilitator: 'Nadia',
      place: '',
    });
    const drafts = m.keepDraft(new Map(), edited);
    const draft = drafts.get('2018-03-27')!;
    expect([...draft.statuses]).toEqual([
      ['S-1', 'Présent'],
      ['O-2', 'Absent'],
    ]);
    expect(draft.theme).toBe('CV');
    const back = m.loaded(sheet(), draft);
    expect(m.statusOf(back, 'S-1')).toBe('Présent');
    expect(m.statusOf(back, 'O-2')).toBe('Absent');
    expect(back.fields).toEqual({ theme: 'CV', facilitator: 'Nadia', place: '' });
    expect(m.isDirty(back)).toBe(true);
    // Someone no longer listed on that date is dropped from the draft.
    const gone = m.loaded(sheet({ others: [] }), draft);
    expect(m.statusOf(gone, 'O-2')).toBeNull();
  });

  it('keeps no draft for a clean date, and forgets a saved one', () => {
    const clean = m.loaded(sheet());
    const none = new Map<string, m.Draft>();
    expect(m.keepDraft(none, clean)).toBe(none);
    const drafts = m.keepDraft(none, m.choose(clean, 'S-1', 'Présent'));
    expect(m.withoutDraft(drafts, '2018-03-27').size).toBe(0);
    expect(m.withoutDraft(drafts, '2018-01-01')).toBe(drafts);
  });

  it('lists a newcomer by name among the expected, marked Présent', () => {
    const added = m.newcomerAdded(m.loaded(sheet()), { id: 'P2018-0108', name: 'Dupont Léa', row: 9, warnings: [] });
    expect(added.index).toBe(1);
    expect(added.state.sheet!.participants.map((p) => p.id)).toEqual(['S-1', 'P2018-0108', 'S-2', 'S-3']);
    expect(m.statusOf(added.state, 'P2018-0108')).toBe('Présent');
    const last = m.newcomerAdded(m.loaded(sheet()), { id: 'Z', name: 'Zz', row: 9, warnings: [] });
    expect(last.index).toBe(3);
    expect(m.newcomerAdded(m.initialAttendanceState, { id: 'Z', name: 'Zz', row: 9, warnings: [] }).index).toBe(-1);
  });

  it('filters by search (accents and case ignored) and by "À relancer"', () => {
    const key = m.searchKeyOf({ id: 'S-3', name: 'Écrivain Léa' });
    expect(m.rowShown(key, false, '', false)).toBe(true);
    expect(m.rowShown(key, false, 'ecrivain', false)).toBe(true);
    expect(m.rowShown(key, false, normalizeKey('S-3'), false)).toBe(true);
    expect(m.rowShown(key, false, 'moreau', false)).toBe(false);
    expect(m.rowShown(key, false, '', true)).toBe(false);
    expect(m.rowShown(key, true, '', true)).toBe(true);
  });

  it('lists the others when opened or searched, never under "À relancer"', () => {
    const others = sheet().others;
    expect(m.visibleOthers(others, '', false, false)).toEqual([]);
    expect(m.visibleOthers(others, '', true, false)).toBe(others);
    expect(m.visibleOthers(others, 'zola', false, false)).toEqual([others[1]]);
    expect(m.visibleOthers(others, 'zola', true, true)).toEqual([]);
  });

  it('asks to confirm a save only on a date without a session', () => {
    expect(m.needsNewSessionConfirmation(m.initialAttendanceState)).toBe(false);
    expect(m.needsNewSessionConfirmation(m.loaded(sheet()))).toBe(true);
    const withSession = sheet({ session: { theme: '', facilitator: '', place: '' } });
    expect(m.needsNewSessionConfirmation(m.loaded(withSession))).toBe(false);
  });

  it('sends the marked expected people in the roster order, then the marked others', () => {
    let s = m.loaded(sheet());
    s = m.choose(s, 'O-2', 'Excusé');
    s = m.choose(s, 'S-3', 'Présent');
    s = m.fieldsTyped(s, { theme: 'CV', facilitator: 'Nadia', place: 'Salle 2' });
    expect(m.saveRequest(s, '2018-03-27', TODAY)).toEqual({
      date: '2018-03-27',
      theme: 'CV',
      facilitator: 'Nadia',
      place: 'Salle 2',
      entries: [
        { participantId: 'S-2', status: 'Absent' },
        { participantId: 'S-3', status: 'Présent' },
        { participantId: 'O-2', status: 'Excusé' },
      ],
    });
  });

  it('refuses a save with a French reason: date not loaded, in the future, field too long, nothing to save', () => {
    const s = m.choose(m.loaded(sheet()), 'S-1', 'Présent');
    expect(m.saveRequest(s, '2018-03-20', TODAY)).toBe(ATTENDANCE_TEXT.view.dateNotLoaded);
    expect(m.saveRequest(s, '', TODAY)).toBe(ATTENDANCE_TEXT.view.dateRequired);
    expect(m.saveRequest(s, '2018-05-01', TODAY)).toMatch(/./);
    expect(
      typeof m.saveRequest(m.fieldsTyped(s, { theme: 'x'.repeat(201), facilitator: '', place: '' }), '2018-03-27', TODAY),
    ).toBe('string');
    const empty = m.loaded(sheet({ participants: [person('S-1', 'Benali Yanis')] }));
    expect(m.saveRequest(empty, '2018-03-27', TODAY)).toBe(ATTENDANCE_TEXT.view.nothingToSave);
    expect(typeof m.saveRequest(m.fieldsTyped(empty, { theme: 'CV', facilitator: '', place: '' }), '2018-03-27', TODAY)).toBe(
      'object',
    );
  });

  it('above the server limit, sends only what changed', () => {
    const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => person(`S-${i}`, `P${i}`, 'Présent'));
    const s = m.choose(m.loaded(sheet({ participants: many })), 'S-7', 'Absent');
    const input = m.saveRequest(s, '2018-03-27', TODAY);
    expect(typeof input !== 'string' && input.entries).toEqual([{ participantId: 'S-7', status: 'Absent' }]);
  });

  it('after a save: what was sent is saved, the session exists, blank fields keep it, a new theme is offered', () => {
    let s = m.loaded(sheet({ session: { theme: 'CV', facilitator: 'Nadia', place: 'Salle 2' } }));
    s = m.fieldsTyped(m.choose(s, 'S-1', 'Présent'), { theme: 'Entretien', facilitator: '', place: 'Salle 3' });
    const input = m.saveRequest(s, '2018-03-27', TODAY);
    if (typeof input === 'string') throw new Error(input);
    const after = m.saved(s, input);
    expect(m.isDirty(after)).toBe(false);
    expect(after.sheet!.session).toEqual({ theme: 'Entretien', facilitator: 'Nadia', place: 'Salle 3' });
    expect(after.fields).toEqual(after.sheet!.session);
    expect(after.sheet!.themes).toEqual(['CV', 'Entretien']);
    // A theme already offered (accents and case aside) is not added twice.
    const again = m.saved(after, { ...input, theme: 'entretien' });
    expect(again.sheet!.themes).toEqual(['CV', 'Entretien']);
  });

  it('after a save, a choice not sent stays unsaved', () => {
    const s = m.choose(m.loaded(sheet()), 'S-1', 'Présent');
    const after = m.saved(m.choose(s, 'S-3', 'Absent'), {
      date: '2018-03-27',
      entries: [{ participantId: 'S-1', status: 'Présent' }],
    });
    expect(after.saved.get('S-1')).toBe('Présent');
    expect(after.saved.has('S-3')).toBe(false);
    expect(m.isDirty(after)).toBe(true);
  });
});
