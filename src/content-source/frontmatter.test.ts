import { describe, expect, it } from 'vitest';
import { parseFrontmatter, stringifyFrontmatter } from './frontmatter.ts';

describe('parseFrontmatter', () => {
  it('splits the YAML block from the body and says where the body starts', () => {
    expect(parseFrontmatter('---\ntitle: Bài\ndate: 2024-05-17\n---\nNội dung\n')).toEqual({
      data: { title: 'Bài', date: '2024-05-17' },
      body: 'Nội dung\n',
      bodyLine: 5,
    });
    expect(parseFrontmatter('---\n---\n')).toEqual({ data: {}, body: '', bodyLine: 3 });
  });

  it('tolerates a byte order mark and Windows line ends', () => {
    expect(parseFrontmatter('\uFEFF---\r\ntitle: Bài\r\n---\r\nNội dung\r\n')).toMatchObject({
      data: { title: 'Bài' },
      body: 'Nội dung\r\n',
    });
  });

  it('names what is wrong with a file that is not front matter and a body', () => {
    expect(() => parseFrontmatter('Nội dung không có phần đầu\n')).toThrow(
      expect.objectContaining({ code: 'E_FRONT_MATTER_MISSING' }),
    );
    expect(() => parseFrontmatter('\n---\ntitle: Bài\n---\n')).toThrow(
      expect.objectContaining({ code: 'E_FRONT_MATTER_MISSING' }),
    );
    expect(() => parseFrontmatter('---\ntitle: Bài\n')).toThrow(
      expect.objectContaining({ code: 'E_FRONT_MATTER_UNCLOSED' }),
    );
    expect(() => parseFrontmatter('--- \ntitle: Bài\n---\n')).toThrow(
      expect.objectContaining({ code: 'E_FRONT_MATTER_NOT_YAML' }),
    );
    expect(() => parseFrontmatter('---\n- một\n- hai\n---\n')).toThrow(
      expect.objectContaining({ code: 'E_FRONT_MATTER_NOT_MAPPING' }),
    );
    expect(() => parseFrontmatter('---\ntitle: Bài\ntitle: Bài khác\n---\n')).toThrow(
      expect.objectContaining({ code: 'E_FRONT_MATTER_SYNTAX' }),
    );
  });

  it('gives the line in the file, counting the opening ---', () => {
    try {
      parseFrontmatter('---\ntitle: Bài\nsource:\n  kind: !!js/regexp /x/\n---\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'E_FRONT_MATTER_TAG', data: { line: 4, tag: '!!js/regexp' } });
    }
  });

  it('does not read YAML 1.1 extras: merge keys stay a plain key', () => {
    expect(parseFrontmatter('---\nbase: &b { a: 1 }\nx:\n  <<: *b\n---\n').data).toEqual({
      base: { a: 1 },
      x: { '<<': { a: 1 } },
    });
  });
});

describe('stringifyFrontmatter', () => {
  const hostile = [
    'export default function X() {}\nimport fs from "node:fs"',
    '{process.exit(1)} <Tag prop={x} /> <script>alert(1)</script> <!-- c -->',
    '---\n---js\n...\n# không phải chú thích',
    ': - ? | > & * ! % @ ` \' " \\ \t',
    'null',
    '2024-05-17',
    '  lề trái, lề phải  ',
    'ẩn\u200b\u202e\u2028\u0085\ufeff\ufffd\x7f\x00',
    'dòng rất dài '.repeat(5_000),
  ];
  it.each(hostile.map((h) => [JSON.stringify(h).slice(0, 40), h]))(
    'keeps %s as the same string, on one line',
    (_, text) => {
      const file = stringifyFrontmatter({ title: text, question: text });
      expect(parseFrontmatter(file).data).toEqual({ title: text, question: text });
      expect(file.split('\n')).toHaveLength(5);
      expect(file).not.toMatch(/[\u200b\u202e\u2028\u0085\ufeff\ufffd\x7f]/);
    },
  );

  it('writes the body after the block', () => {
    expect(parseFrontmatter(stringifyFrontmatter({ title: 'Bài' }, 'Ghi chú.\n'))).toMatchObject({
      data: { title: 'Bài' },
      body: '\nGhi chú.\n',
    });
  });
});
