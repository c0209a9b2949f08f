import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';

/**
 * A department without answered questions, information lists or English pages is normal (only the sections of
 * Điều 7 must have entries): its build says nothing about them. The build runs in a child process, as `npm run
 * build` does, so everything Astro prints in its workers is read here.
 */
const run = promisify(execFile);
const fixtureContent = fileURLToPath(new URL('../fixtures/build-content/', import.meta.url));
const OPTIONAL = ['hoi-dap', 'tiep-can-thong-tin', 'en'];
let work: string;
let output: string;
const workDir = path.join(PROJECT_ROOT, '.build', `empty-sections-${process.pid}`);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-empty-sections-'));
  const contentRoot = path.join(work, 'content-root');
  await cp(fixtureContent, contentRoot, { recursive: true });
  for (const section of OPTIONAL)
    await expect(access(path.join(contentRoot, 'content', 'soyte', section))).rejects.toThrow();
  const options = { contentRoot, outDir: path.join(work, 'dist'), sites: ['soyte'], workDir, precompress: false };
  const script = `import { buildSites } from '#src/build/build-sites.ts';\nawait buildSites(${JSON.stringify(options)});`;
  const { stdout, stderr } = await run(process.execPath, ['--eval', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  output = stdout + stderr;
}, 300_000);
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a site without the optional sections', () => {
  it('builds without a warning about an empty collection', async () => {
    expect(await readdir(path.join(work, 'dist', 'soyte'))).toContain('index.html');
    expect(output).not.toMatch(/does not exist or is empty/);
    for (const section of OPTIONAL) expect(output).not.toContain(`"${section}"`);
  });
});
