import { t } from '../i18n/vi.ts';
import { SECTION_IDS } from '../schema/sections.ts';
import { NEWS_CATEGORIES } from '../schema/content/news.ts';

/**
 * Decap's preview as the page (docs/adr/0094): the site's stylesheet and the
 * markup of `NewsDetail.astro` (title, date, category, lede, body, source
 * line, Điều 19a), with the site's Vietnamese labels and dates. Data here,
 * from the same texts the site uses; the browser code below registers one
 * template for every section and the built site's stylesheets.
 */
export interface PreviewDescriptor {
  sections: readonly string[];
  /** The built site's stylesheets (`/_astro/…css`), read from its shell. */
  styles: readonly string[];
  categories: Readonly<Record<string, string>>;
  labels: { category: string; source: string; original: string; urgent: string; draft: string };
}

export function previewDescriptor(styles: readonly string[]): PreviewDescriptor {
  return {
    sections: SECTION_IDS,
    styles,
    categories: NEWS_CATEGORIES,
    labels: {
      category: t('news.category'),
      source: t('news.source'),
      original: t('news.original'),
      urgent: t('news.urgent'),
      draft: t('preview.draft'),
    },
  };
}

/** Only the site's own stylesheets, by the address Astro gives them. */
export function stylesheetsOf(shell: string | null): string[] {
  if (!shell) return [];
  return [...shell.matchAll(/<link rel="stylesheet" href="(\/_astro\/[A-Za-z0-9._-]+\.css)"/g)].map((m) => m[1]!);
}

/**
 * Browser code. Dates as the site writes them (`formatDateTimeLong`): "ngày 20
 * tháng 12 năm 2024", the hour first when the entry carries one; a date
 * written without an hour (midnight UTC) has none. Every value reaches the
 * page through React's escaping (`h`), never as markup.
 */
export const REGISTER_PREVIEWS = `
(function (CMS, d) {
  var h = window.h;
  if (!h) return;
  d.styles.forEach(function (href) { CMS.registerPreviewStyle(href); });
  var parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var longDate = function (value) {
    if (value === null || value === undefined || value === '') return null;
    var date = value instanceof Date ? value : new Date(String(value));
    if (isNaN(date.getTime())) return String(value);
    var p = {};
    parts.formatToParts(date).forEach(function (x) { p[x.type] = x.value; });
    var month = Number(p.month);
    var text = 'ngày ' + p.day + ' tháng ' + (month <= 2 ? p.month : String(month)) + ' năm ' + p.year;
    var dateOnly = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
    return dateOnly || (p.hour === '00' && p.minute === '00') ? text : p.hour + ':' + p.minute + ', ' + text;
  };
  var plain = function (v) { return v && typeof v.toJS === 'function' ? v.toJS() : v; };
  var Template = function (props) {
    var get = function (k) { return plain(props.entry.getIn(['data', k])); };
    var meta = [];
    var when = longDate(get('date'));
    if (when) meta.push(h('time', { key: 'date' }, when));
    var category = get('category');
    if (category && d.categories[category]) meta.push(h('span', { key: 'category' }, d.labels.category + ': ' + d.categories[category]));
    if (get('urgent')) meta.push(h('strong', { key: 'urgent', className: 'badge badge--urgent' }, d.labels.urgent));
    var source = get('source');
    var sourceLine = null;
    if (source && source.kind === 'original') sourceLine = h('p', { className: 'source' }, d.labels.original);
    else if (source && source.name) {
      sourceLine = h('p', { className: 'source' }, d.labels.source + ': ', source.url ? h('a', { href: source.url, rel: 'noopener' }, source.name) : source.name);
    }
    var summary = get('summary');
    return h('main', { className: 'wrap main', 'data-preview': props.collection.get('name') },
      h('p', { className: 'note', 'data-preview-banner': '' }, d.labels.draft),
      h('article', { className: 'article' },
        h('h1', null, get('title') || ''),
        meta.length ? h('p', { className: 'meta' }, meta) : null,
        summary ? h('p', { className: 'lede' }, summary) : null,
        h('div', { className: 'prose' }, props.widgetFor('body')),
        sourceLine));
  };
  d.sections.forEach(function (s) { CMS.registerPreviewTemplate(s, Template); });
})`;
