import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createServices } from '#server/accounts/index.ts';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.ts';
import { CSP, policyFor } from './content-security-policy.ts';

const department = {
  kind: 'department',
  department: { id: 'sotuphap', name: 'Sở Tư pháp', domains: ['sotuphap.thuathienhue.gov.vn'] },
} as const;
const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('policyFor', () => {
  it('keeps every page strict: no eval, no inline script, nothing from elsewhere, never framed', () => {
    for (const path of ['/', '/tin-tuc/hoi-nghi/', '/quan-tri/', '/quan-tri/dang-nhap', '/tim-kiem-khac/']) {
      const policy = policyFor(department, path);
      expect(policy).toBe(CSP.strict);
      expect(directive(policy, 'default-src')).toBe("default-src 'self'");
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe');
    }
    expect(policyFor({ kind: 'portal' }, '/')).toBe(CSP.strict);
    expect(policyFor(undefined, '/admin/')).toBe(CSP.strict);
  });

  it('gives Decap at /admin/ eval, inline styles and blob:/data: images, and nothing more', () => {
    const policy = policyFor(department, '/admin/');
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'unsafe-eval'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(policy, 'img-src')).toBe("img-src 'self' blob: data:");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' blob:");
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
    expect(directive(policy, 'script-src')).not.toContain('unsafe-inline');
    // The portal has no Decap: its /admin/ stays strict.
    expect(policyFor({ kind: 'portal' }, '/admin/')).toBe(CSP.strict);
  });

  it("allows WebAssembly only on the search pages and Pagefind's scripts (its worker)", () => {
    for (const path of [
      '/tim-kiem/',
      '/tim-kiem/index.html',
      '/en/search/',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind.js',
    ]) {
      expect(directive(policyFor(department, path), 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    }
    for (const path of ['/tim-kiem/x/', '/pagefind/index/abc.pf_index', '/van-ban/', '/en/', '/en/search/x/'])
      expect(policyFor(department, path)).toBe(CSP.strict);
  });

  it("sandboxes the site's files under /tep/: no script, no request, an origin of their own (ADR 0021)", () => {
    for (const path of ['/tep/2023/qd-14.pdf', '/tep/tin-tuc/bai/p.html'])
      expect(policyFor(department, path)).toBe("default-src 'none'; sandbox");
    expect(policyFor(department, '/tin-tuc/tep/')).toBe(CSP.strict);
    expect(policyFor({ kind: 'portal' }, '/tep/x.pdf')).toBe(CSP.strict);
  });
});

describe('contentSecurityPolicy in the app', () => {
  it('sends one policy per response, chosen by host and path, error pages included', async () => {
    const storage = openSqliteStorage({ path: ':memory:' });
    await storage.migrate();
    const departments = [department.department];
    const app = createApp({
      storage,
      departments,
      services: createServices({ storage, departments }),
      distDir: '/nonexistent',
    });
    const get = (host: string, path: string) => app.request(path, { headers: { host } });
    expect((await get('sotuphap.localhost', '/admin/')).headers.get('content-security-policy')).toBe(CSP.decap);
    expect((await get('sotuphap.localhost', '/tim-kiem/')).headers.get('content-security-policy')).toBe(CSP.search);
    expect((await get('sotuphap.localhost', '/quan-tri/dang-nhap')).headers.get('content-security-policy')).toBe(
      CSP.strict,
    );
    expect((await get('localhost', '/')).headers.get('content-security-policy')).toBe(CSP.strict);
    const unknownHost = await get('khong-co.localhost', '/admin/');
    expect(unknownHost.status).toBe(404);
    expect(unknownHost.headers.get('content-security-policy')).toBe(CSP.strict);
    await storage.close();
  });
});
