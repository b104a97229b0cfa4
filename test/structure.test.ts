/**
 * Sizes a reader can carry (issue: structure a newcomer can carry on): no function over 100
 * lines and no file over 500 lines in src/, data tables aside (src/core/data/). Measured on
 * the TypeScript syntax tree, so a long function cannot hide behind formatting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const SRC = join(__dirname, '..', 'src');
const DATA = join(SRC, 'core', 'data');
const MAX_FUNCTION_LINES = 100;
const MAX_FILE_LINES = 500;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === DATA ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

function longFunctions(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.end).line;
      if (last - first + 1 > MAX_FUNCTION_LINES) found.push(`${relative(SRC, file)}:${first + 1} (${last - first + 1} lignes)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const files = sourceFiles(SRC);

describe('the size of the sources', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap(longFunctions)).toEqual([]);
  });

  it(`has no file over ${MAX_FILE_LINES} lines (data tables aside)`, () => {
    const long = files
      .map((f) => ({ file: relative(SRC, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });
});
