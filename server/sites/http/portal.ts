import { Hono, type Context, type Next } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '#server/platform/app-env.ts';
import { hostName, type DepartmentRef } from '#server/platform/http/site-for-host.ts';
import { portalStylesheet, PORTAL_STYLESHEET_PATH } from '../static-portal-style.ts';
import { DATASET_IDS, DATASETS, datasetPath, LICENCE } from '#src/outputs/open-data.ts';
import { provinceOpenDataRoutes } from './province-open-data.ts';

/** What the portal shows of a department; the full `Department` fits. */
export interface PortalDepartment extends DepartmentRef {
  description?: string;
  contact?: { address: string; phone: string; email: string };
}

export interface PortalOptions {
  departments: readonly PortalDepartment[];
  province?: { name?: string; portalTitle?: string; operator?: string };
  /** The built sites, whose open data the portal puts together (docs/adr/0025); none when absent. */
  distDir?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const collator = new Intl.Collator('vi');

/**
 * The province portal at the bare host (`http://localhost:4321/`): every
 * department with its official addresses (Điều 3 and its appendix). Locally a
 * department's link goes to `<id>.localhost` on the same port, since the
 * official domains do not resolve to this machine.
 */
export function createPortalRoutes(options: PortalOptions) {
  const departments = [...options.departments].sort((a, b) => collator.compare(a.name, b.name));
  const province = {
    name: options.province?.name ?? 'Thừa Thiên Huế',
    portalTitle: options.province?.portalTitle ?? 'Cổng thông tin các Sở, Ban, Ngành tỉnh Thừa Thiên Huế',
    operator: options.province?.operator ?? 'Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế',
  };
  const onPortal = (handler: (c: Context<AppEnv>) => Response | Promise<Response>) =>
    async function portalOnly(c: Context<AppEnv>, next: Next) {
      if (c.var.site?.kind !== 'portal') return next();
      return handler(c);
    };
  return new Hono<AppEnv>()
    .route(
      '/',
      provinceOpenDataRoutes({
        distDir: options.distDir ?? 'dist',
        siteIds: departments.map((d) => d.id),
        publisher: `Ủy ban nhân dân tỉnh ${province.name}`,
      }),
    )
    .get(
      PORTAL_STYLESHEET_PATH,
      onPortal((c) =>
        c.body(portalStylesheet, 200, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': 'public, max-age=3600',
        }),
      ),
    )
    .get(
      '/',
      onPortal((c) => {
        const host = c.req.header('host') ?? new URL(c.req.url).host;
        const local = LOCAL_HOSTS.has(hostName(host));
        const port = /:(\d+)$/.exec(host)?.[1];
        const scheme = new URL(c.req.url).protocol;
        const linkOf = (d: DepartmentRef) =>
          local ? `${scheme}//${d.id}.localhost${port ? `:${port}` : ''}/` : `https://${d.domains[0]}/`;
        c.header('Cache-Control', 'no-cache');
        return c.html(portalPage(province, departments, linkOf, local));
      }),
    );
}

function portalPage(
  province: { name: string; portalTitle: string; operator: string },
  departments: readonly PortalDepartment[],
  linkOf: (d: DepartmentRef) => string,
  local: boolean,
) {
  return html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${province.portalTitle}</title>
    <link rel="stylesheet" href="${PORTAL_STYLESHEET_PATH}" />
  </head>
  <body>
    <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
    <header class="portal-header">
      <p class="portal-province">Ủy ban nhân dân tỉnh ${province.name}</p>
      <h1>${province.portalTitle}</h1>
    </header>
    <main id="noi-dung">
      <p>
        Địa chỉ website của các cơ quan, đơn vị theo Điều 3 Quy chế ban hành kèm Quyết định số 2567/2007/QĐ-UBND:
        <code>so&lt;tên đơn vị&gt;.thuathienhue.gov.vn</code> hoặc <code>s&lt;tên đơn vị&gt;.hue.gov.vn</code>.
      </p>
      ${
        local
          ? html`<p class="portal-note">Đang chạy trên máy cục bộ: liên kết mở trang của từng đơn vị tại <code>&lt;mã&gt;.localhost</code>.</p>`
          : ''
      }
      <h2 id="danh-sach">Danh sách ${departments.length} cơ quan, đơn vị</h2>
      <table aria-labelledby="danh-sach">
        <thead>
          <tr>
            <th scope="col">Cơ quan, đơn vị</th>
            <th scope="col">Địa chỉ website chính thức</th>
            <th scope="col">Liên hệ</th>
          </tr>
        </thead>
        <tbody>
          ${departments.map(
            (d) => html`<tr>
              <th scope="row"><a href="${linkOf(d)}">${d.name}</a></th>
              <td>
                <ul class="portal-domains">
                  ${d.domains.map((domain) => html`<li><code>${domain}</code></li>`)}
                </ul>
              </td>
              <td>
                ${
                  d.contact
                    ? html`<a href="mailto:${d.contact.email}">${d.contact.email}</a><br />Điện thoại: ${d.contact.phone}`
                    : ''
                }
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h2 id="du-lieu-mo">Dữ liệu mở toàn tỉnh</h2>
      <p>Danh mục của mọi cơ quan gộp lại, cùng cấu trúc với dữ liệu mở của từng trang. Giấy phép: <a href="${LICENCE.url}">${LICENCE.name}</a>.</p>
      <ul aria-labelledby="du-lieu-mo">
        ${DATASET_IDS.map(
          (id) => html`<li>${DATASETS[id].title}: <a href="${datasetPath(id, 'json')}" type="application/json">JSON</a>,
            <a href="${datasetPath(id, 'csv')}" type="text/csv">CSV</a></li>`,
        )}
      </ul>
    </main>
    <footer class="portal-footer">
      <p>Đơn vị quản lý kỹ thuật: ${province.operator}.</p>
      <p><a href="/quan-tri/">Đăng nhập quản trị</a></p>
    </footer>
  </body>
</html>`;
}
