/**
 * The layers rule and the error model, read from the sources: src/core imports no outer layer,
 * src/i18n imports nothing of the project, and no error is recognised by its text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const SRC = resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The layer (first folder under src/) of each relative import of a file. */
function importedLayers(file: string): { specifier: string; layer: string }[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((specifier) => {
      const target = relative(SRC, resolve(dirname(file), specifier));
      return { specifier, layer: target.split(/[\\/]/)[0] };
    });
}

function layerOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0];
}

const files = sourceFiles(SRC);

describe('the layers', () => {
  it('finds the sources', () => {
    expect(files.filter((f) => layerOf(f) === 'core').length).toBeGreaterThan(10);
  });

  it('src/core imports nothing from app, adapters, server, sidebar, cli or preview', () => {
    const outer = new Set(['app', 'adapters', 'server', 'sidebar', 'cli', 'preview']);
    const offending = files
      .filter((f) => layerOf(f) === 'core')
      .flatMap((f) =>
        importedLayers(f)
          .filter((i) => outer.has(i.layer))
          .map((i) => `${relative(SRC, f)} → ${i.specifier}`),
      );
    expect(offending).toEqual([]);
  });

  it('src/app (the use cases) imports no platform: not server (Apps Script), sidebar, cli nor preview', () => {
    const platforms = new Set(['server', 'sidebar', 'cli', 'preview']);
    const offending = files
      .filter((f) => layerOf(f) === 'app')
      .flatMap((f) =>
        importedLayers(f)
          .filter((i) => platforms.has(i.layer))
          .map((i) => `${relative(SRC, f)} → ${i.specifier}`),
      );
    expect(offending).toEqual([]);
  });

  it('the CLI and the preview use the application layer and the Node adapters, never the Apps Script platform', () => {
    const offending = files
      .filter((f) => layerOf(f) === 'cli' || layerOf(f) === 'preview')
      .flatMap((f) =>
        importedLayers(f)
          .filter((i) => i.layer === 'server' || i.layer === 'sidebar')
          .map((i) => `${relative(SRC, f)} → ${i.specifier}`),
      );
    expect(offending).toEqual([]);
  });

  it('src/i18n imports nothing from another layer', () => {
    const offending = files
      .filter((f) => layerOf(f) === 'i18n')
      .flatMap((f) =>
        importedLayers(f)
          .filter((i) => i.layer !== 'i18n')
          .map((i) => `${relative(SRC, f)} → ${i.specifier}`),
      );
    expect(offending).toEqual([]);
  });
});

describe('the error model', () => {
  it('no source recognises an error by its message', () => {
    // `typeof x.message === 'string'` checks a shape, not a text.
    const patterns = [
      /(?<!typeof [^;]*)\.message\s*===/,
      /===\s*\w+(\.\w+)*\.message\b/,
      /\.message\.(replace|includes|startsWith|endsWith|match)\(/,
      /\.message\s*!==/,
    ];
    const offending = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, k) => ({ line, k }))
        .filter(({ line }) => patterns.some((p) => p.test(line)))
        .map(({ k }) => `${relative(SRC, f)}:${k + 1}`),
    );
    expect(offending).toEqual([]);
  });

  it('no server function throws a plain Error for the user (UserError carries the French message)', () => {
    const offending = files
      .filter((f) => layerOf(f) === 'server')
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, k) => ({ line, k }))
          .filter(({ line }) => /throw new Error\(/.test(line))
          .map(({ k }) => `${relative(SRC, f)}:${k + 1}`),
      );
    expect(offending).toEqual([]);
  });
});
