import { AUTHOR_COMPONENTS } from '../mdx/author-components.ts';
import { fieldsOf, type DecapField } from './zod-to-decap.ts';

/**
 * The MDX components an editor may use (Callout, Attachment, Figure) as
 * Decap editor components, generated from their attribute schemas: editors
 * insert them from the "+" menu and never type JSX. The descriptors are
 * data; the browser turns them into `CMS.registerEditorComponent` calls
 * with the small script below, which writes exactly what `renderSafeMdx`
 * accepts (string attributes in double quotes, one block per component).
 */
export interface EditorComponentDescriptor {
  id: string;
  label: string;
  hasChildren: boolean;
  /** Attribute fields; a component with children has a `body` field too. */
  fields: DecapField[];
  attributes: string[];
}

export function editorComponentDescriptors(): EditorComponentDescriptor[] {
  return Object.entries(AUTHOR_COMPONENTS).map(([id, component]) => {
    const attributes = fieldsOf(component.attributes);
    return {
      id,
      label: component.label,
      hasChildren: component.hasChildren,
      attributes: attributes.map((f) => f.name),
      fields: component.hasChildren
        ? [...attributes, { name: 'body', label: 'Nội dung', widget: 'markdown' }]
        : attributes,
    };
  });
}

/**
 * Browser code: registers each descriptor. Attribute values are written
 * with `"` and `<`, `{` escaped as character references so a value can
 * never close the tag or open an expression.
 */
export const REGISTER_EDITOR_COMPONENTS = `
(function (CMS, components) {
  var escape = function (v) { return String(v == null ? '' : v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/[{]/g, '&#123;').replace(/[}]/g, '&#125;').replace(/[\\r\\n]+/g, ' '); };
  var unescape = function (v) { return v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&#123;/g, '{').replace(/&#125;/g, '}').replace(/&amp;/g, '&'); };
  components.forEach(function (c) {
    var attrs = '((?:\\\\s+[a-zA-Z]+="[^"]*")*)';
    var pattern = c.hasChildren
      ? new RegExp('^<' + c.id + attrs + '\\\\s*>\\\\n([\\\\s\\\\S]*?)\\\\n</' + c.id + '>$')
      : new RegExp('^<' + c.id + attrs + '\\\\s*/>$');
    var toTag = function (data) {
      var out = '<' + c.id;
      c.attributes.forEach(function (name) {
        if (data[name] !== undefined && data[name] !== null && data[name] !== '') out += ' ' + name + '="' + escape(data[name]) + '"';
      });
      return c.hasChildren ? out + '>\\n' + (data.body || '') + '\\n</' + c.id + '>' : out + ' />';
    };
    CMS.registerEditorComponent({
      id: c.id,
      label: c.label,
      fields: c.fields,
      pattern: pattern,
      fromBlock: function (match) {
        var data = {};
        var re = /([a-zA-Z]+)="([^"]*)"/g, m;
        while ((m = re.exec(match[1] || ''))) data[m[1]] = unescape(m[2]);
        if (c.hasChildren) data.body = match[2];
        return data;
      },
      toBlock: toTag,
      toPreview: function (data) { return toTag(data); },
    });
  });
})`;
