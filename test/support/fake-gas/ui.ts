/** Ui (SpreadsheetApp.getUi()): menus, sidebars, dialogs, alerts and prompts, all logged in state.uiLog. */
import { Button, ButtonSet, enumName } from './enums';
import { FakeHtmlOutput } from './html';
import type { FakeState } from './state';
import type { ButtonName, ButtonSetName, MenuLog } from './types';

export class FakeMenu {
  readonly log: MenuLog;
  constructor(
    private readonly state: FakeState,
    title: string | null,
    addon: boolean,
  ) {
    this.log = { title, addon, items: [] };
  }
  addItem(label: string, handler: string) {
    this.state.hit('Menu.addItem');
    if (typeof label !== 'string' || typeof handler !== 'string' || !label || !handler)
      this.state.fail('Invalid argument: addItem(caption, functionName)');
    this.log.items.push({ label, handler });
    return this;
  }
  addSeparator() {
    this.state.hit('Menu.addSeparator');
    this.log.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu) {
    this.state.hit('Menu.addSubMenu');
    this.log.items.push({ subMenu: menu.log });
    return this;
  }
  addToUi() {
    this.state.hit('Menu.addToUi');
    this.state.uiLog.menus.push(this.log);
  }
}

const BUTTON_SETS = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const;

function buttonSetName(state: FakeState, value: unknown): ButtonSetName | null {
  if (value === undefined || value === null) return null;
  const name = enumName(value);
  return BUTTON_SETS.find((candidate) => candidate === name) ?? state.fail(`Invalid ButtonSet ${name}`);
}

/** Ui.alert / Ui.prompt arguments: (message), (message, buttons) or (title, message, buttons). */
function dialogArgs(
  state: FakeState,
  first: unknown,
  second?: unknown,
  third?: unknown,
): { title: string | null; message: string; buttons: ButtonSetName | null } {
  if (third !== undefined) return { title: String(first), message: String(second), buttons: buttonSetName(state, third) };
  if (second !== undefined) return { title: null, message: String(first), buttons: buttonSetName(state, second) };
  return { title: null, message: String(first), buttons: null };
}

function htmlOf(state: FakeState, output: unknown): { title: string; html: string; width?: number; height?: number } {
  if (!(output instanceof FakeHtmlOutput)) state.fail('Invalid argument: userInterface');
  return { title: output.title, html: output.content, width: output.width, height: output.height };
}

export function createUi(state: FakeState) {
  const { uiLog, answers } = state;
  const hit = (method: string) => state.hit(`Ui.${method}`);
  return {
    Button,
    ButtonSet,
    createMenu(title: string) {
      hit('createMenu');
      return new FakeMenu(state, String(title), false);
    },
    createAddonMenu() {
      hit('createAddonMenu');
      return new FakeMenu(state, null, true);
    },
    showSidebar(output: unknown) {
      hit('showSidebar');
      state.needsAuth('Ui.showSidebar');
      const { title, html, width } = htmlOf(state, output);
      uiLog.sidebars.push({ title, html, width });
    },
    showModalDialog(output: unknown, title: string) {
      hit('showModalDialog');
      uiLog.dialogs.push({ title: String(title), html: htmlOf(state, output).html, modal: true });
    },
    showModelessDialog(output: unknown, title: string) {
      hit('showModelessDialog');
      uiLog.dialogs.push({ title: String(title), html: htmlOf(state, output).html, modal: false });
    },
    /** The queued answer, else YES for YES_NO(_CANCEL) and OK otherwise; alert(message) is always OK. */
    alert(first: unknown, second?: unknown, third?: unknown) {
      hit('alert');
      const { title, message, buttons } = dialogArgs(state, first, second, third);
      const queued = buttons ? answers.alerts.shift() : undefined;
      const answer: ButtonName = queued ?? (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK');
      uiLog.alerts.push({ title, message, buttons, answer });
      return Button[answer];
    },
    /** The queued answer, else CANCEL with ''. */
    prompt(first: unknown, second?: unknown, third?: unknown) {
      hit('prompt');
      const { title, message, buttons } = dialogArgs(state, first, second, third);
      const answer = answers.prompts.shift() ?? { button: 'CANCEL' as ButtonName, text: '' };
      uiLog.prompts.push({ title, message, buttons, answer });
      return {
        getResponseText() {
          state.hit('PromptResponse.getResponseText');
          return answer.text;
        },
        getSelectedButton() {
          state.hit('PromptResponse.getSelectedButton');
          return Button[answer.button];
        },
      };
    },
  };
}
