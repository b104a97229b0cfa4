/**
 * The error model (src/core/errors.ts, src/app/api.ts): an unexpected failure reaches the
 * user as COMMON.unexpectedError, through the server functions and through the menu actions,
 * and nothing of its own message leaks; a UserError is shown as it is.
 */
import { MemoryWorkbook } from '../../src/adapters/memory';
import { UserError } from '../../src/core/errors';
import { COMMON } from '../../src/i18n/fr/common';
import { main } from '../../src/cli/main';
import { createMenuActions, createServerApi, MenuHandlerName } from '../../src/app/api';
import { MENU_ITEMS } from '../../src/app/registry';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

/** Fictional data that must never reach the user or the log. */
const SECRET = 'Zoé Exemple-Fictif';

/** A workbook whose every read fails with a programming error quoting a participant. */
function brokenWorkbook(): MemoryWorkbook {
  const wb = buildWorkbook({ participants: [participant({ id: 'A-1' })] });
  wb.readValues = () => {
    throw new TypeError(`cannot read property of ${SECRET}`);
  };
  wb.readTopRows = wb.readValues;
  return wb;
}

let logged: string[];
let spy: jest.SpyInstance;
beforeEach(() => {
  logged = [];
  spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
});
afterEach(() => spy.mockRestore());

function thrownBy(call: () => unknown): { message: string; code: unknown } {
  try {
    call();
  } catch (e) {
    return { message: (e as Error).message, code: (e as { cause?: { code?: unknown } }).cause?.code };
  }
  throw new Error('the call did not fail');
}

describe('an unexpected failure in a server function', () => {
  const calls: [string, (api: ReturnType<typeof createServerApi>) => unknown][] = [
    ['validateWorkbook', (api) => api.validateWorkbook()],
    ['computeIndicators', (api) => api.computeIndicators(2018)],
    ['generateAnnualReport', (api) => api.generateAnnualReport(2018)],
    ['getReportYears', (api) => api.getReportYears()],
    ['getAttendanceSheet', (api) => api.getAttendanceSheet('2018-03-05')],
    ['showSignInSheet', (api) => api.showSignInSheet('2018-03-05')],
    ['showCertificate', (api) => api.showCertificate('T-0001')],
  ];

  it.each(calls)('%s throws the generic French message with the code UNEXPECTED', (_name, call) => {
    const api = createServerApi(memoryServices(brokenWorkbook()));
    expect(thrownBy(() => call(api))).toEqual({ message: COMMON.unexpectedError, code: 'UNEXPECTED' });
  });

  it('logs the kind of error without its message', () => {
    const api = createServerApi(memoryServices(brokenWorkbook()));
    thrownBy(() => api.validateWorkbook());
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('TypeError');
    expect(logged[0]).not.toContain(SECRET);
  });
});

describe('a user error in a server function', () => {
  it('reaches the caller with its French message and its code', () => {
    const api = createServerApi(memoryServices(buildWorkbook({})));
    expect(thrownBy(() => api.computeIndicators('vingt' as unknown as number))).toEqual({
      message: expect.stringMatching(/Année invalide/),
      code: 'INVALID_INPUT',
    });
  });

  it('is not logged', () => {
    const api = createServerApi(memoryServices(buildWorkbook({})));
    thrownBy(() => api.computeIndicators('vingt' as unknown as number));
    expect(logged).toEqual([]);
  });
});

describe('an unexpected failure in a menu action', () => {
  const readingHandlers: MenuHandlerName[] = [
    'menuCheckWorkbook',
    'menuGenerateReport',
    'menuPrepareWorkbook',
    'menuPrintSignInSheet',
  ];

  it.each(readingHandlers)('%s alerts the generic French message only', (handler) => {
    const services = memoryServices(brokenWorkbook());
    createMenuActions(services)[handler]();
    expect(services.ui.alerts).toEqual([COMMON.unexpectedError]);
  });

  it('does not leak the original message into the log', () => {
    const services = memoryServices(brokenWorkbook());
    createMenuActions(services).menuCheckWorkbook();
    expect(logged.join('\n')).not.toContain(SECRET);
  });

  it('covers every menu item that reads the workbook (the others only open the panel)', () => {
    const opening = MENU_ITEMS.map((m) => m.handler as MenuHandlerName).filter((h) => !readingHandlers.includes(h));
    expect(opening.sort()).toEqual([
      'menuFollowUp',
      'menuOpenSidebar',
      'menuParticipantJourney',
      'menuPersonalData',
      'menuRecordAttendance',
    ]);
  });
});

describe('a user error in a menu action', () => {
  it('alerts its own French message (a busy lock)', () => {
    const services = memoryServices(new MemoryWorkbook('Europe/Paris', {}));
    services.lock.busy = true;
    createMenuActions(services).menuPrepareWorkbook();
    expect(services.ui.alerts).toEqual([COMMON.lockBusy]);
  });

  it('alerts its own French message when thrown by the UI itself', () => {
    const services = memoryServices(buildWorkbook({ participants: [participant({ id: 'A-1' })] }));
    services.ui.prompt = () => {
      throw new UserError('Refus en français.', 'INVALID_INPUT');
    };
    createMenuActions(services).menuGenerateReport();
    expect(services.ui.alerts).toEqual(['Refus en français.']);
  });
});

describe("a UI's interruption (the preview's replay stops at an unanswered question)", () => {
  it('passes through the menu action, neither alerted nor logged', () => {
    class Stop extends Error {}
    const services = memoryServices(buildWorkbook({ participants: [participant({ id: 'A-1' })] }));
    services.ui.prompt = () => {
      throw new Stop('question');
    };
    const ui = services.ui as typeof services.ui & { isInterruption(e: unknown): boolean };
    ui.isInterruption = (e) => e instanceof Stop;
    expect(() => createMenuActions(services).menuGenerateReport()).toThrow(Stop);
    expect(services.ui.alerts).toEqual([]);
    expect(logged).toEqual([]);
  });
});

describe('the command line', () => {
  it("prints the generic French message for an unexpected failure, not the error's own", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const verify = await import('../../src/cli/verify');
    const run = jest.spyOn(verify, 'runVerify').mockRejectedValue(new TypeError(`boom ${SECRET}`));
    try {
      expect(await main(['verifier', 'x.xlsx'], io)).toBe(2);
    } finally {
      run.mockRestore();
    }
    expect(err).toEqual([COMMON.unexpectedError]);
  });
});
