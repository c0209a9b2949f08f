import path from 'node:path';

/**
 * What one build covers, passed from the build CLI to Astro through the
 * environment (Astro evaluates its config and pages in its own module graph).
 */
export interface BuildScope {
  /** Folder holding `sites/` and `content/`: the project, or a checkout of the content repository. */
  contentRoot: string;
  /** Site ids to build; empty means all. */
  sites: string[];
}

export function buildScopeFromEnv(env: NodeJS.ProcessEnv = process.env): BuildScope {
  return {
    contentRoot: path.resolve(env.CONGSO_CONTENT_ROOT ?? process.cwd()),
    sites: (env.CONGSO_SITES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export function buildScopeToEnv(scope: BuildScope): Record<string, string> {
  return { CONGSO_CONTENT_ROOT: scope.contentRoot, CONGSO_SITES: scope.sites.join(',') };
}
