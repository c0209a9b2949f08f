import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Hono } from 'hono';
import { numberedComplaint } from '#src/schema/submission/samples.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { formatTable } from '#src/text/table-format.ts';

/**
 * `npm run bench:api -- --seconds 10 --clients 16,32,64 [--rate 1000] [--postgres <url>]`:
 * concurrent clients filing complaints over HTTP (JSON, one idempotency key
 * each, acknowledged only after the durable commit) against SQLite (file,
 * WAL, synchronous=FULL) on its own thread as the server runs it, the same
 * adapter on the server's thread (where it ran before docs/adr/0054), and
 * PostgreSQL (`--postgres`, DATABASE_URL or TEST_DATABASE_URL, when
 * reachable), beside a bare Hono endpoint on the same HTTP stack as the
 * ceiling. The server is built as `server/platform/main.ts` builds it (the
 * rate-limit buckets in the storage) and runs in a worker thread so the
 * clients do not share its event loop. What it measures and why:
 * docs/adr/0055. Target with SQLite: ≥ 1,000 submissions/s at p99 ≤ 50 ms
 * with 64 clients.
 */

type Target = 'bare' | 'sqlite' | 'sqlite-main' | 'postgres';
const TARGETS: readonly Target[] = ['bare', 'sqlite', 'sqlite-main', 'postgres'];

async function serve({ target, dir, databaseUrl }: { target: Target; dir: string; databaseUrl?: string }) {
  const { startServer } = await import('#server/platform/start-server.ts');
  if (target === 'bare') {
    const app = new Hono();
    app.post('/dich-vu/khieu-nai-to-cao', async (c) =>
      c.json({ trackingCode: 'STP-2026-0000-00', received: Object.keys(await c.req.json()).length }, 201),
    );
    const server = await startServer(app as never, { port: 0, hostname: '127.0.0.1' });
    parentPort!.once('message', () => void server.close().then(() => parentPort!.close()));
    parentPort!.postMessage(server.port);
    return;
  }
  const { createApp } = await import('#server/platform/app.ts');
  const { createServices } = await import('#server/accounts/index.ts');
  const { createCaseServices } = await import('#server/citizen-services/index.ts');
  const { openStorage } = await import('#server/platform/storage/open-storage.ts');
  let storage: Storage;
  if (target === 'postgres') {
    const { openPostgresStorage } = await import('#server/platform/storage/postgres/postgres-storage.ts');
    storage = await openPostgresStorage({ connectionString: databaseUrl!, schema: `bench_${process.pid}`, max: 20 });
  } else if (target === 'sqlite-main') {
    const { openSqliteStorage } = await import('#server/platform/storage/sqlite/sqlite-storage.ts');
    storage = openSqliteStorage({ path: path.join(dir, 'bench.sqlite') });
  } else {
    storage = await openStorage({ SQLITE_PATH: path.join(dir, 'bench.sqlite') });
  }
  await storage.migrate();
  const departments = [{ id: 'sotuphap', name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn'] }];
  const services = createServices({ storage, departments });
  const cases = createCaseServices(storage, departments, Date.now, {
    attachmentsDir: path.join(dir, 'tep'),
    secretKey: 'bench-secret-key-0123456789abcdefghij',
    // As main.ts: the buckets in the storage, shared by every instance; an allowance no client here exhausts.
    buckets: storage.rateBuckets,
    rateLimits: { submission: { capacity: 1e12, refillPerMinute: 1e12 } },
  });
  const app = createApp({ storage, departments, services, caseServices: cases, distDir: path.join(dir, 'dist') });
  const server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  parentPort!.once('message', async () => {
    await server.close();
    await storage.close();
    parentPort!.close();
  });
  parentPort!.postMessage(server.port);
}

function post(agent: Agent, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/dich-vu/khieu-nai-to-cao',
        headers: {
          host: `sotuphap.localhost:${port}`,
          origin: `http://sotuphap.localhost:${port}`,
          accept: 'application/json',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Measure {
  target: Target;
  /** Acknowledged submissions per second. */
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  /** Answered with another status than 201. */
  failures: number;
  /** Open loop: due in the window, never sent because every client still waited on an earlier answer. */
  unsent: number;
  /** CPU time of the whole process (clients, server, storage thread) per answered submission: less sensitive than latency to what else runs on the machine. */
  cpuMs: number;
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/**
 * One target, `clients` connections. Closed loop (`rate` undefined): each
 * client sends its next submission as soon as the last is answered, so the
 * figure is the most the server takes, and latency ≈ clients ÷ throughput
 * (Little's law). Open loop (`rate` per second): submissions are due on a
 * fixed schedule, shared by the clients, and each latency runs from when it
 * was due, not from when a free client sent it: a server that falls behind
 * is charged for the wait (no coordinated omission).
 */
async function run(
  target: Target,
  seconds: number,
  clients: number,
  databaseUrl?: string,
  rate?: number,
): Promise<Measure> {
  const dir = mkdtempSync(path.join(tmpdir(), `congso-bench-api-${target}-`));
  const worker = new Worker(new URL(import.meta.url), { workerData: { target, dir, databaseUrl } });
  const port: number = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let failures = 0;
  let counter = 0;
  const begin = performance.now();
  const warmUntil = begin + 1000;
  const end = warmUntil + seconds * 1000;
  const client = async () => {
    for (;;) {
      counter += 1;
      const n = counter;
      const due = rate ? begin + ((n - 1) * 1000) / rate : performance.now();
      if (due >= end || performance.now() >= end) return;
      if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      const status = await post(agent, port, JSON.stringify(numberedComplaint(n, `bench${process.pid}${target}`)));
      const took = performance.now() - due;
      if (due < warmUntil) continue;
      if (status === 201) latencies.push(took);
      else failures += 1;
    }
  };
  let cpuAtWarm = process.cpuUsage();
  const warmed = setTimeout(() => (cpuAtWarm = process.cpuUsage()), warmUntil - performance.now());
  await Promise.all(Array.from({ length: clients }, client));
  clearTimeout(warmed);
  const cpu = process.cpuUsage(cpuAtWarm);
  agent.destroy();
  const stopped = new Promise((resolve) => worker.once('exit', resolve));
  worker.postMessage('stop');
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5000))]);
  await worker.terminate();
  rmSync(dir, { recursive: true, force: true });
  // Open loop: submissions due in the window that no client could send before it closed; counted apart from refusals.
  const unsent = rate ? Math.max(0, Math.round(seconds * rate) - latencies.length - failures) : 0;
  latencies.sort((a, b) => a - b);
  const cpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length);
  return {
    target,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    ok: latencies.length,
    failures,
    unsent,
    cpuMs,
  };
}

async function postgresReachable(databaseUrl: string): Promise<boolean> {
  try {
    const pg = await import('pg');
    const probe = new pg.default.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
    await probe.connect();
    await probe.end();
    return true;
  } catch (error) {
    console.log(`PostgreSQL bỏ qua: ${(error as Error).message}`);
    return false;
  }
}

async function dropBenchSchemas(databaseUrl: string): Promise<void> {
  const pg = await import('pg');
  const cleanup = new pg.default.Client({ connectionString: databaseUrl });
  await cleanup.connect();
  const schemas = await cleanup.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_%'`);
  for (const row of schemas.rows as Array<{ nspname: string }>)
    await cleanup.query(`DROP SCHEMA ${row.nspname} CASCADE`);
  await cleanup.end();
}

const LABELS: Record<Target, string> = {
  bare: 'Hono trần (trần trên)',
  sqlite: 'Nộp đơn, SQLite (luồng riêng)',
  'sqlite-main': 'Nộp đơn, SQLite (luồng máy chủ)',
  postgres: 'Nộp đơn, PostgreSQL',
};
const TARGET_RPS = 1000;
const TARGET_P99_MS = 50;

const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));

function table(results: Measure[]): string {
  return formatTable(
    ['Đích', 'Đơn/giây', 'p50 (ms)', 'p99 (ms)', 'CPU/đơn (ms)', 'Thành công', 'Lỗi', 'Chưa kịp gửi'],
    results.map((r) => [
      LABELS[r.target],
      r.rps.toFixed(0),
      ms(r.p50),
      ms(r.p99),
      r.cpuMs.toFixed(2),
      String(r.ok),
      String(r.failures),
      String(r.unsent),
    ]),
    [false, true, true, true, true, true, true, true],
  );
}

const load = () =>
  `tải máy ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} (1, 5, 15 phút) trên ${cpus().length} lõi`;

/**
 * Throughput at a latency bound depends on how many clients wait at once
 * (Little's law: latency ≈ clients ÷ throughput), so the bench sweeps the
 * client count in a closed loop, then offers the target rate in an open
 * loop with the most clients, and says for each whether the SQLite target
 * holds. The machine's load is printed beside each table: on a shared
 * machine the bare ceiling of the same run is the yardstick.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      clients: { type: 'string', default: '16,32,64' },
      rate: { type: 'string', default: String(TARGET_RPS) },
      targets: { type: 'string', default: TARGETS.join(',') },
      postgres: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const counts = values
    .clients!.split(',')
    .map(Number)
    .filter((n) => n > 0);
  const rate = Number(values.rate);
  const databaseUrl =
    values.postgres ||
    process.env.DATABASE_URL ||
    process.env.TEST_DATABASE_URL ||
    'postgres://postgres@127.0.0.1:5432/test';
  let targets = values.targets!.split(',').filter((t): t is Target => (TARGETS as readonly string[]).includes(t));
  if (targets.includes('postgres') && !(await postgresReachable(databaseUrl)))
    targets = targets.filter((t) => t !== 'postgres');
  const measureAll = async (clients: number, offered?: number) => {
    const results: Measure[] = [];
    for (const target of targets)
      results.push(await run(target, seconds, clients, databaseUrl, target === 'bare' ? undefined : offered));
    if (targets.includes('postgres')) await dropBenchSchemas(databaseUrl);
    return results;
  };
  const verdict = (label: string, sqlite: Measure | undefined) =>
    sqlite
      ? `${label}: ${sqlite.rps.toFixed(0)} đơn/giây, p99 ${ms(sqlite.p99)} ms — ${sqlite.rps >= TARGET_RPS && sqlite.p99 <= TARGET_P99_MS ? 'đạt' : 'chưa đạt'}`
      : `${label}: không đo SQLite`;
  const verdicts: string[] = [];
  for (const clients of counts) {
    console.log(`\nVòng kín, ${seconds} giây, ${clients} máy khách đồng thời; ${load()}.`);
    const results = await measureAll(clients);
    console.log(table(results));
    verdicts.push(
      verdict(
        `vòng kín, ${clients} máy khách`,
        results.find((r) => r.target === 'sqlite'),
      ),
    );
  }
  const most = Math.max(...counts);
  if (rate > 0) {
    console.log(
      `\nVòng mở, ${rate} đơn/giây theo lịch, ${seconds} giây, ${most} máy khách (độ trễ tính từ lúc đơn đến hạn gửi; "chưa kịp gửi": đơn đến hạn khi mọi máy khách còn chờ trả lời; Hono trần: vòng kín); ${load()}.`,
    );
    const results = await measureAll(most, rate);
    console.log(table(results));
    verdicts.push(
      verdict(
        `vòng mở ${rate} đơn/giây, ${most} máy khách`,
        results.find((r) => r.target === 'sqlite'),
      ),
    );
  }
  console.log(`\nMục tiêu SQLite (≥ 1.000 đơn bền vững/giây, p99 ≤ 50 ms) — ${load()}:\n  ${verdicts.join('\n  ')}`);
}

// Last, so every constant above is initialised before either side starts.
if (!isMainThread) await serve(workerData as { target: Target; dir: string; databaseUrl?: string });
else await main();
