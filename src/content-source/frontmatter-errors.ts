import { DomainError } from '../errors.ts';
/**
 * Refusals of the front-matter parser (docs/adr/0003-front-matter-is-yaml-data.md).
 * One class per refusal, each with a stable `code`, structured `data` (with
 * the line in the file when there is one: callers print it before the
 * sentence) and the Vietnamese sentence an editor reads in `npm run check`,
 * the build and the CMS. Tests assert `code`.
 * These live in `src/` (the build and the Astro loader use them, without the
 * server), so they share a small base instead of the server's `AppError`;
 * callers turn them into content problems, and the Decap proxy into a 422.
 */
export abstract class FrontMatterError<
  TData extends { line?: number } = { line?: number },
> extends DomainError<TData> {}

const OPENING = 'Phần đầu của bài phải bắt đầu bằng một dòng chỉ có ba dấu gạch ngang "---"';

export type FrontMatterMissingErrorData = { line: 1 };
/** The file does not open with `---`: there is no front matter at all. */
export class FrontMatterMissingError extends FrontMatterError<FrontMatterMissingErrorData> {
  static readonly code = 'E_FRONT_MATTER_MISSING';
  constructor() {
    super(
      FrontMatterMissingError.code,
      { line: 1 },
      `${OPENING}, rồi các trường YAML (title, date…), rồi một dòng "---" nữa.`,
    );
  }
}

export type FrontMatterNotYamlErrorData = { line: 1; opening: string };
/** `---js`, `---json`, `--- coffee`…: another language, which parsers of old would run as code. */
export class FrontMatterNotYamlError extends FrontMatterError<FrontMatterNotYamlErrorData> {
  static readonly code = 'E_FRONT_MATTER_NOT_YAML';
  constructor(opening: string) {
    const shown = opening.length > 40 ? `${opening.slice(0, 40)}…` : opening;
    super(
      FrontMatterNotYamlError.code,
      { line: 1, opening: shown },
      `${OPENING}; dòng đầu của tệp là "${shown}". Chỉ chấp nhận YAML, không chấp nhận ngôn ngữ khác (js, json, coffee…).`,
    );
  }
}

export type FrontMatterUnclosedErrorData = { line: 1 };
export class FrontMatterUnclosedError extends FrontMatterError<FrontMatterUnclosedErrorData> {
  static readonly code = 'E_FRONT_MATTER_UNCLOSED';
  constructor() {
    super(
      FrontMatterUnclosedError.code,
      { line: 1 },
      'Phần đầu YAML mở bằng "---" nhưng không có dòng "---" đóng lại trước nội dung bài.',
    );
  }
}

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'một trường được khai báo hai lần',
  BAD_INDENT: 'thụt lề không đúng',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề (chỉ dùng dấu cách)',
  MISSING_CHAR: 'thiếu dấu đóng (ngoặc hoặc nháy)',
  MULTILINE_IMPLICIT_KEY: 'tên trường không được xuống dòng',
  BLOCK_AS_IMPLICIT_KEY: 'tên trường không hợp lệ',
  UNEXPECTED_TOKEN: 'có ký tự không đúng chỗ',
  MULTIPLE_DOCS: 'có nhiều hơn một tài liệu YAML',
};

export type FrontMatterSyntaxErrorData = { line?: number; yamlCode: string };
/** YAML the parser cannot read; `yamlCode` is the `yaml` package's own code for the fault. */
export class FrontMatterSyntaxError extends FrontMatterError<FrontMatterSyntaxErrorData> {
  static readonly code = 'E_FRONT_MATTER_SYNTAX';
  constructor(data: FrontMatterSyntaxErrorData) {
    const hint = SYNTAX_HINTS[data.yamlCode] ?? 'cú pháp không đúng';
    super(FrontMatterSyntaxError.code, data, `Phần đầu (frontmatter) YAML không hợp lệ: ${hint}.`);
  }
}

export type FrontMatterTagErrorData = { line?: number; tag: string };
/** `!!js/function`, `!include`, `!!str`…: a tag asks the reader to build something other than text, numbers and lists. */
export class FrontMatterTagError extends FrontMatterError<FrontMatterTagErrorData> {
  static readonly code = 'E_FRONT_MATTER_TAG';
  constructor(data: FrontMatterTagErrorData) {
    super(
      FrontMatterTagError.code,
      data,
      `Phần đầu YAML không được dùng thẻ kiểu dữ liệu "${data.tag}"; chỉ ghi chữ, số, ngày, danh sách và nhóm trường.`,
    );
  }
}

export type FrontMatterForbiddenKeyErrorData = { line?: number; key: string };
/** `__proto__`, `constructor`, `prototype`: names that reach into JavaScript objects, at any depth. */
export class FrontMatterForbiddenKeyError extends FrontMatterError<FrontMatterForbiddenKeyErrorData> {
  static readonly code = 'E_FRONT_MATTER_FORBIDDEN_KEY';
  constructor(data: FrontMatterForbiddenKeyErrorData) {
    super(FrontMatterForbiddenKeyError.code, data, `Phần đầu YAML không được có trường tên "${data.key}".`);
  }
}

export type FrontMatterTooManyAliasesErrorData = { line?: number; limit: number };
/** Anchors and aliases (`&a`, `*a`) that would multiply into a huge value (the "billion laughs"). */
export class FrontMatterTooManyAliasesError extends FrontMatterError<FrontMatterTooManyAliasesErrorData> {
  static readonly code = 'E_FRONT_MATTER_TOO_MANY_ALIASES';
  constructor(data: FrontMatterTooManyAliasesErrorData) {
    super(
      FrontMatterTooManyAliasesError.code,
      data,
      `Phần đầu YAML dùng tham chiếu (*tên) quá nhiều lần (tối đa ${data.limit}); hãy ghi giá trị trực tiếp.`,
    );
  }
}

export type FrontMatterNotMappingErrorData = { line: 2 };
/** A list or a lone value where the fields of the entry are expected. */
export class FrontMatterNotMappingError extends FrontMatterError<FrontMatterNotMappingErrorData> {
  static readonly code = 'E_FRONT_MATTER_NOT_MAPPING';
  constructor() {
    super(
      FrontMatterNotMappingError.code,
      { line: 2 },
      'Phần đầu YAML phải là các trường dạng "tên: giá trị" (title, date…), không phải một danh sách hay một giá trị đơn.',
    );
  }
}

export type FrontMatterAmbiguousErrorData = { line?: number };
/** The editor's library would end the block elsewhere than this parser does: the file would read two ways. */
export class FrontMatterAmbiguousError extends FrontMatterError<FrontMatterAmbiguousErrorData> {
  static readonly code = 'E_FRONT_MATTER_AMBIGUOUS';
  constructor() {
    super(
      FrontMatterAmbiguousError.code,
      {},
      'Phần đầu của bài có một dòng bắt đầu bằng "---" nhưng không chỉ gồm ba dấu gạch ngang; trình soạn thảo và máy chủ sẽ hiểu bài khác nhau. Sửa dòng đó hoặc bỏ các ký tự sau "---".',
    );
  }
}
