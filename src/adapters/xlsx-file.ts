/**
 * What is wrong with a file given as an .xlsx workbook, found before reading it: missing, a
 * folder, not a regular file (a FIFO, a device), not readable, not a zip (an OLE file:
 * encrypted or old .xls), too big, or a zip whose declared contents are out of proportion (a
 * zip bomb). Reads the first bytes and the zip's central directory only.
 */
import { closeSync, constants, fstatSync, openSync, readSync, Stats, statSync } from 'node:fs';
import { UserError } from '../core/errors';
import { FILES } from '../i18n/fr/files';

/** An .xlsx file that cannot be read: a French message for the user (a UserError). */
export class XlsxReadError extends UserError {
  constructor(message: string) {
    super(message, 'WORKBOOK_UNUSABLE');
  }
}

/** Limits of what the CLI reads (SPEC §7: a file too big gets a refusal, never a crash). */
export const XLSX_LIMITS = {
  /** Size of the .xlsx file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Sum of the declared sizes of the zip's entries, once decompressed. */
  unpackedBytes: 1024 * 1024 * 1024,
  /** Decompressed / compressed size of one entry above which it is a zip bomb. */
  entryRatio: 1000,
  /** Non-blank cells of the whole workbook. */
  cells: 4_000_000,
  /**
   * Files up to this size are read whole (values, notes, frozen rows; no temporary file);
   * bigger ones with the streaming reader (values only).
   */
  wholeReadBytes: 1024 * 1024,
};

export type XlsxLimits = typeof XLSX_LIMITS;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: a stream of an encrypted Office file. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))}\u00a0Mo`;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const n = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, n);
}

interface ZipEntry {
  name: string;
  compressed: number;
  unpacked: number;
}

/** The zip's central directory, or null when it cannot be found (a damaged file). */
function centralDirectory(fd: number, size: number): ZipEntry[] | null {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const dirSize = tail.readUInt32LE(end + 12);
  const dirOffset = tail.readUInt32LE(end + 16);
  if (dirOffset + dirSize > size) return null;
  const dir = readAt(fd, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== ZIP_CENTRAL) return null;
    const nameLength = dir.readUInt16LE(p + 28);
    const skip = nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    entries.push({
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      compressed: dir.readUInt32LE(p + 20),
      // 0xFFFFFFFF: a ZIP64 size, over 4 GB once decompressed.
      unpacked: dir.readUInt32LE(p + 24),
    });
    p += 46 + skip;
  }
  return entries;
}

function oleMessage(fd: number, size: number, path: string): string {
  // An encrypted .xlsx is an OLE container holding an "EncryptionInfo" stream; an old .xls too
  // is an OLE file, without it. The directory sits anywhere: look through the first megabytes.
  const head = readAt(fd, 0, Math.min(size, 8 * 1024 * 1024));
  return head.includes(ENCRYPTION_INFO) ? FILES.encrypted(path) : FILES.oldXls(path);
}

/** The zip's problem, or null when it looks like a workbook worth reading. */
function zipProblem(entries: ZipEntry[] | null, path: string, limits: XlsxLimits): string | null {
  if (entries === null) return FILES.damaged(path);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return FILES.notXlsx(path);
  let unpacked = 0;
  for (const e of entries) {
    if (e.unpacked === 0xffffffff) return FILES.zipBomb(path);
    if (e.unpacked > 10 * 1024 * 1024 && e.unpacked > limits.entryRatio * Math.max(1, e.compressed)) return FILES.zipBomb(path);
    unpacked += e.unpacked;
  }
  return unpacked > limits.unpackedBytes ? FILES.tooBig(path, megabytes(limits.unpackedBytes)) : null;
}

/**
 * Throws an XlsxReadError when `path` is not a regular file this user may read: missing, in a
 * folder they cannot enter, a folder, or anything else than a file (a FIFO, a device, a
 * socket: opening one could wait forever). Returns its size. Nothing is opened. Every command
 * checks its input with it first (src/cli/input.ts), then reads it with readXlsx.
 */
export function statInputFile(path: string): number {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxReadError(code === 'EACCES' || code === 'EPERM' ? FILES.notReadable(path) : FILES.notFound(path));
  }
  if (stat.isDirectory()) throw new XlsxReadError(FILES.isDirectory(path));
  if (!stat.isFile()) throw new XlsxReadError(FILES.notRegularFile(path));
  return stat.size;
}

/** Opens a regular file for reading without ever waiting (a FIFO put there meanwhile is refused). */
function openRegularFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxReadError(code === 'ENOENT' ? FILES.notFound(path) : FILES.notReadable(path));
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new XlsxReadError(FILES.notRegularFile(path));
  }
  return fd;
}

/**
 * Throws an XlsxReadError saying what is wrong with `path` as an .xlsx workbook; returns its
 * size in bytes when nothing is.
 */
export function inspectXlsxFile(path: string, limits: XlsxLimits = XLSX_LIMITS): number {
  const size = statInputFile(path);
  const fd = openRegularFile(path);
  try {
    if (size === 0) throw new XlsxReadError(FILES.empty(path));
    const magic = readAt(fd, 0, 8);
    if (magic.length === 8 && OLE_MAGIC.every((b, i) => magic[i] === b)) throw new XlsxReadError(oleMessage(fd, size, path));
    if (magic.length < 4 || magic.readUInt32LE(0) !== ZIP_LOCAL) throw new XlsxReadError(FILES.notXlsx(path));
    if (size > limits.fileBytes) throw new XlsxReadError(FILES.tooBig(path, megabytes(limits.fileBytes)));
    const problem = zipProblem(centralDirectory(fd, size), path, limits);
    if (problem !== null) throw new XlsxReadError(problem);
    return size;
  } finally {
    closeSync(fd);
  }
}
