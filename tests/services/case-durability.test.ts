import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { generateSecret, generateTrackingCode, hashSecret } from '#server/citizen-services/tracking-code.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { cheapHasher } from '../accounts/support.ts';
import { aCase, anAccount, aSubmitEvent } from '../support/records.ts';
import { COMPLAINT, fixture } from './case-support.ts';

/**
 * A write is acknowledged only once it is durable. Many citizens file at
 * once, or rate their closed cases while the head records extension
 * decisions (docs/adr/0056, 0058); the server dies with SIGKILL (no
 * shutdown code runs), and after a restart every submission answered with a
 * tracking code is there, intact, with its files, every acknowledged rating
 * and decision is there, and nothing is half-written.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'congso-ben-vung-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startServer(port: number, sqlite = 'congso.sqlite'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['server/platform/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SQLITE_PATH: path.join(dir, sqlite),
      // Each citizen below comes from an address of their own, as behind the province's proxy.
      TRUST_PROXY: '1',
      DATABASE_URL: '',
      CONTENT_REPO_DIR: path.join(dir, 'content'),
      CONGSO_DIST: path.join(dir, 'dist'),
      ATTACHMENTS_DIR: path.join(dir, 'tep'),
      CASE_SECRET_KEY: 'durability-test-key-0123456789abcdef',
      SEED_SAMPLE_ACCOUNTS: '0',
      SUBMISSION_BURST: '100000',
      SMTP_HOST: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('congso: http://')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

interface Sent {
  key: string;
  withFile: boolean;
  status: number | null;
  trackingCode?: string;
  secret?: string;
}

function submit(port: number, key: string, withFile: boolean): Promise<Sent> {
  const boundary = `----congso${key}`;
  const fields: Record<string, string> = {
    ...COMPLAINT,
    content: `${COMPLAINT.content} Đơn số ${key}.`,
    'idempotency-key': key,
  };
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (withFile) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="don.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(fixture('sample.pdf')), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(parts);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/dich-vu/khieu-nai-to-cao',
        headers: {
          host: `sotuphap.localhost:${port}`,
          origin: `http://sotuphap.localhost:${port}`,
          accept: 'application/json',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': body.length,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          try {
            const json = JSON.parse(text) as { trackingCode?: string; secret?: string };
            resolve({
              key,
              withFile,
              status: res.statusCode ?? null,
              trackingCode: json.trackingCode,
              secret: json.secret,
            });
          } catch {
            resolve({ key, withFile, status: res.statusCode ?? null });
          }
        });
        res.on('error', () => resolve({ key, withFile, status: null }));
      },
    );
    req.on('error', () => resolve({ key, withFile, status: null }));
    req.end(body);
  });
}

interface Answer {
  status: number | null;
  text: string;
  setCookie: string[];
}

/** One request to the server, answered or not (a killed server answers nothing). */
function send(
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body = '',
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: pathname,
        headers: {
          host: `sotuphap.localhost:${port}`,
          origin: `http://sotuphap.localhost:${port}`,
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? null, text, setCookie: res.headers['set-cookie'] ?? [] }),
        );
        res.on('error', () => resolve({ status: null, text: '', setCookie: [] }));
      },
    );
    req.on('error', () => resolve({ status: null, text: '', setCookie: [] }));
    req.end(body);
  });
}

/** Fires the requests, kills the server with SIGKILL once a quarter of them are answered, and waits for every answer or failure. */
async function killMidway<T>(server: ChildProcess, requests: Array<() => Promise<T>>): Promise<T[]> {
  let answered = 0;
  let killed = false;
  const all: Promise<T>[] = [];
  for (const [i, fire] of requests.entries()) {
    all.push(
      fire().then((answer) => {
        answered += 1;
        // Killed in the middle of the burst: some are committed, some in flight, some never read.
        if (!killed && answered >= requests.length / 4) {
          killed = true;
          server.kill('SIGKILL');
        }
        return answer;
      }),
    );
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 5));
  }
  const answers = await Promise.all(all);
  await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r)));
  expect(server.signalCode).toBe('SIGKILL');
  return answers;
}

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged submission, intact and with its files, across a kill -9 and a restart', async () => {
    const port = await freePort();
    let server = await startServer(port);
    const total = 400;
    const results = await killMidway(
      server,
      Array.from(
        { length: total },
        (_, i) => () => submit(port, `durable${String(i).padStart(5, '0')}${'x'.repeat(16)}`, i % 3 === 0),
      ),
    );
    const acknowledged = results.filter((r) => r.status === 201 && r.trackingCode);
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(acknowledged.length).toBeLessThan(total);

    server = await startServer(port);
    try {
      const storage = openSqliteStorage({ path: path.join(dir, 'congso.sqlite') });
      const pdfHash = createHash('sha256').update(fixture('sample.pdf')).digest('hex');
      for (const sent of acknowledged) {
        const record = await storage.cases.findByTrackingCode(sent.trackingCode!);
        expect(record, sent.trackingCode).not.toBeNull();
        expect(String(record!.payload.content)).toContain(`Đơn số ${sent.key}.`);
        expect(record!.payload.fullName).toBe(COMPLAINT.fullName);
        const attachments = await storage.cases.attachments(record!.id);
        expect(attachments).toHaveLength(sent.withFile ? 1 : 0);
        for (const attachment of attachments) {
          const file = path.join(dir, 'tep', attachment.storedName);
          expect(existsSync(file)).toBe(true);
          expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(pdfHash);
          expect(attachment.sha256).toBe(pdfHash);
        }
      }
      // A retry of an acknowledged submission after the restart finds its case, with the same secret.
      const again = await submit(port, acknowledged[0]!.key, acknowledged[0]!.withFile);
      expect(again).toMatchObject({
        status: 200,
        trackingCode: acknowledged[0]!.trackingCode,
        secret: acknowledged[0]!.secret,
      });
      await storage.close();
    } finally {
      server.kill('SIGKILL');
    }
  });

  it('keeps every acknowledged rating and extension decision, whole, across a kill -9 and a restart', async () => {
    const sqlite = 'decisions.sqlite';
    const storage = openSqliteStorage({ path: path.join(dir, sqlite) });
    await storage.migrate();
    const password = 'sông Hương chiều thu mưa bay';
    const head = await storage.accounts.create(
      anAccount({
        id: randomUUID(),
        username: 'truongban',
        role: 'head',
        passwordHash: await cheapHasher().hash(password),
        mustChangePassword: false,
        passwordExpiresAt: null,
      }),
    );
    const now = Date.now();
    const secret = generateSecret();
    const rated: Array<{ id: string; code: string; score: number }> = [];
    const extended: string[] = [];
    for (let i = 0; i < 150; i += 1) {
      const code = generateTrackingCode('STP', 2026);
      const record = aCase({
        id: randomUUID(),
        kind: 'phan-anh',
        trackingCode: code.text,
        secretHash: hashSecret(code, secret),
        status: 'resolved',
        closedAt: now - 86_400_000,
        dueAt: null,
      });
      await storage.cases.create({
        record,
        event: aSubmitEvent(now),
        attachments: [],
        idempotencyKeyHash: null,
      });
      rated.push({ id: record.id, code: code.text, score: (i % 5) + 1 });
      const denunciation = aCase({
        id: randomUUID(),
        kind: 'to-cao',
        trackingCode: generateTrackingCode('STP', 2026).text,
        status: 'accepted',
        signedLetterAt: now - 20 * 86_400_000,
        resolveDueAt: now + 20 * 86_400_000,
        dueAt: now + 20 * 86_400_000,
      });
      await storage.cases.create({
        record: denunciation,
        event: aSubmitEvent(now),
        attachments: [],
        idempotencyKeyHash: null,
      });
      extended.push(denunciation.id);
    }
    await storage.close();

    const port = await freePort();
    let server = await startServer(port, sqlite);
    const signIn = await send(
      port,
      'POST',
      '/quan-tri/dang-nhap',
      { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.1' },
      new URLSearchParams({ username: head.username, password }).toString(),
    );
    expect(signIn.status).toBe(303);
    const cookie = signIn.setCookie.map((c) => c.split(';')[0]).join('; ');
    const json = { accept: 'application/json', 'content-type': 'application/json' };
    const requests = rated.flatMap((r, i) => [
      () =>
        send(
          port,
          'POST',
          '/tra-cuu/danh-gia',
          { ...json, 'x-forwarded-for': `10.1.${i >> 8}.${i & 255}` },
          JSON.stringify({ code: r.code, secret, score: String(r.score), comment: `Ý kiến số ${i}.` }),
        ),
      () =>
        send(
          port,
          'POST',
          `/quan-tri/ho-so/${extended[i]}/gia-han`,
          { ...json, cookie, 'x-forwarded-for': '192.0.2.1' },
          JSON.stringify({ version: '1', publicText: `Gia hạn lần thứ nhất, vụ việc số ${i}.` }),
        ),
    ]);
    const answers = await killMidway(server, requests);
    const ratingsAcknowledged = rated.filter((_, i) => answers[2 * i]!.status === 200);
    const extensionsAcknowledged = extended.filter((_, i) => answers[2 * i + 1]!.status === 200);
    expect(ratingsAcknowledged.length).toBeGreaterThan(10);
    expect(extensionsAcknowledged.length).toBeGreaterThan(10);
    expect(ratingsAcknowledged.length + extensionsAcknowledged.length).toBeLessThan(requests.length);

    server = await startServer(port, sqlite);
    try {
      const after = openSqliteStorage({ path: path.join(dir, sqlite) });
      for (const r of ratingsAcknowledged) {
        expect(await after.caseRatings.find(r.id), r.code).toMatchObject({
          score: r.score,
          channel: 'lookup',
          comment: expect.stringMatching(/^Ý kiến số \d+\.$/),
        });
      }
      for (const id of extended) {
        const record = (await after.cases.findById(id))!;
        const decisions = (await after.cases.events(id)).filter((e) => e.action === 'extend');
        // Whole or not at all: the new date, the count and the decision with its reason go together.
        expect(decisions.length, id).toBe(record.extensions);
        if (extensionsAcknowledged.includes(id)) {
          expect(record).toMatchObject({ extensions: 1, version: 2 });
          expect(record.resolveDueAt).toBeGreaterThan(now + 20 * 86_400_000);
          expect(decisions[0]!.publicText).toMatch(/^Gia hạn lần thứ nhất/);
        }
      }
      await after.close();
      // Through the restarted server, an acknowledged rating is still there: a second one is refused.
      const again = await send(
        port,
        'POST',
        '/tra-cuu/danh-gia',
        { ...json, 'x-forwarded-for': '10.9.9.9' },
        JSON.stringify({ code: ratingsAcknowledged[0]!.code, secret, score: '1' }),
      );
      expect(JSON.parse(again.text).error.code).toBe('E_ALREADY_RATED');
    } finally {
      server.kill('SIGKILL');
    }
  });
});
