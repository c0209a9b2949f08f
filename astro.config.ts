import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * One Astro build renders every department site in scope under `/<site>/`;
 * `scripts/build.ts` then moves each into `dist/<site>/`, served at its own
 * host. Links inside the pages are written root-relative for that host.
 * See docs/adr/0001-one-astro-build-many-sites.md.
 */
export default defineConfig({
  integrations: [mdx()],
  output: 'static',
  outDir: process.env.CONGSO_ASTRO_OUT ?? './.build/astro',
  cacheDir: process.env.CONGSO_ASTRO_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', assets: '_astro', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Scripts stay files, never inlined: the site's CSP allows script only from 'self' (server/platform/http/content-security-policy.ts).
  vite: { build: { assetsInlineLimit: 0 } },
});
