/**
 * Malformed command lines and files found by an audit (SPEC §7): each gets exit 2, one French
 * line on stderr, and nothing written. Run through the installed command (bin/ next to a fresh
 * build/cli.js) in a folder of its own, so that a file written by mistake (a file named
 * `--json`) would show, and a command that hangs (a FIFO) fails by its time limit.
 */
import { installCli } from '../support/cli-install';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'test', 'fixtures', 'exemples', 'classeur-exemple.xlsx');
let dir: string;
let work: string;
let bin: string;
let example: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'club-refus-'));
  // Readable by everyone: the permission tests run the command as another user.
  chmodSync(dir, 0o755);
  bin = await installCli(dir);
  work = join(dir, 'travail');
  mkdirSync(work);
  chmodSync(work, 0o777);
  example = join(work, 'classeur.xlsx');
  copyFileSync(EXAMPLE, example);
  chmodSync(example, 0o644);
});
afterAll(() => {
  if (existsSync(join(dir, 'travail', 'ferme'))) chmodSync(join(dir, 'travail', 'ferme'), 0o700);
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The installed command in `work`, stopped after 20 s (a command that hangs gets status null). */
function cli(args: string[], prefix: string[] = []): Run {
  const [command, ...rest] = [...prefix, process.execPath, bin, ...args];
  const r = spawnSync(command, rest, {
    cwd: work,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, one line on stderr matching `message`; the folder unchanged. */
function expectRefused(run: () => Run, message: RegExp): void {
  const before = readdirSync(work).sort();
  const r = run();
  expect([r.status, r.stdout]).toEqual([2, '']);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(readdirSync(work).sort()).toEqual(before);
}

describe('an option followed by another option has no value', () => {
  it.each([
    ['bilan --sortie --json', ['bilan', 'classeur.xlsx', '--annee', '2018', '--sortie', '--json'], /--sortie/],
    ['bilan --annee --json', ['bilan', 'classeur.xlsx', '--annee', '--json'], /--annee/],
    [
      'emargement --sortie --remplacer',
      ['emargement', 'classeur.xlsx', '--date', '2018-10-09', '--sortie', '--remplacer'],
      /--sortie/,
    ],
    ['attestation --id --sortie', ['attestation', 'classeur.xlsx', '--id', '--sortie', 'a.html'], /--id/],
    ['anonymiser --sortie --remplacer', ['anonymiser', 'classeur.xlsx', '--sortie', '--remplacer'], /--sortie/],
  ])('%s: refused, no file named after the option', (_what, args, message) => {
    expectRefused(() => cli(args), message);
  });
});

/** Each command, reading `input`. */
const COMMANDS: [string, (input: string) => string[]][] = [
  ['verifier', (input) => ['verifier', input]],
  ['bilan', (input) => ['bilan', input, '--annee', '2018']],
  ['anonymiser', (input) => ['anonymiser', input, '--sortie', 'copie.xlsx', '--avant', '2018-06-01']],
  ['emargement', (input) => ['emargement', input, '--date', '2018-10-09', '--sortie', 'feuille.html']],
  ['attestation', (input) => ['attestation', input, '--id', 'P2018-001', '--sortie', 'attestation.html']],
];

describe('an input that is not a regular file is refused at once, never waited on', () => {
  beforeAll(() => {
    const made = spawnSync('mkfifo', [join(work, 'tube.xlsx')]);
    if (made.status !== 0) throw new Error('mkfifo is needed for these tests');
  });

  it.each(COMMANDS)('%s: a FIFO', (_command, args) => {
    expectRefused(() => cli(args('tube.xlsx')), /^tube\.xlsx n'est pas un fichier ordinaire/);
  });

  it.each(COMMANDS)('%s: a device', (_command, args) => {
    expectRefused(() => cli(args('/dev/null')), /^\/dev\/null n'est pas un fichier ordinaire/);
  });
});

const asRoot = process.getuid?.() === 0;
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
/** As root, the command runs as nobody (root may enter any folder); the test is skipped without setpriv. */
const otherUser = asRoot ? (setpriv ? [setpriv, '--reuid=65534', '--regid=65534', '--clear-groups'] : null) : [];

(otherUser === null || process.platform === 'win32' ? describe.skip : describe)(
  'a file in a folder the user cannot enter',
  () => {
    beforeAll(() => {
      const locked = join(work, 'ferme');
      mkdirSync(locked);
      copyFileSync(EXAMPLE, join(locked, 'classeur.xlsx'));
      chmodSync(locked, 0o700);
      if (!asRoot) chmodSync(locked, 0o000);
    });

    it.each(COMMANDS)('%s: not readable, not "introuvable"', (_command, args) => {
      expectRefused(
        () => cli(args(join('ferme', 'classeur.xlsx')), otherUser ?? []),
        /^Impossible de lire ferme\/classeur\.xlsx\u00a0: vous n'avez pas le droit de lire/,
      );
    });
  },
);

describe('a small file whose content is too big once decompressed', () => {
  it('is refused as such, without quoting the size of the file', async () => {
    // exceljs fails with a RangeError ("Invalid string length") on an XML longer than the engine
    // allows, which a few megabytes of zip can hold: simulated here (a real one takes minutes).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const reader = require('exceljs/lib/xlsx/xlsx') as { prototype: { readFile(path: string): Promise<unknown> } };
    const spy = jest.spyOn(reader.prototype, 'readFile').mockRejectedValue(new RangeError('Invalid string length'));
    try {
      const stderr: string[] = [];
      const code = await main(['verifier', example], { out: () => undefined, err: (t) => void stderr.push(t) });
      expect([code, stderr.length]).toEqual([2, 1]);
      expect(stderr[0]).toMatch(/classeur\.xlsx est trop gros pour être lu une fois décompressé/);
      expect(stderr[0]).not.toMatch(/Mo\b/);
    } finally {
      spy.mockRestore();
    }
  });
});

/** Each command that writes a file, writing `output`. */
const WRITERS: [string, string, (output: string) => string[]][] = [
  ['bilan', '.html', (output) => ['bilan', 'classeur.xlsx', '--annee', '2018', '--sortie', output]],
  ['anonymiser', '.xlsx', (output) => ['anonymiser', 'classeur.xlsx', '--sortie', output, '--avant', '2018-06-01']],
  ['demo', '.xlsx', (output) => ['demo', output]],
  ['emargement', '.html', (output) => ['emargement', 'classeur.xlsx', '--date', '2018-10-09', '--sortie', output]],
  ['attestation', '.html', (output) => ['attestation', 'classeur.xlsx', '--id', 'P2018-001', '--sortie', output]],
];

describe('outputs: the same French line from every command', () => {
  it.each(WRITERS)('%s: a folder that does not exist is named', (_command, ext, args) => {
    expectRefused(
      () => cli(args(join('absent', `sortie${ext}`))),
      /^Impossible d'écrire absent\/sortie\.\w+\u00a0: le dossier absent n'existe pas/,
    );
  });

  it.each(WRITERS)('%s: a "folder" that is a file', (_command, ext, args) => {
    expectRefused(
      () => cli(args(join('classeur.xlsx', `sortie${ext}`))),
      /^Impossible d'écrire classeur\.xlsx\/sortie\.\w+\u00a0: classeur\.xlsx n'est pas un dossier/,
    );
  });

  it.each(WRITERS)('%s: a blank name writes nothing', (_command, _ext, args) => {
    expectRefused(() => cli(args(' ')), /^Indiquez le fichier/);
  });

  it.each(WRITERS)('%s: a name with the other extension is refused', (_command, ext, args) => {
    const other = ext === '.html' ? '.xlsx' : '.html';
    const pattern = new RegExp(`^sortie\\${other} ne se termine pas par \\${ext}\u00a0: `);
    expectRefused(() => cli(args(`sortie${other}`)), pattern);
  });

  it.each(WRITERS)('%s: a name without extension is refused', (_command, ext, args) => {
    expectRefused(() => cli(args('sortie')), new RegExp(`^sortie ne se termine pas par \\${ext}\u00a0: `));
  });

  it('the name is trimmed: " bilan.html " writes bilan.html', () => {
    const r = cli(['bilan', 'classeur.xlsx', '--annee', '2018', '--sortie', ' bilan-espaces.html ']);
    expect(r.status).toBe(0);
    expect(readdirSync(work)).toContain('bilan-espaces.html');
  });
});

describe('small things', () => {
  it('bilan --help prints its usage, with --remplacer, exit 0 as the other commands', () => {
    const r = cli(['bilan', '--help']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Usage\u00a0: club-alternance bilan .*\[--remplacer\]\n$/);
  });

  it('bilan: an unknown option shows the whole usage, --remplacer included', () => {
    expectRefused(() => cli(['bilan', 'classeur.xlsx', '--pdf']), /Option inconnue.*\[--sortie bilan\.html\] \[--remplacer\]\n$/);
  });

  it('anonymiser --avant without a value: the value is missing (not «  » is no date)', () => {
    expectRefused(
      () => cli(['anonymiser', 'classeur.xlsx', '--sortie', 'copie.xlsx', '--avant']),
      /^Indiquez la date après --avant/,
    );
  });

  it('anonymiser --avant 2019-02-30: that day does not exist', () => {
    expectRefused(
      () => cli(['anonymiser', 'classeur.xlsx', '--sortie', 'copie.xlsx', '--avant', '2019-02-30']),
      /^La date 2019-02-30 de l'option --avant n'existe pas\u00a0: février 2019 n'a que 28 jours\./,
    );
  });
});
