/**
 * The command as a user installs it: `bin/club-alternance.js` next to its own `build/cli.js`,
 * built here as scripts/build-node.mjs does, in `<dir>/installation` (isolated from the other
 * entries of build/, which other work may be changing). Returns the path of the bin script.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** Environment in which the installed command finds the project's dependencies. */
export const CLI_ENV = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };

export async function installCli(dir: string): Promise<string> {
  const home = join(dir, 'installation');
  mkdirSync(join(home, 'bin'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'club-alternance.js'), join(home, 'bin', 'club-alternance.js'));
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: join(home, 'build', 'cli.js'),
    logLevel: 'silent',
  });
  return join(home, 'bin', 'club-alternance.js');
}
