import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLine, type Logger } from '#server/platform/observability/log.ts';
import { createServerMetrics } from '#server/platform/observability/server-metrics.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { Browser } from '../accounts/support.ts';
import { COMPLAINT, createCaseTestApp, solvedPow, type CaseTestApp } from '../services/case-support.ts';

/**
 * docs/adr/0105: one JSON line per request with an id the answer repeats,
 * nothing of what a citizen sent in it, and Prometheus metrics that only
 * the machine itself and the province administrator read.
 */
let t: CaseTestApp;
const lines: string[] = [];
const capture: Logger = {
  info: (event, fields) => void lines.push(logLine('info', event, fields)),
  warn: (event, fields) => void lines.push(logLine('warn', event, fields)),
  error: (event, fields) => void lines.push(logLine('error', event, fields)),
};

beforeAll(async () => {
  const storage = openSqliteStorage({ path: ':memory:' });
  const metrics = createServerMetrics({ cases: () => storage.cases.countByStatus(), queueDepth: () => ({}) });
  t = await createCaseTestApp({ storage, app: { requestLog: capture, metrics } });
});
afterAll(() => t.storage.close());

const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('request log', () => {
  it('writes one JSON line per request, named by the id the answer carries, with nothing the citizen sent', async () => {
    const citizen = new Browser(t, 'sotuphap.localhost', '203.0.113.77');
    const response = await citizen.request('/dich-vu/khieu-nai-to-cao', {
      json: { ...COMPLAINT, ...(await solvedPow(citizen, 'khieu-nai-to-cao')) },
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(201);
    const requestId = response.headers.get('x-request-id');
    const line = parsed().find((l) => l.requestId === requestId);
    expect(line).toMatchObject({
      level: 'info',
      event: 'request',
      method: 'POST',
      site: 'sotuphap',
      path: '/dich-vu/khieu-nai-to-cao',
      status: 201,
    });
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    const everything = lines.join('\n');
    for (const personal of [
      COMPLAINT.fullName,
      COMPLAINT.email,
      COMPLAINT.phone,
      COMPLAINT.idNumber,
      COMPLAINT.address,
      '203.0.113.77',
      trackingCode,
    ]) {
      expect(everything).not.toContain(personal);
    }
  });

  it('keeps no query string, which may carry what a visitor typed', async () => {
    await new Browser(t, 'sotuphap.localhost').request('/dich-vu/hoi-dap?thu-tuc=Nguyen%20Van%20A');
    expect(lines.at(-1)).not.toContain('Nguyen');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ path: '/dich-vu/hoi-dap' });
  });
});

describe('/metrics', () => {
  it('answers a scraper on the machine itself with requests, latency and cases per state', async () => {
    const response = await new Browser(t, 'localhost', '127.0.0.1').request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toMatch(/^congso_http_requests_total\{method="POST",route="dich-vu",status="201"\} 1$/m);
    expect(text).toMatch(/^congso_http_request_duration_seconds_count\{route="dich-vu"\} \d+$/m);
    expect(text).toMatch(/^congso_cases\{site="sotuphap",service="khieu-nai-to-cao",status="submitted"\} 1$/m);
  });

  it('refuses a stranger, and lets the province administrator read it', async () => {
    const stranger = await new Browser(t, 'localhost', '198.51.100.9').request('/metrics', {
      headers: { accept: 'application/json' },
    });
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe('E_METRICS_FORBIDDEN');
    const admin = await t.addAccount('Quản Trị Tỉnh', 'admin');
    const browser = new Browser(t, 'localhost', '198.51.100.10');
    await browser.signInFully(admin.username, admin.password);
    expect((await browser.request('/metrics')).status).toBe(200);
  });
});
