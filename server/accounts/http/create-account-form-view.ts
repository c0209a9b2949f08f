import { type BoardRole, ROLE_LABELS } from '#src/schema/roles.ts';
import type { DepartmentRef } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { CheckboxGroupView } from '#server/platform/ui/components/checkbox-group.ts';
import type { FieldView } from '#server/platform/ui/components/field.ts';
import type { FormErrors } from '#server/platform/ui/form-errors.ts';
import { sectionOptions } from '#server/platform/ui/section-labels.ts';
import { t } from '#server/platform/ui/vi.ts';
import { isAllowed, SECTION_ROLES } from '../permissions.ts';

export interface CreateAccountForm {
  /** The hint, with the words to stress apart. */
  hint: { before: string; stressed: string; after: string };
  fields: FieldView[];
  /** Offered only when one of the roles the actor may create works in sections (Điều 17.3). */
  sections: CheckboxGroupView | null;
}

export interface CreateAccountValues {
  fullName?: string;
  email?: string;
  role?: string;
  departmentId?: string;
  sections?: readonly string[];
}

/** The form to add an account, with only the roles (and, for the administrator, departments) the actor may choose. */
export function createAccountForm(
  actor: AccountRecord,
  roles: readonly BoardRole[],
  departments: readonly DepartmentRef[],
  values: CreateAccountValues,
  errors: FormErrors,
): CreateAccountForm {
  const mayAssignSections = roles.some(
    (role) =>
      SECTION_ROLES.includes(role) && isAllowed(actor, 'assign-sections', { role, departmentId: actor.departmentId }),
  );
  const [before = '', after = ''] = t('accounts.createHint').split('{once}');
  const fields: FieldView[] = [
    {
      id: 'fullName',
      label: t('field.fullName'),
      value: values.fullName,
      autocomplete: 'off',
      required: true,
      error: errors.byField.fullName,
    },
    {
      id: 'email',
      label: t('accounts.emailLabel'),
      value: values.email,
      autocomplete: 'off',
      hint: t('accounts.emailHint'),
      error: errors.byField.email,
    },
    {
      id: 'role',
      label: t('field.role'),
      control: 'select',
      options: roles.map((role) => ({ value: role, label: ROLE_LABELS[role], selected: values.role === role })),
      error: errors.byField.role,
    },
  ];
  if (actor.role === 'admin') {
    fields.push({
      id: 'departmentId',
      label: t('field.department'),
      control: 'select',
      options: departments.map((d) => ({ value: d.id, label: d.name, selected: values.departmentId === d.id })),
      error: errors.byField.departmentId,
    });
  }
  return {
    hint: { before, stressed: t('accounts.createHintOnce'), after },
    fields,
    sections: mayAssignSections
      ? {
          legend: t('accounts.sectionsLegend'),
          name: 'sections',
          idPrefix: 'sections',
          options: sectionOptions(values.sections ?? []),
          error: errors.byField.sections,
        }
      : null,
  };
}
