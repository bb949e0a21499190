'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { describedBy, FieldError } from './field-error';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

export type RecoveryCodeFormState = FormState<'recoveryCode'> & { remaining?: number };

type RecoveryCodeFormProps = {
  action: (state: RecoveryCodeFormState, formData: FormData) => Promise<RecoveryCodeFormState>;
  continueAction: () => Promise<void>;
  cancelHref: string;
  /** A code was accepted already (the page after a post without JavaScript, or a reload): only Continue. */
  isAccepted?: boolean;
};

/** Sign in with a recovery code; after it, how many codes remain and **Continue**. */
export function RecoveryCodeForm({ action, continueAction, cancelHref, isAccepted = false }: RecoveryCodeFormProps) {
  const t = useTranslations('recoveryLogin');
  const tForm = useTranslations('form');
  const [state, formAction] = useActionState(action, idleFormState as RecoveryCodeFormState);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const errors = state.fieldErrors?.recoveryCode;

  useEffect(() => {
    if (state.status === 'error') inputRef.current?.focus();
  }, [state]);

  if (state.status === 'success' || isAccepted) {
    return (
      <>
        <p role="status" className="notice">
          {t('accepted')} {state.status === 'success' ? t('remaining', { count: state.remaining ?? 0 }) : null}
        </p>
        <form action={continueAction} className="form__actions">
          <SubmitButton autoFocus>{t('continue')}</SubmitButton>
        </form>
      </>
    );
  }

  return (
    <form action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <div className="field">
        <label htmlFor={`${id}-code`} className="field__label">
          {t('label')}
        </label>
        <p id={`${id}-help`} className="field__help">
          {t('help')}
        </p>
        <FieldError id={`${id}-error`} errors={errors} />
        <input
          ref={inputRef}
          id={`${id}-code`}
          name="recoveryCode"
          type="text"
          className="input"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          required
          autoFocus
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-help`, errors?.length && `${id}-error`)}
        />
      </div>
      <div className="form__actions">
        <SubmitButton pendingLabel={tForm('checking')}>{t('submit')}</SubmitButton>
        <Link href={cancelHref} className="form__secondary-link">
          {t('back')}
        </Link>
      </div>
    </form>
  );
}
