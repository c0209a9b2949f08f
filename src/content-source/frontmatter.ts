import matter from 'gray-matter';

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts, so body positions map back to file lines. */
  bodyLine: number;
}

/** Splits `---` YAML frontmatter from the MDX body. Throws on invalid YAML. */
export function parseFrontmatter(source: string): ParsedFile {
  // gray-matter caches by input string; passing an options object disables it, which we want for big builds.
  const parsed = matter(source, {});
  const bodyStart = source.length - parsed.content.length;
  const bodyLine = source.slice(0, bodyStart).split('\n').length;
  return { data: parsed.data as Record<string, unknown>, body: parsed.content, bodyLine };
}
