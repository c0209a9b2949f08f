import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_INFO_FILE } from './publish-site.ts';

/**
 * Which sites `npm start` must build first: those never built, and those
 * whose YAML, content or media changed after their `build-info.json`, or
 * built before the page templates (anything under `src/`, the Astro config)
 * last changed.
 */
async function newestMtime(target: string): Promise<number> {
  let newest = 0;
  let s: Stats;
  try {
    s = await stat(target);
  } catch {
    return 0;
  }
  if (!s.isDirectory()) return s.mtimeMs;
  newest = s.mtimeMs;
  for (const d of await readdir(target, { recursive: true, withFileTypes: true })) {
    if (d.name.startsWith('.') || d.name.endsWith('.test.ts')) continue;
    try {
      newest = Math.max(newest, (await stat(path.join(d.parentPath, d.name))).mtimeMs);
    } catch {
      // Removed while we walked: its folder's mtime already says something changed.
    }
  }
  return newest;
}

export async function templatesMtime(projectRoot: string): Promise<number> {
  return Math.max(
    await newestMtime(path.join(projectRoot, 'src')),
    await newestMtime(path.join(projectRoot, 'astro.config.ts')),
  );
}

export async function staleSites(options: {
  contentRoot: string;
  outDir: string;
  sites: string[];
  templatesMtime: number;
}): Promise<string[]> {
  const province = await newestMtime(path.join(options.contentRoot, 'sites', '_province.yaml'));
  const stale: string[] = [];
  for (const site of options.sites) {
    let built: number;
    try {
      built = (await stat(path.join(options.outDir, site, BUILD_INFO_FILE))).mtimeMs;
    } catch {
      stale.push(site);
      continue;
    }
    const sources = Math.max(
      province,
      options.templatesMtime,
      await newestMtime(path.join(options.contentRoot, 'sites', `${site}.yaml`)),
      await newestMtime(path.join(options.contentRoot, 'content', site)),
    );
    if (sources > built) stale.push(site);
  }
  return stale;
}
