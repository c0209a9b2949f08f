import { describe, expect, it } from 'vitest';
import { deriveAbbreviation, deriveDomains, deriveSiteId, shortNameOf } from './department-address.ts';

const province = {
  domains: [
    { prefix: 'so', suffix: 'thuathienhue.gov.vn' },
    { prefix: 's', suffix: 'hue.gov.vn' },
  ],
};

describe('site addresses of Điều 3', () => {
  it.each([
    ['Sở Tư pháp', 'tuphap'],
    ['Sở Y tế', 'yte'],
    ['Sở Tài chính', 'taichinh'],
    ['Sở Công Thương', 'congthuong'],
    ['Sở Kế hoạch và Đầu tư', 'khdt'],
    ['Sở Giáo dục và Đào tạo', 'gddt'],
    ['Sở Thông tin và Truyền thông', 'tttt'],
    ['Sở Lao động - Thương binh và Xã hội', 'ldtbxh'],
    ['Sở Văn hóa và Thể thao', 'vhtt'],
    ['Sở Nông nghiệp và Phát triển nông thôn', 'nnptnt'],
    ['Sở Tài nguyên và Môi trường', 'tnmt'],
    ['Ban Dân tộc', 'dantoc'],
  ])('%s → %s', (name, abbr) => {
    expect(deriveAbbreviation(name)).toBe(abbr);
  });

  it('maps Đ and đ to d', () => {
    expect(deriveAbbreviation('Sở Đường thủy')).toBe('duongthuy');
  });

  it('gives both official domains and the site id', () => {
    expect(deriveDomains('tuphap', province)).toEqual(['sotuphap.thuathienhue.gov.vn', 'stuphap.hue.gov.vn']);
    expect(deriveSiteId('tuphap', province)).toBe('sotuphap');
  });

  it('drops the unit type from the short name', () => {
    expect(shortNameOf('Sở Y tế')).toBe('Y tế');
    expect(shortNameOf('Ban Dân tộc')).toBe('Dân tộc');
  });
});
