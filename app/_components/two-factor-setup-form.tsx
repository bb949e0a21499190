'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { TotpCodeField } from './totp-code-field';
import { RecoveryCodesOnce } from './recovery-codes-once';
import { SubmitButton } from './submit-button';

export type TwoFactorSetupFormState = FormState<'code'> & { recoveryCodes?: string[] };

/** Where **Continue** leads once two-factor is active: the login's next step, or a page. */
export type SetupNextStep = { label: string } & ({ action: () => Promise<void> } | { href: string });

type TwoFactorSetupFormProps = {
  action: (state: TwoFactorSetupFormState, formData: FormData) => Promise<TwoFactorSetupFormState>;
  next: SetupNextStep;
  /**
   * pending: the QR code and secret (children) and the code field; active: activated already
   * (a reload), only Continue; unavailable: the fallback (a link that is used up); hidden: nothing.
   * Whatever the status, the answer to this form's own submit wins: a browser without JavaScript
   * gets it in the page rendered after the post, where the link or pending login has moved on.
   */
  status: 'pending' | 'active' | 'unavailable' | 'hidden';
  fallback?: ReactNode;
  children?: ReactNode;
};

/**
 * The one enrollment form of both routes (login screen and email link): confirms a new
 * authenticator with a code; afterwards the QR code and secret are gone, a success message is
 * announced, the recovery codes are shown once, and **Continue** leads on.
 */
export function TwoFactorSetupForm({ action, next, status, fallback, children }: TwoFactorSetupFormProps) {
  const t = useTranslations('twoFactorSetup');
  const tForm = useTranslations('form');
  const [state, formAction] = useActionState(action, idleFormState as TwoFactorSetupFormState);
  const inputRef = useRef<HTMLInputElement>(null);
  const errors = state.fieldErrors?.code;

  useEffect(() => {
    if (state.status === 'error') inputRef.current?.focus();
    if (state.status === 'success') document.getElementById('recovery-codes-once-title')?.focus();
  }, [state]);

  const continueControl =
    'action' in next ? (
      <form action={next.action} className="form__actions">
        <SubmitButton>{next.label}</SubmitButton>
      </form>
    ) : (
      <p className="form__actions">
        <a className="button button--primary" href={next.href}>
          {next.label}
        </a>
      </p>
    );

  if (state.status === 'success' && state.recoveryCodes) {
    return (
      <>
        <FormMessage status={state.status} message={state.message} />
        <RecoveryCodesOnce codes={state.recoveryCodes} />
        {continueControl}
      </>
    );
  }
  if (status === 'hidden') return null;
  if (status === 'unavailable') return <>{fallback}</>;
  if (status === 'active') {
    return (
      <>
        <p role="status">{t('alreadyActive')}</p>
        {continueControl}
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
