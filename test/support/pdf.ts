/**
 * What a PDF printed by Chromium holds: its number of pages (the `/Type /Page` objects) and,
 * when poppler-utils' `pdftotext` is installed, the text of each page (layout kept). `.ci/run`
 * installs poppler-utils; elsewhere a test that needs the text is skipped with a message.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The number of page objects of a PDF (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Path of pdftotext, or null. */
export function pdftotextPath(): string | null {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null
    );
  } catch {
    return null;
  }
}

/** The text of each page (pdftotext -layout), or null without pdftotext. */
export function pdfPageTexts(pdf: Buffer): string[] | null {
  const tool = pdftotextPath();
  if (tool === null) return null;
  const dir = mkdtempSync(join(tmpdir(), 'club-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync(tool, ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return text.split('\f').slice(0, pdfPageCount(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
