import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ROLE_LABELS } from '#src/schema/roles.ts';
import { BACK_OFFICE_PATHS } from '../http/back-office-paths.ts';
import type { Site } from '../http/site-for-host.ts';
import type { AccountRecord } from '../storage/records.ts';
import { siteName } from './site-name.ts';
import { mayReadReports } from '../http/report-access.ts';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageFrame {
  title: string;
  site: Site;
  /** The signed-in account, when there is one with a usable password. */
  account?: AccountRecord | null;
  /** Whether the navigation should offer management pages (a first-login account gets none). */
  navigation?: boolean;
}

function nav(account: AccountRecord): Html {
  const manages = account.role === 'admin' || account.role === 'head' || account.role === 'it-officer';
  const readsAudit = account.role === 'admin' || account.role === 'head';
  const inDepartment = account.role !== 'admin';
  // The rule the report and operations routes enforce: a link shown here is never a refusal there.
  const readsReports = mayReadReports(account.role);
  return html`<nav aria-label="Quản trị">
    <ul class="nav-list">
      <li><a href="${BACK_OFFICE_PATHS.home}">Trang chính</a></li>
      ${inDepartment ? html`<li><a href="/admin/">Biên tập nội dung</a></li>` : ''}
      ${inDepartment ? html`<li><a href="/quan-tri/ho-so/">Hồ sơ dịch vụ công</a></li>` : ''}
      ${readsReports ? html`<li><a href="/quan-tri/bao-cao/">Báo cáo</a></li>` : ''}
      ${readsReports ? html`<li><a href="/quan-tri/tuan-thu/">Giám sát nội dung</a></li>` : ''}
      ${readsReports ? html`<li><a href="/quan-tri/van-hanh/">Vận hành</a></li>` : ''}
      ${manages ? html`<li><a href="${BACK_OFFICE_PATHS.accounts}">Tài khoản</a></li>` : ''}
      ${account.role === 'admin' ? html`<li><a href="/quan-tri/don-vi/">Đơn vị</a></li>` : ''}
      ${readsAudit ? html`<li><a href="${BACK_OFFICE_PATHS.audit}">Nhật ký</a></li>` : ''}
      <li><a href="${BACK_OFFICE_PATHS.changePassword}">Đổi mật khẩu</a></li>
    </ul>
  </nav>`;
}

function signOut(account: AccountRecord): Html {
  return html`<form method="post" action="${BACK_OFFICE_PATHS.signOut}" class="sign-out">
    <span>${account.fullName} (${account.username}, ${ROLE_LABELS[account.role]})</span>
    <button type="submit" class="button-link">Đăng xuất</button>
  </form>`;
}

/** Every back-office page: lang="vi", a skip link, one h1 per page, focus styles in the stylesheet. */
export function layout(frame: PageFrame, body: Html): Html {
  const name = siteName(frame.site);
  return html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${frame.title} – Quản trị – ${name}</title>
    <link rel="stylesheet" href="${BACK_OFFICE_PATHS.stylesheet}" />
  </head>
  <body>
    <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
    <header class="site-header">
      <p class="site-name">${name} <span class="site-area">· Trang quản trị</span></p>
      ${frame.account ? signOut(frame.account) : ''}
      ${frame.account && frame.navigation !== false ? nav(frame.account) : ''}
    </header>
    <main id="noi-dung" tabindex="-1">${body}</main>
    <footer class="site-footer">
      <p>Tài khoản được quản lý theo Điều 11 Quy chế ban hành kèm Quyết định 2567/2007/QĐ-UBND.</p>
    </footer>
  </body>
</html>`;
}
