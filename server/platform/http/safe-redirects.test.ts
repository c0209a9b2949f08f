import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { handleError } from './error-response.ts';
import { safeRedirects } from './safe-redirects.ts';

function appRedirectingTo(location: string) {
  const app = new Hono<AppEnv>();
  app.use('*', safeRedirects());
  app.get('/di', (c) => c.redirect(location, 302));
  app.get('/tu-dung', () => new Response(null, { status: 301, headers: { location } }));
  app.onError(handleError);
  return app;
}

describe('safeRedirects', () => {
  it.each([
    '/van-ban/',
    '/quan-tri/dang-nhap?tiep=%2F%2Fevil.example',
    '/tim-kiem/?q=http://x',
    '/van-ban/?q=/\\evil.example',
  ])('lets a redirect within the site through: %s', async (location) => {
    const response = await appRedirectingTo(location).request('/di');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(location);
  });

  it.each([
    '//evil.example/',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\t/evil.example',
    'van-ban/',
    '',
  ])('answers "not found" instead of sending the visitor to %j', async (location) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const path of ['/di', '/tu-dung']) {
      const response = await appRedirectingTo(location).request(path, { headers: { accept: 'application/json' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('location')).toBeNull();
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('E_NOT_FOUND');
    }
    // The operator learns which route tried.
    expect(log).toHaveBeenCalledWith(expect.stringContaining(JSON.stringify(location)));
    log.mockRestore();
  });
});
