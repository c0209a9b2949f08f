import { loadDepartments } from '../src/content-source/departments.ts';
import { createApp } from './app.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './lib/session-policy.ts';
import { createServices } from './services/create-services.ts';
import { seedSampleAccounts } from './services/seed-sample-accounts.ts';
import { startServer } from './start-server.ts';
import { openStorage } from './storage/open-storage.ts';

/**
 * `node server/main.ts`. Environment: PORT (4321), DATABASE_URL (PostgreSQL;
 * else SQLITE_PATH or ./data/congso.sqlite), CONTENT_ROOT (the repo),
 * PORTAL_HOSTS (extra portal domains, comma-separated), TRUST_PROXY=1 behind
 * a reverse proxy, SEED_SAMPLE_ACCOUNTS=1 to create demo accounts.
 */
const env = process.env;
const storage = await openStorage(env);
const applied = await storage.migrate();
if (applied.length > 0) console.log(`Đã áp dụng migration: ${applied.join(', ')}`);

const departments = await loadDepartments(env.CONTENT_ROOT ?? process.cwd());
const services = createServices({
  storage,
  departments,
  portalHosts: env.PORTAL_HOSTS?.split(',').map((h) => h.trim()).filter(Boolean),
});
const app = createApp({ storage, departments, services, trustProxy: env.TRUST_PROXY === '1' });

if (env.SEED_SAMPLE_ACCOUNTS === '1') {
  const seeded = await seedSampleAccounts(services.accounts, departments);
  for (const s of seeded) console.log(`${s.departmentId ?? '(tỉnh)'}\t${s.role}\t${s.username}\t${s.oneTimePassword}`);
}

const port = Number(env.PORT ?? 4321);
const server = await startServer(app, { port });
console.log(`congso: http://localhost:${server.port}/quan-tri/ (cổng tỉnh), http://<mã-đơn-vị>.localhost:${server.port}/quan-tri/`);

// Expired sessions are refused anyway; this only keeps the table small.
const sweep = setInterval(() => {
  storage.sessions.deleteExpired(Date.now(), SESSION_IDLE_MS, SESSION_ABSOLUTE_MS).catch((error) => console.error(error));
}, 10 * 60_000);
sweep.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    clearInterval(sweep);
    await server.close();
    await storage.close();
    process.exit(0);
  });
}
