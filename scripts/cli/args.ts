import { parseArgs } from 'node:util';

/** `--site a --site b,c` → ["a", "b", "c"]. */
export function siteList(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface BuildArgs {
  sites: string[];
  contentRoot: string;
  outDir: string;
}

export function parseBuildArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BuildArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      site: { type: 'string', multiple: true },
      'content-root': { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  return {
    sites: siteList(values.site),
    contentRoot: values['content-root'] ?? env.CONGSO_CONTENT_ROOT ?? process.cwd(),
    outDir: values.out ?? 'dist',
  };
}
