/** AppsScriptUi and appsScriptServices (src/server/services.ts) over the fake services. */
import { AppsScriptUi, appsScriptServices } from '../../src/server/services';
import { dayFromYmd } from '../../src/core/days';
import { createFakeGas, FakeGas, FakeGasOptions } from '../support/fake-gas';

let fake: FakeGas;
let restore: () => void = () => undefined;
function setup(options: FakeGasOptions = {}): void {
  restore();
  fake = createFakeGas({ htmlFiles: { Sidebar: '<div id="app" data-initial-view="home"></div>' }, ...options });
  restore = fake.install();
}
afterEach(() => {
  restore();
  restore = () => undefined;
  jest.useRealTimers();
});

describe('AppsScriptUi', () => {
  it('opens the sidebar on the asked view, titled in French', () => {
    setup();
    new AppsScriptUi().showSidebar('checks');
    expect(fake.uiLog.sidebars).toEqual([
      { title: "Club de l'alternance", html: '<div id="app" data-initial-view="checks"></div>', width: undefined },
    ]);
  });

  it('returns the typed answer of a prompt on OK, null on cancel', () => {
    setup({
      answers: {
        prompts: [
          { button: 'OK', text: ' 2018 ' },
          { button: 'CANCEL', text: '2019' },
          { button: 'CLOSE', text: '' },
        ],
      },
    });
    const ui = new AppsScriptUi();
    expect(ui.prompt('Bilan annuel', 'Année ?')).toBe(' 2018 ');
    expect(ui.prompt('Bilan annuel', 'Année ?')).toBeNull();
    expect(ui.prompt('Bilan annuel', 'Année ?')).toBeNull();
    expect(fake.uiLog.prompts[0]).toMatchObject({ title: 'Bilan annuel', message: 'Année ?', buttons: 'OK_CANCEL' });
  });

  it('asks yes/no questions and shows alerts and toasts', () => {
    setup({ answers: { alerts: ['YES', 'NO'] } });
    const ui = new AppsScriptUi();
    expect(ui.confirm('Remplacer ?', 'Le bilan existe déjà.')).toBe(true);
    expect(ui.confirm('Remplacer ?', 'Le bilan existe déjà.')).toBe(false);
    ui.alert('Terminé.');
    ui.toast('Enregistré.');
    expect(fake.uiLog.alerts.map((a) => [a.title, a.message, a.buttons])).toEqual([
      ['Remplacer ?', 'Le bilan existe déjà.', 'YES_NO'],
      ['Remplacer ?', 'Le bilan existe déjà.', 'YES_NO'],
      [null, 'Terminé.', null],
    ]);
    expect(fake.uiLog.toasts).toEqual([{ message: 'Enregistré.', title: "Club de l'alternance", timeout: null }]);
  });
});

describe('appsScriptServices', () => {
  it('touches no service until something is used (safe in AuthMode.NONE)', () => {
    setup({ authMode: 'NONE' });
    appsScriptServices();
    expect(fake.totalCalls()).toBe(0);
  });

  it("gives today's day in the spreadsheet's time zone", () => {
    setup({ timeZone: 'Europe/Paris' });
    jest.useFakeTimers({ now: new Date('2018-03-04T23:30:00Z') });
    expect(appsScriptServices().today()).toBe(dayFromYmd(2018, 3, 5));
    setup({ timeZone: 'America/Cayenne' });
    expect(appsScriptServices().today()).toBe(dayFromYmd(2018, 3, 4));
  });

  it('builds the workbook and the lock once per call', () => {
    setup({ sheets: { Participants: [['ID']] } });
    const s = appsScriptServices();
    s.workbook.readValues('Participants');
    s.workbook.readValues('Participants');
    expect(s.lock.tryLock(10_000)).toBe(true);
    s.lock.releaseLock();
    expect(fake.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(fake.count('LockService.getDocumentLock')).toBe(1);
  });
});
