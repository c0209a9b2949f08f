import { html, raw } from 'hono/html';
import type { ContentProblem } from '#src/content-source/problems.ts';
import { formatDateTime } from '#src/text/format-date.ts';
import { fillShell } from '#server/sites/index.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { ShareLinkRecord } from '#server/platform/storage/records.ts';

/**
 * What a share link shows (docs/adr/0093, 0106): the draft's page as the site
 * draws it — rendered by the site's own Astro code in its warm renderer —
 * under a banner that says it is a draft and until when the link works, kept
 * out of search engines. Attachments only the draft has are served through
 * the link's own path. When the page cannot be drawn, a sentence inside the
 * site's shell says why.
 */
export interface ShareBanner {
  draft: string;
  until: string;
}

export function shareBanner(link: Pick<ShareLinkRecord, 'expiresAt'>): ShareBanner {
  return { draft: t('share.draft'), until: t('share.banner', { until: formatDateTime(link.expiresAt) }) };
}

const bannerHtml = async (b: ShareBanner) =>
  (await html`<p class="preview-banner note" role="note"><strong>${b.draft}</strong> ${b.until}</p>`).toString();

/** Where a draft's own attachment is served: the link's path, the token kept in the query string (docs/adr/0105). */
export function draftFileUrl(sharePath: string, rel: string, token: string): string {
  return `${sharePath}/tep/${rel.split('/').map(encodeURIComponent).join('/')}?ma=${encodeURIComponent(token)}`;
}

const TEP_REF = /(\s(?:href|src)=")\/tep\/([^"?#]+)"/g;

/** The `/tep/…` files a page links to, as paths below `tep/`. */
export function mediaRefs(page: string): string[] {
  const out = new Set<string>();
  for (const m of page.matchAll(TEP_REF)) {
    try {
      out.add(decodeURIComponent(m[2]!));
    } catch {
      // Not a path a browser could ask for either: left as it is.
    }
  }
  return [...out];
}

/**
 * The rendered page, made a shared draft: noindex, no canonical address (a
 * draft is no page of the site yet), the banner first in `<main>`, and the
 * draft's own files by the link's path.
 */
export async function sharedDraftPage(
  page: string,
  banner: ShareBanner,
  draftFiles: ReadonlySet<string>,
  fileUrl: (rel: string) => string,
): Promise<string> {
  const withFiles = page.replace(TEP_REF, (whole, attr: string, ref: string) => {
    let rel: string;
    try {
      rel = decodeURIComponent(ref);
    } catch {
      return whole;
    }
    return draftFiles.has(rel) ? `${attr}${fileUrl(rel).replaceAll('&', '&amp;')}"` : whole;
  });
  const b = await bannerHtml(banner);
  return withFiles
    .replace(/<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>|<meta name="robots"[^>]*>/g, '')
    .replace(/<head>/, () => '<head><meta name="robots" content="noindex, nofollow" />')
    .replace(/<main\b[^>]*>/, (open) => `${open}${b}`);
}

/** A page of the site's shell (its header, search and footer) around `main`, kept out of search engines. */
async function inSiteShell(shell: string | null, siteName: string, title: string, main: string): Promise<string> {
  if (shell)
    return fillShell(shell, (await html`${title}`).toString(), main).replace(
      /<head>/,
      () => '<head><meta name="robots" content="noindex, nofollow" />',
    );
  return (
    await html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${title} – ${siteName}</title>
  </head>
  <body>
    <header><p><a href="/">${siteName}</a></p></header>
    <main id="noi-dung">${raw(main)}</main>
  </body>
</html>`
  ).toString();
}

/** Why the draft cannot be shown as a page: its problems, or the renderer being away. */
export async function shareMessagePage(
  banner: ShareBanner,
  shell: string | null,
  siteName: string,
  title: string,
  problems: ContentProblem[] | null,
): Promise<string> {
  const main = (
    await html`${raw(await bannerHtml(banner))}
      <article>
        <h1>${title}</h1>
        ${
          problems
            ? html`<p>${t('share.unrenderable')}</p>
              <ul>
                ${problems.map((p) => html`<li>${p.field ? `${p.field}: ` : ''}${p.message}</li>`)}
              </ul>`
            : html`<p>${t('share.unavailable')}</p>`
        }
      </article>`
  ).toString();
  return inSiteShell(shell, siteName, title, main);
}

/**
 * A link refused (expired, revoked, changed, a file kept inside the board…): whoever holds it is outside the board,
 * so the sentence and its code come in the department's own page with a way to its home page, not in the back
 * office's frame (docs/adr/0093).
 */
export async function shareRefusalPage(
  shell: string | null,
  siteName: string,
  refusal: { message: string; code: string },
): Promise<string> {
  const title = t('share.refused');
  const main = (
    await html`<article>
      <h1>${title}</h1>
      <p role="alert">${refusal.message}</p>
      <p>${t('errorPage.code')} <code>${refusal.code}</code></p>
      <p><a href="/">${t('share.home', { site: siteName })}</a></p>
    </article>`
  ).toString();
  return inSiteShell(shell, siteName, title, main);
}
