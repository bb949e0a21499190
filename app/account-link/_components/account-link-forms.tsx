'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useRef, useState } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { describedBy, FieldError } from '@/app/_components/field-error';
import { InputField, useFormFields, type FormFields } from '@/app/_components/form-fields';
import { FormMessage } from '@/app/_components/form-message';
import { SubmitButton } from '@/app/_components/submit-button';

type Action<State> = (state: State, formData: FormData) => Promise<State>;

const CODE_FIELD = ['code'] as const;

function CodeInput({ form, label, numeric }: { form: FormFields<'code'>; label: string; numeric: boolean }) {
  return (
    <InputField
      form={form}
      name="code"
      label={label}
      type="text"
      className="input input--code"
      inputMode={numeric ? 'numeric' : 'text'}
      autoComplete={numeric ? 'one-time-code' : 'off'}
      maxLength={numeric ? 6 : 64}
      required
      spellCheck={false}
    />
  );
}

/** Reset of an account with two-factor: a current code, or a recovery code for a lost phone. */
export function SecondFactorForm({ action }: { action: Action<FormState<'code'>> }) {
  const t = useTranslations('accountLink');
  const tForm = useTranslations('form');
  const [state, formAction] = useActionState(action, idleFormState as FormState<'code'>);
  const formRef = useRef<HTMLFormElement>(null);
  // A wrong code is retyped at once, as on the login's code step: the (now empty) field gets the focus back.
  const form = useFormFields(state, CODE_FIELD, formRef, 'code');
  const [method, setMethod] = useState<'totp' | 'recovery_code'>('totp');
  return (
    <form ref={formRef} action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <fieldset className="field">
        <legend className="field__label">{t('secondFactor.method')}</legend>
        {(['totp', 'recovery_code'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="method" value={value} checked={method === value} onChange={() => setMethod(value)} />{' '}
            {t(`secondFactor.${value}`)}
          </label>
        ))}
      </fieldset>
      <CodeInput
        key={method}
        form={form}
        label={t(method === 'totp' ? 'secondFactor.codeLabel' : 'secondFactor.recoveryCodeLabel')}
        numeric={method === 'totp'}
      />
      <div className="form__actions">
        <SubmitButton pendingLabel={tForm('checking')}>{t('secondFactor.submit')}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * New password and its confirmation; never re-filled after an error. After a current code the
 * holder may also move to another device: a new secret, never the active one (issue 14.2).
 */
export function NewPasswordForm({
  action,
  minLength,
  offerNewAuthenticator = false,
}: {
  action: Action<FormState<'password' | 'confirmation'>>;
  minLength: number;
  offerNewAuthenticator?: boolean;
}) {
  const t = useTranslations('accountLink');
  const tForm = useTranslations('form');
  const [state, formAction] = useActionState(action, idleFormState as FormState<'password' | 'confirmation'>);
  const id = useId();
  const fields = [
    { name: 'password', label: t('password.label'), errors: state.fieldErrors?.password },
    { name: 'confirmation', label: t('password.confirmation'), errors: state.fieldErrors?.confirmation },
  ] as const;
  return (
    <form action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <p id={`${id}-rules`} className="field__help">
        {t('password.rules', { minLength })}
      </p>
      {fields.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={`${id}-${field.name}`} className="field__label">
            {field.label}
          </label>
          <FieldError id={`${id}-${field.name}-error`} errors={field.errors} />
          <input
            id={`${id}-${field.name}`}
            name={field.name}
            type="password"
            className="input"
            autoComplete="new-password"
            minLength={minLength}
            maxLength={128}
            required
            aria-invalid={field.errors?.length ? true : undefined}
            aria-describedby={describedBy(`${id}-rules`, field.errors?.length && `${id}-${field.name}-error`)}
          />
        </div>
      ))}
      {offerNewAuthenticator ? (
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="newAuthenticator" value="on" aria-describedby={`${id}-new-authenticator-help`} /> {t('anotherDevice.label')}
          </label>
          <p id={`${id}-new-authenticator-help`} className="field__help">
            {t('anotherDevice.help')}
          </p>
        </div>
      ) : null}
      <div className="form__actions">
        <SubmitButton pendingLabel={tForm('saving')}>{t('password.submit')}</SubmitButton>
      </div>
    </form>
  );
}
