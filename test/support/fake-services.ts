/**
 * Services over the counting fake of the Apps Script services, through the real adapter
 * (AppsScriptWorkbook / AppsScriptLock): the one helper of the *-gas tests. The fake is
 * installed for the duration of `run` only; the UI records what it was asked to show.
 */
import { AppsScriptLock, AppsScriptWorkbook } from '../../src/server/workbook';
import { dayFromIso } from '../../src/core/days';
import type { Services } from '../../src/app/ports';
import type { FakeGas } from './fake-gas';

export interface RecordingUi {
  sidebars: string[];
  alerts: string[];
}

export interface FakeServicesOptions {
  /** Today, 'YYYY-MM-DD'. */
  today: string;
  /** The clock (default: 10:00 UTC on `today`). */
  now?: string;
}

export function withFakeServices<T>(
  fake: FakeGas,
  options: FakeServicesOptions,
  run: (services: Services, ui: RecordingUi) => T,
): T {
  const today = dayFromIso(options.today);
  if (today === null) throw new Error(`withFakeServices: bad today ${options.today}`);
  const now = new Date(options.now ?? `${options.today}T10:00:00Z`);
  const restore = fake.install();
  const ui: RecordingUi = { sidebars: [], alerts: [] };
  try {
    const services: Services = {
      workbook: new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
      lock: new AppsScriptLock(),
      ui: {
        showSidebar: (view) => {
          ui.sidebars.push(view);
        },
        alert: (message) => {
          ui.alerts.push(message);
        },
        prompt: () => null,
        confirm: () => true,
      },
      today: () => today,
      now: () => now,
    };
    return run(services, ui);
  } finally {
    restore();
  }
}
