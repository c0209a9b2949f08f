import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { BACK_OFFICE_PATHS } from '../http/back-office-paths.ts';

const css = readFileSync(new URL('./quan-tri.css', import.meta.url), 'utf8');

export function stylesheetRoutes() {
  return new Hono<AppEnv>().get(BACK_OFFICE_PATHS.stylesheet, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
}
