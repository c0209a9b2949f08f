import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadDepartments } from '#src/content-source/departments.ts';
import { createApp } from '#server/platform/app.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { ensureContentRepository } from '#server/editorial/content-repository/ensure-content-repository.ts';
import type { ContentRepository } from '#server/editorial/content-repository/repository.ts';
import { createPublicationGate } from '#server/editorial/publication-gate.ts';
import { createDepartmentService } from '#server/operations/departments/department-service.ts';
import { openSqliteStorage } from '#server/platform/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { Browser, cheapHasher, errorCode, type TestApp } from '../accounts/support.ts';
import { LIVE_SEED } from '../editorial/live-app.ts';

/**
 * docs/adr/0104: the province administrator opens, renames and takes down
 * departments from /quan-tri/don-vi/; each is a commit through the
 * publication gate and an entry in the audit log.
 */
let work: string;
let storage: Storage;
let repo: ContentRepository;
let t: TestApp;
let admin: Browser;
let head: Browser;
const decoder = new TextDecoder();
const yamlOf = async (id: string) => {
  const file = await repo.readFile('main', `sites/${id}.yaml`);
  return file ? (parseYaml(decoder.decode(file.bytes)) as Record<string, unknown>) : null;
};

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-don-vi-'));
  storage = openSqliteStorage({ path: ':memory:' });
  await storage.migrate();
  ({ repo } = await ensureContentRepository({ dir: path.join(work, 'content'), seedFrom: LIVE_SEED }));
  const servicesFor = async () =>
    createServices({ storage, departments: await loadDepartments(repo.dir), hasher: cheapHasher() });
  const services = await servicesFor();
  const departmentService = createDepartmentService({
    repo,
    gate: createPublicationGate({ repo }),
    storage,
    distDir: path.join(work, 'dist'),
    accountsAfterChange: async () => (await servicesFor()).accounts,
  });
  const app = createApp({
    storage,
    departments: await loadDepartments(repo.dir),
    services,
    editorial: { repo, repoDir: repo.dir, build: async () => undefined },
    departmentService,
  });
  t = { app, services, storage } as unknown as TestApp;
  const create = (fullName: string, role: 'admin' | 'head', departmentId: string | null) =>
    services.accounts.create(systemPrincipal('test'), { fullName, role, departmentId }, NO_REQUEST);
  const issuedAdmin = await create('Quản Trị Tỉnh', 'admin', null);
  admin = new Browser(t, 'localhost');
  await admin.signInFully(issuedAdmin.account.username, issuedAdmin.oneTimePassword);
  const issuedHead = await create('Nguyễn Văn An', 'head', 'sotuphap');
  head = new Browser(t, 'sotuphap.localhost');
  await head.signInFully(issuedHead.account.username, issuedHead.oneTimePassword);
});

afterAll(async () => {
  await storage.close();
  await rm(work, { recursive: true, force: true });
});

describe('the departments page', () => {
  it('opens a department: its site on main through the gate, its head and IT officer with one-time passwords, in the audit log', async () => {
    const response = await admin.request('/quan-tri/don-vi/', {
      form: {
        name: 'Sở Công Thương',
        abbr: '',
        headName: 'Nguyễn Thị Lan',
        headEmail: '',
        itOfficerName: 'Trần Văn Bình',
        itOfficerEmail: '',
      },
    });
    expect(response.status).toBe(201);
    const page = await response.text();
    expect(page).toContain('socongthuong.thuathienhue.gov.vn');
    expect(await yamlOf('socongthuong')).toMatchObject({ name: 'Sở Công Thương' });
    const accounts = await storage.accounts.list('socongthuong');
    expect(accounts.map((a) => [a.role, a.fullName]).sort()).toEqual([
      ['head', 'Nguyễn Thị Lan'],
      ['it-officer', 'Trần Văn Bình'],
    ]);
    for (const a of accounts) expect(page).toContain(a.username);
    const [entry] = await storage.audit.list({
      departmentId: 'socongthuong',
      actions: ['department-created'],
      limit: 5,
    });
    expect(entry).toMatchObject({ actorUsername: expect.any(String), details: { name: 'Sở Công Thương' } });
    expect((await repo.readCommit((await repo.resolve('main'))!)).message).toContain('Lập trang Sở Công Thương');
  });

  it('refuses a department whose address is taken, and writes nothing', async () => {
    const before = await repo.resolve('main');
    const response = await admin.request('/quan-tri/don-vi/', {
      form: { name: 'Sở Công Thương', headName: 'Lê Văn C', itOfficerName: 'Phạm Thị D' },
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(422);
    expect(await errorCode(response)).toBe('SITE_EXISTS');
    expect(await repo.resolve('main')).toBe(before);
  });

  it('renames a department and keeps its addresses', async () => {
    const response = await admin.request('/quan-tri/don-vi/socongthuong/doi-ten', {
      form: { name: 'Sở Công Thương và Du lịch' },
    });
    expect(response.status).toBe(303);
    expect(await yamlOf('socongthuong')).toMatchObject({ name: 'Sở Công Thương và Du lịch', abbr: 'congthuong' });
    const [renamed] = await loadDepartments(repo.dir).then((all) => all.filter((d) => d.id === 'socongthuong'));
    expect(renamed!.domains).toEqual(['socongthuong.thuathienhue.gov.vn', 'scongthuong.hue.gov.vn']);
  });

  it('is the province administrator’s alone', async () => {
    const response = await head.request('/quan-tri/don-vi/', { headers: { accept: 'application/json' } });
    expect(await errorCode(response)).toBe('E_NOT_FOUND');
  });

  it('takes a department down only with its id typed, disabling its accounts, in the audit log', async () => {
    const wrong = await admin.request('/quan-tri/don-vi/socongthuong/go-bo', {
      form: { confirmation: 'sotuphap' },
      headers: { accept: 'application/json' },
    });
    expect(await errorCode(wrong)).toBe('E_DEPARTMENT_CONFIRMATION');
    expect(await yamlOf('socongthuong')).not.toBeNull();
    const response = await admin.request('/quan-tri/don-vi/socongthuong/go-bo', {
      form: { confirmation: 'socongthuong' },
    });
    expect(response.status).toBe(303);
    expect(await yamlOf('socongthuong')).toBeNull();
    expect(await repo.listFolder('main', 'content/socongthuong', 5)).toEqual([]);
    expect((await storage.accounts.list('socongthuong')).every((a) => a.status === 'disabled')).toBe(true);
    expect(
      await storage.audit.list({ departmentId: 'socongthuong', actions: ['department-removed'], limit: 5 }),
    ).toHaveLength(1);
  });
});
