import { opensWithLanguageMarker } from '#src/content-source/frontmatter.ts';

/**
 * The text of an entry as the proxy hands it to Decap CMS. Decap reads front
 * matter in the editor's browser with gray-matter, whose default engines run
 * `---js` front matter as JavaScript, and `/admin/` must allow `eval` for
 * Decap itself. Such a file can no longer be saved (docs/adr/0003), but one
 * stored before, or pushed to the repository, would run in the session of
 * whoever opens it. It is handed over behind an empty YAML front matter
 * instead: the editor sees the whole text as the body, and nothing runs.
 */
export function textForEditor(raw: string): string {
  return opensWithLanguageMarker(raw) ? `---\n---\n${raw}` : raw;
}
