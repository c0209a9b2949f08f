import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A FIFO mutex, re-entrant within one async call chain: a proxy action runs
 * "read state → authorise → commit" as one transaction, and the commit it
 * calls takes the same lock without deadlocking. Other processes writing
 * the same repository (several instances, the new-site command) are kept
 * out by `outermost`, which wraps each outermost task in their shared lock
 * (docs/adr/0102): this process then asks for it once at a time, in order.
 */
export interface AsyncLock {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

export function createAsyncLock(outermost: Exclusive = (task) => task()): AsyncLock {
  let tail: Promise<unknown> = Promise.resolve();
  const holder = new AsyncLocalStorage<true>();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (holder.getStore()) return task();
      const inside = () => holder.run(true, () => outermost(task));
      const result = tail.then(inside, inside);
      // The chain goes on whether the task failed or not.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
