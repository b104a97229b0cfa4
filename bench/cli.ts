/**
 * The command line on a big export (SPEC §7): `club-alternance verifier` and `anonymiser`
 * on 10 000 participants and 200 000 `Présences` rows, each run by the built CLI
 * (build/cli.js) in a child Node process limited to a 1 GB heap
 * (`--max-old-space-size=1024`). Measures wall-clock time and peak resident memory (the
 * child's own `process.resourceUsage().maxRSS`, printed after the command).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { dayOfUtcMillis, utcMillisOfDay } from '../src/core/days';
import type { Dataset } from './dataset';

/** SPEC §7: verifier at 10 000 / 200 000 within 30 s and 800 MB. */
export const MAX_VERIFY_SECONDS = 30;
export const MAX_VERIFY_RSS_MB = 800;

/** Writes the dataset's tabs to an .xlsx file with exceljs's streaming writer. */
export async function writeDatasetXlsx(ds: Dataset, path: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  for (const [name, rows] of Object.entries(ds.tabs)) {
    const ws = writer.addWorksheet(name);
    for (const line of rows) {
      const row = ws.addRow(
        line.map((v) =>
          v instanceof Date ? new Date(utcMillisOfDay(dayOfUtcMillis(v.getTime() + 12 * 3_600_000))) : (v ?? null),
        ),
      );
      line.forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
      row.commit();
    }
    ws.commit();
  }
  await writer.commit();
}

export interface CliRun {
  command: string;
  exitCode: number | null;
  seconds: number;
  peakRssMb: number | null;
}

/** Runs `build/cli.js` with `args` in a child Node process under a 1 GB heap. */
export function runCli(cliPath: string, command: string, args: string[]): CliRun {
  const script =
    `require(${JSON.stringify(cliPath)}).main(process.argv.slice(1)).then((code) => {` +
    `process.stderr.write('\\nMAXRSS=' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; })`;
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--max-old-space-size=1024', '-e', script, command, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const rss = /MAXRSS=(\d+)/.exec(child.stderr ?? '');
  return { command, exitCode: child.status, seconds, peakRssMb: rss ? Number(rss[1]) / 1024 : null };
}

/** verifier and anonymiser on the dataset written to a temporary .xlsx file. */
export async function measureCli(ds: Dataset, cliPath: string): Promise<CliRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const input = join(dir, 'classeur.xlsx');
    await writeDatasetXlsx(ds, input);
    return [
      runCli(cliPath, 'verifier', [input]),
      runCli(cliPath, 'bilan', [input, '--annee', String(ds.reportYear), '--json']),
      runCli(cliPath, 'anonymiser', [input, '--sortie', join(dir, 'copie.xlsx'), '--avant', '2023-01-01']),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
