import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#src/build/build-sites.ts';
import { readBuildHistory } from '#src/build/build-history.ts';
import { writeSyntheticContent } from '#src/build/synthetic-content.ts';
import { siteBuilder, type SiteBuilder } from '#server/editorial/publish-queue-build.ts';

/**
 * A board at work warms its site's renderer in the background (docs/adr/0116):
 * the full build a renderer starts with happens then, once, and the
 * publication that follows is served by the warm renderer instead of
 * waiting for it.
 */
let work: string;
let site: string;
let builder: SiteBuilder;
const workDir = path.join(PROJECT_ROOT, '.build', `test-warm-up-${process.pid}`);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'congso-warm-up-'));
  const [first] = await writeSyntheticContent(path.join(work, 'content'), { sites: 1, pagesPerSite: 30, seed: 5 });
  site = first!.id;
  builder = siteBuilder({ contentRoot: path.join(work, 'content'), outDir: path.join(work, 'dist'), workDir });
}, 60_000);

afterAll(async () => {
  await builder?.close();
  await rm(work, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

const history = async () =>
  (await readBuildHistory(path.join(work, 'dist'), site)).map((r) => [r.triggeredBy, r.result]);

describe('warming a site while its board works', () => {
  it('starts the renderer once in the background, and warming a warm site starts nothing', async () => {
    builder.warm(site);
    builder.warm(site);
    for (let waited = 0; !(await history()).length && waited < 120_000; waited += 250)
      await new Promise((r) => setTimeout(r, 250));
    expect(await history()).toEqual([['warm-up', 'success']]);
    expect(existsSync(path.join(work, 'dist', site, 'index.html'))).toBe(true);
    // Warm already: nothing more to start.
    builder.warm(site);
    await builder(site, 'publish:annv');
    expect((await history()).map(([by]) => by).sort()).toEqual(['publish:annv', 'warm-up']);
  }, 180_000);
});
