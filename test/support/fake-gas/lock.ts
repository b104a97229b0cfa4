/** LockService: one lock object whose state (busy, held, counts, waits) tests read as fake.lock. */
import type { FakeState } from './state';

export function createLockService(state: FakeState) {
  const lock = state.lock;
  const hit = (method: string) => state.hit(`Lock.${method}`);
  const acquire = () => {
    if (!lock.held) lock.acquired++;
    lock.held = true;
  };
  const lockObject = {
    tryLock(timeoutMs: number) {
      hit('tryLock');
      lock.waits.push(timeoutMs);
      if (lock.busy) return false;
      acquire();
      return true;
    },
    waitLock(timeoutMs: number) {
      hit('waitLock');
      lock.waits.push(timeoutMs);
      if (lock.busy) state.fail('Lock timeout: another process was holding the lock for too long.');
      acquire();
    },
    releaseLock() {
      hit('releaseLock');
      if (lock.held) lock.released++;
      lock.held = false;
    },
    hasLock() {
      hit('hasLock');
      return lock.held;
    },
  };
  const getLock = (method: string) => {
    state.hit(`LockService.${method}`);
    state.needsAuth(`LockService.${method}`);
    return lockObject;
  };
  return {
    getDocumentLock: () => getLock('getDocumentLock'),
    getScriptLock: () => getLock('getScriptLock'),
    getUserLock: () => getLock('getUserLock'),
  };
}
