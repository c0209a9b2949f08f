import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp } from '../accounts/support.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Finding 9: twelve characters were enough, whatever they were. A password
 * an attacker would try early is refused with a reason code and a sentence
 * in Vietnamese that says why and what to do; a passphrase is welcome.
 */
const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;

const REFUSED: Array<[label: string, password: string, reason: string]> = [
  ['one letter repeated', 'aaaaaaaaaaaa', 'repeated'],
  ['the alphabet in order', 'abcdefghijkl', 'sequence'],
  ['a short run repeated', 'abcabcabcabc', 'repeated'],
  ['a common word, a symbol and digits', 'Admin@123456', 'common'],
  ['twelve spaces', ' '.repeat(12), 'whitespace-only'],
  ['the username repeated', 'nvannvannvan', 'contains-username'],
  ['the name without diacritics and a year', 'nguyenvanan1990', 'contains-name'],
  ['the name with diacritics and a year', 'Nguyễn Văn An 1990', 'contains-name'],
];

describe.each(STORAGE_KINDS)('new passwords ($name)', (kind) => {
  let t: TestApp;
  let browser: Browser;
  let oneTimePassword: string;
  beforeAll(async () => {
    t = await createTestApp({ storage: await kind.open() });
    ({ password: oneTimePassword } = await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']));
    browser = new Browser(t);
    expect((await browser.signIn('nvan', oneTimePassword)).status).toBe(303);
  });
  afterAll(() => t.storage.close());

  async function choose(newPassword: string) {
    const response = await browser.request('/quan-tri/doi-mat-khau', {
      form: { currentPassword: oneTimePassword, newPassword, confirmation: newPassword },
      headers: { accept: 'application/json' },
    });
    return {
      status: response.status,
      body:
        response.status === 303
          ? null
          : ((await response.json()) as { error: { code: string; message: string; data: { reason: string } } }),
    };
  }

  it('refuses each guessable password with its reason and a Vietnamese explanation, changing nothing', async () => {
    const messages = new Map<string, string>();
    for (const [label, password, reason] of REFUSED) {
      const { status, body } = await choose(password);
      expect({ label, status, code: body?.error.code, reason: body?.error.data.reason }).toEqual({
        label,
        status: 400,
        code: 'E_WEAK_PASSWORD',
        reason,
      });
      expect(body!.error.message).toMatch(VIETNAMESE);
      messages.set(reason, body!.error.message);
    }
    // Each kind of refusal explains itself, not one sentence for all.
    expect(new Set(messages.values()).size).toBe(messages.size);
    expect((await t.storage.accounts.findByUsername('nvan'))?.mustChangePassword).toBe(true);
  });

  it('accepts a passphrase', async () => {
    expect((await choose('Hoa phượng đỏ sân trường')).status).toBe(303);
    expect((await t.storage.accounts.findByUsername('nvan'))?.mustChangePassword).toBe(false);
  });
});
