import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsernameTakenError } from '#server/accounts/errors.ts';
import { CaseConflictError } from '#server/citizen-services/errors.ts';
import { aCase, anAccount } from '#tests/support/records.ts';
import { codeOf } from '#tests/support/refusals.ts';
import type { NewCase } from '../case-records.ts';
import { describeCaseStorageContract } from '../case-storage-contract.ts';
import { describeStorageContract } from '../storage-contract.ts';
import { openSqliteStorage } from './sqlite-storage.ts';
import { openSqliteThreadStorage } from './sqlite-thread-storage.ts';

/**
 * The SQLite adapter on its own thread (docs/adr/0054): the same contract
 * as on the server's thread, refusals that keep their class and code across
 * the thread, a dead thread that answers every waiting request, and a
 * shutdown that writes what was waiting before it closes.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'congso-sqlite-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStorageContract('SQLite on its thread (file)', async () =>
  openSqliteThreadStorage({ path: join(dir, 'contract.sqlite') }),
);
describeStorageContract('SQLite on its thread (memory)', async () => openSqliteThreadStorage({ path: ':memory:' }));
describeCaseStorageContract('SQLite on its thread (file)', async () =>
  openSqliteThreadStorage({ path: join(dir, 'cases.sqlite') }),
);

function submission(n: number): NewCase {
  const id = randomUUID();
  return {
    record: aCase({
      id,
      trackingCode: `STP-2026-T${String(n).padStart(3, '0')}-${id.slice(0, 2).toUpperCase()}`,
      payload: { content: `Đơn số ${n}.` },
    }),
    event: {
      at: 0,
      actorId: null,
      actorName: null,
      action: 'submit',
      status: 'submitted',
      publicText: null,
      internalNote: null,
      details: {},
    },
    attachments: [],
    idempotencyKeyHash: `khoa-${n}`,
  };
}

describe('SQLite on its own thread', () => {
  it('hands refusals back as the same class, code and status, and SQLite failures with their SQLite code', async () => {
    const storage = await openSqliteThreadStorage({ path: join(dir, 'errors.sqlite') });
    await storage.migrate();
    await storage.accounts.create(anAccount({ id: randomUUID(), username: 'trungten' }));
    const taken = await storage.accounts
      .create(anAccount({ id: randomUUID(), username: 'trungten' }))
      .catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(UsernameTakenError);
    expect(taken).toMatchObject({
      code: 'E_USERNAME_TAKEN',
      status: new UsernameTakenError({ username: 'x' }).status,
      data: { username: 'trungten' },
    });

    const created = await storage.cases.create(submission(1));
    const stale = await storage.cases
      .update({ id: created.record.id, expectedVersion: 7, patch: { updatedAt: 1 }, event: submission(1).event })
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(CaseConflictError);
    expect((stale as InstanceType<typeof CaseConflictError>).code).toBe('E_CASE_CONFLICT');

    // Not a refusal: a record the schema rejects (a NOT NULL column) arrives as an error carrying SQLite's code.
    const broken = await storage.accounts
      .create({ ...anAccount({ id: randomUUID(), username: 'thieuten' }), fullName: null as never })
      .catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(Error);
    expect((broken as { errcode?: number }).errcode).toBeGreaterThan(0);
    await storage.close();
  });

  it('runs a step again on the row as another process left it, and never on a stale guess', async () => {
    const path = join(dir, 'buckets.sqlite');
    const server = await openSqliteThreadStorage({ path });
    await server.migrate();
    const cli = openSqliteStorage({ path });
    const take = (current: { tokens: number; updatedAt: number } | null) =>
      (current?.tokens ?? 3) >= 1
        ? { next: { tokens: (current?.tokens ?? 3) - 1, updatedAt: 1 }, decision: true }
        : { next: current!, decision: false };
    expect(await Promise.all([1, 2].map(() => server.rateBuckets.apply('dia-chi', take)))).toEqual([true, true]);
    // Another process refills the bucket behind the server's back, then drains it.
    await cli.rateBuckets.apply('dia-chi', () => ({ next: { tokens: 5, updatedAt: 2 }, decision: null }));
    expect(await Promise.all(Array.from({ length: 7 }, () => server.rateBuckets.apply('dia-chi', take)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    await cli.rateBuckets.apply('dia-chi', () => ({ next: { tokens: 1, updatedAt: 3 }, decision: null }));
    expect(await server.rateBuckets.apply('dia-chi', take)).toBe(true);
    expect(await cli.rateBuckets.apply('dia-chi', (current) => ({ next: current!, decision: current }))).toEqual({
      tokens: 0,
      updatedAt: 1,
    });

    // A step that throws on an empty bucket throws only if the bucket is empty in the file, not in the server's guess.
    const strict = (current: { tokens: number; updatedAt: number } | null) => {
      if (current?.tokens === 0) throw new RangeError('hết lượt');
      return take(current);
    };
    await expect(server.rateBuckets.apply('dia-chi', strict)).rejects.toThrow('hết lượt');
    await cli.rateBuckets.apply('dia-chi', () => ({ next: { tokens: 2, updatedAt: 4 }, decision: null }));
    expect(await server.rateBuckets.apply('dia-chi', strict)).toBe(true);
    await Promise.all([server.close(), cli.close()]);
  });

  it('refuses every waiting and later call with E_STORAGE_UNAVAILABLE when the thread dies, and reports the death once', async () => {
    const failures: Error[] = [];
    const storage = await openSqliteThreadStorage({
      path: join(dir, 'crash.sqlite'),
      onFailure: (error) => failures.push(error),
    });
    await storage.migrate();
    const inFlight = Array.from({ length: 20 }, (_, i) => storage.cases.create(submission(100 + i)));
    await storage.thread.terminate();
    const outcomes = await Promise.allSettled(inFlight);
    // None hangs: each is either committed (answered before the death) or refused with the code.
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect((outcome.reason as { code?: string }).code).toBe('E_STORAGE_UNAVAILABLE');
      else expect(outcome.value.created).toBe(true);
    }
    expect(outcomes.some((o) => o.status === 'rejected')).toBe(true);
    expect(await codeOf(storage.cases.findById('bat-ky'))).toBe('E_STORAGE_UNAVAILABLE');
    expect(failures).toHaveLength(1);
    await storage.close();
  });

  it('on close, writes the submissions still waiting for their group commit, answers them, closes the file and ends the thread', async () => {
    const path = join(dir, 'shutdown.sqlite');
    const storage = await openSqliteThreadStorage({ path });
    await storage.migrate();
    let endedWith: number | undefined;
    storage.thread.once('exit', (code) => (endedWith = code));
    const waiting = Array.from({ length: 50 }, (_, i) => storage.cases.create(submission(200 + i)));
    // Twice, as a signal handler and the code it interrupts may both do: each returns once the thread has ended.
    const first = storage.close();
    await storage.close();
    expect(endedWith).toBe(0);
    await first;
    const answers = await Promise.all(waiting);
    expect(answers.every((a) => a.created)).toBe(true);
    expect(await codeOf(storage.cases.findById(answers[0]!.record.id))).toBe('E_STORAGE_UNAVAILABLE');

    const reopened = openSqliteStorage({ path });
    for (const answer of answers)
      expect((await reopened.cases.findById(answer.record.id))?.trackingCode).toBe(answer.record.trackingCode);
    await reopened.close();
  });

  it('copies what it committed into the database file while it keeps running, and leaves no log behind once closed', async () => {
    const path = join(dir, 'checkpoints.sqlite');
    const storage = await openSqliteThreadStorage({ path });
    await storage.migrate();
    const before = statSync(path).size;
    await Promise.all(Array.from({ length: 200 }, (_, i) => storage.cases.create(submission(300 + i))));
    // Checkpoints run beside the storage thread (docs/adr/0111): the cases reach the file without a close.
    await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before), { timeout: 20_000, interval: 50 });
    await storage.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = openSqliteStorage({ path });
    expect((await reopened.cases.countByStatus()).reduce((n, row) => n + row.count, 0)).toBe(200);
    await reopened.close();
  }, 30_000);

  it('lets a command line finish: close() completes with nothing else to do, and an idle thread does not hold the process', async () => {
    const module = new URL('./sqlite-thread-storage.ts', import.meta.url).href;
    const script = (close: boolean) => `
      const { openSqliteThreadStorage } = await import(${JSON.stringify(module)});
      const storage = await openSqliteThreadStorage({ path: ${JSON.stringify(join(dir, 'cli.sqlite'))} });
      await storage.migrate();
      console.log((await storage.accounts.list()).length);
      ${close ? 'await storage.close(); console.log("closed");' : ''}`;
    for (const close of [true, false]) {
      const file = join(dir, `cli-${close}.mjs`);
      writeFileSync(file, script(close));
      const { stdout, stderr } = await run(process.execPath, [file], { timeout: 25_000 });
      expect(stderr).not.toMatch(/unsettled/);
      expect(stdout.trim().split('\n')).toEqual(close ? ['0', 'closed'] : ['0']);
    }
  }, 60_000);

  it('answers the caller of open, not a hung promise, when the file cannot be opened', async () => {
    writeFileSync(join(dir, 'not-a-folder'), 'một tệp, không phải thư mục');
    await expect(openSqliteThreadStorage({ path: join(dir, 'not-a-folder', 'congso.sqlite') })).rejects.toThrow();
  });
});
