'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { describedBy, FieldError } from './field-error';
import { FormMessage } from './form-message';
import { RecoveryCodesOnce } from './recovery-codes-once';

export type RegenerateRecoveryCodesState = FormState<'code'> & { recoveryCodes?: string[] };

type Props = { action: (state: RegenerateRecoveryCodesState, formData: FormData) => Promise<RegenerateRecoveryCodesState> };

/** **Regenerate recovery codes**: a current authenticator code first; the new codes are shown once. */
export function RegenerateRecoveryCodesForm({ action }: Props) {
  const t = useTranslations('securityPage.regenerate');
  const [state, formAction, isPending] = useActionState(action, idleFormState as RegenerateRecoveryCodesState);
  const id = useId();
  const errors = state.fieldErrors?.code;
  if (state.status === 'success' && state.recoveryCodes) {
    return (
      <>
        <FormMessage status={state.status} message={state.message} />
        <RecoveryCodesOnce codes={state.recoveryCodes} />
      </>
    );
  }
  return (
    <form action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <div className="field">
        <label htmlFor={`${id}-code`} className="field__label">
          {t('codeLabel')}
        </label>
        <p id={`${id}-help`} className="field__help">
          {t('codeHelp')}
        </p>
        <FieldError id={`${id}-error`} errors={errors} />
        <input
          id={`${id}-code`}
          name="code"
          type="text"
          className="input input--code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          spellCheck={false}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(`${id}-help`, errors?.length && `${id}-error`)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isPending} aria-busy={isPending}>
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
