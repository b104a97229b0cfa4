/**
 * The check's notes are a convenience (src/app/checks.ts, tryRefreshMarks): when the notes
 * cannot be read or written, the check's result is still returned and the failure is logged
 * by its kind and stack only, never its message (which may quote a participant's cells).
 */
import { checkWorkbookFromMenu, validateWorkbook } from '../../src/app/checks';
import { CHECKS_SERVER } from '../../src/i18n/fr/checks';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

const PERSONAL = 'Dupont Léa née le 31/02/2001';

class NotesUnavailable extends Error {
  override name = 'NotesUnavailable';
}

function workbookWhoseNotesThrow() {
  const wb = buildWorkbook({
    participants: [participant({ id: 'A-1' }), participant({ id: 'A-2', birthDate: '31/02/2001' })],
  });
  wb.readNotes = () => {
    throw new NotesUnavailable(PERSONAL);
  };
  return wb;
}

let warnings: string[];
let spy: jest.SpyInstance;

beforeEach(() => {
  warnings = [];
  spy = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
});

afterEach(() => spy.mockRestore());

describe('a check whose notes throw', () => {
  it('still returns the result, logs the kind of failure only and releases the lock', () => {
    const services = memoryServices(workbookWhoseNotesThrow());
    const result = validateWorkbook(services);
    expect(result.issues.map((i) => `${i.sheet}:${i.row}:${i.code}`)).toEqual(['Participants:3:DATE_INVALID']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('NotesUnavailable');
    expect(warnings[0]).not.toContain('Dupont');
    expect(warnings[0]).not.toContain('31/02/2001');
    expect(services.lock.held).toBe(false);
  });

  it('from the menu: opens the "Contrôle" view and says the notes were not refreshed', () => {
    const services = memoryServices(workbookWhoseNotesThrow());
    const toasts: string[] = [];
    const result = checkWorkbookFromMenu({ ...services, ui: { ...services.ui, toast: (m: string) => toasts.push(m) } });
    expect([result.counts.errors, services.ui.sidebars, toasts]).toEqual([1, ['checks'], [CHECKS_SERVER.marksSkippedLockBusy]]);
    expect(warnings.join('\n')).not.toContain('Dupont');
  });
});
