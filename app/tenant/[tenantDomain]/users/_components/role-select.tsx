import { useId } from 'react';

/** The role field of the change-role form (rendered inside ConfirmActionForm). */
export function RoleSelect({ label, roles, defaultValue }: { label: string; roles: Array<{ value: string; label: string }>; defaultValue: string }) {
  const id = useId();
  return (
    <span className="confirm-action__field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} name="role" className="select" defaultValue={defaultValue}>
        {roles.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label}
          </option>
        ))}
      </select>
    </span>
  );
}
