import { Hono } from 'hono';
import { html } from 'hono/html';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { RepositoryUnavailableError } from '#server/editorial/index.ts';
import { ThrottledError } from '#server/accounts/errors.ts';
import { RateLimitedError } from '#server/citizen-services/errors.ts';
import { CalendarOutOfRangeError } from '#src/calendar/working-days.ts';
import { handleError } from './error-response.ts';
import { NotFoundError, ValidationError } from '../errors.ts';

/** A route that fails the way a bug or a refusal does, behind the one error handler. */
function appThrowing(error: unknown, formView?: () => never) {
  const app = new Hono<AppEnv>();
  app.get('/x', (c) => {
    if (formView) c.set('formErrorView', formView);
    throw error;
  });
  app.onError(handleError);
  return app;
}

const asPage = { headers: { accept: 'text/html' } };
const asJson = { headers: { accept: 'application/json' } };

describe('handleError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows nothing of an exception that is not ours, as a page or as JSON', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'x') at /srv/congso/server/x.ts:12:3");
    for (const init of [asPage, asJson]) {
      const response = await appThrowing(bug).request('/x', init);
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(body).toContain('E_INTERNAL');
      expect(body).not.toMatch(/TypeError|Cannot read|\/srv\/congso|x\.ts|\n\s+at /);
    }
  });

  it('never shows the data of a server-side failure, which names its folders', async () => {
    const response = await appThrowing(
      new RepositoryUnavailableError({ dir: '/srv/congso/data/content', reason: 'no main branch' }),
    ).request('/x', asJson);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; data: object } };
    expect(body.error.code).toBe('E_REPO_UNAVAILABLE');
    expect(body.error.data).toEqual({});
  });

  it('says when to come back on every refusal that passes with time, whichever capability refused', async () => {
    for (const refusal of [
      new ThrottledError({ retryAfterSeconds: 30, capped: false }),
      new RateLimitedError({ retryAfterSeconds: 120 }),
    ]) {
      for (const init of [asPage, asJson]) {
        const response = await appThrowing(refusal).request('/x', init);
        expect(response.status, refusal.code).toBe(429);
        expect(response.headers.get('retry-after'), refusal.code).toBe(String(refusal.data.retryAfterSeconds));
      }
    }
  });

  it("answers a holiday table that ends too early as the server's failure, and logs it", async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await appThrowing(
      new CalendarOutOfRangeError({ date: '2031-01-02', firstYear: 2024, lastYear: 2030 }),
    ).request('/x', asJson);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('E_INTERNAL');
    expect(log).toHaveBeenCalled();
  });

  it('answers with the plain error page when the form cannot be re-rendered', async () => {
    const refusal = new ValidationError({ issues: [{ field: 'body', problem: 'invalid-format' }] });
    const response = await appThrowing(refusal, () => {
      throw new NotFoundError({ path: '/x' });
    }).request('/x', asPage);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('E_INVALID_INPUT');
  });

  it('re-renders the form when it can', async () => {
    const refusal = new ValidationError({ issues: [{ field: 'fullName', problem: 'required' }] });
    const response = await appThrowing(refusal, (() => html`<form>lại</form>`) as never).request('/x', asPage);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('<form>lại</form>');
  });
});
