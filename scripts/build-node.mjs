// Builds the Node programs (CLI, local preview, benchmarks) into build/ (not pushed by clasp).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = {
  cli: 'src/cli/main.ts',
  preview: 'src/preview/server.ts',
  bench: 'bench/bench.ts',
  'bench-lean': 'bench/lean-main.ts',
};
for (const [name, entry] of Object.entries(entries)) {
  if (!existsSync(join(root, entry))) continue;
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    outfile: join(root, 'build', `${name}.js`),
    logLevel: 'warning',
  });
}
