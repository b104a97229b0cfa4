/** SPEC §3 LOCALE_NOT_FRENCH: one workbook-level warning when Sheets' locale is not French. */
import { capIssues, checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { isFrenchLocale } from '../../src/core/locale';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const TODAY = dayFromIso('2026-11-26')!;

function checkWithLocale(locale: string | undefined) {
  const model = readModel(buildWorkbook({ participants: [participant({ id: 'A-1', postcode: 'x' })] }));
  model.locale = locale;
  return checkWorkbook(model, TODAY);
}

describe('LOCALE_NOT_FRENCH', () => {
  it('warns once, first, for a workbook whose locale is en_US, with how to change it', () => {
    const report = checkWithLocale('en_US');
    const locale = report.issues.filter((i) => i.code === 'LOCALE_NOT_FRENCH');
    expect(locale).toEqual([
      {
        sheet: '',
        row: 0,
        column: null,
        header: null,
        severity: 'warning',
        code: 'LOCALE_NOT_FRENCH',
        message: expect.any(String),
      },
    ]);
    expect(report.issues[0].code).toBe('LOCALE_NOT_FRENCH');
    expect(locale[0].message).toContain('Fichier › Paramètres');
    expect(locale[0].message).toContain('en_US');
    // The other issues are still there, and the capped result keeps the locale first before errors.
    expect(report.issues.some((i) => i.severity === 'error')).toBe(true);
    expect(capIssues(report).issues[0].code).toBe('LOCALE_NOT_FRENCH');
  });

  it('says nothing for a French locale or where there is none (an .xlsx file)', () => {
    for (const l of ['fr_FR', 'fr_BE', 'fr', 'fr-CA', undefined, ''])
      expect(checkWithLocale(l).issues.map((i) => i.code)).not.toContain('LOCALE_NOT_FRENCH');
    expect([isFrenchLocale('fr_CH'), isFrenchLocale('en_GB'), isFrenchLocale('fy_NL')]).toEqual([true, false, false]);
  });
});
