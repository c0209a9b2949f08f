import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '#server/platform/app-error.ts';
import { DomainError } from '#src/errors.ts';

/**
 * The error shape of docs/adr/0081-one-error-shape.md, held for every class:
 * a server refusal lives in its capability's `errors.ts`, speaks Vietnamese
 * whatever its data, and owns a code no other refusal uses (clients and
 * tests tell refusals apart by code alone).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

type ErrorClass = (new (...args: unknown[]) => DomainError<object>) & { code: string };

async function serverErrorClasses(): Promise<Array<{ file: string; name: string; type: ErrorClass }>> {
  const files = (await sourceFiles('server')).filter((f) => path.basename(f) === 'errors.ts');
  const classes = [];
  for (const file of files) {
    const module = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function' && value.prototype instanceof DomainError)
        classes.push({ file, name, type: value as ErrorClass });
    }
  }
  return classes;
}

/**
 * Plausible data for any refusal, by field name. A class with a field not
 * listed here fails below (its sentence would read "undefined"): add the
 * field, and the new sentence is checked with the others.
 */
const SAMPLE = {
  accountCreated: true,
  accountDepartmentId: 'sotuphap',
  action: 'create-account',
  actorRole: 'editor',
  actorSite: 'sotuphap',
  authors: ['nvan'],
  backup: 'sqlite',
  bytes: 30 * 1024 * 1024,
  capped: false,
  caseId: '6f1c2a3e-0000-4000-8000-000000000000',
  code: 'BUILD_FAILED',
  commit: '0123456789abcdef',
  consultation: 'du-thao-quy-che',
  damaged: ['attachments/0b8f9a3e-0000-4000-8000-000000000000.bin'],
  days: 30,
  departmentId: 'sotuphap',
  departmentName: 'Sở Tư pháp',
  detail: 'could not connect to server: Connection refused',
  detected: 'pdf',
  dir: '/srv/congso/data/content',
  email: 'nvan@sotuphap.thuathienhue.gov.vn',
  event: 'verify',
  expected: 'application/json',
  expiredAt: 1_790_000_000_000,
  extension: 'docx',
  field: 'publicText',
  fileName: 'don-khieu-nai.pdf',
  found: ['cơ sở dữ liệu có 3 tài khoản, 2 hồ sơ'],
  id: '6f1c2a3e-0000-4000-8000-000000000001',
  kind: 'to-cao',
  files: 11,
  from: 'draft',
  host: 'khong-co.localhost',
  input: '2026-13',
  installation: 'postgres',
  issues: [{ field: 'fullName', problem: 'required' }],
  limit: 20 * 1024 * 1024,
  line: 3,
  max: 2,
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  maxLength: 64,
  maxTotalBytes: 25 * 1024 * 1024,
  minLength: 12,
  origin: 'https://evil.example',
  owner: { section: 'tin-tuc', slug: 'bai-cu', title: 'Bài cũ' },
  path: 'content/sotuphap/tin-tuc/bai-moi.mdx',
  problems: [{ file: 'content/sotuphap/tin-tuc/bai-moi.mdx', line: 2, field: 'title', message: 'Thiếu tiêu đề.' }],
  procedureCode: '1.001234',
  reason: 'format',
  received: 'text/plain',
  remote: 'https://git.thuathienhue.gov.vn/congso/noi-dung.git',
  ref: 'refs/heads/main',
  retryAfterSeconds: 90,
  right: 'publish',
  role: 'deputy',
  secFetchSite: 'cross-site',
  section: 'tin-tuc',
  service: 'hoi-dap',
  site: 'sotuphap',
  slug: 'bai-moi',
  state: 'da-ket-thuc',
  targetRole: 'head',
  to: 'ready',
  tool: 'pg_dump',
  totalBytes: 30 * 1024 * 1024,
  trackingCode: 'STP-2026-7KQ4-M9',
  transition: 'reject',
  username: 'nvan',
  version: 3,
  value: '--site',
  what: 'sections',
};

/** Where one field name means different things to two refusals. */
const SAMPLE_FOR: Record<string, object> = {
  E_PROXY_BAD_REQUEST: { ...SAMPLE, issues: ['branch: phải là main'] },
  E_USERS_COMMAND_USAGE: { reason: 'missing-option', value: '--site' },
  E_EXTENSION_NOT_ALLOWED: { transition: 'extend', reason: 'limit-reached', max: 2 },
  E_RATING_NOT_OPEN: { reason: 'window-closed', days: 30 },
};

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

describe('every refusal of the server', async () => {
  const classes = await serverErrorClasses();

  it('is found in the errors.ts of each capability and of the platform', () => {
    const files = new Set(classes.map((c) => c.file));
    for (const capability of ['accounts', 'citizen-services', 'editorial', 'reports', 'operations', 'platform']) {
      expect(files, capability).toContain(`server/${capability}/errors.ts`);
    }
  });

  it.each(classes.map((c) => [c.name, c] as const))(
    '%s states its refusal in Vietnamese, whatever its data',
    (_name, { type }) => {
      const error = new type(SAMPLE_FOR[type.code] ?? SAMPLE);
      expect(error.code).toBe(type.code);
      expect(error.code).toMatch(/^E_[A-Z_]+$/);
      expect(error.message).toMatch(VIETNAMESE);
      expect(error.message).not.toMatch(/undefined|NaN|\[object /);
      if (error instanceof AppError) expect(error.status).toBeGreaterThanOrEqual(400);
    },
  );

  it('is declared in an errors.ts, never beside the code that throws it', async () => {
    const strays = [];
    for (const file of await sourceFiles('server')) {
      if (['errors.ts', 'app-error.ts'].includes(path.basename(file))) continue;
      const text = await readFile(path.join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/class (\w+) extends \w*Error\b|const (\w+) = (?:appError|domainError)\b/g)) {
        strays.push(`${file}: ${match[1] ?? match[2]}`);
      }
    }
    expect(strays).toEqual([]);
  });
});

describe('error codes', () => {
  it('are each used by one class only, across the server, the build and the command lines', async () => {
    const owners = new Map<string, string[]>();
    for (const folder of ['src', 'server', 'scripts']) {
      for (const file of await sourceFiles(folder)) {
        const text = await readFile(path.join(ROOT, file), 'utf8');
        for (const [, code] of text.matchAll(
          /(?:static readonly code = |(?:appError|domainError)(?:<[\s\S]*?>)?\(\s*)'(E_[A-Z0-9_]+)'/g,
        ))
          owners.set(code!, [...(owners.get(code!) ?? []), file]);
      }
    }
    expect(owners.size).toBeGreaterThan(50);
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
