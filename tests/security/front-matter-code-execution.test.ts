import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { createApp } from '#server/platform/app.ts';
import { recordStep, saveOnBranch, type EntryKey } from '#server/editorial/content-repository/entry-store.ts';
import {
  MAIN,
  openContentRepository,
  type ContentRepository,
} from '#server/editorial/content-repository/repository.ts';
import { createServices } from '#server/accounts/create-services.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { parseFrontmatter } from '#src/content-source/frontmatter.ts';
import { ContentInvalidError } from '#src/content-source/problems.ts';
import { Browser, cheapHasher, DEPARTMENTS, manualClock } from '../accounts/support.ts';
import { BOARD, harness, SEED, SITE, type Harness } from '../editorial/support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Front matter is YAML data, never code (docs/adr/0003). The parser used
 * before ran `---js` front matter as JavaScript wherever an entry was read:
 * on save, on the history page, on a status change, in `npm run check` and
 * the build. Each payload here writes a marker file of its own; the file
 * must never exist.
 */
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'congso-front-matter-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

let markers = 0;
function marker(): string {
  markers += 1;
  return path.join(scratch, `ran-${markers}`);
}
/** Front matter in `language` whose evaluation writes `file`, followed by a body. */
const payload = (opening: string, file: string) =>
  `${opening}\n(require("fs").writeFileSync(${JSON.stringify(file)}, "ran"), {})\n---\nx\n`;

/** The refusal `code` a parse ends with. */
const refusedWith = (code: string) => expect.objectContaining({ code });

describe('the front-matter parser reads YAML data only', () => {
  it.each(['---js', '---javascript', '---coffee', '---json', '--- js', '---  javascript  '])(
    'refuses a front matter opened by "%s", and runs nothing',
    (opening) => {
      const file = marker();
      expect(() => parseFrontmatter(payload(opening, file))).toThrow(refusedWith('E_FRONT_MATTER_NOT_YAML'));
      expect(existsSync(file)).toBe(false);
    },
  );

  it.each([
    ['a !!js/function tag', 'title: !!js/function "function () { return 1 }"'],
    ['a !!js/undefined tag', 'title: !!js/undefined ""'],
    ['a local tag', 'title: !include /etc/passwd'],
  ])('refuses %s', (_, line) => {
    expect(() => parseFrontmatter(`---\n${line}\n---\nx\n`)).toThrow(refusedWith('E_FRONT_MATTER_TAG'));
  });

  it.each([
    ['__proto__ at the top', '__proto__:\n  isAdmin: true'],
    ['__proto__ deep in a list', 'attachments:\n  - label: x\n    __proto__: { polluted: true }'],
    ['a quoted "__proto__"', '"__proto__": { polluted: true }'],
    ['constructor', 'source:\n  constructor: { prototype: { polluted: true } }'],
    ['prototype', 'prototype: 1'],
  ])('refuses %s as a key, and pollutes nothing', (_, yaml) => {
    expect(() => parseFrontmatter(`---\ntitle: Bài\n${yaml}\n---\nx\n`)).toThrow(
      refusedWith('E_FRONT_MATTER_FORBIDDEN_KEY'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses aliases that expand without bound (billion laughs)', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    expect(() => parseFrontmatter(`---\n${levels.join('\n')}\n---\nx\n`)).toThrow(
      refusedWith('E_FRONT_MATTER_TOO_MANY_ALIASES'),
    );
  });

  it('is the only reader of front matter: nothing else in the project imports gray-matter, whose default engines run code', async () => {
    const roots = ['src', 'server', 'scripts', 'tests', 'astro.config.ts', 'vitest.config.ts'];
    const importers: string[] = [];
    for (const root of roots) {
      const at = path.join(PROJECT_ROOT, root);
      if (!existsSync(at)) continue;
      const files = root.includes('.')
        ? [root]
        : (await readdir(at, { recursive: true, withFileTypes: true }))
            .filter((d) => d.isFile())
            .map((d) => path.relative(PROJECT_ROOT, path.join(d.parentPath, d.name)));
      for (const file of files.filter((f) => /\.(ts|mts|js|mjs|cjs|astro)$/.test(f))) {
        const text = await readFile(path.join(PROJECT_ROOT, file), 'utf8');
        if (/(from\s+|import\s*\(\s*|require\s*\(\s*)['"]gray-matter['"]/.test(text)) importers.push(file);
      }
    }
    expect(importers).toEqual([path.join('src', 'content-source', 'frontmatter.ts')]);
  });

  it('refuses a file whose block the editor (gray-matter) would end elsewhere', () => {
    expect(() => parseFrontmatter('---\ntitle: a\n--- x\nsummary: b\n---\nthân bài\n')).toThrow(
      refusedWith('E_FRONT_MATTER_AMBIGUOUS'),
    );
  });
});

describe('the Decap proxy', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  it('refuses to save a ---js front matter with a 422 and a Vietnamese reason, runs nothing and commits nothing', async () => {
    const file = marker();
    const mainBefore = await h.repo.resolve(MAIN);
    const r = await h.save(BOARD.contributor, 'bai-doc-hai', payload('---js', file));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('E_PROXY_CONTENT_REJECTED');
    expect(r.body.data.problems).toEqual([expect.objectContaining({ kind: 'E_FRONT_MATTER_NOT_YAML', line: 1 })]);
    expect(r.body.error).toMatch(/YAML/);
    expect(existsSync(file)).toBe(false);
    expect(await h.repo.resolve(MAIN)).toBe(mainBefore);
    expect(await h.repo.listBranches('cms/')).toEqual([]);
  });

  describe('a malicious draft stored before the fix (written straight into the repository)', () => {
    const key: EntryKey = { site: SITE, section: 'tin-tuc', slug: 'bai-doc-hai' };
    const entryPath = `content/${SITE}/tin-tuc/bai-doc-hai.mdx`;
    let file: string;
    beforeEach(async () => {
      file = marker();
      await saveOnBranch(h.repo, {
        key,
        files: [{ path: entryPath, content: payload('---js', file) }],
        by: { username: BOARD.contributor.username, name: BOARD.contributor.name },
        event: 'create',
        state: 'draft',
        summary: 'Nhập mới',
      });
    });

    it('does not run when its status is changed', async () => {
      await h.move(BOARD.contributor, key.slug, 'pending_review');
      await h.move(BOARD.deputy, key.slug, 'pending_publish');
      expect(existsSync(file)).toBe(false);
    });

    it('cannot be published, and does not run when publication is attempted', async () => {
      await recordStep(h.repo, {
        key,
        by: { username: BOARD.deputy.username, name: BOARD.deputy.name },
        event: 'verify',
        state: 'ready',
        summary: 'Xác thực',
      });
      const r = await h.publish(BOARD.head, key.slug);
      expect(r.status).toBe(422);
      expect(r.body.data.problems).toEqual([expect.objectContaining({ kind: 'E_FRONT_MATTER_NOT_YAML' })]);
      expect(await h.repo.readFile(MAIN, entryPath)).toBeNull();
      expect(existsSync(file)).toBe(false);
    });

    it('is listed and opened in Decap without running, on the server or in the editor’s browser', async () => {
      expect((await h.call(BOARD.head, 'unpublishedEntries')).body).toEqual(['tin-tuc/bai-doc-hai']);
      expect((await h.call(BOARD.head, 'unpublishedEntry', { collection: 'tin-tuc', slug: key.slug })).status).toBe(
        200,
      );
      const data = await h.call(BOARD.head, 'unpublishedEntryDataFile', {
        collection: 'tin-tuc',
        slug: key.slug,
        path: entryPath,
        id: 'x',
      });
      expect(data.status).toBe(200);
      // Decap parses front matter in the browser with gray-matter, whose default engines would run a `---js` block:
      // what it is handed must open as plain YAML, with the stored text kept visible as the body.
      const served = data.body.data as string;
      expect(served.split('\n')[0]).toBe('---');
      expect(parseFrontmatter(served).body).toContain('writeFileSync');
      expect(existsSync(file)).toBe(false);
    });

    it('is handed to Decap defused when it reached main as well', async () => {
      const mainFile = marker();
      // As a commit pushed to the content repository by git, outside the server, would put it there.
      await h.repo.commit({
        branch: MAIN,
        files: [{ path: `content/${SITE}/tin-tuc/da-dang.mdx`, content: payload('---javascript', mainFile) }],
        author: { username: 'git', name: 'Git' },
        message: 'Đẩy thẳng\n',
      });
      const listed = await h.call(BOARD.head, 'entriesByFolder', {
        folder: `content/${SITE}/tin-tuc`,
        extension: 'mdx',
        depth: 1,
      });
      const served = listed.body.find((e: { file: { path: string } }) => e.file.path.endsWith('da-dang.mdx'))
        .data as string;
      expect(served.split('\n')[0]).toBe('---');
      expect(existsSync(mainFile)).toBe(false);
    });
  });
});

describe.each(STORAGE_KINDS)('the entry history page of a malicious draft ($name)', (kind) => {
  let dir: string;
  let repo: ContentRepository;
  let head: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'congso-front-matter-history-'));
    repo = await openContentRepository({ dir: path.join(dir, 'content'), seedFrom: SEED });
    const storage = await kind.open();
    const clock = manualClock();
    const services = createServices({ storage, departments: DEPARTMENTS, clock, hasher: cheapHasher() });
    const app = createApp({
      storage,
      departments: DEPARTMENTS,
      services,
      editorial: { repo, build: async () => undefined },
    });
    const { account, oneTimePassword } = await services.accounts.create(
      systemPrincipal('test'),
      { fullName: 'Nguyễn Văn An', role: 'head', departmentId: SITE },
      NO_REQUEST,
    );
    head = new Browser({
      app,
      services,
      storage,
      clock,
      addAccount: async () => ({ username: '', password: '', id: '' }),
    });
    await head.signInFully(account.username, oneTimePassword);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens without running the stored front matter', async () => {
    const file = marker();
    const key: EntryKey = { site: SITE, section: 'tin-tuc', slug: 'lich-su-doc-hai' };
    await saveOnBranch(repo, {
      key,
      files: [{ path: `content/${SITE}/tin-tuc/${key.slug}.mdx`, content: payload('---js', file) }],
      by: { username: 'maiht', name: 'Hoàng Thị Mai' },
      event: 'create',
      state: 'draft',
      summary: 'Nhập mới',
    });
    const response = await head.request(`/quan-tri/bai-viet/tin-tuc/${key.slug}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Nhập mới');
    expect(existsSync(file)).toBe(false);
  });
});

describe('npm run check and the build', () => {
  const checkFixture = path.join(PROJECT_ROOT, 'tests/fixtures/check-content');
  const buildFixture = path.join(PROJECT_ROOT, 'tests/fixtures/build-content');
  const badFile = 'content/sotuphap/tin-tuc/bai-doc-hai.mdx';

  async function rootWithPayload(fixture: string, file: string): Promise<string> {
    const root = await mkdtemp(path.join(scratch, 'root-'));
    await cp(fixture, root, { recursive: true });
    await writeFile(path.join(root, badFile), payload('---js', file));
    return root;
  }

  it('npm run check exits non-zero naming the file, and runs nothing', async () => {
    const file = marker();
    const root = await rootWithPayload(checkFixture, file);
    const run = await promisify(execFile)(
      process.execPath,
      ['scripts/check.ts', '--content-root', root, '--site', SITE],
      { cwd: PROJECT_ROOT },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${badFile}:1`);
    expect(existsSync(file)).toBe(false);
  }, 60_000);

  it('the build refuses the content naming the file, builds nothing and runs nothing', async () => {
    const file = marker();
    const root = await rootWithPayload(buildFixture, file);
    const outDir = path.join(root, 'dist');
    const workDir = path.join(PROJECT_ROOT, '.build', `front-matter-${process.pid}`);
    try {
      const error = await buildSites({ contentRoot: root, outDir, sites: [SITE], workDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentInvalidError);
      expect((error as ContentInvalidError).data.problems).toContainEqual(
        expect.objectContaining({ file: badFile, line: 1, kind: 'E_FRONT_MATTER_NOT_YAML' }),
      );
      expect(existsSync(path.join(outDir, SITE))).toBe(false);
      expect(existsSync(file)).toBe(false);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
