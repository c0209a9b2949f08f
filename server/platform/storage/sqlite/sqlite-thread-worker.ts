import { parentPort, Worker, workerData } from 'node:worker_threads';
import { openSqliteConnection } from './sqlite-storage.ts';
import { type Answer, type Call, describeError, type Opened } from './sqlite-thread-messages.ts';

/**
 * The storage thread (docs/adr/0054): the SQLite adapter, unchanged, on a
 * thread of its own, so that a COMMIT waiting for the disk (synchronous =
 * FULL) blocks this thread and not the server's event loop. Calls are
 * answered in the order they arrive; the adapter's group commit gathers the
 * submissions that arrive while the previous COMMIT waits.
 */
const port = parentPort!;
const { path } = workerData as { path: string };

function send(message: Opened): void {
  port.postMessage(message);
}

/** One answer alone, when the batch it was in could not be copied: a refusal whose data cannot be copied crosses without it. */
function sendAlone(message: Answer): void {
  try {
    port.postMessage([message]);
  } catch {
    const error = message.ok
      ? describeError(new Error('The storage answered a value that cannot be copied to the server thread.'))
      : { ...message.error, data: undefined };
    port.postMessage([{ id: message.id, ok: false, error }]);
  }
}

/**
 * Here the wait for a group commit blocks no request, and a commit of a
 * few submissions costs as much as one of many: on the server's thread,
 * requests piled up while the loop was blocked, and groups averaged 24
 * submissions in the bench; here, with a 2 ms wait, 3, and the fsyncs cost
 * CPU the requests needed. A group gathers while submissions keep coming,
 * up to 8 ms: 10–20 at 1,000 submissions/s, a sixth of the latency budget
 * (docs/adr/0054, 0055).
 */
const GROUP_COMMIT_WAIT_ON_THREAD_MS = 8;

/**
 * Checkpoints run on a thread of their own, every 100 ms (a few hundred
 * pages under load); this thread checkpoints itself only if the log ever
 * reaches 10,000 pages (40 MB), should that thread fall behind or fail
 * (docs/adr/0111).
 */
const CHECKPOINT_EVERY_MS = 100;
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

const separateCheckpoints = path !== ':memory:' && path !== '';

let opened: ReturnType<typeof openSqliteConnection> | undefined;
try {
  opened = openSqliteConnection({
    path,
    groupCommitWaitMs: GROUP_COMMIT_WAIT_ON_THREAD_MS,
    ...(separateCheckpoints ? { autocheckpointPages: BACKSTOP_CHECKPOINT_PAGES } : {}),
  });
} catch (error) {
  send({ opened: false, error: describeError(error) });
  port.close();
}

/** Started once this thread has the file open (in WAL mode); stopped before this thread closes it. */
let checkpoints: { thread: Worker; exited: Promise<unknown> } | undefined;
if (opened && separateCheckpoints) {
  const thread = new Worker(new URL('./sqlite-checkpoint-worker.ts', import.meta.url), {
    workerData: { path, everyMs: CHECKPOINT_EVERY_MS },
  });
  checkpoints = { thread, exited: new Promise((resolve) => thread.once('exit', resolve)) };
  // An idle storage thread must not be held open by it; an error there leaves the backstop above.
  thread.unref();
  thread.on('error', () => undefined);
}
/** Resolves once that thread has closed its connection, or at once if it already ended. */
function stopCheckpoints(): Promise<unknown> {
  const running = checkpoints;
  checkpoints = undefined;
  if (!running) return Promise.resolve();
  running.thread.postMessage('stop');
  return running.exited;
}

if (opened) {
  const { storage, primitives } = opened;
  const targets: Record<string, unknown> = { ...storage, primitives, leases: primitives.leases };
  const shape = Object.fromEntries(
    Object.entries(storage)
      .filter(([, value]) => typeof value === 'object' && value !== null)
      .map(([name, repo]) => [
        name,
        Object.keys(repo).filter((key) => typeof (repo as Record<string, unknown>)[key] === 'function'),
      ]),
  );
  send({ opened: true, shape });

  /** Answers produced in one turn leave together, as the calls came (see the server's side). */
  let outbox: Answer[] = [];
  const answer = (message: Answer) => {
    outbox.push(message);
    if (outbox.length === 1) queueMicrotask(flushAnswers);
  };
  function flushAnswers(): void {
    const answers = outbox;
    outbox = [];
    try {
      port.postMessage(answers);
    } catch {
      for (const one of answers) sendAlone(one);
    }
  }

  /**
   * The calls of one message were made in one turn of the server's loop:
   * none waits for another, so any order is one they could have had. The
   * bucket swaps among them (one per submission) run first, together, in
   * one transaction (docs/adr/0111); the rest in the order they came.
   */
  port.on('message', (calls: Call[]) => {
    const swaps: Call[] = [];
    const others: Call[] = [];
    for (const call of calls) (call.repo === 'primitives' && call.method === 'swapBucket' ? swaps : others).push(call);
    if (swaps.length > 0) swapTogether(swaps);
    for (const call of others) handle(call);
  });

  function swapTogether(swaps: Call[]): void {
    let outcomes: ReturnType<typeof primitives.swapBuckets>;
    try {
      outcomes = primitives.swapBuckets(swaps.map(({ args }) => args as Parameters<typeof primitives.swapBucket>));
    } catch (error) {
      // The commit itself failed: none of them was written.
      for (const { id } of swaps) answer({ id, ok: false, error: describeError(error) });
      return;
    }
    swaps.forEach(({ id }, i) => {
      const outcome = outcomes[i]!;
      answer(
        outcome.ok ? { id, ok: true, value: outcome.value } : { id, ok: false, error: describeError(outcome.error) },
      );
    });
  }

  function handle({ id, repo, method, args }: Call): void {
    if (repo === '' && method === 'close') {
      // The waiting group commit is written first (the adapter's close), then every answer it produced leaves before the port closes.
      const last = (message: Answer) =>
        setImmediate(() => {
          flushAnswers();
          sendAlone(message);
          port.close();
        });
      // The checkpoints' connection first: this one is then the last, and SQLite checkpoints and removes the log on closing it.
      void stopCheckpoints()
        .then(() => storage.close())
        .then(
          () => last({ id, ok: true, value: undefined }),
          (error: unknown) => last({ id, ok: false, error: describeError(error) }),
        );
      return;
    }
    const ok = (value: unknown) => answer({ id, ok: true, value });
    const failed = (error: unknown) => answer({ id, ok: false, error: describeError(error) });
    try {
      const target = (repo === '' ? storage : targets[repo]) as
        | Record<string, (...a: unknown[]) => unknown>
        | undefined;
      const fn = target?.[method];
      if (typeof fn !== 'function') throw new Error(`The storage has no ${repo}.${method}.`);
      const result = fn.apply(target, args);
      if (result instanceof Promise) result.then(ok, failed);
      else ok(result);
    } catch (error) {
      failed(error);
    }
  }
}
