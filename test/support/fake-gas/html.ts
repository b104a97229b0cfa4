/** HtmlService: HTML outputs from strings or from `<name>.html` files (options.htmlFiles, then htmlDir). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeEnum } from './enums';
import type { FakeState } from './state';

export class FakeHtmlOutput {
  title = '';
  width?: number;
  height?: number;
  constructor(
    private readonly state: FakeState,
    public content: string,
  ) {}
  private hit(method: string): void {
    this.state.hit(`HtmlOutput.${method}`);
  }
  setTitle(title: string) {
    this.hit('setTitle');
    this.title = String(title);
    return this;
  }
  getTitle() {
    this.hit('getTitle');
    return this.title;
  }
  getContent() {
    this.hit('getContent');
    return this.content;
  }
  setContent(content: string) {
    this.hit('setContent');
    this.content = String(content);
    return this;
  }
  append(content: string) {
    this.hit('append');
    this.content += String(content);
    return this;
  }
  setWidth(width: number) {
    this.hit('setWidth');
    this.width = width;
    return this;
  }
  setHeight(height: number) {
    this.hit('setHeight');
    this.height = height;
    return this;
  }
  setSandboxMode(_mode: unknown) {
    this.hit('setSandboxMode');
    return this;
  }
  setXFrameOptionsMode(_mode: unknown) {
    this.hit('setXFrameOptionsMode');
    return this;
  }
  addMetaTag(_name: string, _content: string) {
    this.hit('addMetaTag');
    return this;
  }
}

function htmlFile(state: FakeState, name: string): string {
  const base = String(name).replace(/\.html$/, '');
  const files = state.options.htmlFiles;
  if (files && base in files) return files[base];
  const path = join(state.htmlDir, `${base}.html`);
  if (!existsSync(path)) state.fail(`No HTML file named ${base} was found.`);
  return readFileSync(path, 'utf8');
}

export function createHtmlService(state: FakeState) {
  const hit = (method: string) => state.hit(`HtmlService.${method}`);
  return {
    SandboxMode: makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const),
    XFrameOptionsMode: makeEnum(['ALLOWALL', 'DEFAULT'] as const),
    createHtmlOutputFromFile(name: string) {
      hit('createHtmlOutputFromFile');
      return new FakeHtmlOutput(state, htmlFile(state, name));
    },
    createHtmlOutput(html?: unknown) {
      hit('createHtmlOutput');
      return new FakeHtmlOutput(state, html === undefined ? '' : html instanceof FakeHtmlOutput ? html.content : String(html));
    },
    createTemplateFromFile(name: string) {
      hit('createTemplateFromFile');
      const text = htmlFile(state, name);
      return {
        evaluate: () => {
          state.hit('HtmlTemplate.evaluate');
          return new FakeHtmlOutput(state, text);
        },
        getRawContent: () => text,
      };
    },
  };
}
