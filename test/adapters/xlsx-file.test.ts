/**
 * readXlsx says what is wrong with a file (SPEC §7): not an .xlsx, encrypted, old .xls, too
 * big, a zip bomb, damaged, unreadable; and reads big files (streaming) as small ones.
 */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx, XLSX_LIMITS, XlsxReadError } from '../../src/adapters/xlsx';

const EXAMPLE = join(__dirname, '..', 'fixtures', 'exemples', 'classeur-exemple.xlsx');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-xlsx-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** An OLE (Compound File) header, with `stream` named somewhere in its directory. */
function oleFile(stream: string): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([header, Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(1024)]);
}

/** The example with the declared size of its biggest entry set to `size` in the central directory. */
function withDeclaredSize(size: number): Buffer {
  const bytes = Buffer.from(readFileSync(EXAMPLE));
  for (let i = bytes.length - 46; i >= 0; i--) {
    if (bytes.readUInt32LE(i) === 0x02014b50) {
      const nameLength = bytes.readUInt16LE(i + 28);
      if (bytes.toString('utf8', i + 46, i + 46 + nameLength) === 'xl/worksheets/sheet3.xml') {
        bytes.writeUInt32LE(size, i + 24);
        return bytes;
      }
    }
  }
  throw new Error('central directory entry not found');
}

async function refusal(path: string, limits = XLSX_LIMITS): Promise<string> {
  try {
    await readXlsx(path, 'Europe/Paris', limits);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    expect((e as XlsxReadError).code).toBe('WORKBOOK_UNUSABLE');
    return (e as Error).message;
  }
  throw new Error('readXlsx should have refused the file');
}

describe('readXlsx says what is wrong with the file', () => {
  it('an encrypted workbook (OLE file with an EncryptionInfo stream)', async () => {
    expect(await refusal(file('chiffre.xlsx', oleFile('EncryptionInfo')))).toMatch(/protégé par un mot de passe/);
  });

  it('an Excel 97-2003 file', async () => {
    expect(await refusal(file('ancien.xls', oleFile('Workbook')))).toMatch(/Excel 97-2003 \(\.xls\)/);
  });

  it('an empty file', async () => {
    expect(await refusal(file('vide.xlsx', ''))).toMatch(/est vide/);
  });

  it('a zip that is not a workbook', async () => {
    const zip = new ExcelJS.Workbook();
    const path = join(dir, 'archive.xlsx');
    await zip.xlsx.writeFile(path);
    const bytes = readFileSync(path);
    // Rename xl/workbook.xml everywhere: a zip, but without a workbook.
    const renamed = Buffer.from(bytes.toString('latin1').split('xl/workbook.xml').join('xl/workbook.xmm'), 'latin1');
    expect(await refusal(file('archive-sans-classeur.xlsx', renamed))).toMatch(/ce n'est pas un classeur \.xlsx valide/);
  });

  it('a truncated workbook', async () => {
    const bytes = readFileSync(EXAMPLE);
    expect(await refusal(file('tronque.xlsx', bytes.subarray(0, bytes.length >> 1)))).toMatch(/endommagé/);
  });

  it('a zip bomb (an entry declared thousands of times bigger than it is packed)', async () => {
    expect(await refusal(file('bombe.xlsx', withDeclaredSize(0xfffffff0)))).toMatch(/démesuré/);
  });

  it('a file over the size limit', async () => {
    expect(await refusal(EXAMPLE, { ...XLSX_LIMITS, fileBytes: 10_000 })).toMatch(/trop gros.*Mo/);
  });

  it('more filled cells than the limit, read whole or streamed', async () => {
    for (const wholeReadBytes of [XLSX_LIMITS.wholeReadBytes, 0])
      expect(await refusal(EXAMPLE, { ...XLSX_LIMITS, cells: 1000, wholeReadBytes })).toMatch(/plus de 1\s000 cellules/);
  });

  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  (root ? it.skip : it)('a file the user may not read', async () => {
    const path = join(dir, 'interdit.xlsx');
    copyFileSync(EXAMPLE, path);
    chmodSync(path, 0o000);
    expect(await refusal(path)).toMatch(/pas le droit de lire/);
  });
});

describe('a big file (streaming reader)', () => {
  it('gives the same tabs, in the same order, and the same values as a small one', async () => {
    const whole = await readXlsx(EXAMPLE);
    const streamed = await readXlsx(EXAMPLE, 'Europe/Paris', { ...XLSX_LIMITS, wholeReadBytes: 0 });
    expect(streamed.sheetNames()).toEqual(whole.sheetNames());
    for (const name of whole.sheetNames()) expect(streamed.readValues(name)).toEqual(whole.readValues(name));
  });
});
