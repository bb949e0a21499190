'use client';

import { SelectField, useFormFields } from '@/app/_components/form-fields';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

/** The role field of the change-role confirmation (rendered inside ConfirmAction). */
export function RoleSelect({ label, roles, defaultValue }: { label: string; roles: Array<{ value: string; label: string }>; defaultValue: string }) {
  // The confirmation's outcome comes back in the address, not as a form state: the field never shows an error.
  const form = useFormFields(idleFormState as FormState<'role'>);
  return (
    <SelectField form={form} name="role" label={label} defaultValue={defaultValue}>
      {roles.map((role) => (
        <option key={role.value} value={role.value}>
          {role.label}
        </option>
      ))}
    </SelectField>
  );
}
