import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalError } from '#server/platform/errors.ts';
import { Browser, errorCode } from '../accounts/support.ts';
import { createFullApp, DEPARTMENT_HOST, sendRaw, type FullApp } from './full-app.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * A multipart body without its boundary, a truncated one, malformed JSON to
 * the Decap endpoint, a Decap chunk that does not exist: each answered 500.
 * Bad input is the sender's mistake: a 4xx with a Vietnamese message, and
 * nothing written.
 */
const BOUNDARY = '----congsoTest';
const part = (name: string, value: string, extra = '') =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;

const MALFORMED_MULTIPART: Array<[string, string, string]> = [
  [
    'a boundary other than the declared one',
    `multipart/form-data; boundary=${BOUNDARY}`,
    `--other\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nA\r\n--other--\r\n`,
  ],
  ['no boundary in the content type', 'multipart/form-data', `${part('fullName', 'Tôn Nữ Thị Hà')}--${BOUNDARY}--\r\n`],
  [
    'no closing boundary',
    `multipart/form-data; boundary=${BOUNDARY}`,
    `${part('fullName', 'Tôn Nữ Thị Hà')}--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="don.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.`,
  ],
];

describe.each(STORAGE_KINDS)('malformed bodies are refused as input errors ($name)', (kind) => {
  let t: FullApp;
  let head: Browser;
  beforeAll(async () => {
    t = await createFullApp(await kind.open());
    head = await t.signedIn('head');
  });
  afterAll(() => t?.close());

  async function snapshot() {
    return {
      cases: (await t.storage.cases.list({ departmentId: 'sotuphap', limit: 1000 })).length,
      files: t.storedFiles().sort(),
    };
  }

  it.each(MALFORMED_MULTIPART)('a citizen form with %s', async (_label, contentType, body) => {
    const before = await snapshot();
    for (const accept of ['text/html', 'application/json']) {
      const citizen = new Browser(t, DEPARTMENT_HOST, '203.0.113.7');
      const response = await sendRaw(t, citizen, '/dich-vu/khieu-nai-to-cao', {
        headers: { 'content-type': contentType, accept },
        body,
      });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('E_INVALID_INPUT');
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(MALFORMED_MULTIPART)(
    'the look-up page, the supplement, sign-in and a case action with %s',
    async (_label, contentType, body) => {
      const paths: Array<[Browser, string]> = [
        [new Browser(t, DEPARTMENT_HOST, '203.0.113.8'), '/tra-cuu/'],
        [new Browser(t, DEPARTMENT_HOST, '203.0.113.9'), '/tra-cuu/bo-sung'],
        [new Browser(t, DEPARTMENT_HOST, '203.0.113.10'), '/quan-tri/dang-nhap'],
        [head, `/quan-tri/ho-so/${t.sample.caseId}/thu-ly`],
        [head, `/quan-tri/ho-so/phan-quyen/${t.people.victim.id}`],
        [head, `/quan-tri/tai-khoan/${t.people.victim.username}/vai-tro`],
      ];
      for (const [browser, path] of paths) {
        const response = await sendRaw(t, browser, path, { headers: { 'content-type': contentType }, body });
        expect(response.status, path).toBe(400);
        expect(await errorCode(response), path).toBe('E_INVALID_INPUT');
      }
      expect((await t.storage.cases.findById(t.sample.caseId))?.status).toBe('submitted');
    },
  );

  it.each([
    ['truncated', '{"action":"persistEntry","params":'],
    ['not JSON at all', 'action=info'],
    ['empty', ''],
  ])('Decap gets a Vietnamese error it can show for a %s body', async (_label, body) => {
    const response = await sendRaw(t, head, '/admin/api/v1', { headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { code: string; error: string };
    expect(answer.code).toBe('E_INVALID_INPUT');
    expect(answer.error).toEqual(expect.any(String));
    expect(answer.error).not.toBe(new InternalError().message);
  });

  it('answers a Decap chunk that does not exist with "not found", or sign-in to a visitor', async () => {
    for (const file of ['123.decap-cms.js', '0123456789abcdef0123.wasm']) {
      expect((await head.request(`/admin/${file}`)).status, file).toBe(404);
      const visitor = await new Browser(t, DEPARTMENT_HOST).request(`/admin/${file}`);
      expect(visitor.status, file).toBe(303);
      expect(visitor.headers.get('location'), file).toMatch(/^\/quan-tri\/dang-nhap\?/);
    }
  });
});
