/**
 * Browser code served with the editor components: a file picked in Decap
 * gets the name the server accepts (docs/adr/0021-files-are-data.md) before
 * Decap reads it. Decap's own slug settings fold Vietnamese and lower-case
 * the name but keep `_`, `~` and inner dots ("QD_14_2023.pdf" is what
 * officers' scanners write), which the server refuses. The rule is the
 * server's `safeMediaName`: words of lower-case ASCII letters and digits
 * joined by `-`, then the extension in lower case.
 *
 * A capturing listener on the document runs before React's handler on the
 * root, so Decap's media library reads the renamed files from the input.
 */
/** The server's `safeMediaName` for a name of an allowed kind, as browser JavaScript. */
export const SAFE_NAME_FUNCTION = `function (name) {
  var dot = name.lastIndexOf('.');
  var extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  var stem = (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'tep';
  return extension ? stem + '.' + extension : stem;
}`;

export const SAFE_UPLOAD_NAMES = `
(function (safeName) {
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files || !input.files.length) return;
    var renamed = new DataTransfer();
    var changed = false;
    Array.prototype.forEach.call(input.files, function (file) {
      var name = safeName(file.name);
      changed = changed || name !== file.name;
      renamed.items.add(name === file.name ? file : new File([file], name, { type: file.type, lastModified: file.lastModified }));
    });
    if (changed) input.files = renamed.files;
  }, true);
})(${SAFE_NAME_FUNCTION});
`;
