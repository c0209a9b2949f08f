import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions } from '#server/platform/app.ts';
import { leadingZeroBits, workDigest } from '#server/citizen-services/proof-of-work.ts';
import { createCaseServices, type CaseServiceOptions } from '#server/citizen-services/create-case-services.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { fixedContentLookup } from '#server/citizen-services/content-lookup.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Role } from '#src/schema/roles.ts';
import { Browser, cheapHasher, DEPARTMENTS, manualClock, type TestApp } from '../accounts/support.ts';

export const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, '../fixtures/files', name)));

/** Procedures and consultations the fixture sites publish. */
export const CONTENT = fixedContentLookup(
  {
    sotuphap: [
      {
        slug: 'cap-phieu-ly-lich-tu-phap',
        code: '1.001234',
        title: 'Cấp Phiếu lý lịch tư pháp',
        documents: [{ name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', copies: 1, original: true }],
      },
    ],
  },
  {
    sotuphap: [
      {
        slug: 'du-thao-dang-mo',
        title: 'Dự thảo quy chế hòa giải',
        opens: new Date('2025-12-01T00:00:00Z'),
        closes: new Date('2026-02-01T00:00:00Z'),
      },
      {
        slug: 'du-thao-da-dong',
        title: 'Dự thảo đã kết thúc',
        opens: new Date('2025-10-01T00:00:00Z'),
        closes: new Date('2025-11-01T00:00:00Z'),
      },
    ],
  },
);

export interface CaseTestApp extends TestApp {
  attachmentsDir: string;
  cases: ReturnType<typeof createCaseServices>;
  storedFiles(): string[];
}

/** The app with its case services on a temp attachment folder, an easy proof of work and the fixture content. */
export async function createCaseTestApp(
  options: { storage?: Storage; cases?: CaseServiceOptions; app?: Partial<AppOptions> } = {},
): Promise<CaseTestApp> {
  const storage = options.storage ?? openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  const clock = manualClock();
  const services = createServices({ storage, departments: DEPARTMENTS, clock, hasher: cheapHasher() });
  const attachmentsDir = mkdtempSync(path.join(tmpdir(), 'congso-tep-'));
  const cases = createCaseServices(storage, DEPARTMENTS, clock, {
    attachmentsDir,
    secretKey: 'k'.repeat(40),
    content: CONTENT,
    powDifficulty: 4,
    ...options.cases,
  });
  const app = createApp({
    storage,
    departments: DEPARTMENTS,
    services,
    caseServices: cases,
    distDir: path.join(attachmentsDir, 'no-dist'),
    ...options.app,
  });
  return {
    app,
    services,
    storage,
    clock,
    attachmentsDir,
    cases,
    storedFiles: () => readdirSync(attachmentsDir),
    async addAccount(
      fullName: string,
      role: Role,
      departmentId: string | null = role === 'admin' ? null : 'sotuphap',
      sections?: string[],
    ) {
      const { account, oneTimePassword } = await services.accounts.create(
        systemPrincipal('test'),
        { fullName, role, departmentId, sections },
        NO_REQUEST,
      );
      return { username: account.username, password: oneTimePassword, id: account.id };
    },
  };
}

/** Solves a challenge the way bieu-mau.js does. */
export function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n += 1) {
    const nonce = n.toString(36);
    if (leadingZeroBits(workDigest(challenge, nonce)) >= difficulty) return nonce;
  }
}

export async function solvedPow(browser: Browser, service: string): Promise<Record<string, string>> {
  const response = await browser.request(`/dich-vu/thu-thach?dich-vu=${service}`, {
    headers: { accept: 'application/json' },
  });
  const { challenge, difficulty } = (await response.json()) as { challenge: string; difficulty: number };
  return { 'pow-challenge': challenge, 'pow-nonce': solve(challenge, difficulty) };
}

// One place for the sample complaint, shared with `npm run bench:api`.
export { COMPLAINT, DENUNCIATION } from '#src/schema/submission/samples.ts';

/** A multipart request as a browser builds it. */
export function multipart(
  fields: Record<string, string>,
  files: Array<{ name: string; bytes: Uint8Array; type?: string }>,
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append(
      'files',
      new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  return form;
}

/** A loopback SMTP server that keeps what it is sent. */
export async function startSmtpServer(): Promise<{
  port: number;
  messages: Array<{ from: string; to: string; data: string }>;
  close(): Promise<void>;
}> {
  const messages: Array<{ from: string; to: string; data: string }> = [];
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let current = { from: '', to: '', data: '' };
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(current);
            current = { from: '', to: '', data: '' };
            socket.write('250 OK queued\r\n');
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') {
          current.from = line;
          socket.write('250 OK\r\n');
        } else if (verb === 'RCPT') {
          current.to = line;
          socket.write('250 OK\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 unknown\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The text of a base64 mail body. */
export function mailText(data: string): string {
  const body = data.split('\r\n\r\n').slice(1).join('').replace(/\r\n/g, '');
  return Buffer.from(body, 'base64').toString('utf8');
}

export { Browser, DEPARTMENTS };
export type { Role };
