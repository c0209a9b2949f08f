import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret, generateTrackingCode, hashSecret } from '#server/citizen-services/tracking-code.ts';
import type { CaseRecord } from '#server/platform/storage/case-records.ts';
import { Browser, errorCode } from '../accounts/support.ts';
import { createFullApp, DEPARTMENT_HOST, type FullApp } from './full-app.ts';
import { STORAGE_KINDS } from './support.ts';
import { aSubmitEvent } from '#tests/support/records.ts';

/**
 * `STP-2026-J2M7-DI`, `-DL` and `-D1` open the same case (Crockford base32
 * reads I and L as 1, O as 0), but each spelling had its own ten wrong
 * secrets on the look-up page. The limit belongs to the case.
 */
describe.each(STORAGE_KINDS)('the look-up limit counts per case, not per spelling ($name)', (kind) => {
  let t: FullApp;
  let addresses = 0;
  beforeAll(async () => {
    t = await createFullApp(await kind.open());
  });
  afterAll(() => t?.close());

  /** A case whose code has a 1 and a 0 in it, so it can be spelt many ways. */
  async function caseWithAmbiguousCode(random: string) {
    const code = generateTrackingCode('STP', 2026, () => random);
    const secret = generateSecret();
    const now = t.clock();
    const record: CaseRecord = {
      id: randomUUID(),
      departmentId: 'sotuphap',
      service: 'hoi-dap',
      kind: null,
      trackingCode: code.text,
      secretHash: hashSecret(code, secret),
      status: 'submitted',
      subject: 'Hỏi về thủ tục',
      subjectRef: null,
      payload: { fullName: 'Lê Văn Tám' },
      contactEmail: null,
      assignedTo: null,
      complex: false,
      signedLetterAt: null,
      remoteArea: false,
      extensions: 0,
      suspendedAt: null,
      receivedAt: now,
      acceptDueAt: now + 86_400_000,
      resolveDueAt: null,
      dueAt: now + 86_400_000,
      closedAt: null,
      version: 1,
      updatedAt: now,
    };
    await t.storage.cases.create({
      record,
      event: aSubmitEvent(now),
      attachments: [],
      idempotencyKeyHash: null,
    });
    return { code: code.text, secret };
  }

  /** The same code as people type it: I or L for 1, O for 0, lower case, separators anywhere. */
  function spellings(code: string): string[] {
    const [prefix, year, body] = [code.slice(0, 3), code.slice(4, 8), code.slice(9).replace('-', '')];
    const variants = new Set<string>();
    for (const one of ['1', 'I', 'L', 'i', 'l']) {
      for (const zero of ['0', 'O', 'o']) {
        const typed = body.replace(/1/g, one).replace(/0/g, zero);
        variants.add(`${prefix}-${year}-${typed.slice(0, 4)}-${typed.slice(4)}`);
        variants.add(`${prefix.toLowerCase()} ${year} ${typed.slice(0, 2)} ${typed.slice(2)}`);
      }
    }
    return [...variants];
  }

  /** Each attempt from its own address: only the per-case limit can stop them. */
  async function lookUp(code: string, secret: string) {
    addresses += 1;
    const browser = new Browser(t, DEPARTMENT_HOST, `198.51.100.${addresses}`);
    return browser.request('/tra-cuu/', { json: { code, secret }, headers: { accept: 'application/json' } });
  }

  it('gives a case ten wrong secrets in all, however its code is spelt, then refuses every spelling', async () => {
    const target = await caseWithAmbiguousCode('10J2M');
    const other = await caseWithAmbiguousCode('0K1PQ');
    const typed = spellings(target.code);
    expect(typed.length).toBeGreaterThan(10);

    // Every spelling opens the case.
    expect((await lookUp(typed[1]!, target.secret)).status).toBe(200);
    for (let i = 0; i < 10; i += 1) {
      const response = await lookUp(typed[i % typed.length]!, generateSecret());
      expect(await errorCode(response)).toBe('E_CASE_NOT_FOUND');
    }
    for (const spelling of typed) {
      const response = await lookUp(spelling, target.secret);
      expect(response.status, spelling).toBe(429);
      expect(await errorCode(response), spelling).toBe('E_RATE_LIMITED');
    }
    // The limit is the case's own: another case is looked up as before.
    expect((await lookUp(spellings(other.code).at(-1)!, other.secret)).status).toBe(200);
  });
});
