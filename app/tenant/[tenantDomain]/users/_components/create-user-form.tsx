'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef } from 'react';
import type { Role } from '@/db/schema';
import { describedBy, FieldError } from '@/app/_components/field-error';
import { FormMessage } from '@/app/_components/form-message';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/app/_components/submit-button';

export type CreateUserField = 'username' | 'email' | 'role';

type CreateUserFormProps = {
  action: (state: FormState<CreateUserField>, formData: FormData) => Promise<FormState<CreateUserField>>;
  /** Only the roles the acting person may grant. */
  roles: ReadonlyArray<Role>;
};

const FIELD_ORDER: readonly CreateUserField[] = ['username', 'email', 'role'];

export function CreateUserForm({ action, roles }: CreateUserFormProps) {
  const t = useTranslations('users');
  const [state, formAction] = useActionState(action, idleFormState as FormState<CreateUserField>);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const errorId = (field: CreateUserField) => `${id}-${field}-error`;
  const errorsOf = (field: CreateUserField) => state.fieldErrors?.[field];

  useEffect(() => {
    if (state.status === 'success') formRef.current?.reset();
    if (state.status !== 'error') return;
    const firstInvalid = FIELD_ORDER.find((field) => state.fieldErrors?.[field]?.length);
    const target = firstInvalid && formRef.current?.elements.namedItem(firstInvalid);
    if (target instanceof HTMLElement) target.focus();
  }, [state]);

  const fieldProps = (field: CreateUserField, help?: string) => ({
    id: `${id}-${field}`,
    name: field,
    required: true,
    'aria-invalid': errorsOf(field)?.length ? true : undefined,
    'aria-describedby': describedBy(help, errorsOf(field)?.length && errorId(field)),
  });
  // After a success the form is empty again; after an error it keeps what was typed.
  const kept = state.status === 'error' ? state.values : undefined;

  return (
    <form ref={formRef} action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <div className="field">
        <label htmlFor={`${id}-username`} className="field__label">{t('create.username')}</label>
        <p id={`${id}-username-help`} className="field__help">{t('create.usernameHelp')}</p>
        <FieldError id={errorId('username')} errors={errorsOf('username')} />
        <input {...fieldProps('username', `${id}-username-help`)} type="text" className="input" autoComplete="off" spellCheck={false} autoCapitalize="none" defaultValue={kept?.username ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`} className="field__label">{t('create.email')}</label>
        <FieldError id={errorId('email')} errors={errorsOf('email')} />
        <input {...fieldProps('email')} type="email" className="input" autoComplete="off" defaultValue={kept?.email ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`} className="field__label">{t('create.role')}</label>
        <FieldError id={errorId('role')} errors={errorsOf('role')} />
        <select {...fieldProps('role')} className="select" defaultValue={kept?.role ?? 'helpdesk'}>
          {roles.map((role) => (
            <option key={role} value={role}>{t(`roles.${role}`)}</option>
          ))}
        </select>
      </div>
      <div className="form__actions">
        <SubmitButton>{t('create.submit')}</SubmitButton>
      </div>
    </form>
  );
}
