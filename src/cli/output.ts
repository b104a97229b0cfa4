/**
 * Writing a command's output file (SPEC §7), for every command that has one (`bilan --sortie`,
 * `anonymiser --sortie`, and the others): a name that is not blank and ends with the
 * command's extension (.html, .xlsx), in a folder that exists; never the input file, even
 * through a hard or a symbolic link (same device and inode); an existing file only with
 * `--remplacer`; written whole or not at all (a temporary file in the same folder, then renamed: a write cut short —
 * disk full, quota — leaves no half file under the output's name).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, lstatSync, realpathSync, Stats, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UserError } from '../core/errors';
import { FILES } from '../i18n/fr/files';

/** Why an output cannot be written. */
export type OutputProblem =
  | 'blank'
  | 'isInput'
  | 'isDirectory'
  | 'extension'
  | 'noFolder'
  | 'notAFolder'
  | 'exists'
  | 'cannotWrite';

/** The French line of each problem: `detail` is the extension expected or the folder. */
const MESSAGES: Record<OutputProblem, (path: string, detail: string) => string> = {
  blank: () => FILES.outputBlank,
  isInput: (path) => FILES.outputIsInput(path),
  isDirectory: (path) => FILES.outputIsDirectory(path),
  extension: (path, extension) => FILES.outputExtension(path, extension),
  noFolder: (path, folder) => FILES.outputNoFolder(path, folder),
  notAFolder: (path, folder) => FILES.outputNotAFolder(path, folder),
  exists: (path) => FILES.outputExists(path),
  cannotWrite: (path) => FILES.cannotWrite(path),
};

/** An output refused or not written: a French message naming the file (nothing was written). */
export class OutputError extends UserError {
  constructor(
    readonly problem: OutputProblem,
    readonly path: string,
    detail = '',
  ) {
    super(MESSAGES[problem](path, detail), 'INVALID_INPUT');
    this.name = 'UserError';
  }
}

/** The French line of any failure of checkOutputPath or writeOutputWith, the same for every command. */
export function outputErrorLine(e: unknown, path: string): string {
  return e instanceof OutputError ? e.message : FILES.cannotWrite(path);
}

export interface OutputOptions {
  /** `--remplacer`: an existing output may be replaced (never the input). */
  replace: boolean;
  /** The file the command reads, which the output must never be. */
  inputPath?: string | null;
  /** What the output's name must end with (any case): '.html', '.xlsx'. */
  extension: string;
}

const statOrNull = (path: string, follow: boolean): Stats | null => {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    // Nothing at this path (or unreachable): the caller treats it as absent.
    return null;
  }
};

const realOrResolved = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    // The file does not exist (yet): its resolved path is the one it will have.
    return resolve(path);
  }
};

/** True when `output` is the file `input` (same path once links are resolved, or same inode). */
export function isSameFile(output: string, input: string): boolean {
  if (realOrResolved(output) === realOrResolved(input)) return true;
  const a = statOrNull(output, true);
  const b = statOrNull(input, true);
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

/** The problem of the folder the output goes in: missing, or not a folder (null when neither is known). */
function folderProblem(folder: string): 'noFolder' | 'notAFolder' | null {
  try {
    return statSync(folder).isDirectory() ? null : 'notAFolder';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Anything else (a folder the user may not enter): the write fails and says so.
    return code === 'ENOENT' ? 'noFolder' : code === 'ENOTDIR' ? 'notAFolder' : null;
  }
}

/**
 * Throws an OutputError when `path` cannot be the output: a blank name, the input itself, a
 * folder, a name without the command's extension, in a folder that does not exist, or an
 * existing file without `replace`. Commands call it before their work, then again (through
 * writeOutputFile) just before writing.
 */
export function checkOutputPath(path: string, options: OutputOptions): void {
  if (path.trim() === '') throw new OutputError('blank', path);
  if (options.inputPath && isSameFile(path, options.inputPath)) throw new OutputError('isInput', path);
  const target = statOrNull(path, true);
  if (target?.isDirectory()) throw new OutputError('isDirectory', path);
  if (extname(path).toLowerCase() !== options.extension) throw new OutputError('extension', path, options.extension);
  const folder = folderProblem(dirname(path));
  if (folder !== null) throw new OutputError(folder, path, dirname(path));
  // lstat: a dangling symbolic link exists too.
  if (!options.replace && statOrNull(path, false) !== null) throw new OutputError('exists', path);
}

/** Puts the finished temporary file in place; without `replace`, never over a file. */
async function moveIntoPlace(temp: string, path: string, replace: boolean): Promise<void> {
  if (replace) return fs.rename(temp, path);
  try {
    // A hard link fails if the name was taken meanwhile (atomic), then the temp name goes.
    await fs.link(temp, path);
    await fs.unlink(temp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputError('exists', path);
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (statOrNull(path, false) !== null) throw new OutputError('exists', path);
    await fs.rename(temp, path);
  }
}

/**
 * Writes an output through `write(tempPath)` (which creates that file), then renames it to
 * `path`. Checks the path first (checkOutputPath). Any failure: the temporary file is
 * removed, nothing is left at `path`, and an OutputError is thrown.
 */
export async function writeOutputWith(
  path: string,
  options: OutputOptions,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  checkOutputPath(path, options);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temp);
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    checkOutputPath(path, options);
    await moveIntoPlace(temp, path, options.replace);
  } catch (e) {
    // Cleanup only: the failure reported is the first one (a temporary file left is hidden and harmless).
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e instanceof OutputError ? e : new OutputError('cannotWrite', path);
  }
}

/** writeOutputWith for bytes or text (UTF-8) already in memory. */
export function writeOutputFile(path: string, content: string | Uint8Array, options: OutputOptions): Promise<void> {
  return writeOutputWith(path, options, (temp) => fs.writeFile(temp, content, { flag: 'wx' }));
}
