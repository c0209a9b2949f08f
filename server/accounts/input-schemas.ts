import { z } from 'zod';
import { BoardRoleSchema, DelegableRightSchema } from '#src/schema/roles.ts';
import { SECTION_IDS, SectionIdSchema } from '#src/schema/sections.ts';
import { MAX_FULL_NAME_LENGTH } from './full-name.ts';
import { MAX_PASSWORD_LENGTH } from './password-policy.ts';

/**
 * What the back-office forms and the JSON API accept. Bounds come first so
 * that a megabyte field is refused before anything looks at it further.
 */
const MAX_TYPED_USERNAME = 64;

export const UsernameInputSchema = z
  .string()
  .max(MAX_TYPED_USERNAME)
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1)
      .regex(/^[a-z0-9]+$/),
  );

/** Sign-in does not apply the new-password policy (old passwords must still work) but keeps the size bound. */
const TypedPasswordSchema = z
  .string()
  .min(1)
  .max(MAX_PASSWORD_LENGTH * 2);

export const SignInInputSchema = z.object({
  username: UsernameInputSchema,
  password: TypedPasswordSchema,
});

export const ChangePasswordInputSchema = z.object({
  currentPassword: TypedPasswordSchema,
  // The policy checks the length itself, with its own clearer message.
  newPassword: z.string().max(MAX_PASSWORD_LENGTH * 2),
  confirmation: z.string().max(MAX_PASSWORD_LENGTH * 2),
});

/** "tin-tuc, van-ban" from the CLI, repeated checkboxes from a form, or ["tin-tuc","van-ban"] from JSON; only Điều 7 sections. */
export const SectionsInputSchema = z
  .union([z.string().max(2000), z.array(z.string().max(64)).max(50)])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(','))
      .map((section) => section.trim())
      .filter((section) => section !== ''),
  )
  .pipe(z.array(SectionIdSchema).max(SECTION_IDS.length * 2))
  .transform((sections) => [...new Set(sections)]);

/** Official e-mail: generous here; normalizeOfficialEmail gives the precise refusal. Empty means none. */
const EmailInputSchema = z
  .string()
  .max(400)
  .transform((value) => (value.trim() === '' ? null : value));

export const CreateAccountInputSchema = z.object({
  // Generous here; normalizeFullName gives the precise, friendlier refusal.
  fullName: z.string().max(MAX_FULL_NAME_LENGTH * 4),
  email: EmailInputSchema.optional(),
  role: BoardRoleSchema,
  departmentId: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  sections: SectionsInputSchema.optional(),
});

export const ChangeRoleInputSchema = z.object({ role: BoardRoleSchema });
/** No box ticked means no sections: the field is then absent from the form. */
export const AssignSectionsInputSchema = z.object({
  sections: SectionsInputSchema.optional().transform((sections) => sections ?? []),
});
export const DelegateInputSchema = z.object({
  rights: z
    .union([DelegableRightSchema, z.array(DelegableRightSchema).max(2)])
    .optional()
    .transform((value) => [...new Set(value === undefined ? [] : Array.isArray(value) ? value : [value])]),
});

export const SetEmailInputSchema = z.object({ email: EmailInputSchema.optional().transform((email) => email ?? null) });
