import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Hono } from 'hono';
import { formatTable } from '#src/text/table-format.ts';

/**
 * `npm run bench:api -- --seconds 10 --clients 16,32,64`: concurrent clients filing
 * complaints over HTTP (JSON, one idempotency key each, acknowledged only
 * after the durable commit) against SQLite (file, WAL, synchronous=FULL) and
 * PostgreSQL (when reachable), beside a bare Hono endpoint on the same HTTP
 * stack as the ceiling. The server runs in a worker thread so the clients do
 * not share its event loop. The proof of work and per-address limits are off
 * (one address sends everything): this measures validation, storage and
 * HTTP, not the citizen's browser. Target with SQLite: ≥ 1,000
 * submissions/s at p99 < 50 ms.
 */

type Target = 'bare' | 'sqlite' | 'postgres';

async function serve({ target, dir, databaseUrl }: { target: Target; dir: string; databaseUrl?: string }) {
  const { startServer } = await import('#server/platform/start-server.ts');
  if (target === 'bare') {
    const app = new Hono();
    app.post('/dich-vu/khieu-nai-to-cao', async (c) => c.json({ trackingCode: 'STP-2026-0000-00', received: Object.keys(await c.req.json()).length }, 201));
    const server = await startServer(app as never, { port: 0, hostname: '127.0.0.1' });
    parentPort!.postMessage(server.port);
    return;
  }
  const { createApp } = await import('#server/platform/app.ts');
  const { createServices } = await import('#server/accounts/index.ts');
  const { createCaseServices } = await import('#server/citizen-services/index.ts');
  const { openStorage } = await import('#server/platform/storage/open-storage.ts');
  let storage;
  if (target === 'postgres') {
    const { openPostgresStorage } = await import('#server/platform/storage/postgres/postgres-storage.ts');
    storage = await openPostgresStorage({ connectionString: databaseUrl!, schema: `bench_${process.pid}`, max: 20 });
  } else {
    storage = await openStorage({ SQLITE_PATH: path.join(dir, 'bench.sqlite') });
  }
  await storage.migrate();
  const departments = [{ id: 'sotuphap', name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn'] }];
  const services = createServices({ storage, departments });
  const cases = createCaseServices(storage, departments, Date.now, {
    attachmentsDir: path.join(dir, 'tep'),
    secretKey: 'bench-secret-key-0123456789abcdefghij',
    rateLimits: { submission: { capacity: 1e12, refillPerMinute: 1e12 } },
  });
  const app = createApp({ storage, departments, services, caseServices: cases, distDir: path.join(dir, 'dist') });
  const server = await startServer(app, { port: 0, hostname: '127.0.0.1' });
  parentPort!.postMessage(server.port);
}

const COMPLAINT = {
  kind: 'khieu-nai',
  fullName: 'Tôn Nữ Thị Hà',
  address: '12 Lê Lợi, phường Phú Hội, thành phố Huế',
  idNumber: '046190001234',
  phone: '0912 345 678',
  respondentName: 'Ủy ban nhân dân phường Phú Hội',
  respondentAddress: '5 Nguyễn Huệ, thành phố Huế',
  content: 'Tôi khiếu nại quyết định xử phạt vi phạm hành chính không đúng quy định của pháp luật.',
  reasons: 'Quyết định được ban hành khi chưa xác minh đầy đủ.',
  request: 'Đề nghị huỷ quyết định.',
  consent: 'on',
};

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

async function run(target: Target, seconds: number, clients: number, databaseUrl?: string) {
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
  const warmUntil = performance.now() + 1000;
  const end = warmUntil + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      counter += 1;
      const body = JSON.stringify({ ...COMPLAINT, 'idempotency-key': `bench${process.pid}x${counter}xxxxxxxxxxxxxxxxxx` });
      const start = performance.now();
      const status = await post(agent, port, body);
      const took = performance.now() - start;
      if (start < warmUntil) continue;
      if (status === 201) latencies.push(took);
      else failures += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  await worker.terminate();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { target, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), ok: latencies.length, failures };
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
  for (const row of schemas.rows as Array<{ nspname: string }>) await cleanup.query(`DROP SCHEMA ${row.nspname} CASCADE`);
  await cleanup.end();
}

/**
 * Throughput at a latency bound depends on how many clients wait at once
 * (Little's law: latency ≈ clients ÷ throughput), so the bench sweeps the
 * client count and says at which counts the SQLite target holds.
 */
async function main() {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '16,32,64' } } });
  const seconds = Number(values.seconds);
  const counts = values.clients!.split(',').map(Number).filter((n) => n > 0);
  const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const withPostgres = await postgresReachable(databaseUrl);
  const labels: Record<Target, string> = { bare: 'Hono trần (trần trên)', sqlite: 'Nộp đơn, SQLite', postgres: 'Nộp đơn, PostgreSQL' };
  const verdicts: string[] = [];
  for (const clients of counts) {
    console.log(`\nĐo ${seconds} giây, ${clients} máy khách đồng thời, ${cpus().length} lõi CPU.`);
    const results = [await run('bare', seconds, clients), await run('sqlite', seconds, clients)];
    if (withPostgres) {
      results.push(await run('postgres', seconds, clients, databaseUrl));
      await dropBenchSchemas(databaseUrl);
    }
    console.log(
      formatTable(
        ['Đích', 'Yêu cầu/giây', 'p50 (ms)', 'p99 (ms)', 'Thành công', 'Lỗi'],
        results.map((r) => [labels[r.target], r.rps.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), String(r.ok), String(r.failures)]),
        [false, true, true, true, true, true],
      ),
    );
    const sqlite = results.find((r) => r.target === 'sqlite')!;
    const met = sqlite.rps >= 1000 && sqlite.p99 < 50;
    verdicts.push(`${clients} máy khách: ${sqlite.rps.toFixed(0)} đơn/giây, p99 ${sqlite.p99.toFixed(1)} ms — ${met ? 'đạt' : 'chưa đạt'}`);
  }
  console.log(`\nMục tiêu SQLite (≥ 1.000 đơn bền vững/giây, p99 < 50 ms):\n  ${verdicts.join('\n  ')}`);
}

// Last, so every constant above is initialised before either side starts.
if (!isMainThread) await serve(workerData as { target: Target; dir: string; databaseUrl?: string });
else await main();
