import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A FIFO mutex, re-entrant within one async call chain: a proxy action runs
 * "read state → authorise → commit" as one transaction, and the commit it
 * calls takes the same lock without deadlocking. The server is the only
 * writer of the content repository (ADR 0041), so one lock per repository
 * in this process is enough.
 */
export interface AsyncLock {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createAsyncLock(): AsyncLock {
  let tail: Promise<unknown> = Promise.resolve();
  const holder = new AsyncLocalStorage<true>();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (holder.getStore()) return task();
      const inside = () => holder.run(true, task);
      const result = tail.then(inside, inside);
      // The chain goes on whether the task failed or not.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
