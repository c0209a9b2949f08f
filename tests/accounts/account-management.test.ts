import { beforeEach, describe, expect, it } from 'vitest';
import { Browser, createTestApp, errorCode, type TestApp } from './support.ts';

function oneTimePasswordIn(html: string): { username: string; password: string } {
  return {
    username: /id="ten-dang-nhap">([^<]+)</.exec(html)![1],
    password: /id="mat-khau-mot-lan">([^<]+)</.exec(html)![1],
  };
}

describe('managing a department’s accounts (Điều 11.4, 17)', () => {
  let t: TestApp;
  let head: Browser;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await t.addAccount('Trần Văn Hùng', 'head');
    await t.addAccount('Nguyễn Văn An', 'editor', 'sotuphap', ['tin-tuc']);
    head = new Browser(t, 'sotuphap.localhost', '192.0.2.1');
    await head.signInFully(account.username, account.password);
  });

  it('lets the head create an account, shows its one-time password once, and picks a free username', async () => {
    const response = await head.request('/quan-tri/tai-khoan', {
      form: { fullName: 'Nguyễn Văn An', role: 'editor', sections: 'van-ban, tin-tuc' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const issued = oneTimePasswordIn(await response.text());
    expect(issued.username).toBe('nvan2');
    const created = await t.storage.accounts.findByUsername('nvan2');
    expect(created).toMatchObject({
      role: 'editor',
      departmentId: 'sotuphap',
      sections: ['van-ban', 'tin-tuc'],
      mustChangePassword: true,
    });
    expect(created!.passwordHash).not.toContain(issued.password);
    const newcomer = new Browser(t);
    expect((await newcomer.signIn(issued.username, issued.password)).headers.get('location')).toBe(
      '/quan-tri/doi-mat-khau',
    );
    const list = await head.request('/quan-tri/tai-khoan');
    expect(await list.text()).not.toContain(issued.password);
  });

  it('refuses a third deputy with the error beside the role field', async () => {
    for (const name of ['Lê Thị Hà', 'Võ Văn Kiệt']) {
      expect((await head.request('/quan-tri/tai-khoan', { form: { fullName: name, role: 'deputy' } })).status).toBe(
        201,
      );
    }
    const third = await head.request('/quan-tri/tai-khoan', { form: { fullName: 'Phan Văn Khải', role: 'deputy' } });
    expect(third.status).toBe(409);
    const html = await third.text();
    expect(html).toContain('href="#role"');
    expect(html).toContain('tối đa 2 Phó Trưởng Ban Biên tập');
    expect(html).toContain('value="Phan Văn Khải"');
  });

  it('never lets the head act on their own account or another department', async () => {
    await t.addAccount('Hoàng Văn Nam', 'editor', 'soyte');
    const self = await head.request('/quan-tri/api/tai-khoan/tvhung/vo-hieu-hoa', { json: {} });
    expect(await errorCode(self)).toBe('E_SELF_ACTION');
    const other = await head.request('/quan-tri/api/tai-khoan/hvnam/vo-hieu-hoa', { json: {} });
    expect(await errorCode(other)).toBe('E_OUTSIDE_DEPARTMENT');
    const page = await head.request('/quan-tri/tai-khoan/hvnam/vo-hieu-hoa', { form: {} });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('trong đơn vị của mình');
    expect((await t.storage.accounts.findByUsername('hvnam'))?.status).toBe('active');
  });

  it('assigns sections, delegates rights and changes roles from the account page', async () => {
    const page = await head.request('/quan-tri/tai-khoan/nvan');
    expect(page.status).toBe(200);
    expect(
      (await head.request('/quan-tri/tai-khoan/nvan/chuyen-muc', { form: { sections: ['gop-y', 'tin-tuc'] } })).status,
    ).toBe(303);
    expect(
      (await head.request('/quan-tri/tai-khoan/nvan/uy-quyen', { form: { rights: ['verify', 'publish'] } })).status,
    ).toBe(303);
    expect((await head.request('/quan-tri/tai-khoan/nvan/vai-tro', { form: { role: 'contributor' } })).status).toBe(
      303,
    );
    expect(await t.storage.accounts.findByUsername('nvan')).toMatchObject({
      sections: ['gop-y', 'tin-tuc'],
      delegations: ['verify', 'publish'],
      role: 'contributor',
    });
    const promote = await head.request('/quan-tri/api/tai-khoan/nvan/vai-tro', { json: { role: 'head' } });
    expect(await errorCode(promote)).toBe('E_RANK_NOT_LOWER');
  });

  it('lets the IT officer create editors without sections, and nothing above', async () => {
    const it = await t.addAccount('Phạm Minh Tuấn', 'it-officer');
    const officer = new Browser(t, 'sotuphap.localhost', '192.0.2.5');
    await officer.signInFully(it.username, it.password);
    const page = await (await officer.request('/quan-tri/tai-khoan')).text();
    expect(page).toContain('<option value="editor"');
    expect(page).not.toContain('<option value="deputy"');
    expect(page).not.toContain('id="sections"');
    expect(
      (await officer.request('/quan-tri/api/tai-khoan', { json: { fullName: 'Lê Văn Tám', role: 'editor' } })).status,
    ).toBe(201);
    expect(
      await errorCode(
        await officer.request('/quan-tri/api/tai-khoan', { json: { fullName: 'Lê Văn Chín', role: 'deputy' } }),
      ),
    ).toBe('E_RANK_NOT_LOWER');
    expect(
      await errorCode(
        await officer.request('/quan-tri/api/tai-khoan', {
          json: { fullName: 'Lê Văn Mười', role: 'editor', sections: ['tin-tuc'] },
        }),
      ),
    ).toBe('E_PERMISSION_DENIED');
    expect(
      await errorCode(await officer.request('/quan-tri/api/tai-khoan/tvhung/cap-lai-mat-khau', { json: {} })),
    ).toBe('E_RANK_NOT_LOWER');
    expect((await officer.request('/quan-tri/nhat-ky')).status).toBe(403);
  });

  it('shows an editor neither accounts nor the audit log', async () => {
    const editor = new Browser(t, 'sotuphap.localhost', '192.0.2.6');
    const account = await t.addAccount('Đặng Thị Mai', 'contributor', 'sotuphap', ['tin-tuc']);
    await editor.signInFully(account.username, account.password);
    const accounts = await editor.request('/quan-tri/tai-khoan');
    expect(accounts.status).toBe(403);
    expect(await accounts.text()).toContain('E_PERMISSION_DENIED');
    expect(
      await errorCode(
        await editor.request('/quan-tri/api/tai-khoan', { json: { fullName: 'Lê Văn Tám', role: 'contributor' } }),
      ),
    ).toBe('E_PERMISSION_DENIED');
    expect((await editor.request('/quan-tri/nhat-ky')).status).toBe(403);
    const home = await (await editor.request('/quan-tri/')).text();
    expect(home).not.toContain('href="/quan-tri/tai-khoan"');
  });

  it('lets the head read their own department’s audit log only', async () => {
    await t.addAccount('Hoàng Văn Nam', 'editor', 'soyte');
    const html = await (await head.request('/quan-tri/nhat-ky')).text();
    expect(html).toContain('Đăng nhập');
    expect(html).not.toContain('hvnam');
  });
});

describe('the province administrator (portal host)', () => {
  let t: TestApp;
  let admin: Browser;
  let adminAccount: { username: string; password: string };

  beforeEach(async () => {
    t = await createTestApp();
    adminAccount = await t.addAccount('Quản Trị Viên', 'admin');
    admin = new Browser(t, 'localhost:4321', '192.0.2.50');
    await admin.signInFully(adminAccount.username, adminAccount.password);
  });

  it('creates a department head and IT officer, but no editors', async () => {
    const response = await admin.request('/quan-tri/tai-khoan', {
      form: { fullName: 'Trần Văn Hùng', role: 'head', departmentId: 'soyte' },
    });
    expect(response.status).toBe(201);
    expect(await t.storage.accounts.findByUsername('tvhung')).toMatchObject({ role: 'head', departmentId: 'soyte' });
    expect(
      (
        await admin.request('/quan-tri/api/tai-khoan', {
          json: { fullName: 'Phạm Minh Tuấn', role: 'it-officer', departmentId: 'soyte' },
        })
      ).status,
    ).toBe(201);
    expect(
      await errorCode(
        await admin.request('/quan-tri/api/tai-khoan', {
          json: { fullName: 'Lê Văn Tám', role: 'editor', departmentId: 'soyte' },
        }),
      ),
    ).toBe('E_PERMISSION_DENIED');
    expect(
      await errorCode(
        await admin.request('/quan-tri/api/tai-khoan', {
          json: { fullName: 'Lê Văn Tám', role: 'head', departmentId: 'sokhac' },
        }),
      ),
    ).toBe('E_UNKNOWN_DEPARTMENT');
    const all = await (await admin.request('/quan-tri/nhat-ky')).text();
    expect(all).toContain('tvhung');
  });

  it('signs in only on the portal, and department staff only on their own host', async () => {
    const onDepartment = await new Browser(t, 'sotuphap.localhost').request('/quan-tri/dang-nhap', {
      form: { username: adminAccount.username, password: 'sông Hương chiều thu' },
      headers: { accept: 'application/json' },
    });
    expect(await errorCode(onDepartment)).toBe('E_WRONG_SITE');
    const head = await t.addAccount('Trần Văn Hùng', 'head', 'sotuphap');
    const onPortal = await new Browser(t, 'localhost').request('/quan-tri/dang-nhap', {
      form: head,
      headers: { accept: 'application/json' },
    });
    expect(await errorCode(onPortal)).toBe('E_WRONG_SITE');
    const onOtherDepartment = await new Browser(t, 'soyte.localhost').request('/quan-tri/dang-nhap', {
      form: head,
      headers: { accept: 'application/json' },
    });
    expect(await errorCode(onOtherDepartment)).toBe('E_WRONG_SITE');
  });

  it('does not honour a department session cookie on another host', async () => {
    const head = await t.addAccount('Trần Văn Hùng', 'head', 'sotuphap');
    const browser = new Browser(t, 'sotuphap.localhost');
    await browser.signInFully(head.username, head.password);
    const elsewhere = new Browser(t, 'soyte.localhost');
    for (const [k, v] of browser.cookies) elsewhere.cookies.set(k, v);
    const response = await elsewhere.request('/quan-tri/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/dang-nhap/);
    expect((await browser.request('/quan-tri/')).status).toBe(200);
  });
});
