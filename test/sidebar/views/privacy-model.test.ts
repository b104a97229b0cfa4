/** The "Données personnelles" view's model: what each action does, without a browser. */
import * as m from '../../../src/sidebar/views/privacy-model';
import { PRIVACY } from '../../../src/i18n/fr/privacy';
import type { AnonymisationPlan } from '../../../src/shared/api';

const plan = (ids: string[]): AnonymisationPlan => ({
  cutoff: '2016-11-26',
  retentionYears: 2,
  ids,
  byYear: { '2015': 1, '2014': ids.length - 1 },
  columnsCleared: ['Nom', 'Prénom'],
});

describe('the personal data view model', () => {
  it('starts loading, then shows the plan with no message', () => {
    expect(m.initialPrivacyState.phase).toBe('loading');
    const s = m.planLoaded(m.initialPrivacyState, plan(['P1', 'P2']));
    expect(s).toEqual({ phase: 'ready', plan: plan(['P1', 'P2']), message: { text: '', kind: 'info' } });
    expect(m.dueCount(s)).toBe(2);
  });

  it('asks for the confirmation only when someone is due', () => {
    const none = m.planLoaded(m.initialPrivacyState, plan([]));
    expect(m.askConfirmation(none)).toBe(none);
    const some = m.planLoaded(m.initialPrivacyState, plan(['P1']));
    expect(m.askConfirmation(some).phase).toBe('confirming');
  });

  it('sends nothing before the confirmation, and exactly the plan shown after it', () => {
    const ready = m.planLoaded(m.initialPrivacyState, plan(['P1', 'P2']));
    expect(m.confirmedRequest(ready)).toBeNull();
    const confirming = m.askConfirmation(ready);
    expect(m.confirmedRequest(confirming)).toEqual({ cutoff: '2016-11-26', ids: ['P1', 'P2'] });
    expect(m.confirmedRequest(m.cancelConfirmation(confirming))).toBeNull();
  });

  it('says what was done after an anonymisation, with the new plan', () => {
    const working = m.working(m.askConfirmation(m.planLoaded(m.initialPrivacyState, plan(['P1']))));
    expect(working.phase).toBe('working');
    const done = m.planLoaded(working, plan([]), { anonymised: 1, presencesUpdated: 4 });
    expect(done.message).toEqual({ text: PRIVACY.done(1, 4), kind: 'ok' });
    expect(m.dueCount(done)).toBe(0);
  });

  it('keeps the plan and lets the person act again after a failure', () => {
    const working = m.working(m.askConfirmation(m.planLoaded(m.initialPrivacyState, plan(['P1']))));
    const failed = m.failed(working, 'Le classeur est occupé.');
    expect(failed.phase).toBe('ready');
    expect(failed.plan?.ids).toEqual(['P1']);
    expect(failed.message.kind).toBe('error');
  });

  it('lists the years of last activity oldest first', () => {
    expect(m.yearRows(plan(['P1', 'P2', 'P3']))).toEqual([
      ['2014', 2],
      ['2015', 1],
    ]);
  });
});
