import { z } from 'zod';
import { Text } from './common.ts';
import { LegalReadingSchema } from './legal-deadlines.ts';

/**
 * Province-wide configuration (`sites/_province.yaml`). The two domain
 * patterns of Điều 3 are configuration so another province can reuse the
 * platform.
 */
export const DomainPatternSchema = z.strictObject({
  /** Prefix before the abbreviation: "so" gives `sotuphap.thuathienhue.gov.vn`. */
  prefix: z.string().regex(/^[a-z]*$/, 'Tiền tố chỉ gồm chữ thường không dấu.'),
  /** Parent domain, e.g. `thuathienhue.gov.vn`. */
  suffix: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'Tên miền không hợp lệ.'),
});

export const ProvinceSchema = z.strictObject({
  name: Text(120).default('Thừa Thiên Huế'),
  /** The province as the English pages write it. */
  englishName: Text(120).default('Thua Thien Hue'),
  /** Who runs the platform (Điều 5.2), shown in the portal footer. */
  operator: Text(200).default('Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế'),
  portalTitle: Text(200).default('Cổng thông tin các Sở, Ban, Ngành tỉnh Thừa Thiên Huế'),
  /** The first pattern is the canonical address of every site. */
  domains: z
    .array(DomainPatternSchema)
    .min(1)
    .default([
      { prefix: 'so', suffix: 'thuathienhue.gov.vn' },
      { prefix: 's', suffix: 'hue.gov.vn' },
    ]),
  /**
   * How the province counts a plain "ngày" of Luật Khiếu nại 2011 and Luật Tố
   * cáo 2018 Điều 30: `ngay-lam-viec` or `ngay` (docs/adr/0056). A legal
   * officer who reads the law otherwise changes it here, not in code.
   */
  legalReading: LegalReadingSchema.prefault({}),
});
export type Province = z.infer<typeof ProvinceSchema>;
