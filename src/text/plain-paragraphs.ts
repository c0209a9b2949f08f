/**
 * Plain text typed by a person (a citizen's question, an officer's answer)
 * as paragraphs of lines, for a component to print as text: a blank line
 * separates paragraphs, a single line break stays a break. Nothing in the
 * text is read as Markdown, MDX or HTML (docs/adr/0042-citizen-text-is-data.md).
 */
export function plainParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trimEnd()))
    .map((lines) =>
      lines.slice(
        lines.findIndex((l) => l.trim()),
        lines.findLastIndex((l) => l.trim()) + 1,
      ),
    )
    .filter((lines) => lines.length > 0);
}
