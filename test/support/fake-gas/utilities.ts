/** The small services: ScriptApp, Session, Utilities, Logger. */
import { formatDateIn } from './dates';
import { AuthMode, InstallationSource } from './enums';
import type { FakeState } from './state';

export function createScriptApp(state: FakeState) {
  return {
    AuthMode,
    InstallationSource,
    getInstallationSource() {
      state.hit('ScriptApp.getInstallationSource');
      return InstallationSource[state.fake.installationSource];
    },
    getScriptId() {
      state.hit('ScriptApp.getScriptId');
      return 'fake-script-id';
    },
  };
}

export function createSession(state: FakeState) {
  const hit = (method: string) => state.hit(`Session.${method}`);
  return {
    getScriptTimeZone() {
      hit('getScriptTimeZone');
      return state.timeZone;
    },
    getActiveUserLocale() {
      hit('getActiveUserLocale');
      return 'fr';
    },
    getActiveUser() {
      hit('getActiveUser');
      return { getEmail: () => '' };
    },
    getEffectiveUser() {
      hit('getEffectiveUser');
      return { getEmail: () => '' };
    },
    getTemporaryActiveUserKey() {
      hit('getTemporaryActiveUserKey');
      return 'fake-user-key';
    },
  };
}

export function createUtilities(state: FakeState) {
  return {
    formatDate(date: Date, timeZone: string, pattern: string) {
      state.hit('Utilities.formatDate');
      return formatDateIn(date, timeZone, pattern);
    },
    sleep(_ms: number) {
      state.hit('Utilities.sleep');
    },
    getUuid() {
      state.hit('Utilities.getUuid');
      return '00000000-0000-4000-8000-000000000000';
    },
  };
}

/** Logger.log lines go to fake.uiLog.logs. */
export function createLogger(state: FakeState) {
  const logger = {
    log(...args: unknown[]) {
      state.hit('Logger.log');
      state.uiLog.logs.push(args.map(String).join(' '));
      return logger;
    },
  };
  return logger;
}
