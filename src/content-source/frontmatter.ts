import matter from 'gray-matter';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  stringify,
  visit,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import {
  FrontMatterAmbiguousError,
  FrontMatterForbiddenKeyError,
  FrontMatterMissingError,
  FrontMatterNotMappingError,
  FrontMatterNotYamlError,
  FrontMatterSyntaxError,
  FrontMatterTagError,
  FrontMatterTooManyAliasesError,
  FrontMatterUnclosedError,
} from './frontmatter-errors.ts';

/**
 * The one front-matter parser of the project: the server, the build, the
 * Astro loader, `npm run check`, the CLIs and the Decap proxy all read entries
 * through it. Front matter is YAML data and nothing else: no language marker
 * (`---js` was run as JavaScript by the parser used before), no tags, no keys
 * that reach into JavaScript objects, bounded aliases.
 * See docs/adr/0003-front-matter-is-yaml-data.md.
 */
export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts, so body positions map back to file lines. */
  bodyLine: number;
}

const DELIMITER = '---';
const BOM = '\uFEFF';
/** Names that reach `Object.prototype` or a constructor when data is merged into an object (prototype pollution, CWE-1321). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Front matter has no use for aliases; this bounds what a hostile one can expand to. */
export const MAX_ALIAS_COUNT = 50;
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  merge: false,
  uniqueKeys: true,
  stringKeys: true,
  strict: true,
  prettyErrors: true,
};
const STANDARD_TAG_PREFIX = 'tag:yaml.org,2002:';

/** One line of `text` from `start`: its content without the line break, and where the next line starts. */
function lineAt(text: string, start: number): { line: string; next: number } {
  const end = text.indexOf('\n', start);
  const raw = end < 0 ? text.slice(start) : text.slice(start, end);
  return { line: raw.endsWith('\r') ? raw.slice(0, -1) : raw, next: end < 0 ? text.length : end + 1 };
}

/**
 * Splits the `---` block from the body and reads it as YAML data. Throws a
 * `FrontMatterError` (with the file's line where there is one) when the file
 * does not open with exactly `---` and a line break, or the YAML is not plain data.
 * A leading UTF-8 byte order mark is tolerated: Windows editors add it.
 */
export function parseFrontmatter(source: string): ParsedFile {
  const text = source.startsWith(BOM) ? source.slice(1) : source;
  const opening = lineAt(text, 0);
  if (opening.line !== DELIMITER || opening.next === text.length) {
    if (opening.line === DELIMITER) throw new FrontMatterUnclosedError();
    if (opensWithLanguageMarker(text)) throw new FrontMatterNotYamlError(opening.line);
    throw new FrontMatterMissingError();
  }
  let at = opening.next;
  let lines = 1;
  while (at < text.length) {
    const { line, next } = lineAt(text, at);
    lines += 1;
    if (line === DELIMITER) {
      const body = text.slice(next);
      agreeWithEditor(text, body);
      return { data: readYaml(text.slice(opening.next, at)), body, bodyLine: lines + 1 };
    }
    at = next;
  }
  throw new FrontMatterUnclosedError();
}

/**
 * gray-matter is the front-matter library of the stack, and the one Decap
 * uses in the editor's browser. It is given no engine but a refusal: it only
 * splits, and a file it splits differently from the strict reading above (a
 * closing line that is not exactly `---`, say) is refused, so the server and
 * the editor can never read one file two ways.
 */
const SPLIT_ONLY = { engines: { yaml: { parse: () => ({}), stringify: () => '' } }, language: 'yaml' };

function agreeWithEditor(text: string, body: string): void {
  const split = matter(text, SPLIT_ONLY as never);
  if (split.content.replace(/^\r?\n/, '') !== body.replace(/^\r?\n/, '')) throw new FrontMatterAmbiguousError();
}

/**
 * Whether the file opens like front matter in another language (`---js`,
 * `--- json`…), which `parseFrontmatter` refuses and other readers may run.
 */
export function opensWithLanguageMarker(source: string): boolean {
  const { line } = lineAt(source.startsWith(BOM) ? source.slice(1) : source, 0);
  return line.startsWith(DELIMITER) && line !== DELIMITER;
}

/** The block between the delimiters starts on the file's second line. */
const FIRST_YAML_LINE = 2;

function readYaml(yaml: string): Record<string, unknown> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { ...YAML_OPTIONS, lineCounter });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + FIRST_YAML_LINE - 1;
  const syntax = (fault: YAMLError) =>
    new FrontMatterSyntaxError({
      line: fault.linePos ? fault.linePos[0].line + FIRST_YAML_LINE - 1 : undefined,
      yamlCode: fault.code,
    });
  if (doc.errors[0]) throw syntax(doc.errors[0]);
  // Before the warnings: an unknown tag is only a warning to `yaml`, and it deserves its own refusal.
  visit(doc, {
    Node(_, node) {
      if (!isAlias(node) && node.tag) {
        const tag = node.tag.startsWith(STANDARD_TAG_PREFIX)
          ? `!!${node.tag.slice(STANDARD_TAG_PREFIX.length)}`
          : node.tag;
        throw new FrontMatterTagError({ tag, line: lineOf(node.range?.[0]) });
      }
    },
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        throw new FrontMatterForbiddenKeyError({ key: String(pair.key.value), line: lineOf(pair.key.range?.[0]) });
      }
    },
  });
  if (doc.warnings[0]) throw syntax(doc.warnings[0]);
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new FrontMatterNotMappingError();
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ReferenceError) throw new FrontMatterTooManyAliasesError({ limit: MAX_ALIAS_COUNT });
    throw error;
  }
}

/**
 * Characters YAML accepts raw inside quotes but nobody can see in a file:
 * controls, line and paragraph separators, bidirectional and zero-width marks
 * (Trojan Source), the byte order mark, and U+FFFD, which `npm run check`
 * reads as a file that was not UTF-8.
 */
const INVISIBLE =
  /[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\uffff]/g;

/**
 * Writes `data` (keys are our field names) and a body as an entry file that
 * `parseFrontmatter` reads back exactly. Every string is one double-quoted
 * YAML value on one line, its line breaks and invisible characters escaped:
 * whatever text it holds (a citizen's question), it cannot end the block,
 * start a field or reach the MDX body (docs/adr/0042-citizen-text-is-data.md).
 */
export function stringifyFrontmatter(data: Record<string, unknown>, body = ''): string {
  const yaml = stringify(data, {
    version: '1.2',
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    doubleQuotedMinMultiLineLength: Infinity,
  });
  const visible = yaml.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${DELIMITER}\n${visible}${DELIMITER}\n${body ? `\n${body}` : ''}`;
}
