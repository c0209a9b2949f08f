/**
 * The stable addresses of what a department site offers beyond its sections,
 * root-relative for the department's host. Linked from every page, listed in
 * the sitemap and named in the ADRs, so they never move: other sites, feed
 * readers and data users keep them (docs/adr/0024, 0025, 0026).
 */
export const SITEMAP_PATH = '/sitemap.xml';
/** A part of the sitemap, which `SITEMAP_PATH` indexes (docs/adr/0120): at the root, as the protocol requires. */
export const sitemapPartPath = (part: string) => `/sitemap-${part}.xml`;
export const ROBOTS_PATH = '/robots.txt';
/** The whole site's Atom feed; each changing section has its own at `/<section>/feed.atom`. */
export const SITE_FEED_PATH = '/feed.atom';
export const OPEN_DATA_PATH = '/du-lieu/';
export const ACCESSIBILITY_PATH = '/kha-nang-tiep-can/';
/** The full personal-data notice every form links (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15). */
export const PRIVACY_NOTICE_PATH = '/quyen-rieng-tu/';
/** The website-feedback form, opened on its accessibility category: reporting a barrier opens a case (Điều 13). */
export const REPORT_BARRIER_PATH = '/dich-vu/phan-hoi-website?loai=tiep-can';
