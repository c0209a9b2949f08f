import { describe, expect, it } from 'vitest';
import { parseEntry } from '#src/content-source/entries.ts';
import { fromIndexText, foldQuery } from '#src/text/search-text.ts';
import { searchRecord } from '#src/build/search-records.ts';

const source = `---
title: Hướng dẫn đăng ký khai sinh và giải quyết khiếu nại
number: 15/2024/QĐ-UBND
documentType: quyet-dinh
issuer: Ủy ban nhân dân tỉnh Thừa Thiên Huế
signer: Đặng Văn Hòa
issued: 2024-12-31T23:30:00+07:00
status: con-hieu-luc
field: Hộ tịch
summary: Quy định trình tự đăng ký khai sinh.
date: 2025-01-02
---

Đơn khiếu nại được tiếp nhận tại Bộ phận Một cửa.
`;

describe('one search record per entry', () => {
  const entry = parseEntry('sotuphap', 'van-ban', 'content/sotuphap/van-ban/qd-15-2024.mdx', source).value!;
  const record = searchRecord(entry);

  it('is addressed by the page path on the site’s own host', () => {
    expect(record.url).toBe('/van-ban/qd-15-2024/');
    expect(record.language).toBe('vi');
  });

  it('holds title, summary, document number and body, with đ written so that "dang" matches', () => {
    expect(record.content).not.toMatch(/[đĐ]/);
    expect(fromIndexText(record.content)).toContain('Hướng dẫn đăng ký khai sinh');
    expect(fromIndexText(record.content)).toContain('15/2024/QĐ-UBND');
    expect(fromIndexText(record.content)).toContain('Đơn khiếu nại được tiếp nhận');
    expect(fromIndexText(record.meta.title)).toBe('Hướng dẫn đăng ký khai sinh và giải quyết khiếu nại');
    expect(foldQuery('đăng ký')).toBe('dăng ký');
  });

  it('carries the filters of the search page: section, type, field and year (in Vietnam)', () => {
    expect(record.filters).toEqual({
      section: ['Văn bản'],
      loai: ['Quyết định'],
      'linh-vuc': ['Hộ tịch'],
      nam: ['2024'],
    });
  });
});
