/**
 * `npm run bench`: the numbers behind SPEC §9, on fictional workbooks of 100, 1 000 and
 * 10 000 participants with five seasons of weekly sessions (bench/dataset.ts).
 *
 * 1. Service calls of every server function and menu action: the built bundle dist/Code.js
 *    is loaded with the counting fake of the Apps Script services (test/support/fake-gas.ts),
 *    exactly as tests do; the counts must not depend on the number of rows.
 * 2. Median CPU time (process.cpuUsage, user + system) of validateWorkbook, computeIndicators,
 *    generateAnnualReport and saveAttendance through the real Apps Script adapter over the
 *    fake; and of the pure core alone (model + checks + indicators, no fake).
 * 3. The naive baseline: the same server code over a WorkbookPort that reads and writes one
 *    cell at a time (bench/naive.ts): its service calls and CPU time, and the ratios.
 * 4. Sizes of dist/Code.js and dist/Sidebar.html, raw and gzip.
 *
 * 5. SPEC §9 "speed as a ratio" and payloads (bench/ratios.ts), at 10 000 participants:
 *    computeIndicators / (read every tab's values once) and validateWorkbook / (read values
 *    and notes once), medians of interleaved runs with garbage collected between them; the
 *    JSON sizes of validateWorkbook and getAttendanceSheet.
 *
 * 6. The command line on a big export (bench/cli.ts): `verifier`, `bilan --json` and
 *    `anonymiser` on 10 000 participants / 200 000 Présences rows, each run by build/cli.js in
 *    a child Node process under a 1 GB heap: wall-clock time and peak resident memory (SPEC §7:
 *    verifier within 30 s and 800 MB).
 *
 * Prints Markdown tables (paste-able into docs/performance.md). The one assertion: the exit
 * code is 1 when a speed ratio exceeds 2 (payload limits are asserted by
 * test/reliability/payloads.test.ts, call-count constancy by service-calls.test.ts).
 *
 * Options: BENCH_SIZES=100,1000 (default 100,1000,10000), BENCH_RUNS=5 (runs per median),
 * BENCH_ONLY=ratios (only part 5), BENCH_ONLY=cli (only part 6).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../src/app/ports';
import { checkWorkbook } from '../src/core/checks';
import { dayFromIso } from '../src/core/days';
import { computeIndicators as coreIndicators } from '../src/core/indicators';
import type { CellValue } from '../src/core/values';
import { readWorkbook } from '../src/core/workbook';
import { createServerApi } from '../src/app/api';
import { appsScriptServices } from '../src/server/services';
import type { ServerApi } from '../src/app/registry';
import { createFakeGas, FakeGas } from '../test/support/fake-gas';
import { loadBundle } from '../test/support/gas-local';
import { ACTIONS, CallCount, clearNotes, deleteReport, nextSave, runActions } from './actions';
import { Dataset, generateDataset } from './dataset';
import { CliRun, MAX_VERIFY_RSS_MB, MAX_VERIFY_SECONDS, measureCli } from './cli';
import { cpuMs, fileSizes, fr, gc, kib, median } from './measure';
import { NaiveWorkbook } from './naive';
import { LeanRatios, measureLeanRatios } from './lean';
import { MAX_ATTENDANCE_BYTES, MAX_RATIO, MAX_VALIDATION_BYTES, measureRatios, RatioResult } from './ratios';

// build/bench.js → the repository is one level up.
const REPO = join(__dirname, '..');
const DIST = join(REPO, 'dist');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Naive runs at 10 000 participants take seconds each: fewer runs there. */
const naiveRuns = (n: number): number => (n >= 10_000 ? Math.min(RUNS, 3) : RUNS);

/** 1. Service calls of every action through dist/Code.js on a fresh fake. */
function bundleCalls(ds: Dataset): Map<string, CallCount> {
  const fake = createFakeGas({ sheets: ds.tabs, htmlDir: DIST });
  const gas = loadBundle(fake, { distDir: DIST });
  return runActions(fake, ds, (name, ...args) => gas.call(name, ...args));
}

// ---------------------------------------------------------------------------------------
// 2–3. CPU time, batch and naive, through src/ (same code as the bundle)

type Mode = 'batch' | 'naive';

function servicesFor(mode: Mode): Services {
  const base = appsScriptServices();
  if (mode === 'batch') return base;
  const workbook = new NaiveWorkbook(SpreadsheetApp.getActiveSpreadsheet());
  return {
    workbook,
    get lock() {
      return base.lock;
    },
    get ui() {
      return base.ui;
    },
    today: base.today,
    now: base.now,
  };
}

interface Timed {
  label: string;
  prepare?: (fake: FakeGas, ds: Dataset) => void;
  run: (api: ServerApi, ds: Dataset) => unknown;
}

const TIMED: Timed[] = [
  { label: 'validateWorkbook', prepare: clearNotes, run: (api) => api.validateWorkbook() },
  { label: 'computeIndicators', run: (api, ds) => api.computeIndicators(ds.reportYear) },
  {
    label: 'generateAnnualReport',
    prepare: (fake, ds) => deleteReport(fake, ds.reportYear),
    run: (api, ds) => api.generateAnnualReport(ds.reportYear),
  },
  { label: 'saveAttendance', run: (api, ds) => api.saveAttendance(nextSave(ds)) },
];

interface TimedResult {
  ms: number;
  runs: number;
  calls: number;
}

function timeMode(fake: FakeGas, ds: Dataset, t: Timed, mode: Mode, runs: number): TimedResult {
  const samples: number[] = [];
  let calls = 0;
  for (let i = 0; i < runs; i++) {
    t.prepare?.(fake, ds);
    fake.resetCalls();
    const api = createServerApi(servicesFor(mode));
    samples.push(cpuMs(() => t.run(api, ds)).ms);
    if (i === 0) calls = fake.totalCalls();
  }
  return { ms: median(samples), runs, calls };
}

function timings(ds: Dataset): Map<string, { batch: TimedResult; naive: TimedResult }> {
  const fake = createFakeGas({ sheets: ds.tabs, htmlDir: DIST });
  const restore = fake.install();
  const out = new Map<string, { batch: TimedResult; naive: TimedResult }>();
  try {
    for (const t of TIMED) {
      // One warm-up run (JIT), not measured.
      t.prepare?.(fake, ds);
      t.run(createServerApi(servicesFor('batch')), ds);
      const batch = timeMode(fake, ds, t, 'batch', RUNS);
      const naive = timeMode(fake, ds, t, 'naive', naiveRuns(ds.participants));
      out.set(t.label, { batch, naive });
    }
  } finally {
    restore();
  }
  return out;
}

/** The pure core on values already read: model, checks, indicators (SPEC §9 "speed"). */
function coreTimings(ds: Dataset): { model: number; checks: number; indicators: number; total: number; totalWall: number } {
  const tabs = ds.tabs as Record<string, CellValue[][]>;
  const source = { timeZone: 'Europe/Paris', sheetNames: Object.keys(tabs), values: (n: string) => tabs[n] };
  const today = dayFromIso('2026-11-26')!;
  readWorkbook(source); // warm-up
  const model: number[] = [];
  const checks: number[] = [];
  const indicators: number[] = [];
  const total: number[] = [];
  const totalWall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const m = cpuMs(() => readWorkbook(source));
    model.push(m.ms);
    checks.push(cpuMs(() => checkWorkbook(m.result, today)).ms);
    indicators.push(cpuMs(() => coreIndicators(m.result, ds.reportYear)).ms);
    const all = cpuMs(() => {
      const mm = readWorkbook(source);
      checkWorkbook(mm, today);
      coreIndicators(mm, ds.reportYear);
    });
    total.push(all.ms);
    totalWall.push(all.wallMs);
  }
  return {
    model: median(model),
    checks: median(checks),
    indicators: median(indicators),
    total: median(total),
    totalWall: median(totalWall),
  };
}

// ---------------------------------------------------------------------------------------

interface SizeResult {
  ds: Dataset;
  calls: Map<string, CallCount>;
  times: Map<string, { batch: TimedResult; naive: TimedResult }>;
  core: ReturnType<typeof coreTimings>;
}

function measureSize(n: number): SizeResult {
  const ds = generateDataset(n);
  process.stderr.write(`  ${fr(n)} participants : appels de services…`);
  const calls = bundleCalls(ds);
  gc();
  process.stderr.write(' temps (lot et naïf)…');
  const times = timings(ds);
  gc();
  process.stderr.write(' cœur…');
  const core = coreTimings(ds);
  process.stderr.write(' fait.\n');
  return { ds, calls, times, core };
}

/**
 * SPEC §9 ratios and payloads at 10 000 participants / 200 000 Présences rows (same process,
 * same run): through the counting fake (the assertion), then under the lean stand-in
 * (indicative: reading is cheaper there, so the ratios are higher).
 */
function ratioSection(): { counting: RatioResult; lean: LeanRatios } {
  const ds = generateDataset(RATIO_SIZE);
  process.stderr.write(`  Rapports au plancher (${fr(RATIO_SIZE)} participants, ${RATIO_RUNS} exécutions entrelacées)…`);
  gc();
  const counting = measureRatios(ds, RATIO_RUNS);
  gc();
  const lean = measureLeanRatios(ds, LEAN_RUNS);
  process.stderr.write(' fait.\n');
  return { counting, lean };
}

const RATIO_SIZE = 10_000;
const RATIO_RUNS = Math.max(RUNS, 5);
const LEAN_RUNS = 11;

/** Prints the ratios and payloads; false when one is over its SPEC §9 limit (the lean rows are indicative). */
function printRatios({ counting: r, lean }: { counting: RatioResult; lean: LeanRatios }): boolean {
  const ko = (bad: boolean) => (bad ? 'DÉPASSE la limite' : 'ok');
  const lines = [
    `| Mesure (${fr(RATIO_SIZE)} participants, 200 000 lignes de Présences, médianes de ${r.runs} exécutions entrelacées) | Valeur | Limite SPEC §9 | Verdict |`,
    '|---|---|---|---|',
    `| Plancher A : lire les valeurs de chaque onglet une fois (ms CPU) | ${fr(r.floorValues, 1)} | | |`,
    `| Plancher B : lire les valeurs et les notes de chaque onglet une fois (ms CPU) | ${fr(r.floorValuesAndNotes, 1)} | | |`,
    `| computeIndicators (ms CPU) | ${fr(r.computeIndicators, 1)} | | |`,
    `| validateWorkbook, notes effacées avant (ms CPU) | ${fr(r.validateWorkbook, 1)} | | |`,
    `| computeIndicators / A | ×${fr(r.indicatorsRatio, 2)} | ×${MAX_RATIO} | ${ko(r.indicatorsRatio > MAX_RATIO)} |`,
    `| validateWorkbook / B | ×${fr(r.validationRatio, 2)} | ×${MAX_RATIO} | ${ko(r.validationRatio > MAX_RATIO)} |`,
    `| Substitut léger (\`bench/lean.ts\`, médianes de ${lean.runs}) : plancher A / plancher B (ms CPU) | ${fr(lean.floorValues, 1)} / ${fr(lean.floorValuesAndNotes, 1)} | | |`,
    `| Substitut léger : computeIndicators / A | ×${fr(lean.indicatorsRatio, 2)} | ×${MAX_RATIO} | indicatif${lean.indicatorsRatio > MAX_RATIO ? ' (au-delà)' : ''} |`,
    `| Substitut léger : validateWorkbook / B | ×${fr(lean.validationRatio, 2)} | ×${MAX_RATIO} | indicatif${lean.validationRatio > MAX_RATIO ? ' (au-delà)' : ''} |`,
    `| Réponse de validateWorkbook (JSON) | ${kib(r.validationBytes)} (${fr(r.validationBytes)} octets) | ${fr(MAX_VALIDATION_BYTES)} octets | ${ko(r.validationBytes > MAX_VALIDATION_BYTES)} |`,
    `| Réponse de getAttendanceSheet (JSON) | ${kib(r.attendanceBytes)} (${fr(r.attendanceBytes)} octets) | ${fr(MAX_ATTENDANCE_BYTES)} octets | ${ko(r.attendanceBytes > MAX_ATTENDANCE_BYTES)} |`,
  ];
  console.log(`\n${lines.join('\n')}`);
  return r.indicatorsRatio <= MAX_RATIO && r.validationRatio <= MAX_RATIO;
}

/** 6. The CLI at 10 000 participants / 200 000 Présences rows, in child processes. */
async function cliSection(): Promise<void> {
  const ds = generateDataset(10_000);
  process.stderr.write(
    `Ligne de commande sur ${fr(ds.participants)} participants / ${fr(ds.attendanceRows)} lignes de Présences…\n`,
  );
  const runs: CliRun[] = await measureCli(ds, join(REPO, 'build', 'cli.js'));
  const lines = [
    `\n**Ligne de commande (build/cli.js, node --max-old-space-size=1024) — ${fr(ds.participants)} participants, ${fr(ds.attendanceRows)} lignes de Présences**\n`,
    '| Commande | Code de sortie | Temps écoulé (s) | Temps CPU (s) | Mémoire résidente maximale (Mo) | Plafond (SPEC §7) |',
    '|---|---|---|---|---|---|',
  ];
  let over = false;
  for (const r of runs) {
    const verify = r.command === 'verifier';
    const rss = r.peakRssMb === null ? 'inconnue' : fr(r.peakRssMb, 0);
    const bad = verify && (r.seconds > MAX_VERIFY_SECONDS || (r.peakRssMb ?? Infinity) > MAX_VERIFY_RSS_MB);
    over ||= bad;
    const limit = verify ? `${MAX_VERIFY_SECONDS} s, ${MAX_VERIFY_RSS_MB} Mo${bad ? ' — DÉPASSÉ' : ''}` : '';
    const cpu = r.cpuSeconds === null ? 'inconnu' : fr(r.cpuSeconds, 1);
    lines.push(`| ${r.command} | ${r.exitCode ?? 'signal'} | ${fr(r.seconds, 1)} | ${cpu} | ${rss} | ${limit} |`);
  }
  console.log(lines.join('\n'));
  console.log(`Charge de la machine (1 min) : ${fr(loadavg()[0], 1)} pour ${cpus().length} cœurs.`);
  if (over) process.stderr.write('Attention : verifier dépasse son plafond de temps ou de mémoire (SPEC §7).\n');
}

function main(): void {
  const started = Date.now();
  if (process.env.BENCH_ONLY === 'ratios') {
    if (!printRatios(ratioSection())) fail();
    return;
  }
  if (process.env.BENCH_ONLY === 'cli') {
    void cliSection();
    return;
  }
  process.stderr.write(`Mesures sur ${SIZES.map((n) => fr(n)).join(', ')} participants (${RUNS} exécutions par médiane)\n`);
  const ratios = ratioSection();
  const results = SIZES.map(measureSize);
  const rows: string[][] = [];
  const section = (title: string) => rows.push([`**${title}**`, ...results.map(() => ''), '']);
  const row = (label: string, values: string[], note = '') => rows.push([label, ...values, note]);

  section('Classeur de mesure');
  row(
    'Participants',
    results.map((r) => fr(r.ds.participants)),
  );
  row(
    'Séances (5 saisons, mars–octobre)',
    results.map((r) => fr(r.ds.sessions)),
  );
  row(
    'Lignes de Présences',
    results.map((r) => fr(r.ds.attendanceRows)),
  );

  section('Appels de services (dist/Code.js sur le faux comptant les appels) — total (lectures / écritures de plages)');
  for (const a of ACTIONS) {
    const per = results.map((r) => r.calls.get(a.label)!);
    const constant = per.every((c) => c.total === per[0].total && c.reads === per[0].reads && c.writes === per[0].writes);
    const errors = per.map((c) => c.error).filter((e): e is string => e !== null);
    row(
      a.label,
      per.map((c) => `${fr(c.total)} (${c.reads} / ${c.writes})`),
      errors.length > 0 ? `ERREUR : ${errors[0]}` : constant ? 'constant' : 'VARIE avec la taille',
    );
  }

  section(`Temps CPU médian, ms (${RUNS} exécutions) — adaptateur Apps Script sur le faux`);
  for (const t of TIMED)
    row(
      t.label,
      results.map((r) => fr(r.times.get(t.label)!.batch.ms, 1)),
    );
  section("Temps CPU médian, ms — cœur seul, valeurs déjà lues (SPEC §9 : « bien moins d'une seconde »)");
  row(
    'Modèle du classeur (readWorkbook)',
    results.map((r) => fr(r.core.model, 1)),
  );
  row(
    'Contrôles (checkWorkbook)',
    results.map((r) => fr(r.core.checks, 1)),
  );
  row(
    'Indicateurs (computeIndicators)',
    results.map((r) => fr(r.core.indicators, 1)),
  );
  row(
    'Modèle + contrôles + indicateurs',
    results.map((r) => fr(r.core.total, 1)),
  );
  row(
    'Modèle + contrôles + indicateurs, temps écoulé (ms)',
    results.map((r) => fr(r.core.totalWall, 1)),
  );

  section('Référence naïve : même code serveur, lecture et écriture cellule par cellule (bench/naive.ts)');
  for (const t of TIMED) {
    row(
      `${t.label} : appels, naïf / lot`,
      results.map((r) => {
        const x = r.times.get(t.label)!;
        return `${fr(x.naive.calls)} / ${fr(x.batch.calls)} (×${fr(x.naive.calls / x.batch.calls)})`;
      }),
    );
  }
  for (const t of TIMED) {
    row(
      `${t.label} : CPU ms, naïf / lot`,
      results.map((r) => {
        const x = r.times.get(t.label)!;
        return `${fr(x.naive.ms, 0)} / ${fr(x.batch.ms, 0)} (×${fr(x.naive.ms / x.batch.ms, 1)})`;
      }),
      results.some((r) => r.times.get(t.label)!.naive.runs < RUNS) ? `médiane de ${naiveRuns(10_000)} à 10 000` : '',
    );
  }

  section('Taille du livrable (indépendante du classeur)');
  const code = fileSizes(join(DIST, 'Code.js'));
  const sidebar = fileSizes(join(DIST, 'Sidebar.html'));
  row(
    'dist/Code.js, brut / gzip',
    results.map(() => `${kib(code.raw)} / ${kib(code.gzip)}`),
  );
  row(
    'dist/Sidebar.html, brut / gzip',
    results.map(() => `${kib(sidebar.raw)} / ${kib(sidebar.gzip)}`),
  );

  const header = ['Mesure', ...results.map((r) => `${fr(r.ds.participants)} participants`), 'Remarque'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  const cpu = cpus()[0]?.model ?? 'processeur inconnu';
  console.log(out.join('\n'));
  console.log(
    `\nNode ${process.version}, ${cpus().length} cœurs (${cpu}). Temps CPU = utilisateur + système (process.cpuUsage), ` +
      `ramasse-miettes forcé avant chaque mesure. Durée totale : ${fr((Date.now() - started) / 1000)} s.`,
  );
  if (!printRatios(ratios)) fail();
  void cliSection();
}

/** The benchmark's assertion (SPEC §9 speed ratios): a non-zero exit code, with a French line. */
function fail(): void {
  process.stderr.write(`Échec : un rapport au plancher dépasse ×${MAX_RATIO} (SPEC §9, « Speed as a ratio »).\n`);
  process.exitCode = 1;
}

main();
