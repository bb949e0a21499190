import { useId } from 'react';

/** The role field of the change-role confirmation (rendered inside ConfirmAction). */
export function RoleSelect({ label, roles, defaultValue }: { label: string; roles: Array<{ value: string; label: string }>; defaultValue: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} name="role" className="select" defaultValue={defaultValue}>
        {roles.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label}
          </option>
        ))}
      </select>
    </div>
  );
}
