import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import { accountPageView } from './account-page-view.ts';

const head = anAccount({ role: 'head' });
const deputy = anAccount({ username: 'lvbinh', fullName: 'Lê Văn Bình', role: 'deputy', delegations: ['publish'] });

describe('accountPageView', () => {
  it('gives the head the forms the rules allow for each member: sections only for those who write (Điều 17.3)', () => {
    const view = accountPageView({ site: DEPARTMENT_SITE, actor: head, account: deputy });
    expect(view.emailForm?.action).toBe('/quan-tri/tai-khoan/lvbinh/thu-cong-vu');
    expect(view.roleForm?.content.find((o) => o.selected)?.value).toBe('deputy');
    expect(view.sectionsForm).toBeNull();
    const editor = accountPageView({
      site: DEPARTMENT_SITE,
      actor: head,
      account: anAccount({ username: 'ttbhanh', role: 'editor', sections: ['tin-tuc'] }),
    });
    expect(editor.sectionsForm?.content.options.filter((o) => o.checked).map((o) => o.value)).toEqual(['tin-tuc']);
    expect(view.delegationForm?.content.options).toEqual([
      { value: 'verify', label: 'Xác thực tin (bước 2)', checked: false },
      { value: 'publish', label: 'Đăng tải tin (bước 3)', checked: true },
    ]);
  });

  it('gives the IT officer no say over roles, sections or rights (Điều 17)', () => {
    const it_ = anAccount({ username: 'pvcuong', role: 'it-officer' });
    const view = accountPageView({
      site: DEPARTMENT_SITE,
      actor: it_,
      account: anAccount({ username: 'ttbhanh', role: 'editor' }),
    });
    expect([view.roleForm, view.sectionsForm, view.delegationForm]).toEqual([null, null, null]);
    expect(view.emailForm).not.toBeNull();
  });

  it('names whoever saw the current one-time password and warns that both count as one person (docs/adr/0017)', () => {
    const view = accountPageView({
      site: DEPARTMENT_SITE,
      actor: head,
      account: deputy,
      witness: anAccount({ username: 'pvcuong', fullName: 'Phạm Văn Cường' }),
    });
    expect(view.witness?.name).toBe('Phạm Văn Cường (pvcuong)');
    expect(view.witness?.note.text).toContain('pvcuong và lvbinh được coi là cùng một người');
    expect(accountPageView({ site: DEPARTMENT_SITE, actor: head, account: deputy }).witness).toBeNull();
  });

  it('says when there is no official address yet, and shows the history only when the actor may read it', () => {
    const view = accountPageView({ site: DEPARTMENT_SITE, actor: head, account: deputy, history: null });
    expect(view.email).toBe('Chưa có');
    expect(view.history).toBeNull();
    expect(
      accountPageView({ site: DEPARTMENT_SITE, actor: head, account: deputy, history: [] }).history?.empty,
    ).toContain('chưa có');
  });
});
