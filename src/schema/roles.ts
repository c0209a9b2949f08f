import { z } from 'zod';

/**
 * Members of a department's editorial board (Điều 17) and the province's
 * system administrator (Điều 5.2, 22). Ids are stable: stored in accounts and
 * in commit trailers.
 */
export const BoardRoleSchema = z.enum(['head', 'deputy', 'editor', 'it-officer', 'contributor']);
export type BoardRole = z.infer<typeof BoardRoleSchema>;

export const RoleSchema = z.enum(['admin', ...BoardRoleSchema.options]);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  head: 'Trưởng Ban Biên tập',
  deputy: 'Phó Trưởng Ban Biên tập',
  editor: 'Biên tập viên',
  'it-officer': 'Cán bộ chuyên trách CNTT',
  contributor: 'Cộng tác viên',
};

/** Rights the head may delegate to a named member (Điều 19b, 19c). */
export const DelegableRightSchema = z.enum(['verify', 'publish']);
export type DelegableRight = z.infer<typeof DelegableRightSchema>;
