import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE, PORTAL_SITE } from '#tests/support/records.ts';
import { accountsPageView } from './accounts-page-view.ts';

const head = anAccount({ role: 'head' });
const editor = anAccount({
  username: 'ttbhanh',
  fullName: 'Trần Thị Bích Hạnh',
  role: 'editor',
  sections: ['tin-tuc'],
  mustChangePassword: true,
});
const departments = [{ id: 'sotuphap', name: 'Sở Tư pháp', domains: [] }];

describe('accountsPageView', () => {
  it('offers the head the buttons the rules allow on each member, never on themself (ADR 0013)', () => {
    const view = accountsPageView({ site: DEPARTMENT_SITE, actor: head, accounts: [head, editor], departments });
    const [own, member] = view.rows;
    expect(own!.actions).toEqual([]);
    expect(member!.actions.map((a) => a.label)).toEqual(['Vô hiệu hóa', 'Cấp lại mật khẩu']);
    expect(member!.actions[0]).toMatchObject({
      href: '/quan-tri/tai-khoan/ttbhanh/vo-hieu-hoa',
      hiddenLabel: ' tài khoản ttbhanh',
    });
    expect(member!.href).toBe('/quan-tri/tai-khoan/ttbhanh');
    expect(member!.statusNote).toBe('Chưa đổi mật khẩu lần đầu');
  });

  it('offers only re-enabling a disabled account', () => {
    const [row] = accountsPageView({
      site: DEPARTMENT_SITE,
      actor: head,
      accounts: [{ ...editor, status: 'disabled' }],
      departments,
    }).rows;
    expect(row!.actions.map((a) => a.label)).toEqual(['Kích hoạt lại']);
    expect(row!.status).toBe('Đã vô hiệu hóa');
  });

  it('lets the head create any role below them, with sections for the roles that work in sections (Điều 17)', () => {
    const create = accountsPageView({ site: DEPARTMENT_SITE, actor: head, accounts: [], departments }).create!;
    const roles = create.fields.find((f) => f.id === 'role')!.options!.map((o) => o.value);
    expect(roles).toEqual(['deputy', 'editor', 'it-officer', 'contributor']);
    expect(create.fields.some((f) => f.id === 'departmentId')).toBe(false);
    expect(create.sections).not.toBeNull();
  });

  it('shows the province administrator every department and lets them pick one, without sections', () => {
    const admin = anAccount({ username: 'admin', role: 'admin', departmentId: null });
    const view = accountsPageView({ site: PORTAL_SITE, actor: admin, accounts: [head, admin], departments });
    expect(view.showDepartment).toBe(true);
    expect(view.rows.map((r) => r.department)).toEqual(['Sở Tư pháp', 'Cấp tỉnh']);
    expect(view.caption).toBe('Tài khoản của các đơn vị (2)');
    expect(view.create!.fields.map((f) => f.id)).toContain('departmentId');
    expect(view.create!.sections).toBeNull();
  });

  it('gives an editor no form to create anyone', () => {
    expect(accountsPageView({ site: DEPARTMENT_SITE, actor: editor, accounts: [], departments }).create).toBeNull();
  });
});
