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
  collection: {
    collectionTop: { newButton: 'Thêm %{collectionLabel}', newButtonAriaLabel: 'Thêm %{collectionLabel}' },
  },
} as const;

/**
 * Browser code: merges the phrases into Decap's `vi` locale before
 * `CMS.init()`. (Dates in the preview are the site's own: the preview is
 * the page, src/cms/preview-templates.ts.)
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
})`;
