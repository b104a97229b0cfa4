/** The preview page: src/preview/page/ bundled by esbuild (once per server start), inlined in one HTML file. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PREVIEW } from '../i18n/fr/preview';

/** The project root: the nearest folder above `from` with this project's package.json. */
export function findProjectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'src', 'preview'))) return dir;
    const up = dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
}

export class PageBuildError extends Error {}

export async function buildPageHtml(root: string): Promise<string> {
  const dir = join(root, 'src', 'preview', 'page');
  let js: string;
  try {
    // esbuild is a development dependency: the preview runs from a checkout (npm ci && npm start).
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [join(dir, 'main.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      charset: 'utf8',
      write: false,
      logLevel: 'silent',
    });
    js = out.outputFiles[0].text;
  } catch (e) {
    throw new PageBuildError(PREVIEW.pageBuildFailed(e instanceof Error ? e.message.split('\n')[0] : String(e)));
  }
  const css = readFileSync(join(dir, 'style.css'), 'utf8');
  const template = readFileSync(join(dir, 'index.html'), 'utf8');
  return template
    .replace('<!--TITLE-->', () => escapeHtml(PREVIEW.page.title))
    .replace('/*INLINE_CSS*/', () => css)
    .replace('/*INLINE_JS*/', () => js.replace(/<\/script/gi, '<\\/script'));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
