/**
 * Two colleagues saving at once: the document lock serialises the saves, each save re-reads
 * the tabs under the lock, so nothing is lost and nothing is duplicated.
 */
import fc from 'fast-check';
import { MemoryWorkbook } from '../../src/adapters/memory';
import type { LockPort, Services } from '../../src/app/ports';
import { DateCellReader, isoOfDay } from '../../src/core/days';
import { getAttendanceSheet, saveAttendance } from '../../src/app/attendance';
import type { SaveAttendanceInput, Status } from '../../src/shared/api';
import { buildWorkbook, participant, TZ } from '../support/builders';

const IDS = ['C-1', 'C-2', 'C-3', 'C-4', 'C-5'];
const DATES = ['2018-03-13', '2018-03-20'];
const STATUSES: Status[] = ['Présent', 'Absent', 'Excusé'];

function sharedWorkbook(): MemoryWorkbook {
  return buildWorkbook({
    participants: IDS.map((id, i) => participant({ id, lastName: `Nom${i}`, firstName: 'Test', entryDate: '2018-03-01' })),
    attendance: [{ date: '2018-03-06', id: 'C-1', status: 'Présent' }],
  });
}

/** One document lock for the whole spreadsheet: tryLock fails while someone holds it. */
class DocumentLock {
  holder: string | null = null;
  forUser(user: string): LockPort {
    return {
      tryLock: () => {
        if (this.holder !== null) return false;
        this.holder = user;
        return true;
      },
      releaseLock: () => {
        if (this.holder === user) this.holder = null;
      },
    };
  }
}

/**
 * A colleague working on the shared workbook; `whileSaving(hook)` runs `hook` once, in the
 * middle of this colleague's next save: right after it took the lock, before it reads.
 */
function colleague(user: string, workbook: MemoryWorkbook, lock: DocumentLock) {
  let during: (() => void) | null = null;
  const base = lock.forUser(user);
  const services: Services = {
    workbook,
    lock: {
      tryLock: (ms) => {
        const ok = base.tryLock(ms);
        const hook = during;
        during = null;
        if (ok) hook?.();
        return ok;
      },
      releaseLock: () => base.releaseLock(),
    },
    ui: { showSidebar() {}, alert() {}, prompt: () => null, confirm: () => true },
    today: () => 43465, // 2018-12-31: every save of these tests is in the past
    now: () => new Date(),
  };
  return {
    services,
    save: (input: SaveAttendanceInput) => saveAttendance(services, input),
    whileSaving(hook: () => void) {
      during = hook;
    },
  };
}

const reader = new DateCellReader(TZ);
/** (date, ID) → statuses of the rows, in sheet order. */
function rowsByKey(wb: MemoryWorkbook): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of wb.sheet('Présences').cells.slice(1)) {
    const key = `${isoOfDay(reader.dayOf(r[0] as Date)!)}|${String(r[1]).trim().toLowerCase()}`;
    out.set(key, [...(out.get(key) ?? []), String(r[3])]);
  }
  return out;
}

const entries = (pairs: [string, Status][]) => pairs.map(([participantId, status]) => ({ participantId, status }));

describe('two colleagues saving the same session at once', () => {
  it('the second save waits its turn (clear message), then keeps both: nothing lost, nothing duplicated', () => {
    const wb = sharedWorkbook();
    const lock = new DocumentLock();
    const alice = colleague('alice', wb, lock);
    const bruno = colleague('bruno', wb, lock);
    // Both opened the session before anyone saved.
    expect(getAttendanceSheet(alice.services, '2018-03-13').participants.every((p) => p.status === null)).toBe(true);
    expect(getAttendanceSheet(bruno.services, '2018-03-13').participants.every((p) => p.status === null)).toBe(true);

    const brunoInput = {
      date: '2018-03-13',
      theme: 'CV',
      entries: entries([
        ['C-2', 'Excusé'],
        ['C-3', 'Présent'],
      ]),
    };
    let brunoError = '';
    alice.whileSaving(() => {
      try {
        bruno.save(brunoInput);
      } catch (e) {
        brunoError = (e as Error).message;
      }
    });
    const a = alice.save({
      date: '2018-03-13',
      theme: 'CV',
      entries: entries([
        ['C-1', 'Présent'],
        ['C-2', 'Absent'],
      ]),
    });
    expect(a).toEqual({ date: '2018-03-13', sessionCreated: true, sessionUpdated: false, written: 2, unchanged: 0 });
    expect(brunoError).toMatch(/un autre enregistrement est en cours, réessayez/);
    expect(lock.holder).toBeNull();

    // Bruno tries again: his save re-reads the tabs under the lock.
    const b = bruno.save(brunoInput);
    expect(b).toEqual({ date: '2018-03-13', sessionCreated: false, sessionUpdated: false, written: 2, unchanged: 0 });

    const rows = rowsByKey(wb);
    expect(Object.fromEntries(rows)).toEqual({
      '2018-03-06|c-1': ['Présent'],
      '2018-03-13|c-1': ['Présent'],
      '2018-03-13|c-2': ['Excusé'],
      '2018-03-13|c-3': ['Présent'],
    });
    const sessions = wb.sheet('Séances').cells.slice(1);
    expect(sessions).toHaveLength(1);
  });

  it("a save after a colleague's save on the same date updates the rows instead of appending copies", () => {
    const wb = sharedWorkbook();
    const lock = new DocumentLock();
    const alice = colleague('alice', wb, lock);
    const bruno = colleague('bruno', wb, lock);
    alice.save({ date: '2018-03-13', entries: entries(IDS.map((id) => [id, 'Présent'] as [string, Status])) });
    bruno.save({ date: '2018-03-13', entries: entries(IDS.map((id) => [id, 'Absent'] as [string, Status])) });
    const rows = rowsByKey(wb);
    for (const id of IDS) expect(rows.get(`2018-03-13|${id.toLowerCase()}`)).toEqual(['Absent']);
    expect(wb.sheet('Séances').cells).toHaveLength(2);
  });

  it('any interleaving of saves keeps exactly one row per (date, ID), with the last accepted status', () => {
    const save = fc.record({
      user: fc.constantFrom('alice', 'bruno', 'chloé'),
      date: fc.constantFrom(...DATES),
      entries: fc.uniqueArray(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...STATUSES)), {
        selector: (e) => e[0],
        maxLength: IDS.length,
      }),
      /** Attempted while the previous save holds the lock. */
      nested: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(save, { minLength: 1, maxLength: 12 }), (saves) => {
        const wb = sharedWorkbook();
        const lock = new DocumentLock();
        const people = new Map<string, ReturnType<typeof colleague>>();
        const who = (u: string) => {
          let c = people.get(u);
          if (!c) people.set(u, (c = colleague(u, wb, lock)));
          return c;
        };
        const expected = new Map<string, string>([['2018-03-06|c-1', 'Présent']]);
        const sessionDates = new Set<string>();
        const accept = (s: (typeof saves)[number]) => {
          for (const [id, status] of s.entries) expected.set(`${s.date}|${id.toLowerCase()}`, status);
          sessionDates.add(s.date);
        };
        for (let i = 0; i < saves.length; i++) {
          const s = saves[i];
          const next = saves[i + 1];
          const me = who(s.user);
          let nestedFailed = false;
          if (next?.nested) {
            me.whileSaving(() => {
              try {
                who(next.user).save({ date: next.date, entries: entries(next.entries) });
              } catch (e) {
                nestedFailed = /un autre enregistrement est en cours/.test((e as Error).message);
              }
            });
          }
          me.save({ date: s.date, entries: entries(s.entries) });
          accept(s);
          if (next?.nested) {
            // Attempted while this save held the lock: refused with the clear message.
            expect(nestedFailed).toBe(true);
            i++; // the nested save was refused: it is simply not part of the history
          }
          expect(lock.holder).toBeNull();
        }
        const rows = rowsByKey(wb);
        for (const [key, statuses] of rows) {
          expect(statuses).toHaveLength(1);
          expect(statuses[0]).toBe(expected.get(key));
        }
        expect(rows.size).toBe(expected.size);
        const sessionRows = wb
          .sheet('Séances')
          .cells.slice(1)
          .map((r) => isoOfDay(reader.dayOf(r[0] as Date)!));
        expect(sessionRows.sort()).toEqual([...sessionDates].sort());
      }),
      { numRuns: 150 },
    );
  });
});
