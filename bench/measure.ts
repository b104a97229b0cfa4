/** Small measuring helpers: CPU time of a call, medians, forced GC, byte sizes. */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

// `npm run bench` runs node with --expose-gc; elsewhere (tests) the flag is set here.
const exposed = (globalThis as { gc?: () => void }).gc;
if (!exposed) setFlagsFromString('--expose-gc');
const collect = exposed ?? (runInNewContext('gc') as () => void);

/** Collects garbage left by earlier runs so that it is not billed to the next one. */
export function gc(): void {
  collect();
}

/**
 * CPU time (user + system, all threads of the process, so garbage collection on helper
 * threads counts too) of `fn`, in milliseconds; and its wall-clock time.
 */
export function cpuMs<T>(fn: () => T): { ms: number; wallMs: number; result: T } {
  gc();
  const start = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const wallMs = performance.now() - t0;
  const d = process.cpuUsage(start);
  return { ms: (d.user + d.system) / 1000, wallMs, result };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function fileSizes(path: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** French number formatting: 12 345, 1,5. */
export function fr(n: number, decimals = 0): string {
  return n
    .toLocaleString('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .replace(/\u202f|\u00a0/g, ' ');
}

export function kib(bytes: number): string {
  return `${fr(bytes / 1024, 1)} Kio`;
}
