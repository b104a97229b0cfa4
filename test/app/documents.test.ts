/**
 * The documents' server functions over injected services (SPEC §5, §12): arguments that are
 * not what the sidebar sends are refused in French before anything is read, and a UI that
 * cannot show a dialog is a programming error (the generic message, never a half-done action).
 */
import { UserError } from '../../src/core/errors';
import { createMenuActions, createServerApi } from '../../src/app/api';
import { COMMON } from '../../src/i18n/fr/common';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return (e as { cause?: { code?: unknown } }).cause?.code ?? (e instanceof UserError ? e.code : 'not a user error');
  }
  return null;
}

const workbook = () =>
  buildWorkbook({
    participants: [participant({ id: 'S-1', entryDate: '2018-09-04' })],
    sessions: [{ date: '2018-10-02', theme: 'CV' }],
    attendance: [{ date: '2018-10-02', id: 'S-1', status: 'Présent' }],
  });

describe('showSignInSheet and showCertificate', () => {
  it('refuse a date or an ID that is not text, or blank, as invalid input, reading nothing', () => {
    const services = memoryServices(workbook());
    let reads = 0;
    const read = services.workbook.readValues.bind(services.workbook);
    services.workbook.readValues = (sheet: string) => {
      reads++;
      return read(sheet);
    };
    const api = createServerApi(services);
    expect([
      codeOf(() => api.showSignInSheet({ date: '2018-10-02' } as unknown as string)),
      codeOf(() => api.showSignInSheet('2018-02-30')),
      codeOf(() => api.showCertificate(['S-1'] as unknown as string)),
      codeOf(() => api.showCertificate('  ')),
      reads,
    ]).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', 0]);
  });

  it('show the document through the UI and return the counts', () => {
    const services = memoryServices(workbook());
    const shown: [string, string, { width: number; height: number }][] = [];
    const api = createServerApi({
      ...services,
      ui: { ...services.ui, showDialog: (html, title, size) => shown.push([html, title, size]) },
    });
    expect([api.showSignInSheet('2018-10-02'), api.showCertificate('s-1')]).toEqual([{ listed: 1 }, { sessions: 1 }]);
    expect(shown.map(([html, title, size]) => [html.startsWith('<!DOCTYPE html>'), title, size.width])).toEqual([
      [true, "Feuille d'émargement", 900],
      [true, 'Attestation de participation', 900],
    ]);
  });

  it('give the generic message when the UI cannot show a dialog, and log no name', () => {
    const logged: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
    try {
      const services = memoryServices(workbook());
      const api = createServerApi(services);
      expect(() => api.showSignInSheet('2018-10-02')).toThrow(COMMON.unexpectedError);
      createMenuActions(services).menuPrintSignInSheet();
      expect(services.ui.alerts).toEqual([COMMON.unexpectedError]);
      expect([logged.length, logged.every((l) => l.includes('TypeError') && !l.includes('Martin'))]).toEqual([2, true]);
    } finally {
      spy.mockRestore();
    }
  });
});
