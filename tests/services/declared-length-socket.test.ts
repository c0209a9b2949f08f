import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseTestApp, type CaseTestApp } from './case-support.ts';

/**
 * A dossier declared larger than the limit is refused from its
 * `Content-Length` alone, on a real socket, before a byte of it is read or
 * stored (docs/adr/0111): the in-process tests send bodies through
 * `app.request`, which never declares a length the way a browser does.
 */
let t: CaseTestApp;
let server: ReturnType<typeof serve>;
let port: number;

beforeAll(async () => {
  t = await createCaseTestApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.storage.close();
});

/** Sends the head of a request and `sent` bytes of its body, then waits for the answer without sending more. */
function declare(length: number, sent: number): Promise<{ head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 10 s; got: ${answer.slice(0, 200)}`));
    }, 10_000);
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      const end = answer.indexOf('\r\n\r\n');
      const declared = /content-length: (\d+)/i.exec(answer.slice(0, end));
      if (end < 0 || !declared || Buffer.byteLength(answer.slice(end + 4)) < Number(declared[1])) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ head: answer.slice(0, end), body: answer.slice(end + 4) });
    });
    socket.on('error', reject);
    socket.write(
      [
        'POST /dich-vu/ho-so HTTP/1.1',
        'Host: sotuphap.localhost',
        'Origin: http://sotuphap.localhost',
        'Accept: application/json',
        'Content-Type: multipart/form-data; boundary=----ranh-gioi',
        `Content-Length: ${length}`,
        '',
        '',
      ].join('\r\n'),
    );
    socket.write(Buffer.alloc(sent, 0x41));
  });
}

describe('a declared length over the limit, on a real socket', () => {
  it('answers 413 with the error code before the body is sent, and stores nothing', async () => {
    const before = t.storedFiles().length;
    // 200 MB announced, 1 KB sent: the answer must come without the rest.
    const { head, body } = await declare(200 * 1024 * 1024, 1024);
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'E_PAYLOAD_TOO_LARGE' } });
    expect(t.storedFiles().length).toBe(before);
  });
});
