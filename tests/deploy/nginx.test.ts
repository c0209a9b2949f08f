import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDepartments, loadProvince } from '#src/content-source/departments.ts';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { createApp } from '#server/platform/app.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { createCaseServices } from '#server/citizen-services/create-case-services.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import { siteBuilder } from '#server/editorial/publish-queue-build.ts';
import type { Logger } from '#server/platform/observability/log.ts';
import { startServer, type RunningServer } from '#server/platform/start-server.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { cheapHasher } from '../accounts/support.ts';
import { LIVE_SEED } from '../editorial/live-app.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { solve } from '../services/case-support.ts';

/**
 * docs/adr/0103: Debian's nginx with the documented configuration
 * (docs/deploy/nginx/) in front of the server started with TRUST_PROXY=1.
 * nginx serves the built site itself, precompressed, with the headers the
 * server would have sent; a search runs in Chromium under nginx's CSP;
 * forms reach the server, which counts the client nginx saw and not the
 * X-Forwarded-For a client wrote.
 */
const run = promisify(execFile);
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
if (!NGINX) {
  if (process.env.CI === 'true') throw new Error('nginx không có trên máy: CI phải cài gói nginx (xem .ci/run).');
  console.warn('⚠ Bỏ qua kiểm thử nginx: không có nginx (apt-get install nginx).');
}
const SECURITY_HEADERS = [
  'content-security-policy',
  'cache-control',
  'content-disposition',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let work: string;
let storage: Storage;
let node: RunningServer;
let nginx: ChildProcess;
let tls: number;
let plain: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function ask(
  target: { port: number; tls: boolean },
  host: string,
  pathname: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const send = target.tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: '127.0.0.1',
        port: target.port,
        servername: host,
        rejectUnauthorized: false,
        path: pathname,
        method: init.method ?? 'GET',
        headers: { host, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A request through nginx over TLS, as a browser at `host` sends it. */
const viaNginx = (host: string, pathname: string, init?: Parameters<typeof ask>[3]) =>
  ask({ port: tls, tls: true }, `${host}:${tls}`, pathname, init);
/** The same request straight to the server, as it answers without nginx. */
const direct = (host: string, pathname: string, init?: Parameters<typeof ask>[3]) =>
  ask({ port: node.port, tls: false }, host, pathname, init);

async function nginxConfig(certificate: string, key: string, distDir: string): Promise<string> {
  const source = path.join(PROJECT_ROOT, 'docs', 'deploy', 'nginx');
  const target = path.join(work, 'congso');
  await mkdir(target);
  for (const name of await readdir(source)) {
    const text = (await readFile(path.join(source, name), 'utf8'))
      .replaceAll('/etc/nginx/congso/', `${target}/`)
      .replaceAll('/srv/congso/dist', distDir)
      .replaceAll('127.0.0.1:4321', `127.0.0.1:${node.port}`)
      .replaceAll('/etc/ssl/congso/fullchain.pem', certificate)
      .replaceAll('/etc/ssl/congso/privkey.pem', key)
      .replaceAll('/var/www/letsencrypt', path.join(work, 'acme'))
      .replaceAll('listen 443 ', `listen 127.0.0.1:${tls} `)
      .replaceAll('listen 80;', `listen 127.0.0.1:${plain};`)
      .split('\n')
      .filter((line) => !line.includes('listen [::]'))
      .join('\n');
    await writeFile(path.join(target, name), text);
  }
  const main = path.join(work, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${path.join(work, name)};`;
  await writeFile(
    main,
    [
      'worker_processes 1;',
      `pid ${path.join(work, 'nginx.pid')};`,
      `error_log ${path.join(work, 'error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${path.join(work, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
      `  include ${path.join(target, 'congso.conf')};`,
      '}',
    ].join('\n'),
  );
  return main;
}

beforeAll(async () => {
  if (!NGINX) return;
  work = await mkdtemp(path.join(tmpdir(), 'congso-nginx-'));
  // nginx's workers read dist/ as its own user (www-data when started as root), as on the province's server.
  await chmod(work, 0o755);
  const distDir = path.join(work, 'dist');
  const { dir: repoDir, repo } = await ensureContentRepository({
    dir: path.join(work, 'content'),
    seedFrom: LIVE_SEED,
  });
  const workDir = path.join(PROJECT_ROOT, '.build', `nginx-${process.pid}`);
  await siteBuilder({ contentRoot: repoDir, outDir: distDir, workDir })('sotuphap');
  await rm(workDir, { recursive: true, force: true });

  storage = openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  const departments = await loadDepartments(repoDir);
  const services = createServices({ storage, departments, hasher: cheapHasher() });
  const cases = createCaseServices(storage, departments, () => Date.now(), {
    attachmentsDir: path.join(work, 'attachments'),
    secretKey: 'k'.repeat(40),
    contentRoot: repoDir,
    powDifficulty: 4,
    // Three submissions an address, and no refill within the test: the fourth tells who the server counted.
    rateLimits: { submission: { capacity: 3, refillPerMinute: 0.001 } },
  });
  const app = createApp({
    storage,
    departments,
    services,
    caseServices: cases,
    distDir,
    province: await loadProvince(repoDir),
    trustProxy: true,
    requestLog: quiet,
    editorial: { repo, repoDir, build: async () => undefined },
  });
  node = await startServer(app, { port: 0, hostname: '127.0.0.1' });

  [tls, plain] = [await freePort(), await freePort()];
  const certificate = path.join(work, 'cert.pem');
  const key = path.join(work, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,DNS:*.localhost',
    '-keyout',
    key,
    '-out',
    certificate,
  ]);
  const config = await nginxConfig(certificate, key, distDir);
  await run(NGINX, ['-t', '-p', work, '-e', path.join(work, 'error.log'), '-c', config]);
  nginx = spawn(NGINX, ['-p', work, '-e', path.join(work, 'error.log'), '-c', config, '-g', 'daemon off;'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i += 1) {
    if (
      await viaNginx('localhost', '/healthz').then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);

afterAll(async () => {
  nginx?.kill('SIGQUIT');
  await node?.close();
  await storage?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!NGINX)('nginx in front of the server (docs/deploy/nginx)', () => {
  it.each(['/', '/tim-kiem/', '/pagefind/pagefind.js', '/tep/mau/du-thao-mau.pdf', '/khong-ton-tai/'])(
    'serves %s from dist/ itself, with the security headers the server sets',
    async (pathname) => {
      const init = { headers: { 'accept-encoding': 'gzip' } };
      const [proxied, own] = [
        await viaNginx('sotuphap.localhost', pathname, init),
        await direct('sotuphap.localhost', pathname, init),
      ];
      expect(proxied.status).toBe(own.status);
      // The server tags what it answers; these came from nginx alone.
      expect(proxied.headers['x-request-id']).toBeUndefined();
      for (const header of SECURITY_HEADERS) expect(proxied.headers[header], header).toBe(own.headers[header]);
      if (own.headers['content-encoding']) expect(proxied.headers['content-encoding']).toBe('gzip');
    },
  );

  it('passes a shared draft link to the server, which answers it (docs/adr/0093)', async () => {
    const [proxied, own] = [
      await viaNginx('sotuphap.localhost', '/xem-truoc?ma=lien-ket-khong-hop-le'),
      await direct('sotuphap.localhost', '/xem-truoc?ma=lien-ket-khong-hop-le'),
    ];
    expect(proxied.status).toBe(own.status);
    expect(proxied.headers['x-request-id']).toBeDefined();
    expect(proxied.headers['referrer-policy']).toBe('no-referrer');
  });

  it('redirects a folder without its slash as the server does, and serves no hidden file, no /metrics', async () => {
    const folder = await viaNginx('sotuphap.localhost', '/van-ban?trang=2');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/van-ban/?trang=2');
    expect((await viaNginx('sotuphap.localhost', '/build-info.json/../.git/config')).status).toBe(404);
    expect((await viaNginx('sotuphap.localhost', '/metrics')).status).toBe(404);
    expect((await viaNginx('sotuphap.localhost', '/tep/trang.html')).status).toBe(404);
  });

  it('sends plain HTTP to HTTPS, and the portal and the health probe to the server', async () => {
    const redirect = await ask({ port: plain, tls: false }, 'sotuphap.localhost', '/van-ban/');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('https://sotuphap.localhost/van-ban/');
    const health = await viaNginx('sotuphap.localhost', '/healthz');
    // The server's answer (two of the fixture's three sites are not built: 503), named by nginx's request id.
    expect(JSON.parse(health.body.toString())).toHaveProperty('ok');
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect((await viaNginx('localhost', '/')).status).toBe(200);
  });

  it('passes a citizen’s form to the server, which counts the client nginx saw, whatever X-Forwarded-For the client writes', async () => {
    const origin = `https://sotuphap.localhost:${tls}`;
    const submit = async (spoofed: string) => {
      const challenge = JSON.parse(
        (
          await viaNginx('sotuphap.localhost', '/dich-vu/thu-thach?dich-vu=hoi-dap', {
            headers: { accept: 'application/json', 'x-forwarded-for': spoofed },
          })
        ).body.toString(),
      );
      const form = new URLSearchParams({
        fullName: 'Lê Văn Tám',
        email: 'tam@example.com',
        title: 'Hỏi về đăng ký khai sinh',
        question: 'Thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?',
        consent: 'on',
        'pow-challenge': challenge.challenge,
        'pow-nonce': solve(challenge.challenge, challenge.difficulty),
      });
      return viaNginx('sotuphap.localhost', '/dich-vu/hoi-dap', {
        method: 'POST',
        headers: {
          origin,
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': spoofed,
        },
        body: form.toString(),
      });
    };
    const first = await submit('203.0.113.1');
    expect(first.status).toBe(201);
    expect(JSON.parse(first.body.toString())).toMatchObject({ trackingCode: expect.stringMatching(/^STP-\d{4}-/) });
    expect((await submit('203.0.113.2')).status).toBe(201);
    expect((await submit('203.0.113.3')).status).toBe(201);
    // A fourth "client" is the same one: nginx replaced what it wrote, and its allowance is spent.
    const refused = await submit('198.51.100.77');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body.toString())).toMatchObject({ error: { code: 'E_RATE_LIMITED' } });
  });

  it.skipIf(!chromiumAvailable)(
    'runs a search in Chromium under the policy nginx sends',
    async () => {
      const browser = await launchChromium();
      try {
        const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
        const blocked: string[] = [];
        page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
        await page.goto(`https://sotuphap.localhost:${tls}/tim-kiem/?q=${encodeURIComponent('khai sinh')}`);
        const results = page.locator('main ol li a, main ul li a').filter({ hasText: /khai sinh/i });
        await results.first().waitFor({ timeout: 20_000 });
        expect(await results.count()).toBeGreaterThan(0);
        expect(blocked.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
