'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { describedBy, FieldError } from './field-error';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

type Field = 'tenantDomain' | 'username';

export function PasswordForgottenForm({
  action,
  defaultTenantDomain,
}: {
  action: (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;
  defaultTenantDomain?: string;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, idleFormState as FormState<Field>);
  const id = useId();
  const fields = [
    { name: 'tenantDomain', label: t('login.tenantDomain.label'), autoComplete: 'off', initial: defaultTenantDomain ?? '' },
    { name: 'username', label: t('login.username.label'), autoComplete: 'username', initial: '' },
  ] as const;
  return (
    <form action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      {fields.map((field) => {
        const errors = state.fieldErrors?.[field.name];
        return (
          <div className="field" key={field.name}>
            <label htmlFor={`${id}-${field.name}`} className="field__label">
              {field.label}
            </label>
            <FieldError id={`${id}-${field.name}-error`} errors={errors} />
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              type="text"
              className="input"
              autoComplete={field.autoComplete}
              autoCapitalize="none"
              spellCheck={false}
              required
              defaultValue={state.values?.[field.name] ?? field.initial}
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={describedBy(errors?.length && `${id}-${field.name}-error`)}
            />
          </div>
        );
      })}
      <div className="form__actions">
        <SubmitButton>{t('passwordForgotten.submit')}</SubmitButton>
        <Link href="/login" className="form__secondary-link">
          {t('passwordForgotten.back')}
        </Link>
      </div>
    </form>
  );
}
