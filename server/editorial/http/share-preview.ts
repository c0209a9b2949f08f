import { html, raw } from 'hono/html';
import { parseFrontmatter } from '#src/content-source/frontmatter.ts';
import { renderSafeMdx } from '#src/mdx/safe-mdx.ts';
import { formatDateLong, formatDateTime } from '#src/text/format-date.ts';
import { fillShell } from '#server/sites/index.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { ShareLinkRecord } from '#server/platform/storage/records.ts';

/**
 * What a share link shows (docs/adr/0093): the draft as the page, inside the
 * department site's own shell (its header, footer and stylesheet, built with
 * the site), the body rendered by the same safe MDX renderer the content
 * loader uses for the site (src/mdx/safe-mdx.ts), under a banner that says it
 * is a draft and until when the link works.
 */
export interface SharePreviewView {
  title: string;
  date: string | null;
  banner: string;
  /** Safe HTML from the allow-list renderer, or null when the body cannot be rendered. */
  body: string | null;
}

export function sharePreviewView(
  text: string,
  link: Pick<ShareLinkRecord, 'expiresAt'>,
  fallbackTitle: string,
): SharePreviewView {
  let data: Record<string, unknown> = {};
  let body = '';
  try {
    ({ data, body } = parseFrontmatter(text));
  } catch {
    return {
      title: fallbackTitle,
      date: null,
      banner: t('share.banner', { until: formatDateTime(link.expiresAt) }),
      body: null,
    };
  }
  const rendered = renderSafeMdx(body);
  const date = data.date instanceof Date || typeof data.date === 'string' ? data.date : null;
  return {
    title: typeof data.title === 'string' ? data.title : fallbackTitle,
    // A date-only entry shows the day, never a time (Điều 9: the day is what counts).
    date: date && !Number.isNaN(new Date(date).getTime()) ? formatDateLong(date) : null,
    banner: t('share.banner', { until: formatDateTime(link.expiresAt) }),
    body: rendered.issues.length === 0 ? rendered.html : null,
  };
}

export async function sharePreviewPage(
  view: SharePreviewView,
  shell: string | null,
  siteName: string,
): Promise<string> {
  const main = (
    await html`<p class="preview-banner" role="note"><strong>${t('share.draft')}</strong> ${view.banner}</p>
      <article>
        <h1>${view.title}</h1>
        ${view.date ? html`<p class="entry-meta">${view.date}</p>` : ''}
        ${view.body !== null ? html`<div class="prose">${raw(view.body)}</div>` : html`<p>${t('share.unrenderable')}</p>`}
      </article>`
  ).toString();
  if (shell) return fillShell(shell, (await html`${view.title}`).toString(), main);
  return (
    await html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${view.title} – ${siteName}</title>
  </head>
  <body>
    <header><p><a href="/">${siteName}</a></p></header>
    <main id="noi-dung">${raw(main)}</main>
  </body>
</html>`
  ).toString();
}
