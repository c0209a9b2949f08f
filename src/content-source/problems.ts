import type { z } from 'zod';
import { DomainError } from '../errors.ts';

/** One thing wrong with the content, said so an editor can find and fix it. */
export interface ContentProblem {
  /** Path relative to the content root, e.g. `content/sotuphap/tin-tuc/x.mdx`. */
  file: string;
  line?: number;
  /** Dotted field path in the frontmatter, e.g. `source.name`. */
  field?: string;
  message: string;
  /** Stable machine name of the problem (e.g. `schema`, `missing-section`), for tools and tests; the message is for people. */
  kind?: string;
}

export type ContentInvalidErrorData = { problems: ContentProblem[] };
/** Thrown when content cannot be built; carries every problem found, not just the first. */
export class ContentInvalidError extends DomainError<ContentInvalidErrorData> {
  static readonly code = 'CONTENT_INVALID';
  constructor(problems: ContentProblem[]) {
    super(ContentInvalidError.code, { problems }, `Nội dung không hợp lệ:\n${formatProblems(problems)}`);
  }
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` [${p.field}]` : '';
  return `${where}${field}: ${p.message}`;
}

export function formatProblems(problems: ContentProblem[]): string {
  return problems.map((p) => `  - ${formatProblem(p)}`).join('\n');
}

/** zod issues → problems with Vietnamese messages naming the field. */
export function problemsFromZod(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    return { file, field, message: vietnameseMessage(issue), kind: 'schema' };
  });
}

function vietnameseMessage(issue: z.core.$ZodIssue): string {
  // Custom messages in our schemas are already Vietnamese; zod's defaults are English.
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Thiếu trường bắt buộc.'
        : `Sai kiểu dữ liệu (cần ${typeName(issue.expected)}).`;
    case 'invalid_value':
      return `Giá trị không hợp lệ; chỉ chấp nhận: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return issue.message.startsWith('Invalid') ? 'Giá trị không khớp với dạng nào được chấp nhận.' : issue.message;
    case 'too_small':
      return /^[A-Z]/.test(issue.message) && !/[ạ-ỹđ]/i.test(issue.message)
        ? `Giá trị quá nhỏ hoặc quá ngắn (tối thiểu ${issue.minimum}).`
        : issue.message;
    case 'too_big':
      return /^[A-Z]/.test(issue.message) && !/[ạ-ỹđ]/i.test(issue.message)
        ? `Giá trị quá lớn hoặc quá dài (tối đa ${issue.maximum}).`
        : issue.message;
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi văn bản',
    number: 'số',
    boolean: 'true hoặc false',
    array: 'danh sách',
    object: 'nhóm trường',
    date: 'ngày',
  };
  return names[expected] ?? expected;
}
