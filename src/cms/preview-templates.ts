import { SECTION_IDS } from '../schema/sections.ts';

/**
 * Decap's preview is the page (docs/adr/0106): the template sends the fields
 * being edited to the server, which draws the entry's page with the site's
 * own Astro code (its components, labels, dates and stylesheet: the same
 * rendering code, no second copy) and answers the HTML. The template shows it
 * in a sandboxed frame: no script runs in it and it has an opaque origin, so
 * nothing in a draft can act in the editor's session. Such a frame cannot be
 * measured from outside, so it is as tall as the preview pane and scrolls,
 * as a browser window does.
 */
export interface PreviewDescriptor {
  sections: readonly string[];
  /** The back-office endpoint that draws a draft (server/editorial/http/decap.ts). */
  endpoint: string;
  /** Quiet time after the last keystroke before the page is drawn again. */
  debounceMs: number;
  labels: { building: string; problems: string; unavailable: string; frame: string };
}

export function previewDescriptor(endpoint: string, labels: PreviewDescriptor['labels']): PreviewDescriptor {
  return { sections: SECTION_IDS, endpoint, debounceMs: 500, labels };
}

/**
 * Browser code. The answer reaches the page only as the frame's `srcdoc`
 * (sandbox="", no `allow-scripts`, no `allow-same-origin`); the problems and
 * messages through React's escaping (`h`), never as markup. An answer to an
 * older request than the last one sent is dropped.
 */
export const REGISTER_PREVIEWS = `
(function (CMS, d) {
  var h = window.h;
  var createClass = window.createClass;
  if (!h || !createClass) return;
  var plain = function (v) { return v && typeof v.toJS === 'function' ? v.toJS() : v; };
  var labelOf = function (collection, field) {
    var name = String(field || '').split('.')[0];
    var found = (plain(collection.get('fields')) || []).filter(function (f) { return f.name === name; })[0];
    return found && found.label ? found.label : field;
  };
  var Template = createClass({
    getInitialState: function () { return { html: null, problems: null, failed: null }; },
    componentDidMount: function () { this.schedule(); },
    componentDidUpdate: function (prev) { if (prev.entry !== this.props.entry) this.schedule(); },
    componentWillUnmount: function () { this.gone = true; clearTimeout(this.timer); },
    schedule: function () {
      var self = this;
      clearTimeout(this.timer);
      this.timer = setTimeout(function () { self.send(); }, d.debounceMs);
    },
    send: function () {
      var self = this;
      var seq = (this.seq = (this.seq || 0) + 1);
      var entry = this.props.entry;
      var body = JSON.stringify({
        collection: this.props.collection.get('name'),
        slug: entry.get('slug') || '',
        fields: plain(entry.get('data')) || {}
      });
      var current = function () { return !self.gone && seq === self.seq; };
      fetch(d.endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: body
      })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j || {} }; }); })
        .then(function (res) {
          if (!current()) return;
          if (res.ok && typeof res.body.html === 'string') self.setState({ html: res.body.html, problems: null, failed: null });
          else if (res.ok && Array.isArray(res.body.problems)) self.setState({ problems: res.body.problems, failed: null });
          else self.setState({ failed: typeof res.body.error === 'string' ? res.body.error : d.labels.unavailable });
        })
        .catch(function () { if (current()) self.setState({ failed: d.labels.unavailable }); });
    },
    render: function () {
      var s = this.state;
      var collection = this.props.collection;
      var notes = [];
      if (s.failed) notes.push(h('p', { key: 'failed', role: 'status', 'data-preview-failed': '' }, s.failed));
      if (s.problems) notes.push(h('div', { key: 'problems', role: 'alert', 'data-preview-problems': '' },
        h('p', null, d.labels.problems),
        h('ul', null, s.problems.map(function (p, i) {
          return h('li', { key: i }, (p.field ? labelOf(collection, p.field) + ': ' : '') + p.message);
        }))));
      if (!s.html && !s.problems && !s.failed) notes.push(h('p', { key: 'building', role: 'status', 'data-preview-building': '' }, d.labels.building));
      return h('div', { 'data-preview': collection.get('name') },
        notes,
        s.html && !s.problems ? h('iframe', {
          sandbox: '',
          srcDoc: s.html,
          title: d.labels.frame,
          'data-preview-page': '',
          style: { display: 'block', width: '100%', height: '100vh', border: '0' }
        }) : null);
    }
  });
  d.sections.forEach(function (s) { CMS.registerPreviewTemplate(s, Template); });
})`;
