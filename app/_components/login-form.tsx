'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { describedBy, FieldError } from './field-error';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

export type LoginField = 'tenantDomain' | 'username' | 'password';
export type LoginFormState = FormState<LoginField>;

type LoginFormProps = {
  action: (state: LoginFormState, formData: FormData) => Promise<LoginFormState>;
  defaultTenantDomain?: string;
  /** After a password reset or an activation: the account's username. */
  defaultUsername?: string;
  /** The deep link to open after the login, sent along as a hidden field. */
  returnTo?: string;
  passwordForgottenHref: string;
};

const FIELD_ORDER: readonly LoginField[] = ['tenantDomain', 'username', 'password'];

export function LoginForm({ action, defaultTenantDomain, defaultUsername, returnTo, passwordForgottenHref }: LoginFormProps) {
  const t = useTranslations('login');
  const [state, formAction] = useActionState(action, idleFormState);
  const id = useId();
  const ids = {
    tenantDomain: `${id}-tenant-domain`,
    tenantDomainHelp: `${id}-tenant-domain-help`,
    username: `${id}-username`,
    password: `${id}-password`,
  };
  const errorId = (field: LoginField) => `${id}-${field}-error`;
  const errorsOf = (field: LoginField) => state.fieldErrors?.[field];
  const formRef = useRef<HTMLFormElement>(null);

  // The disabled submit button drops keyboard focus; after an error put it where the person
  // continues: the first invalid field, else the password (which the form has emptied).
  useEffect(() => {
    if (state.status !== 'error') return;
    const firstInvalid = FIELD_ORDER.find((field) => state.fieldErrors?.[field]?.length);
    const target = formRef.current?.elements.namedItem(firstInvalid ?? 'password');
    if (target instanceof HTMLInputElement) target.focus();
  }, [state]);

  const fieldProps = (field: LoginField, extraDescription?: string) => ({
    name: field,
    required: true,
    className: 'input',
    'aria-invalid': errorsOf(field)?.length ? true : undefined,
    'aria-describedby': describedBy(extraDescription, errorsOf(field)?.length && errorId(field)),
  });

  return (
    <form ref={formRef} action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}

      <div className="field">
        <label htmlFor={ids.tenantDomain} className="field__label">
          {t('tenantDomain.label')}
        </label>
        <p id={ids.tenantDomainHelp} className="field__help">
          {t.rich('tenantDomain.help', { code: (chunks) => <code className="nowrap">{chunks}</code> })}
        </p>
        <FieldError id={errorId('tenantDomain')} errors={errorsOf('tenantDomain')} />
        <input
          {...fieldProps('tenantDomain', ids.tenantDomainHelp)}
          id={ids.tenantDomain}
          type="text"
          // Not a word and not a name: no spell check, no auto-capitalised first letter on phones.
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
          defaultValue={state.values?.tenantDomain ?? defaultTenantDomain ?? ''}
        />
      </div>

      <div className="field">
        <label htmlFor={ids.username} className="field__label">
          {t('username.label')}
        </label>
        <FieldError id={errorId('username')} errors={errorsOf('username')} />
        <input
          {...fieldProps('username')}
          id={ids.username}
          type="text"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
          defaultValue={state.values?.username ?? defaultUsername ?? ''}
        />
      </div>

      <div className="field">
        <label htmlFor={ids.password} className="field__label">
          {t('password.label')}
        </label>
        <FieldError id={errorId('password')} errors={errorsOf('password')} />
        {/* Never pre-filled: a password must not travel back into the page. */}
        <input {...fieldProps('password')} id={ids.password} type="password" autoComplete="current-password" />
      </div>

      <div className="form__actions">
        <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
        {/* A plain link: with next/link Turbopack put another copy of the link's router helpers into
            this form's chunk, 3 KiB gzipped of /login's JavaScript (bench/README.md, login page
            weight); a full page load to the reset form costs nothing that matters. */}
        <a href={passwordForgottenHref} className="form__secondary-link">
          {t('passwordForgotten')}
        </a>
      </div>
    </form>
  );
}
