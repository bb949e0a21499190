'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { TotpCodeField } from './totp-code-field';
import { RecoveryCodesOnce } from './recovery-codes-once';
import { SubmitButton } from './submit-button';

export type TwoFactorSetupFormState = FormState<'code'> & { recoveryCodes?: string[] };

type TwoFactorSetupFormProps = {
  action: (state: TwoFactorSetupFormState, formData: FormData) => Promise<TwoFactorSetupFormState>;
  continueAction: () => Promise<void>;
  /** QR code and secret: hidden as soon as two-factor is active, never shown again. */
  children: ReactNode;
};

/** Confirms a new authenticator with a code, then shows the recovery codes once and **Continue**. */
export function TwoFactorSetupForm({ action, continueAction, children }: TwoFactorSetupFormProps) {
  const t = useTranslations('twoFactorSetup');
  const tForm = useTranslations('form');
  const [state, formAction] = useActionState(action, idleFormState as TwoFactorSetupFormState);
  const inputRef = useRef<HTMLInputElement>(null);
  const errors = state.fieldErrors?.code;

  useEffect(() => {
    if (state.status === 'error') inputRef.current?.focus();
    if (state.status === 'success') document.getElementById('recovery-codes-once-title')?.focus();
  }, [state]);

  if (state.status === 'success' && state.recoveryCodes) {
    return (
      <>
        <FormMessage status={state.status} message={state.message} />
        <RecoveryCodesOnce codes={state.recoveryCodes} />
        <form action={continueAction} className="form__actions">
          <button type="submit" className="button button--primary">
            {t('continue')}
          </button>
        </form>
      </>
    );
  }

  return (
    <>
      {children}
      <form action={formAction} className="form">
        <FormMessage status={state.status} message={state.message} />
        <TotpCodeField label={t('codeLabel')} help={t('codeHelp')} errors={errors} inputRef={inputRef} />
        <div className="form__actions">
          <SubmitButton pendingLabel={tForm('checking')}>{t('confirm')}</SubmitButton>
        </div>
      </form>
    </>
  );
}
