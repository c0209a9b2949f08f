import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { COMPLAINT, fixture } from './case-support.ts';

/**
 * A submission is acknowledged only once it is durable. Many
 * citizens file at once, the server dies with SIGKILL (no shutdown code
 * runs), and after a restart every submission that was answered with a
 * tracking code is there, intact, with its files.
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

function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['server/platform/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SQLITE_PATH: path.join(dir, 'congso.sqlite'),
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
  const fields: Record<string, string> = { ...COMPLAINT, content: `${COMPLAINT.content} Đơn số ${key}.`, 'idempotency-key': key };
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (withFile) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="don.pdf"\r\nContent-Type: application/pdf\r\n\r\n`));
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
            resolve({ key, withFile, status: res.statusCode ?? null, trackingCode: json.trackingCode, secret: json.secret });
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

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged submission, intact and with its files, across a kill -9 and a restart', async () => {
    const port = await freePort();
    let server = await startServer(port);
    const total = 400;
    const sends: Promise<Sent>[] = [];
    let answered = 0;
    let killed = false;
    for (let i = 0; i < total; i += 1) {
      const key = `durable${String(i).padStart(5, '0')}${'x'.repeat(16)}`;
      const sent = submit(port, key, i % 3 === 0).then((result) => {
        answered += 1;
        // Killed in the middle of the burst: some are committed, some in flight, some never read.
        if (!killed && answered >= total / 4) {
          killed = true;
          server.kill('SIGKILL');
        }
        return result;
      });
      sends.push(sent);
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 5));
    }
    const results = await Promise.all(sends);
    await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r)));
    expect(server.signalCode).toBe('SIGKILL');
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
      expect(again).toMatchObject({ status: 200, trackingCode: acknowledged[0]!.trackingCode, secret: acknowledged[0]!.secret });
      await storage.close();
    } finally {
      server.kill('SIGKILL');
    }
  });
});
