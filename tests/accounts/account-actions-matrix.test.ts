import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '#src/schema/roles.ts';
import { ACCOUNT_ACTIONS, type AccountAction } from '#server/accounts/permissions.ts';
import { principalOf } from '#server/accounts/auth-service.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { openPostgresStorage } from '#server/platform/storage/postgres/postgres-storage.ts';
import {
  dropSchemas,
  postgresAvailable,
  TEST_DATABASE_URL,
  uniqueSchemaName,
} from '#server/platform/storage/postgres/test-database.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import { createTestApp, type TestApp } from './support.ts';

const ROLES: Role[] = ['admin', 'head', 'deputy', 'it-officer', 'editor', 'contributor'];
const OK = 'ok';
const D = 'E_PERMISSION_DENIED';
const R = 'E_RANK_NOT_LOWER';
const N = 'E_NOT_APPLICABLE';
const ALL_DENIED = [D, D, D, D, D, D];

/**
 * The expected outcome of every actor role × action × target role, through
 * the real service and store (targets in columns: admin, head, deputy,
 * it-officer, editor, contributor, all on the actor's board). Creating a
 * second head is refused by Điều 17's one-head rule, not by rank.
 */
const EXPECTED: Record<Role, Record<AccountAction, string[]>> = {
  admin: {
    create: [R, 'E_BOARD_LIMIT', D, OK, D, D],
    disable: [R, OK, D, OK, D, D],
    enable: [R, OK, D, OK, D, D],
    'reset-password': [R, OK, D, OK, D, D],
    'change-role': ALL_DENIED,
    'assign-sections': ALL_DENIED,
    delegate: ALL_DENIED,
  },
  head: {
    create: [R, R, OK, OK, OK, OK],
    disable: [R, R, OK, OK, OK, OK],
    enable: [R, R, OK, OK, OK, OK],
    'reset-password': [R, R, OK, OK, OK, OK],
    'change-role': [R, R, OK, OK, OK, OK],
    'assign-sections': [R, R, N, N, OK, OK],
    delegate: [R, R, OK, OK, OK, OK],
  },
  'it-officer': {
    create: [R, R, R, R, OK, OK],
    disable: [R, R, R, R, OK, OK],
    enable: [R, R, R, R, OK, OK],
    'reset-password': [R, R, R, R, OK, OK],
    'change-role': ALL_DENIED,
    'assign-sections': ALL_DENIED,
    delegate: ALL_DENIED,
  },
  deputy: Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a, ALL_DENIED])) as Record<AccountAction, string[]>,
  editor: Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a, ALL_DENIED])) as Record<AccountAction, string[]>,
  contributor: Object.fromEntries(ACCOUNT_ACTIONS.map((a) => [a, ALL_DENIED])) as Record<AccountAction, string[]>,
};

const CASES = ROLES.flatMap((actorRole) =>
  ACCOUNT_ACTIONS.flatMap((action) =>
    ROLES.map((targetRole, column) => ({
      actorRole,
      action,
      targetRole,
      expected: EXPECTED[actorRole][action][column],
    })),
  ),
);
const DEPARTMENTS = CASES.map((_, i) => ({ id: `d${i}`, name: `Đơn vị ${i}`, domains: [] }));

/** Điều 17 allows one head, so a second is written straight to the store (as an import might) to test rank alone. */
async function secondHead(t: TestApp, departmentId: string) {
  const template = (await t.storage.accounts.list(departmentId)).find((a) => a.role === 'head')!;
  const record = { ...template, id: crypto.randomUUID(), username: `${template.username}x` };
  await t.storage.accounts.create(record);
  return { id: record.id, username: record.username, password: '' };
}

async function runCase(t: TestApp, index: number, { actorRole, action, targetRole }: (typeof CASES)[number]) {
  const departmentId = `d${index}`;
  const service = t.services.accounts;
  // Fixed names per role, so usernames differ within a department.
  const names: Record<Role, string> = {
    admin: 'Quản Trị Viên',
    head: 'Trần Văn Hùng',
    deputy: 'Lê Thị Hà',
    'it-officer': 'Phạm Minh Tuấn',
    editor: 'Nguyễn Văn An',
    contributor: 'Đặng Thị Mai',
  };
  const actorAccount = await t.addAccount(
    `${names[actorRole]} Một`,
    actorRole,
    actorRole === 'admin' ? null : departmentId,
  );
  const actor = principalOf((await t.storage.accounts.findById(actorAccount.id))!);
  const targetDepartment = targetRole === 'admin' ? null : departmentId;
  if (action === 'create') {
    // A department already has its head: creating another one tests the Điều 17 limit.
    if (targetRole === 'head' && actorRole !== 'head') await t.addAccount('Hồ Văn Đầu', 'head', departmentId);
    const before = await t.storage.accounts.list();
    try {
      await service.create(
        actor,
        { fullName: 'Võ Văn Mới', role: targetRole, departmentId: targetDepartment },
        NO_REQUEST,
      );
      return OK;
    } catch (error) {
      expect((await t.storage.accounts.list()).length, 'nothing created').toBe(before.length);
      return (error as { code: string }).code;
    }
  }
  const target =
    actorRole === 'head' && targetRole === 'head'
      ? await secondHead(t, departmentId)
      : await t.addAccount(`${names[targetRole]} Hai`, targetRole, targetDepartment);
  if (action === 'enable') await t.storage.accounts.update(target.id, { status: 'disabled', updatedAt: 0 });
  const before = await t.storage.accounts.findById(target.id);
  const run: Record<Exclude<AccountAction, 'create'>, () => Promise<unknown>> = {
    disable: () => service.disable(actor, target.username, NO_REQUEST),
    enable: () => service.enable(actor, target.username, NO_REQUEST),
    'reset-password': () => service.resetPassword(actor, target.username, NO_REQUEST),
    'change-role': () =>
      service.changeRole(actor, target.username, targetRole === 'contributor' ? 'editor' : 'contributor', NO_REQUEST),
    'assign-sections': () => service.assignSections(actor, target.username, ['tin-tuc'], NO_REQUEST),
    delegate: () => service.delegate(actor, target.username, ['verify'], NO_REQUEST),
  };
  try {
    await run[action]();
    expect(await t.storage.accounts.findById(target.id), 'changed').not.toEqual(before);
    return OK;
  } catch (error) {
    expect(await t.storage.accounts.findById(target.id), 'nothing changed').toEqual(before);
    const [logged] = await t.storage.audit.list({ limit: 1 });
    expect(logged, 'refusal logged').toMatchObject({
      action: 'action-refused',
      actorUsername: actor.username,
      details: { attempted: action },
    });
    return (error as { code: string }).code;
  }
}

function describeMatrix(adapter: string, open: () => Promise<Storage>) {
  describe(`role × account action through the service (${adapter})`, () => {
    let t: TestApp;
    afterAll(() => t?.storage.close());

    it.each(CASES.map((c, i) => ({ ...c, i })))('$actorRole → $action on $targetRole: $expected', async (c) => {
      t ??= await createTestApp({ storage: await open(), departments: DEPARTMENTS });
      expect(await runCase(t, c.i, c)).toBe(c.expected);
    });
  });
}

describeMatrix('SQLite', async () => openSqliteStorage({ path: ':memory:' }));

const pgAvailable = await postgresAvailable();
const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));
describe.skipIf(!pgAvailable)('PostgreSQL', () => {
  describeMatrix('PostgreSQL', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    return openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema });
  });
});
