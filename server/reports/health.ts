import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentRepository } from '#server/editorial/index.ts';
import type { Storage } from '#server/platform/storage/repository.ts';

/**
 * What `/healthz` reports: can the server reach its database, read its
 * content repository, and has every site been built. A monitoring probe
 * or the IT officer (Điều 17.4) reads it; it names no file path and no
 * error text, only which part failed.
 */
export interface SiteBuildStatus {
  site: string;
  ok: boolean;
  builtAt: string | null;
  pages: number | null;
  commit: string | null;
}

export interface HealthReport {
  ok: boolean;
  checkedAt: string;
  database: { ok: boolean; ms: number };
  /** `skipped` when the server runs without a content repository (tests, static-only). */
  contentRepository: { ok: boolean; skipped?: boolean; head: string | null };
  builds: SiteBuildStatus[];
}

export interface HealthDeps {
  storage: Storage;
  distDir: string;
  sites: readonly string[];
  contentRepository?: ContentRepository | Promise<ContentRepository>;
  now: () => number;
}

async function pingDatabase(storage: Storage): Promise<{ ok: boolean; ms: number }> {
  const t0 = performance.now();
  try {
    // The storage contract has no ping; a by-id lookup that finds nothing is the cheapest real round trip.
    await storage.accounts.findById('00000000-healthz');
    return { ok: true, ms: Math.round(performance.now() - t0) };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - t0) };
  }
}

async function readRepository(source: HealthDeps['contentRepository']): Promise<HealthReport['contentRepository']> {
  if (!source) return { ok: true, skipped: true, head: null };
  try {
    const repo = await source;
    const head = await repo.resolve('main');
    return { ok: head !== null, head };
  } catch {
    return { ok: false, head: null };
  }
}

export async function readBuildInfo(distDir: string, site: string): Promise<SiteBuildStatus> {
  try {
    const info = JSON.parse(await readFile(path.join(distDir, site, 'build-info.json'), 'utf8')) as {
      builtAt?: string;
      pages?: number;
      commit?: string;
    };
    return {
      site,
      ok: typeof info.builtAt === 'string',
      builtAt: info.builtAt ?? null,
      pages: info.pages ?? null,
      commit: info.commit ?? null,
    };
  } catch {
    return { site, ok: false, builtAt: null, pages: null, commit: null };
  }
}

export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const [database, contentRepository, builds] = await Promise.all([
    pingDatabase(deps.storage),
    readRepository(deps.contentRepository),
    Promise.all(deps.sites.map((site) => readBuildInfo(deps.distDir, site))),
  ]);
  return {
    ok: database.ok && contentRepository.ok && builds.every((b) => b.ok),
    checkedAt: new Date(deps.now()).toISOString(),
    database,
    contentRepository,
    builds,
  };
}
