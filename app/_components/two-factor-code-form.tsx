'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { describedBy, FieldError } from './field-error';
import { FormMessage } from './form-message';

export type TwoFactorCodeFormState = FormState<'code'>;

type TwoFactorCodeFormProps = {
  action: (state: TwoFactorCodeFormState, formData: FormData) => Promise<TwoFactorCodeFormState>;
  cancelHref: string;
};

export function TwoFactorCodeForm({ action, cancelHref }: TwoFactorCodeFormProps) {
  const t = useTranslations('twoFactor');
  const [state, formAction, isPending] = useActionState(action, idleFormState);
  const id = useId();
  const inputId = `${id}-code`;
  const helpId = `${id}-code-help`;
  const errorId = `${id}-code-error`;
  const errors = state.fieldErrors?.code;
  const inputRef = useRef<HTMLInputElement>(null);

  // A wrong code is retyped at once: give the (now empty) field its focus back.
  useEffect(() => {
    if (state.status === 'error') inputRef.current?.focus();
  }, [state]);

  return (
    <form action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />

      <div className="field">
        <label htmlFor={inputId} className="field__label">
          {t('code.label')}
        </label>
        <p id={helpId} className="field__help">
          {t('code.help')}
        </p>
        <FieldError id={errorId} errors={errors} />
        {/* Never pre-filled from state: a one-time code is a secret, and a used one is worthless anyway. */}
        <input
          ref={inputRef}
          id={inputId}
          name="code"
          type="text"
          className="input input--code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          // The only task on this page; the person arrives here straight from the login form.
          autoFocus
          spellCheck={false}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(helpId, errors?.length && errorId)}
        />
      </div>

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isPending} aria-busy={isPending}>
          {t('submit')}
        </button>
        <Link href={cancelHref} className="form__secondary-link">
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}
