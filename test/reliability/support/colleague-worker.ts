/**
 * A colleague's Apps Script execution, in its own thread (bundled by esbuild at test time,
 * see concurrency.test.ts). Its SpreadsheetApp, LockService and Utilities are proxies: every service
 * call is sent to the main thread, which runs it on the one shared fake spreadsheet and
 * decides when to answer. The thread blocks (Atomics.wait) until then, exactly like a
 * script waiting on Google's servers; so several colleagues' executions interleave call by
 * call, and tryLock really waits while someone else holds the document lock.
 */
import { MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { getAttendanceSheet, saveAttendance } from '../../../src/app/attendance';
import { validateWorkbook } from '../../../src/app/checks';
import { appsScriptServices } from '../../../src/server/services';

const { port, flag } = workerData as { port: MessagePort; flag: SharedArrayBuffer };
const signal = new Int32Array(flag);

type Wire = unknown;
const handles = new WeakMap<object, number>();

function encode(v: unknown): Wire {
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === 'object' && handles.has(v)) return { $h: handles.get(v) };
  return v;
}

function decode(v: Wire): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object' && '$h' in (v as object)) return remote((v as { $h: number }).$h);
  return v;
}

let lastCall = 0;
interface Reply {
  id?: number;
  value?: Wire;
  error?: string;
}

/**
 * Sends one call and blocks until its reply. The flag only says "look now": a reply may become
 * readable a moment after the flag is set (the known race between Atomics and MessagePort, see
 * babel/babel#14541 and un-ts/synckit#217), so the thread looks again, briefly, until the reply
 * carrying this call's number is there; a stale reply (from a run that failed) is dropped.
 */
function call(handle: number, method: string, args: unknown[]): unknown {
  const id = ++lastCall;
  Atomics.store(signal, 0, 0);
  port.postMessage({ type: 'call', id, handle, method, args: args.map(encode) });
  const giveUp = Date.now() + 30_000;
  let reply: Reply | undefined;
  while (reply === undefined) {
    Atomics.wait(signal, 0, 0, 20);
    const received = receiveMessageOnPort(port)?.message as Reply | undefined;
    if (received !== undefined && received.id === id) reply = received;
    else if (received === undefined && Date.now() > giveUp) throw new Error('colleague-worker: no reply');
    else if (received === undefined) Atomics.store(signal, 0, 0);
  }
  if (reply.error !== undefined) throw new Error(reply.error);
  return decode(reply.value);
}

function remote(handle: number): object {
  const proxy: object = new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        return (...args: unknown[]) => call(handle, prop, args);
      },
    },
  );
  handles.set(proxy, handle);
  return proxy;
}

const g = globalThis as Record<string, unknown>;
g.SpreadsheetApp = remote(1);
g.LockService = remote(2);
g.Utilities = remote(3);

export type Op = { kind: 'save'; input: unknown } | { kind: 'open'; date: string } | { kind: 'check' };

function runOp(op: Op): unknown {
  const services = appsScriptServices();
  if (op.kind === 'save') return saveAttendance(services, op.input);
  if (op.kind === 'open') return getAttendanceSheet(services, op.date).participants.map((p) => [p.id, p.status]);
  return validateWorkbook(services).issues.length;
}

parentPort!.on('message', (msg: { type: 'run'; ops: Op[] }) => {
  const results: ({ ok: true; value: unknown } | { ok: false; message: string })[] = [];
  msg.ops.forEach((op, i) => {
    port.postMessage({ type: 'begin', op: i });
    try {
      results.push({ ok: true, value: runOp(op) });
    } catch (e) {
      results.push({ ok: false, message: (e as Error).message });
    }
  });
  port.postMessage({ type: 'done', results });
});
