import { describe, expect, it } from 'vitest';
import { draftFileUrl, mediaRefs, shareBanner, sharedDraftPage } from './share-preview.ts';

const link = { expiresAt: Date.parse('2026-11-17T02:00:00Z') };
const PAGE = [
  '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><link rel="canonical" href="https://stp.example/tin-tuc/a/">',
  '<meta property="og:url" content="https://stp.example/tin-tuc/a/"></head><body>',
  '<main id="noi-dung" class="wrap main" data-entry="a"><article><h1>Tiêu đề</h1>',
  '<a href="/tep/tin-tuc/a/moi.pdf">Tệp mới</a> <img src="/tep/tin-tuc/a/c%C5%A9.png" alt="">',
  '<a href="/tin-tuc/">Tin tức</a></article></main></body></html>',
].join('');

describe('a shared draft page (docs/adr/0093, 0106)', () => {
  it('says until when the link works', () => {
    expect(shareBanner(link).until).toContain('17/11/2026 09:00');
  });

  it('lists the files below /tep/ the page links to, decoded once', () => {
    expect(mediaRefs(PAGE)).toEqual(['tin-tuc/a/moi.pdf', 'tin-tuc/a/cũ.png']);
  });

  it('puts the banner first in <main>, keeps the page out of search engines and serves only the draft’s own files by the link', async () => {
    const token = 'abc.def';
    const html = await sharedDraftPage(PAGE, shareBanner(link), new Set(['tin-tuc/a/moi.pdf']), (rel) =>
      draftFileUrl('/xem-truoc', rel, token),
    );
    expect(html).toContain('<head><meta name="robots" content="noindex, nofollow" />');
    expect(html).not.toMatch(/rel="canonical"|og:url/);
    expect(html).toMatch(/<main id="noi-dung"[^>]*><p class="preview-banner note" role="note"><strong>/);
    expect(html).toContain('href="/xem-truoc/tep/tin-tuc/a/moi.pdf?ma=abc.def"');
    // A file main already has is the site's own, at its own address.
    expect(html).toContain('src="/tep/tin-tuc/a/c%C5%A9.png"');
    expect(html).toContain('href="/tin-tuc/"');
  });
});
