import { html } from 'hono/html';
import { BACK_OFFICE_PATHS } from '../../http/back-office-paths.ts';
import type { FrameView } from '../frame-view.ts';
import { t } from '../vi.ts';
import type { Content, Html } from './html.ts';

/** Every back-office page: lang="vi", a skip link, one h1 per page (the body's), focus styles in the stylesheet. */
export function layout(frame: FrameView, body: Content): Html {
  return html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${frame.documentTitle}</title>
    <link rel="stylesheet" href="${BACK_OFFICE_PATHS.stylesheet}" />
  </head>
  <body>
    <a class="skip-link" href="#noi-dung">${t('frame.skipLink')}</a>
    <header class="site-header">
      <p class="site-name">${frame.siteName} <span class="site-area">${t('frame.area')}</span></p>
      ${
        frame.signedIn
          ? html`<form method="post" action="${BACK_OFFICE_PATHS.signOut}" class="sign-out">
            <span>${frame.signedIn}</span>
            <button type="submit" class="button-link">${t('frame.signOut')}</button>
          </form>`
          : ''
      }
      ${
        frame.nav
          ? html`<nav aria-label="${t('nav.label')}">
            <ul class="nav-list">
              ${frame.nav.map((link) => html`<li><a href="${link.href}">${link.text}</a></li>`)}
            </ul>
          </nav>`
          : ''
      }
    </header>
    <main id="noi-dung" tabindex="-1">${body}</main>
    <footer class="site-footer">
      <p>${t('frame.footer')}</p>
    </footer>
  </body>
</html>`;
}
