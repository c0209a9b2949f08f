import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, errorCode } from '../accounts/support.ts';
import { COMPLAINT, fixture, multipart } from '../services/case-support.ts';
import { createFullApp, DEPARTMENT_HOST, sendRaw, type FullApp } from './full-app.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * A form's idempotency key replayed with *other* content answered 200 with
 * the first case's tracking code and secret: whoever held the key (a shared
 * computer's history, a proxy log) could read someone else's case. Only the
 * same content is the same submission; anything else is refused and nothing
 * is written.
 */
describe.each(STORAGE_KINDS)('an idempotency key replayed with other content ($name)', (kind) => {
  let t: FullApp;
  let addresses = 0;
  beforeAll(async () => {
    t = await createFullApp(await kind.open());
  });
  afterAll(() => t?.close());

  /** A citizen without JavaScript (no proof of work), each from an address of their own. */
  const citizen = () => new Browser(t, DEPARTMENT_HOST, `203.0.113.${(addresses += 1)}`);
  const newKey = () => randomBytes(18).toString('base64url');

  async function stored() {
    const cases = await t.storage.cases.list({ departmentId: 'sotuphap', limit: 1000 });
    const events = await Promise.all(cases.map((c) => t.storage.cases.events(c.id)));
    return { cases: cases.length, events: events.flat().length, files: t.storedFiles().sort() };
  }

  it('answers the same content with the first receipt, and other fields with 422, without the code or the secret, writing nothing', async () => {
    const key = newKey();
    const form = { ...COMPLAINT, 'idempotency-key': key };
    const first = await citizen().request('/dich-vu/khieu-nai-to-cao', {
      form,
      headers: { accept: 'application/json' },
    });
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { trackingCode: string; secret: string };
    const before = await stored();
    // A retry whose first answer was lost: the same receipt, as before.
    const retry = await citizen().request('/dich-vu/khieu-nai-to-cao', {
      form,
      headers: { accept: 'application/json' },
    });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({
      trackingCode: receipt.trackingCode,
      secret: receipt.secret,
      duplicate: true,
    });
    const changes = [
      { ...COMPLAINT, content: `${COMPLAINT.content} Tôi bổ sung thêm một chi tiết.` },
      { ...COMPLAINT, fullName: 'Người Khác Hẳn', email: 'khac@example.com' },
      { ...COMPLAINT, kind: 'to-cao' },
    ];
    for (const fields of changes) {
      for (const accept of ['application/json', 'text/html']) {
        const replay = await citizen().request('/dich-vu/khieu-nai-to-cao', {
          form: { ...fields, 'idempotency-key': key },
          headers: { accept },
        });
        const body = await replay.clone().text();
        expect(replay.status).toBe(422);
        // The page is the form again, with the refusal beside it; JSON carries the code.
        if (accept === 'application/json') expect(await errorCode(replay)).toBe('E_IDEMPOTENCY_KEY_REUSED');
        expect(body).not.toContain(receipt.secret);
        expect(body).not.toContain(receipt.trackingCode);
      }
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses another file under the same key, and keeps no copy of it', async () => {
    const key = newKey();
    const send = (file: string) =>
      sendRaw(t, citizen(), '/dich-vu/khieu-nai-to-cao', {
        headers: { accept: 'application/json' },
        body: multipart({ ...COMPLAINT, 'idempotency-key': key }, [{ name: file, bytes: fixture(file) }]),
      });
    const first = await send('sample.pdf');
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { secret: string };
    const before = await stored();
    const replay = await send('sample.png');
    expect(replay.status).toBe(422);
    expect(await errorCode(replay.clone())).toBe('E_IDEMPOTENCY_KEY_REUSED');
    const body = await replay.text();
    expect(body).not.toContain(receipt.secret);
    expect(await stored()).toEqual(before);
  });
});
