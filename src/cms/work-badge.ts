/**
 * Browser code for Decap's page: a small link to the back-office home that
 * says how many things wait for the person (docs/adr/0091), read from the
 * back office's count, refreshed every minute. Placed with CSSOM (not a
 * style attribute) so the page's policy needs nothing more; the text is set
 * with `textContent`, never as markup.
 */
export function workBadgeScript(countPath: string, label: string, lateLabel: string): string {
  return `(function () {
  var COUNT = ${JSON.stringify(countPath)}, LABEL = ${JSON.stringify(label)}, LATE = ${JSON.stringify(lateLabel)};
  var link = document.createElement('a');
  link.id = 'congso-viec-cho';
  link.href = '/quan-tri/';
  link.setAttribute('data-count', '');
  var s = link.style;
  s.position = 'fixed'; s.bottom = '16px'; s.right = '16px'; s.zIndex = '1000';
  s.padding = '6px 12px'; s.borderRadius = '16px'; s.font = '600 14px/1.4 system-ui, sans-serif';
  s.background = '#1d4f91'; s.color = '#fff'; s.textDecoration = 'none'; s.boxShadow = '0 1px 4px rgba(0,0,0,.3)';
  function show(count, late, href) {
    link.textContent = LABEL.replace('{count}', String(count)) + (late > 0 ? ' · ' + LATE.replace('{count}', String(late)) : '');
    link.setAttribute('data-count', String(count));
    if (typeof href === 'string' && href.charAt(0) === '/' && href.charAt(1) !== '/') link.href = href;
    s.background = late > 0 ? '#a4262c' : '#1d4f91';
    if (!link.isConnected) document.body.appendChild(link);
  }
  function refresh() {
    fetch(COUNT, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) { if (d && typeof d.count === 'number') show(d.count, Number(d.late) || 0, d.href); })
      .catch(function () {});
  }
  refresh();
  setInterval(refresh, 60000);
})();
`;
}
