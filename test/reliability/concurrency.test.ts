/**
 * Colleagues saving at the same time, for real: each colleague's execution runs in its own
 * thread (support/colleague-worker.ts) and blocks on every service call; this thread owns the
 * one fake spreadsheet and answers the calls one at a time, in an order drawn by fast-check.
 * The document lock is a real lock here: tryLock waits (the call stays unanswered) while
 * another execution holds it, and sometimes gives up (the 10-second timeout).
 *
 * Whatever the interleaving: the saves that were accepted are all there, each (date, ID) has
 * one row, and the sheet equals the accepted saves applied one after the other in the order
 * they got the lock; refused ones say so in French and leave no trace; the users' notes
 * survive the checks that run meanwhile.
 */
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, MessagePort, Worker } from 'node:worker_threads';
import { stripMark } from '../../src/core/marks';
import type { Status } from '../../src/shared/api';
import { dateCell, participant, participantsTab } from '../support/builders';
import { createFakeGas, FakeCell, FakeGas, FakeInputCell } from '../support/fake-gas';
import type { Op } from './support/colleague-worker';
import { frenchProblems } from './support/french';

const IDS = ['C-1', 'C-2', 'C-3', 'C-4'];
const NAMES: Record<string, string> = { 'c-1': 'Nom0 Test', 'c-2': 'Nom1 Test', 'c-3': 'Nom2 Test', 'c-4': 'Nom3 Test' };
const DATES = ['2018-03-13', '2018-03-20'];
const USER_NOTE = "Note de l'équipe\u00a0: rappeler mardi";

function initialSheets(): Record<string, FakeInputCell[][]> {
  return {
    Participants: participantsTab(
      IDS.map((id, i) =>
        participant({ id, lastName: `Nom${i}`, firstName: 'Test', entryDate: '2018-03-01', phone: i === 0 ? '12' : '' }),
      ),
    ) as FakeInputCell[][],
    Séances: [['Date', 'Thème', 'Animateur', 'Lieu']],
    Présences: [
      ['Date', 'ID participant', 'Participant', 'Statut'],
      [dateCell('2018-03-06'), 'C-1', 'Nom0 Test', 'Présent'],
    ],
  };
}

// --- the worker threads ----------------------------------------------------------------------

interface Colleague {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

let dir = '';
let colleagues: Colleague[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-concurrence-'));
  const file = join(dir, 'colleague.js');
  buildSync({
    entryPoints: [join(__dirname, 'support', 'colleague-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    logLevel: 'silent',
  });
  colleagues = [0, 1, 2].map(() => {
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const worker = new Worker(file, { workerData: { port: port2, flag }, transferList: [port2] });
    return { worker, port: port1, signal: new Int32Array(flag) };
  });
});

afterAll(async () => {
  await Promise.all(colleagues.map((c) => c.worker.terminate()));
  rmSync(dir, { recursive: true, force: true });
});

// --- the scheduler (this thread) ------------------------------------------------------------

interface Request {
  id: number;
  handle: number;
  method: string;
  args: unknown[];
}
type OpResult = { ok: true; value: unknown } | { ok: false; message: string };

interface RunRecord {
  /** Accepted lock grants, in order: which colleague, which of its operations. */
  grants: { who: number; op: number }[];
  results: OpResult[][];
  /** Calls answered while another execution held the lock (proof of interleaving). */
  interleaved: number;
  /** tryLock calls that had to wait, and those that timed out. */
  waited: number;
  timedOut: number;
}

/** Runs each colleague's operations concurrently; `choose(n)` picks which pending call is answered next. */
function runConcurrently(
  fake: FakeGas,
  ops: Op[][],
  choose: (n: number) => number,
  timeoutOdds: () => boolean,
): Promise<RunRecord> {
  const objects = new Map<number, any>([
    [1, fake.globals.SpreadsheetApp],
    [2, fake.globals.LockService],
    [3, fake.globals.Utilities],
  ]);
  const handleOf = new Map<object, number>();
  let next = 4;
  const lockObject = fake.globals.LockService.getDocumentLock();
  fake.resetCalls();

  const encode = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(encode);
    if (v === null || typeof v !== 'object' || Object.prototype.toString.call(v) === '[object Date]') return v;
    let h = handleOf.get(v);
    if (h === undefined) {
      h = next++;
      handleOf.set(v, h);
      objects.set(h, v);
    }
    return { $h: h };
  };
  const decode = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(decode);
    if (v !== null && typeof v === 'object' && '$h' in (v as object)) return objects.get((v as { $h: number }).$h);
    return v;
  };

  const record: RunRecord = { grants: [], results: ops.map(() => []), interleaved: 0, waited: 0, timedOut: 0 };
  const pending = new Map<number, Request>();
  const running = new Set(ops.map((_, i) => i).filter((i) => ops[i].length > 0));
  const currentOp = ops.map(() => -1);
  const waiting = new Set<number>();
  let holder: number | null = null;

  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`bloqué\u00a0: ${JSON.stringify([...pending.entries()])}`)), 20_000);
    guard.unref();
    const reply = (who: number, message: { value?: unknown; error?: string }) => {
      const id = pending.get(who)?.id;
      pending.delete(who);
      const c = colleagues[who];
      c.port.postMessage({ id, ...message });
      Atomics.store(c.signal, 0, 1);
      Atomics.notify(c.signal, 0);
    };
    const isLockWait = (r: Request) =>
      objects.get(r.handle) === lockObject && (r.method === 'tryLock' || r.method === 'waitLock');

    const step = () => {
      // Wait until every running execution is blocked on a call.
      for (const who of running) if (!pending.has(who)) return;
      if (running.size === 0) {
        clearTimeout(guard);
        resolve(record);
        return;
      }
      const ready = [...pending.entries()].filter(([who, r]) => !(isLockWait(r) && holder !== null && holder !== who));
      const blocked = [...pending.keys()].filter((who) => !ready.some(([w]) => w === who));
      for (const who of blocked) {
        if (waiting.has(who)) continue;
        waiting.add(who);
        record.waited++;
      }
      if (blocked.length > 0 && (ready.length === 0 || timeoutOdds())) {
        // The 10-second wait runs out for one of the blocked executions.
        const who = blocked[choose(blocked.length)];
        const r = pending.get(who)!;
        waiting.delete(who);
        record.timedOut++;
        if (r.method === 'tryLock') reply(who, { value: false });
        else reply(who, { error: 'Lock timeout: another process was holding the lock for too long.' });
        return;
      }
      const [who, r] = ready[choose(ready.length)];
      waiting.delete(who);
      if (holder !== null && holder !== who) record.interleaved++;
      const target = objects.get(r.handle);
      if (target === lockObject) {
        if (r.method === 'tryLock' || r.method === 'waitLock') {
          if (holder !== who) record.grants.push({ who, op: currentOp[who] });
          holder = who;
          reply(who, { value: r.method === 'tryLock' ? true : undefined });
        } else if (r.method === 'releaseLock') {
          if (holder === who) holder = null;
          reply(who, { value: undefined });
        } else reply(who, { value: holder === who });
        return;
      }
      try {
        const value = target[r.method](...(decode(r.args) as unknown[]));
        reply(who, { value: encode(value) });
      } catch (e) {
        reply(who, { error: (e as Error).message });
      }
    };

    ops.forEach((list, who) => {
      const c = colleagues[who];
      c.port.removeAllListeners('message');
      c.port.on('message', (m: { type: string; op?: number; results?: OpResult[] } & Request) => {
        if (m.type === 'begin') currentOp[who] = m.op!;
        else if (m.type === 'call') pending.set(who, { id: m.id, handle: m.handle, method: m.method, args: m.args });
        else if (m.type === 'done') {
          record.results[who] = m.results!;
          running.delete(who);
          if (holder === who) {
            clearTimeout(guard);
            reject(new Error(`colleague ${who} finished holding the lock`));
            return;
          }
        }
        // Let every message of this turn arrive before deciding.
        setImmediate(step);
      });
      if (list.length > 0) c.worker.postMessage({ type: 'run', ops: list });
    });
    if (running.size === 0) setImmediate(step);
  });
}

// --- the model -------------------------------------------------------------------------------

interface Row {
  date: string;
  id: string;
  name: string;
  status: string;
}

function isoOf(v: FakeCell): string {
  if (Object.prototype.toString.call(v) !== '[object Date]') return String(v);
  return new Date((v as Date).getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
}

function sheetRows(fake: FakeGas, tab: string): string[][] {
  return fake
    .values(tab)
    .slice(1)
    .map((r) => r.slice(0, 4).map((c, i) => (i === 0 ? isoOf(c) : String(c))));
}

interface SaveInput {
  date: string;
  theme?: string;
  entries: { participantId: string; status: Status }[];
}

/** The accepted saves applied one after the other: rows updated in place or appended. */
function applySave(
  rows: Row[],
  sessions: Map<string, string>,
  s: SaveInput,
): { written: number; unchanged: number; sessionCreated: boolean; sessionUpdated: boolean } {
  let written = 0;
  let unchanged = 0;
  for (const e of s.entries) {
    const k = e.participantId.trim().toLowerCase();
    const mine = rows.filter((r) => r.date === s.date && r.id.toLowerCase() === k);
    if (mine.length === 0) {
      rows.push({ date: s.date, id: e.participantId.trim().toUpperCase(), name: NAMES[k], status: e.status });
      written++;
    } else if (mine.every((r) => r.status === e.status)) unchanged++;
    else {
      mine.forEach((r) => (r.status = e.status));
      written++;
    }
  }
  const theme = sessions.get(s.date);
  const sessionCreated = theme === undefined;
  const sessionUpdated = !sessionCreated && s.theme !== undefined && s.theme !== theme;
  if (sessionCreated || s.theme !== undefined) sessions.set(s.date, s.theme ?? theme ?? '');
  return { written, unchanged, sessionCreated, sessionUpdated };
}

// --- the property ------------------------------------------------------------------------------

const saveArb: fc.Arbitrary<Op> = fc
  .record({
    date: fc.constantFrom(...DATES),
    theme: fc.option(fc.constantFrom('CV', 'Bilan'), { nil: undefined }),
    entries: fc.uniqueArray(fc.tuple(fc.constantFrom(...IDS, 'c-2 '), fc.constantFrom<Status>('Présent', 'Absent', 'Excusé')), {
      selector: ([id]) => id.trim().toLowerCase(),
      minLength: 1,
      maxLength: IDS.length,
    }),
  })
  .map((s) => ({
    kind: 'save',
    input: { ...s, entries: s.entries.map(([participantId, status]) => ({ participantId, status })) },
  }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: saveArb },
  { weight: 1, arbitrary: fc.constantFrom(...DATES).map((date): Op => ({ kind: 'open', date })) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'check' }) },
);

describe('colleagues saving at the same time (one thread each, real waiting on the lock)', () => {
  const totals = { interleaved: 0, waited: 0, timedOut: 0, accepted: 0 };

  it('nothing lost, nothing duplicated: the sheet is the accepted saves in lock order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 }),
        fc.infiniteStream(fc.nat()),
        fc.integer({ min: 0, max: 4 }),
        async (ops, choices, timeoutPercent) => {
          const fake = createFakeGas({ sheets: initialSheets() });
          fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Participants').getRange(2, 2).setNote(USER_NOTE);
          const stream = choices[Symbol.iterator]();
          const choose = (n: number) => (stream.next().value as number) % n;
          const timeoutOdds = () => (stream.next().value as number) % 100 < timeoutPercent;
          const record = await runConcurrently(fake, ops, choose, timeoutOdds);
          totals.interleaved += record.interleaved;
          totals.waited += record.waited;
          totals.timedOut += record.timedOut;

          // Every operation ended; refusals only for the lock, in French.
          ops.forEach((list, who) => {
            expect(record.results[who]).toHaveLength(list.length);
            record.results[who].forEach((r) => {
              if (!r.ok) {
                expect(r.message).toMatch(/un autre enregistrement est en cours/);
                expect(frenchProblems(r.message)).toEqual([]);
              }
            });
          });

          // The model: accepted saves in the order they got the lock.
          const rows: Row[] = [{ date: '2018-03-06', id: 'C-1', name: 'Nom0 Test', status: 'Présent' }];
          const sessions = new Map<string, string>();
          for (const g of record.grants) {
            const op = ops[g.who][g.op];
            const result = record.results[g.who][g.op];
            if (op.kind !== 'save' || !result.ok) continue;
            totals.accepted++;
            expect(result.value).toEqual({
              date: (op.input as SaveInput).date,
              ...applySave(rows, sessions, op.input as SaveInput),
            });
          }
          // Saves whose lock wait timed out have no grant: they must have failed.
          ops.forEach((list, who) =>
            list.forEach((op, i) => {
              if (op.kind === 'save' && record.results[who][i].ok) expect(record.grants).toContainEqual({ who, op: i });
            }),
          );
          expect(sheetRows(fake, 'Présences')).toEqual(rows.map((r) => [r.date, r.id, r.name, r.status]));
          const keys = rows.map((r) => `${r.date}|${r.id.toLowerCase()}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(sheetRows(fake, 'Séances').map((r) => r[0])).toEqual([...sessions.keys()]);
          // The users' note survives the checks' marks.
          expect(stripMark(fake.note('Participants', 2, 2))).toBe(USER_NOTE);
          expect(fake.lock.held).toBe(false);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
    if (process.env.SHOW_TOTALS) console.log(JSON.stringify(totals));
    // The harness really interleaved executions and made some of them wait for the lock.
    expect(totals.interleaved).toBeGreaterThan(0);
    expect(totals.waited).toBeGreaterThan(0);
    expect(totals.accepted).toBeGreaterThan(0);
    // Generous: about 2 s alone, but CI runs it after 60 suites on two cores.
  }, 180_000);
});
