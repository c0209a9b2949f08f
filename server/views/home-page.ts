import { html } from 'hono/html';
import { ROLE_LABELS } from '../../src/schema/roles.ts';
import type { Site } from '../lib/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import { layout } from './layout.ts';
import { sectionLabels } from './section-checkboxes.ts';

export function homePage({ site, account, notice }: { site: Site; account: AccountRecord; notice?: string }) {
  return layout(
    { title: 'Trang chính', site, account },
    html`<h1>Xin chào, ${account.fullName}</h1>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
      <dl class="summary-list">
        <dt>Tên đăng nhập</dt>
        <dd>${account.username}</dd>
        <dt>Vai trò</dt>
        <dd>${ROLE_LABELS[account.role]}</dd>
        ${account.sections.length > 0 ? html`<dt>Chuyên mục được phân công</dt><dd>${sectionLabels(account.sections)}</dd>` : ''}
        ${account.delegations.length > 0
          ? html`<dt>Được ủy quyền</dt><dd>${account.delegations.map((r) => (r === 'verify' ? 'Xác thực tin' : 'Đăng tải tin')).join(', ')}</dd>`
          : ''}
      </dl>`,
  );
}
