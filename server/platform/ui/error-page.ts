import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '../http/back-office-paths.ts';
import type { Site } from '../http/site-for-host.ts';
import { layout } from './layout.ts';

/** A whole-page error, for failures that have no form to return to. */
export function errorPage(props: { site: Site | null; title: string; message: string; code: string }) {
  const site = props.site ?? { kind: 'portal' as const };
  return layout(
    { title: props.title, site },
    html`<h1>${props.title}</h1>
      <div class="error-summary" role="alert">
        <p>${props.message}</p>
        <p class="hint">Mã lỗi: <code>${props.code}</code></p>
      </div>
      <p><a href="${BACK_OFFICE_PATHS.home}">Về trang quản trị</a></p>`,
  );
}
