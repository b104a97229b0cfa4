/**
 * "Enregistrer une copie" for the demo (SPEC §8): club-alternance-demo.xlsx in the current
 * folder, never over an existing file (the next free name instead: « club-alternance-demo
 * (2).xlsx »…). The copy is written whole to a temporary file first, then given its name by a
 * hard link, which fails rather than replace a file created meanwhile.
 */
import { constants, copyFileSync, existsSync, linkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryWorkbook } from '../adapters/memory';
import { writeXlsx } from '../adapters/xlsx';
import { userMessageOf } from '../core/errors';
import { PREVIEW } from '../i18n/fr/preview';

export const DEMO_COPY_NAME = 'club-alternance-demo.xlsx';
/** Names tried before giving up (a folder with 99 demo copies asks for some tidying). */
const MAX_TRIES = 99;

export function demoCopyName(attempt: number): string {
  return attempt === 1 ? DEMO_COPY_NAME : DEMO_COPY_NAME.replace(/\.xlsx$/, ` (${attempt}).xlsx`);
}

/** Gives `temp` the name `target` unless a file has it already (false then). */
function claim(temp: string, target: string): boolean {
  try {
    linkSync(temp, target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: an exclusive copy (still never over a file).
    try {
      copyFileSync(temp, target, constants.COPYFILE_EXCL);
      return true;
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw copyError;
    }
  }
}

export async function saveDemoCopy(
  workbook: MemoryWorkbook,
  dir: string,
): Promise<{ ok: boolean; message: string; file?: string }> {
  const temp = join(dir, `.${DEMO_COPY_NAME}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeXlsx(workbook, temp);
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
      const name = demoCopyName(attempt);
      if (existsSync(join(dir, name))) continue;
      if (claim(temp, join(dir, name))) return { ok: true, message: PREVIEW.demoSaved(name, dir), file: name };
    }
    return { ok: false, message: PREVIEW.saveFailed(PREVIEW.demoNoFreeName(dir)) };
  } catch (e) {
    return { ok: false, message: PREVIEW.saveFailed(userMessageOf(e) ?? PREVIEW.demoCannotWrite(dir)) };
  } finally {
    try {
      if (existsSync(temp)) unlinkSync(temp);
    } catch {
      // The temporary file stays behind: harmless, hidden, and never the copy itself.
    }
  }
}
