import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { AUTHOR_COMPONENTS, isAuthorComponent } from './author-components.ts';

/**
 * MDX entries are parsed as MDX but never compiled to JavaScript: the tree is
 * checked against an allow-list and rendered to HTML. An editor therefore
 * cannot run code on the build machine or put script into a page, whatever
 * they type (Điều 19: content passes three people, code would pass none).
 */
export interface MdxIssue {
  /** Line within the body (1-based). */
  line?: number;
  message: string;
}

export interface RenderedMdx {
  html: string;
  /** Plain text of the body, for the search index and summaries. */
  text: string;
  issues: MdxIssue[];
}

export interface MdxNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdxNode[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
/**
 * GFM's literal-autolink scan costs two thirds of the parse time on Vietnamese
 * prose; it can only fire on "www.", a URL scheme or an e-mail "@", so bodies
 * without them are parsed without it (same tree, about 3× faster).
 */
const parserWithoutAutolinks = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(function gfmWithoutAutolinkLiteral(this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem());
    (data.fromMarkdownExtensions ??= []).push(
      gfmTableFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmFootnoteFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    );
  });
const MAY_AUTOLINK = /www\.|https?:\/\/|@/i;
const toHtml = unified().use(remarkRehype).use(rehypeStringify);

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

type Node = MdxNode;

/** Relative links are fine; a scheme must be one a citizen can safely follow. */
function isSafeUrl(url: string): boolean {
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so strip them before looking.
  const scheme = URL_SCHEME.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** The syntax tree of a body, unchecked; throws on MDX that does not parse. */
export function parseMdx(body: string): MdxNode {
  return (MAY_AUTOLINK.test(body) ? parser : parserWithoutAutolinks).parse(body) as MdxNode;
}

export function renderSafeMdx(body: string): RenderedMdx {
  const issues: MdxIssue[] = [];
  let tree: Node;
  try {
    tree = parseMdx(body);
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    return {
      html: '',
      text: '',
      issues: [{ line: e.line, message: `Cú pháp MDX không hợp lệ: ${e.reason ?? e.message}` }],
    };
  }
  checkAndLower(tree, issues);
  if (issues.length > 0) return { html: '', text: '', issues };
  const hast = toHtml.runSync(tree as never);
  const html = String(toHtml.stringify(hast as never));
  return {
    html,
    text: plainText(tree)
      .replace(/\n{2,}/g, '\n')
      .trim(),
    issues,
  };
}

function checkAndLower(node: Node, issues: MdxIssue[]): void {
  const line = node.position?.start.line;
  switch (node.type) {
    case 'mdxjsEsm':
      issues.push({ line, message: 'Không được dùng import/export trong nội dung.' });
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      issues.push({
        line,
        message: 'Không được dùng biểu thức {…} trong nội dung; nếu cần dấu ngoặc nhọn, hãy viết \\{ và \\}.',
      });
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      lowerComponent(node, issues);
      return;
    case 'link':
    case 'image':
    case 'definition':
      if (node.url !== undefined && !isSafeUrl(node.url)) {
        issues.push({
          line,
          message: `Liên kết không được phép: "${node.url}" (chỉ chấp nhận http, https, mailto, tel hoặc đường dẫn trong trang).`,
        });
      }
      break;
  }
  for (const child of node.children ?? []) checkAndLower(child, issues);
}

/** Replaces an allowed component by the HTML it stands for; refuses anything else. */
function lowerComponent(node: Node, issues: MdxIssue[]): void {
  const line = node.position?.start.line;
  const name = node.name ?? '';
  if (!isAuthorComponent(name)) {
    const allowed = Object.keys(AUTHOR_COMPONENTS).join(', ');
    issues.push({ line, message: `Thẻ <${name || '>'}> không được phép; chỉ dùng các thành phần: ${allowed}.` });
    return;
  }
  const component = AUTHOR_COMPONENTS[name];
  const attrs: Record<string, string> = {};
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || typeof attr.name !== 'string') {
      issues.push({ line, message: `<${name}>: không được dùng thuộc tính dạng {...}.` });
      continue;
    }
    if (typeof attr.value !== 'string') {
      issues.push({ line, message: `<${name}>: thuộc tính "${attr.name}" phải là chuỗi trong dấu ngoặc kép.` });
      continue;
    }
    attrs[attr.name] = attr.value;
  }
  const parsed = component.attributes.safeParse(attrs);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      const message =
        issue.code === 'unrecognized_keys' ? `thuộc tính không được hỗ trợ: ${issue.keys.join(', ')}` : issue.message;
      issues.push({ line, message: `<${name}>${field ? ` "${field}"` : ''}: ${message}` });
    }
    return;
  }
  if (node.type === 'mdxJsxTextElement') {
    issues.push({ line, message: `<${name}> phải đứng trên một dòng riêng, không nằm giữa đoạn văn.` });
    return;
  }
  const children = node.children ?? [];
  if (!component.hasChildren && children.length > 0) {
    issues.push({ line, message: `<${name}> không chứa nội dung bên trong; hãy viết <${name} ... />.` });
    return;
  }
  for (const child of children) checkAndLower(child, issues);
  // remark-rehype turns a node carrying hName/hProperties/hChildren into that element;
  // a container keeps its Markdown children, which it converts after the rendered prefix.
  const rendered = component.render(parsed.data as never, []);
  const prefix: Node[] = rendered.children.map((h) => {
    const e = h as { tagName: string; properties: unknown; children: unknown };
    return {
      type: 'paragraph',
      children: [],
      data: { hName: e.tagName, hProperties: e.properties, hChildren: e.children },
    };
  });
  node.type = 'blockquote';
  node.attributes = [];
  node.data = { hName: rendered.tagName, hProperties: rendered.properties };
  node.children = [...prefix, ...children];
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableRow', 'blockquote', 'code', 'tableCell']);

/** Text of the tree with a break after each block, so words of two blocks never merge. */
function plainText(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value ?? '';
  const inner = (node.children ?? []).map(plainText).join('');
  return BLOCKS.has(node.type) ? `${inner}${node.type === 'tableCell' ? ' ' : '\n'}` : inner;
}
