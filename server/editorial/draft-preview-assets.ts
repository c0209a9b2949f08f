import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mediaKindOfName } from '#src/files/media-policy.ts';
import { MEDIA_KINDS } from '#src/files/media-sniffing.ts';

/**
 * Decap's preview shows the draft's page in a `sandbox=""` frame: an opaque
 * origin, which the server's `Cross-Origin-Resource-Policy: same-origin`
 * (and nginx's copy of it, docs/adr/0103) rightly refuses every file of the
 * site. So the page comes with the site's own files in it (docs/adr/0106):
 * its stylesheets as `<style>`, its images as `data:` addresses, read from
 * the live site's folder — the same bytes the built page loads. Allowed by
 * the policy the frame inherits from `/admin/` (`style-src 'unsafe-inline'`,
 * `img-src data:`), nothing added to it.
 */
const STYLESHEET = /<link rel="stylesheet" href="\/(_astro\/[A-Za-z0-9._-]+\.css)"\s*\/?>/g;
const IMAGE = /(<img\b[^>]*?\ssrc=")\/((?:_astro|tep)\/[^"?#]+)"/g;
/** Images a preview carries at most, each and together: a page, not an album. */
const IMAGE_BYTES = 2 * 1024 * 1024;
const TOTAL_BYTES = 8 * 1024 * 1024;

function fileIn(siteDir: string, rel: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  const segments = decoded.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return null;
  return path.join(siteDir, ...segments);
}

export async function withSiteFilesInline(page: string, siteDir: string): Promise<string> {
  const styles = new Map<string, string>();
  for (const [, rel] of page.matchAll(STYLESHEET)) {
    const file = fileIn(siteDir, rel!);
    const css = file ? await readFile(file, 'utf8').catch(() => null) : null;
    // A stylesheet cannot end the <style> element it is put in.
    if (css !== null && !/<\/style/i.test(css)) styles.set(rel!, css);
  }
  const images = new Map<string, string>();
  let total = 0;
  for (const [, , rel] of page.matchAll(IMAGE)) {
    if (images.has(rel!)) continue;
    const kind = mediaKindOfName(rel!);
    const file = fileIn(siteDir, rel!);
    if (!kind || !file || !MEDIA_KINDS[kind].mediaType.startsWith('image/')) continue;
    const bytes = await readFile(file).catch(() => null);
    if (!bytes || bytes.length > IMAGE_BYTES || total + bytes.length > TOTAL_BYTES) continue;
    total += bytes.length;
    images.set(rel!, `data:${MEDIA_KINDS[kind].mediaType};base64,${bytes.toString('base64')}`);
  }
  return page
    .replace(STYLESHEET, (tag, rel: string) => {
      const css = styles.get(rel);
      return css === undefined ? tag : `<style>${css}</style>`;
    })
    .replace(IMAGE, (whole, open: string, rel: string) => {
      const data = images.get(rel);
      return data ? `${open}${data}"` : whole;
    });
}
