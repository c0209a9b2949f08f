/**
 * What Decap's own Vietnamese falls short of (Điều 8: Vietnamese, Unicode):
 * phrases its `vi` locale lacks or writes with a glyph our fonts do not have,
 * and how a date is shown. Data here; the browser code below merges it into
 * the registered `vi` locale before `CMS.init()`.
 */
export const DECAP_VI_PHRASES = {
  // The workflow board formats each card's date with this; Decap's `vi` has none, so cards read "4 December".
  workflow: { workflow: { dateFormat: 'DD/MM/YYYY' } },
  // Decap writes "＋ {label}" with U+FF0B, a full-width plus most system fonts lack: a box on screen.
  collection: { collectionTop: { newButton: 'Thêm %{collectionLabel}', newButtonAriaLabel: 'Thêm %{collectionLabel}' } },
} as const;

/**
 * Browser code: merges the phrases into Decap's `vi` locale, and shows a
 * `datetime` field in the preview as a Vietnamese date. Decap's own preview
 * prints the value with `toString()`, so a date written without an hour
 * (read as midnight UTC) showed "07:00 GMT+0700". The field's editor is
 * Decap's own, reused by name.
 */
export const DECAP_VIETNAMESE = `
(function (CMS, phrases) {
  var merge = function (into, from) {
    Object.keys(from).forEach(function (k) {
      var v = from[k];
      into[k] = v && typeof v === 'object' ? merge(Object.assign({}, into[k] || {}), v) : v;
    });
    return into;
  };
  CMS.registerLocale('vi', merge(Object.assign({}, CMS.getLocale('vi') || {}), phrases));
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var vietnamese = function (value) {
    if (value === null || value === undefined || value === '') return '';
    if (typeof value === 'string' && /^\\d{4}-\\d{2}-\\d{2}$/.test(value)) return value.split('-').reverse().join('/');
    var date = value instanceof Date ? value : new Date(String(value));
    if (isNaN(date.getTime())) return String(value);
    if (date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0) {
      return pad(date.getUTCDate()) + '/' + pad(date.getUTCMonth() + 1) + '/' + date.getUTCFullYear();
    }
    var p = {};
    parts.formatToParts(date).forEach(function (x) { p[x.type] = x.value; });
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  };
  var own = CMS.getWidget('datetime');
  if (own && window.h) {
    var DatePreview = function (props) { return window.h('div', { className: 'congso-date' }, vietnamese(props.value)); };
    CMS.registerWidget('datetime', 'datetime', DatePreview, own.schema);
  }
})`;
