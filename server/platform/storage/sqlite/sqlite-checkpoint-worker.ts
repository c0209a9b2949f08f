import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The checkpoints of the storage thread's file, on a thread of their own
 * (docs/adr/0111). SQLite checkpoints inside the COMMIT that crosses 1,000
 * pages of write-ahead log: it copies them into the database and waits for
 * two fsyncs, and the storage thread, with every submission of that group
 * and of the next, waited with it. A passive checkpoint takes no write
 * lock: here it copies what is committed while the storage thread goes on
 * committing. Nothing is acknowledged by this thread, and its connection
 * writes only what the log already holds durably.
 */
const port = parentPort!;
const { path, everyMs } = workerData as { path: string; everyMs: number };
const db = new DatabaseSync(path);
db.exec('PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');

const timer = setInterval(() => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failing: the storage thread's own checkpoint, further on, is the backstop.
  }
}, everyMs);

port.on('message', () => {
  clearInterval(timer);
  db.close();
  port.close();
});
