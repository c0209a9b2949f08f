import { html, raw } from 'hono/html';
import { fillShell } from '#server/sites/index.ts';
import type { Html } from '#server/platform/ui/components/html.ts';
import { t } from '#server/platform/ui/vi.ts';
import { STYLE_PATH } from './service-form-fields.ts';

/** The page around a citizen page: the site's shell when built, else a plain page with the site's name. */
export async function servicePage(shell: string | null, siteName: string, title: string, main: Html): Promise<string> {
  const body = (await main).toString();
  // The shell's title already carries the site's name.
  if (shell)
    return fillShell(shell, (await html`${title}`).toString(), `<link rel="stylesheet" href="${STYLE_PATH}" />${body}`);
  return (
    await html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${t('service.titleSuffix', { title, site: siteName })}</title>
    <link rel="stylesheet" href="${STYLE_PATH}" />
  </head>
  <body>
    <header class="dv-header"><p class="dv-site"><a href="/">${siteName}</a></p></header>
    <main id="noi-dung">${raw(body)}</main>
  </body>
</html>`
  ).toString();
}
