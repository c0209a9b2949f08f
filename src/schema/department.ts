import { z } from 'zod';
import { BoardRoleSchema, DelegableRightSchema } from './roles.ts';
import { SectionIdSchema } from './sections.ts';
import { Email, Phone, Text } from './common.ts';
import { ServicesSchema } from './service-process.ts';

/**
 * A department site (`sites/<id>.yaml`). `abbr` and `domains` are derived
 * from the name by the rule of Điều 3 unless the file overrides them.
 */
export const BoardMemberSchema = z.strictObject({
  name: Text(120),
  role: BoardRoleSchema,
  /** Sections an editor or contributor may write in (Điều 17.3, 17.5). */
  sections: z.array(SectionIdSchema).default([]),
  /** Rights the head delegated to this member (Điều 19b, 19c). */
  delegations: z.array(DelegableRightSchema).default([]),
});
export type BoardMember = z.infer<typeof BoardMemberSchema>;

export const DepartmentSchema = z
  .object({
    /** Official name: "Sở Tư pháp". */
    name: Text(200),
    /** Name used in menus and titles: "Tư pháp". Derived when absent. */
    shortName: Text(120).optional(),
    /** Abbreviation without diacritics (Điều 3): "tuphap", "khdt". Derived when absent. */
    abbr: z
      .string()
      .regex(/^[a-z0-9]{2,30}$/, 'Tên viết tắt chỉ gồm chữ thường không dấu và chữ số (2–30 ký tự).')
      .optional(),
    /** Host names; derived from the province's domain patterns when absent. */
    domains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'Tên miền không hợp lệ.')).optional(),
    description: Text(500).optional(),
    /** The name and description on the English pages (Nghị định 42/2022/NĐ-CP): "Department of Justice". */
    english: z
      .strictObject({
        name: Text(200),
        description: Text(500).optional(),
      })
      .optional(),
    contact: z.strictObject({
      address: Text(300),
      phone: Phone,
      fax: Phone.optional(),
      email: Email,
    }),
    /**
     * Đầu mối cung cấp thông tin (Nghị định 13/2018/NĐ-CP Điều 8; docs/adr/0048):
     * the unit and person who receive requests for information. When absent
     * the department's own contact is shown, as the unit that receives them.
     */
    informationContact: z
      .strictObject({
        unit: Text(200),
        person: Text(120).optional(),
        address: Text(300).optional(),
        phone: Phone.optional(),
        email: Email.optional(),
        /** "Giờ hành chính các ngày làm việc". */
        hours: Text(200).optional(),
      })
      .optional(),
    /** Ban Biên tập (Điều 17): one head, one or two deputies, editors, IT officer, contributors. */
    board: z.strictObject({ members: z.array(BoardMemberSchema).default([]) }).default({ members: [] }),
    /** Online public services and their declared process (Điều 14); legal defaults when absent. */
    services: ServicesSchema.prefault({}),
  })
  .superRefine((d, ctx) => {
    const count = (role: string) => d.board.members.filter((m) => m.role === role).length;
    if (count('head') > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['board', 'members'],
        message: 'Ban Biên tập chỉ có một Trưởng Ban (Điều 17).',
      });
    if (count('deputy') > 2)
      ctx.addIssue({
        code: 'custom',
        path: ['board', 'members'],
        message: 'Ban Biên tập có tối đa hai Phó Trưởng Ban (Điều 17).',
      });
  });
export type DepartmentInput = z.input<typeof DepartmentSchema>;
export type DepartmentConfig = z.infer<typeof DepartmentSchema>;

/** A department with everything derived: what the build, the server and the CMS use. */
export interface Department extends DepartmentConfig {
  /** File name of its YAML and its build folder: "so" + abbr, e.g. "sotuphap". */
  id: string;
  shortName: string;
  abbr: string;
  domains: string[];
  /** `https://` + first domain: the canonical address. */
  url: string;
}
