import { Worker } from 'node:worker_threads';
import { StorageUnavailableError } from '../../errors.ts';
import type { RateBucket, ThrottleState } from '../records.ts';
import type { Storage } from '../repository.ts';
import { leaseLock, type Swapped } from './sqlite-coordination.ts';
import type { SqliteOptions } from './sqlite-storage.ts';
import { type Answer, type Call, type Opened, rebuildError } from './sqlite-thread-messages.ts';

export interface SqliteThreadOptions extends SqliteOptions {
  /** Called once if the thread dies (a crash, not `close()`): the server logs it and stops, its supervisor restarts it. */
  onFailure?: (error: Error) => void;
}

export interface SqliteThreadStorage extends Storage {
  /** The storage thread: for the server's health and for the tests that stop it. */
  readonly thread: Worker;
}

/**
 * The SQLite adapter on its own thread (docs/adr/0054). node:sqlite is
 * synchronous: on the server's thread every COMMIT (synchronous = FULL, one
 * fsync) stopped every request for as long as the disk took. Here the
 * server's thread only posts calls and receives answers; the adapter is the
 * same code, passes the same contract suite, and acknowledges a write only
 * once it is committed.
 *
 * Three methods take a function, which cannot cross a thread: `apply` runs
 * the step here and asks the thread to write its result only if the state
 * is still the one the step saw (compare-and-swap; the step may run again
 * on the state the thread answers, so it must be a pure function of the
 * state, as every caller's is); `withLock` polls, renews and releases the
 * same lease rows through the thread.
 *
 * If the thread dies, every waiting call and every later one is refused at
 * once with `StorageUnavailableError` (503) and `onFailure` is told: a
 * request never hangs on a thread that is gone. `close()` lets the thread
 * write what is waiting for its group commit, answers it, closes the file
 * and ends the thread.
 */
export async function openSqliteThreadStorage({ path, onFailure }: SqliteThreadOptions): Promise<SqliteThreadStorage> {
  const thread = new Worker(new URL('./sqlite-thread-worker.ts', import.meta.url), { workerData: { path } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let lastId = 0;
  let state: 'open' | 'closing' | 'closed' | 'failed' = 'open';

  let opened!: { resolve: (shape: Record<string, string[]>) => void; reject: (error: Error) => void };
  const shape = new Promise<Record<string, string[]>>((resolve, reject) => (opened = { resolve, reject }));

  thread.on('message', (message: Answer[] | Opened) => {
    if (Array.isArray(message)) {
      for (const answer of message) settle(answer);
      return;
    }
    if ('opened' in message) {
      if (message.opened) opened.resolve(message.shape);
      else {
        // Told to the caller of open, not to `onFailure`: the thread then ends on its own.
        state = 'failed';
        opened.reject(rebuildError(message.error));
      }
    }
  });
  function settle(answer: Answer): void {
    const call = waiting.get(answer.id);
    if (!call) return;
    waiting.delete(answer.id);
    if (waiting.size === 0) thread.unref();
    if (answer.ok) call.resolve(answer.value);
    else call.reject(rebuildError(answer.error));
  }

  function fail(error: Error): void {
    opened.reject(error);
    if (state === 'failed' || state === 'closed') return;
    const wasClosing = state === 'closing';
    state = 'failed';
    for (const call of waiting.values()) call.reject(new StorageUnavailableError());
    waiting.clear();
    if (!wasClosing) onFailure?.(error);
  }
  thread.on('error', fail);
  thread.on('messageerror', fail);
  thread.on('exit', (code) => {
    if (state === 'closing') state = 'closed';
    for (const call of waiting.values()) call.reject(new StorageUnavailableError());
    waiting.clear();
    if (state !== 'closed') fail(new Error(`Luồng lưu trữ SQLite đã dừng (mã thoát ${code}).`));
  });

  /**
   * Calls made in one turn of the event loop leave together, in one
   * message: waking the other thread costs more than copying a call, and
   * under load many requests reach the storage in the same turn.
   */
  let outbox: Call[] = [];
  function send(): void {
    const calls = outbox;
    outbox = [];
    try {
      thread.postMessage(calls);
    } catch {
      // An argument that cannot be copied (a function): a bug of its caller, answered at once; the others leave one by one.
      for (const one of calls) {
        try {
          thread.postMessage([one]);
        } catch (error) {
          const call = waiting.get(one.id);
          waiting.delete(one.id);
          if (waiting.size === 0) thread.unref();
          call?.reject(
            new Error(
              `${one.repo}.${one.method}: its arguments cannot be copied to the storage thread; a method that takes a function needs its two halves (docs/adr/0054)`,
              {
                cause: error,
              },
            ),
          );
        }
      }
    }
  }
  function post<T>(repo: string, method: string, args: unknown[]): Promise<T> {
    return new Promise((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (waiting.size === 1) thread.ref();
      outbox.push({ id, repo, method, args });
      if (outbox.length === 1) setImmediate(send);
    });
  }
  const call = <T>(repo: string, method: string, ...args: unknown[]): Promise<T> =>
    state === 'open' ? post<T>(repo, method, args) : Promise.reject(new StorageUnavailableError());

  /** After a lost compare-and-swap, one `apply` at a time per key, so that racing steps take turns instead of retrying each other. */
  const turns = new Map<string, Promise<unknown>>();
  function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
    const result = (turns.get(key) ?? Promise.resolve()).then(work);
    const settled = result.catch(() => undefined);
    turns.set(key, settled);
    void settled.then(() => turns.get(key) === settled && turns.delete(key));
    return result;
  }

  /**
   * The state each key will have once this process's writes in flight are
   * done. SQLite has one server process (docs/adr/0102), so a step runs at
   * once on it and the thread only confirms: applies to one key (every
   * submission of an office behind one address) follow each other in the
   * thread's queue, one round trip each, without waiting for one another. A
   * guess that is wrong (a command line wrote, the key was forgotten) is
   * refused by the thread with the row as it is, and that apply runs again
   * on it, in turn.
   */
  const known = new Map<string, unknown>();
  const KNOWN_KEYS = 10_000;
  function remember(key: string, state: unknown): void {
    known.delete(key);
    known.set(key, state);
    if (known.size > KNOWN_KEYS) known.delete(known.keys().next().value as string);
  }
  async function compareAndSwap<S, N extends S | null, D>(
    key: string,
    swap: (expected: S | null, next: N) => Promise<Swapped<S>>,
    step: (current: S | null) => { next: N; decision: D },
  ): Promise<D> {
    const guess = (known.get(key) ?? null) as S | null;
    let first: { next: N; decision: D };
    try {
      first = step(guess);
    } catch (error) {
      // A step that refuses a guess is asked again on the row as it is, unless the guess was the row (a swap that writes nothing).
      const confirmed = await swap(guess, guess as N);
      if (confirmed.swapped) throw error;
      return inTurnFrom(key, confirmed.current, swap, step);
    }
    remember(key, first.next);
    const outcome = await swap(guess, first.next);
    if (outcome.swapped) return first.decision;
    return inTurnFrom(key, outcome.current, swap, step);
  }
  function inTurnFrom<S, N extends S | null, D>(
    key: string,
    from: S | null,
    swap: (expected: S | null, next: N) => Promise<Swapped<S>>,
    step: (current: S | null) => { next: N; decision: D },
  ): Promise<D> {
    return inTurn(key, async () => {
      let current = from;
      for (;;) {
        const { next, decision } = step(current);
        const retried = await swap(current, next);
        if (retried.swapped) {
          remember(key, next);
          return decision;
        }
        current = retried.current;
      }
    });
  }

  let closing: Promise<void> | undefined;
  const listed = await shape;
  // Idle, the thread does not keep the process alive (a command line that is done exits); a call in flight does.
  if (waiting.size === 0) thread.unref();
  const repositories = Object.fromEntries(
    Object.entries(listed).map(([repo, methods]) => [
      repo,
      Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => call(repo, method, ...args)])),
    ]),
  );

  // The thread listed the adapter's repositories and methods: a repository added to the adapter is carried without a change here.
  const storage = {
    ...repositories,
    dialect: 'sqlite',
    thread,
    throttle: {
      ...repositories.throttle,
      apply: <D>(key: string, step: (current: ThrottleState | null) => { next: ThrottleState | null; decision: D }) =>
        compareAndSwap(
          `throttle:${key}`,
          (expected, next) => call<Swapped<ThrottleState>>('primitives', 'swapThrottle', key, expected, next),
          step,
        ),
    },
    rateBuckets: {
      ...repositories.rateBuckets,
      apply: <D>(key: string, step: (current: RateBucket | null) => { next: RateBucket; decision: D }) =>
        compareAndSwap(
          `bucket:${key}`,
          (expected, next) => call<Swapped<RateBucket>>('primitives', 'swapBucket', key, expected, next),
          step,
        ),
    },
    locks: leaseLock({
      take: (name, holder, now) => call<boolean>('leases', 'take', name, holder, now),
      renew: (name, holder) => call<void>('leases', 'renew', name, holder),
      release: (name, holder) => call<void>('leases', 'release', name, holder),
    }),
    migrate: () => call<string[]>('', 'migrate'),
    close() {
      closing ??= (async () => {
        if (state !== 'open') {
          if (state === 'failed') await thread.terminate();
          return;
        }
        state = 'closing';
        const exited = new Promise((resolve) => thread.once('exit', resolve));
        try {
          await post('', 'close', []);
        } finally {
          // Held until the thread has ended: a command line whose last act is close() must not exit before it.
          thread.ref();
          await exited;
        }
      })();
      return closing;
    },
  };
  return storage as unknown as SqliteThreadStorage;
}
