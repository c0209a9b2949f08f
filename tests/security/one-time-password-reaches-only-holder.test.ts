import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#src/schema/roles.ts';
import { runUsersCommand } from '#server/accounts/index.ts';
import { systemPrincipal } from '#server/accounts/principal.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { Browser, cheapHasher, createTestApp, DEPARTMENTS, errorCode, type TestApp } from '../accounts/support.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { STORAGE_KINDS } from './support.ts';

/**
 * Findings 6a and 6b: whoever created or reset an account that can verify or
 * publish received its one-time password and could sign in as its holder.
 * With mail configured the password goes only to the holder's official
 * address; without mail it is shown once and the viewer is recorded as its
 * witness, linked to the account for the four-eyes rules. Resets, first
 * sign-ins and delegations are visible to the holder and the head.
 */
const OTP = /[a-z2-9]{4}(?:-[a-z2-9]{4}){3}/;
const MAIL_FROM = 'khong-tra-loi@thuathienhue.gov.vn';

describe.each(STORAGE_KINDS)('one-time passwords reach only their holder ($name)', (kind) => {
  async function board(t: TestApp) {
    const add = async (
      fullName: string,
      role: Role,
      email: string | null,
      host = 'sotuphap.localhost',
      ip = '192.0.2.10',
    ) => {
      const { account, oneTimePassword } = await t.services.accounts.create(
        systemPrincipal('test'),
        {
          fullName,
          role,
          departmentId: role === 'admin' ? null : 'sotuphap',
          email,
          sections: role === 'editor' || role === 'contributor' ? ['tin-tuc'] : undefined,
        },
        NO_REQUEST,
      );
      return {
        id: account.id,
        username: account.username,
        password: oneTimePassword,
        browser: new Browser(t, host, ip),
      };
    };
    const admin = await add('Quản Trị Viên', 'admin', null, 'localhost', '198.51.100.1');
    const head = await add(
      'Trần Văn Hùng',
      'head',
      'tvhung@sotuphap.thuathienhue.gov.vn',
      'sotuphap.localhost',
      '192.0.2.20',
    );
    const deputy = await add(
      'Lê Thị Thu Hà',
      'deputy',
      'ltha@sotuphap.thuathienhue.gov.vn',
      'sotuphap.localhost',
      '192.0.2.30',
    );
    const it = await add('Phạm Minh Tuấn', 'it-officer', null, 'sotuphap.localhost', '192.0.2.40');
    const editor = await add(
      'Nguyễn Văn An',
      'editor',
      'nvan@sotuphap.thuathienhue.gov.vn',
      'sotuphap.localhost',
      '192.0.2.50',
    );
    await t.services.accounts.delegate(systemPrincipal('test'), editor.username, ['verify'], NO_REQUEST);
    for (const person of [admin, head, it]) await person.browser.signInFully(person.username, person.password);
    return { admin, head, deputy, it, editor };
  }

  describe('with mail configured', () => {
    let t: TestApp;
    let sink: SmtpSink;
    let people: Awaited<ReturnType<typeof board>>;
    beforeAll(async () => {
      sink = await startSmtpSink();
      t = await createTestApp({
        storage: await kind.open(),
        mail: { smtp: { host: '127.0.0.1', port: sink.port }, from: MAIL_FROM },
      });
      people = await board(t);
    });
    afterAll(async () => {
      await t.storage.close();
      await sink.close();
    });

    /** The one-time password in the latest mail to `address`. */
    function mailedPassword(address: string): string {
      const message = sink.messages.filter((m) => m.to.includes(address)).at(-1);
      expect(message, `no mail to ${address}`).toBeDefined();
      return OTP.exec(message!.text)![0];
    }

    it('the head creating an account with an address sees no password, and a delegation does not link them', async () => {
      const created = await people.head.browser.request('/quan-tri/tai-khoan', {
        form: {
          fullName: 'Đặng Thị Mai',
          role: 'contributor',
          email: 'dtmai@sotuphap.thuathienhue.gov.vn',
          sections: 'tin-tuc',
        },
      });
      expect(created.status).toBe(201);
      const html = await created.text();
      expect(html).not.toMatch(OTP);
      const password = mailedPassword('dtmai@sotuphap.thuathienhue.gov.vn');
      expect(html).not.toContain(password);
      const mai = (await t.storage.accounts.findByUsername('dtmai'))!;
      expect(mai.credentialsSeenBy).toBeNull();
      expect(
        (await people.head.browser.request('/quan-tri/tai-khoan/dtmai/uy-quyen', { form: { rights: 'verify' } }))
          .status,
      ).toBe(303);
      expect(await t.services.accounts.linkedUsernames(mai.id)).toEqual([]);
    });

    it('refuses an address outside the official domains, or one already in use', async () => {
      const outside = await people.head.browser.request('/quan-tri/api/tai-khoan', {
        json: { fullName: 'Võ Văn Tư', role: 'contributor', email: 'vvtu@gmail.com' },
      });
      expect(await errorCode(outside)).toBe('E_UNOFFICIAL_EMAIL');
      const taken = await people.head.browser.request('/quan-tri/api/tai-khoan', {
        json: { fullName: 'Võ Văn Tư', role: 'contributor', email: 'NVAN@sotuphap.thuathienhue.gov.vn' },
      });
      expect(await errorCode(taken)).toBe('E_EMAIL_TAKEN');
      expect(await t.storage.accounts.findByUsername('vvtu')).toBeNull();
    });

    // The administrator's reset of the head comes last: it ends the head's session.
    it.each([
      ['the head', 'a deputy', 'head', 'deputy', 'ltha@sotuphap.thuathienhue.gov.vn'],
      ['the IT officer', 'an editor holding a verify delegation', 'it', 'editor', 'nvan@sotuphap.thuathienhue.gov.vn'],
      ['the province administrator', 'the head', 'admin', 'head', 'tvhung@sotuphap.thuathienhue.gov.vn'],
    ] as const)(
      '%s resetting %s never sees the password; the holder gets it by mail and signs in',
      async (_actor, _target, actorKey, targetKey, address) => {
        const actor = people[actorKey];
        const target = people[targetKey];
        const page = await actor.browser.request(`/quan-tri/tai-khoan/${target.username}/cap-lai-mat-khau`, {
          form: {},
        });
        expect(page.status).toBe(200);
        const html = await page.text();
        const sent = mailedPassword(address);
        expect(html).not.toContain(sent);
        expect(html).not.toMatch(OTP);
        expect(html).toContain(`${address[0]}***@sotuphap.thuathienhue.gov.vn`);

        const api = await actor.browser.request(`/quan-tri/api/tai-khoan/${target.username}/cap-lai-mat-khau`, {
          json: {},
        });
        expect(api.status).toBe(200);
        const body = await api.text();
        const again = mailedPassword(address);
        expect(again).not.toBe(sent);
        expect(body).not.toContain(again);
        expect(JSON.parse(body)).not.toHaveProperty('oneTimePassword');

        // The first mailed password died with the second reset; the second works, for the holder.
        const holder = new Browser(t, target.browser.host, '192.0.2.99');
        expect((await holder.signIn(target.username, sent)).status).toBe(401);
        t.clock.advance(60_000);
        const signedIn = await holder.signIn(target.username, again);
        expect(signedIn.headers.get('location')).toBe('/quan-tri/doi-mat-khau');
        expect(await t.services.accounts.linkedUsernames(target.id)).toEqual([]);
        expect(await t.services.accounts.linkedUsernames(actor.id)).toEqual([]);
      },
    );
  });

  describe('without mail', () => {
    let t: TestApp;
    let people: Awaited<ReturnType<typeof board>>;
    beforeAll(async () => {
      t = await createTestApp({ storage: await kind.open() });
      people = await board(t);
    });
    afterAll(() => t.storage.close());

    it('shows the password once to the head who created the account, and links the two both ways whatever the holder does next', async () => {
      const created = await people.head.browser.request('/quan-tri/tai-khoan', {
        form: { fullName: 'Đặng Thị Mai', role: 'contributor', sections: 'tin-tuc' },
      });
      expect(created.status).toBe(201);
      const password = /id="mat-khau-mot-lan">([^<]+)</.exec(await created.text())![1]!;
      const mai = (await t.storage.accounts.findByUsername('dtmai'))!;
      expect(mai.credentialsSeenBy).toBe(people.head.id);
      expect(await (await people.head.browser.request('/quan-tri/tai-khoan/dtmai')).text()).not.toContain(password);

      // Finding 6b: the head grants verification and signs in as the contributor…
      expect(
        (await people.head.browser.request('/quan-tri/tai-khoan/dtmai/uy-quyen', { form: { rights: 'verify' } }))
          .status,
      ).toBe(303);
      const asMai = new Browser(t, 'sotuphap.localhost', '192.0.2.20');
      expect((await asMai.signIn('dtmai', password)).status).toBe(303);
      // …who can do nothing but choose a new password,
      expect(await errorCode(await asMai.request('/quan-tri/api/phien'))).toBe('E_PASSWORD_CHANGE_REQUIRED');
      expect(
        (await asMai.request('/quan-tri/tai-khoan/dtmai/uy-quyen', { form: { rights: ['verify', 'publish'] } })).status,
      ).toBe(403);
      // …and even once it is chosen, the two stay one person for the four-eyes rules.
      expect((await asMai.changePassword(password, 'bốn mùa hoa phượng đỏ')).status).toBe(303);
      expect(await t.services.accounts.linkedUsernames(mai.id)).toEqual([people.head.username]);
      expect(await t.services.accounts.linkedUsernames(people.head.id)).toEqual(['dtmai']);
      const page = await (await people.head.browser.request('/quan-tri/tai-khoan/dtmai')).text();
      expect(page).toContain(`(${people.head.username})`);
    });

    it('links the IT officer who saw a reset password, until the operator issues a new one', async () => {
      const reset = await people.it.browser.request(
        `/quan-tri/api/tai-khoan/${people.editor.username}/cap-lai-mat-khau`,
        { json: {} },
      );
      const body = (await reset.json()) as { oneTimePassword: string; delivery: { channel: string } };
      expect(body.delivery.channel).toBe('screen');
      expect(body.oneTimePassword).toMatch(OTP);
      expect(await t.services.accounts.linkedUsernames(people.editor.id)).toEqual([people.it.username]);
      expect(await t.services.accounts.linkedUsernames(people.it.id)).toContain(people.editor.username);

      const out: string[] = [];
      const code = await runUsersCommand(['reset', people.editor.username], {
        storage: t.storage,
        departments: DEPARTMENTS,
        out: (l) => out.push(l),
        err: (l) => out.push(l),
        hasher: cheapHasher(),
      });
      expect(code).toBe(0);
      expect(out.join('\n')).toMatch(OTP);
      expect(await t.services.accounts.linkedUsernames(people.editor.id)).toEqual([]);
      expect(await t.services.accounts.linkedUsernames(people.it.id)).not.toContain(people.editor.username);
    });

    it('shows each reset and the first sign-in after it to the holder and to the head', async () => {
      const admin = people.admin;
      // The administrator resets the head from 198.51.100.1; the head signs in from elsewhere with a browser of their own.
      const resetHead = await admin.browser.request(`/quan-tri/tai-khoan/${people.head.username}/cap-lai-mat-khau`, {
        form: {},
      });
      const headPassword = /id="mat-khau-mot-lan">([^<]+)</.exec(await resetHead.text())![1]!;
      t.clock.advance(5 * 60_000);
      const head = new Browser(t, 'sotuphap.localhost', '203.0.113.5');
      await head.request('/quan-tri/dang-nhap', {
        form: { username: people.head.username, password: headPassword },
        headers: { 'user-agent': 'TruongBan-Browser/1.0' },
      });
      await head.changePassword(headPassword, 'Trưởng ban đọc tin mỗi sáng');

      // The head resets the deputy from 203.0.113.5; the deputy signs in from 192.0.2.31.
      const resetDeputy = await head.request(`/quan-tri/tai-khoan/${people.deputy.username}/cap-lai-mat-khau`, {
        form: {},
      });
      const deputyPassword = /id="mat-khau-mot-lan">([^<]+)</.exec(await resetDeputy.text())![1]!;
      t.clock.advance(5 * 60_000);
      const deputy = new Browser(t, 'sotuphap.localhost', '192.0.2.31');
      await deputy.request('/quan-tri/dang-nhap', {
        form: { username: people.deputy.username, password: deputyPassword },
        headers: { 'user-agent': 'PhoBan-Browser/2.0' },
      });
      await deputy.changePassword(deputyPassword, 'Hoa phượng đỏ sân trường');

      const headHome = await (await head.request('/quan-tri/')).text();
      // As the holder: who reset it, from where; the first sign-in, from where, with what.
      for (const seen of [admin.username, '198.51.100.1', '203.0.113.5', 'TruongBan-Browser/1.0'])
        expect(headHome).toContain(seen);
      // As the head: the deputy's reset and first sign-in.
      for (const seen of [people.deputy.username, '192.0.2.31', 'PhoBan-Browser/2.0']) expect(headHome).toContain(seen);
      const deputyHome = await (await deputy.request('/quan-tri/')).text();
      for (const seen of [people.head.username, '203.0.113.5', '192.0.2.31', 'PhoBan-Browser/2.0'])
        expect(deputyHome).toContain(seen);
      const deputyPage = await (await head.request(`/quan-tri/tai-khoan/${people.deputy.username}`)).text();
      for (const seen of ['203.0.113.5', '192.0.2.31', 'PhoBan-Browser/2.0']) expect(deputyPage).toContain(seen);
    });

    it('shows each delegation and who granted it on the compliance dashboard', async () => {
      const head = new Browser(t, 'sotuphap.localhost', '192.0.2.21');
      await head.signIn(people.head.username, 'Trưởng ban đọc tin mỗi sáng');
      expect(
        (
          await head.request(`/quan-tri/tai-khoan/${people.editor.username}/uy-quyen`, {
            form: { rights: ['verify', 'publish'] },
          })
        ).status,
      ).toBe(303);
      const dashboard = await (await head.request('/quan-tri/tuan-thu/')).text();
      const section = /<section aria-labelledby="uy-quyen">([\s\S]*?)<\/section>/.exec(dashboard)?.[1] ?? '';
      const row = section.split('<tr>').find((r) => r.includes(people.editor.username) && r.includes('Đăng tải'));
      expect(row).toBeDefined();
      expect(row).toContain(people.head.username);
    });
  });
});
