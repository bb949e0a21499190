'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { TotpCodeField } from './totp-code-field';
import { RecoveryCodesOnce } from './recovery-codes-once';
import { SubmitButton } from './submit-button';

export type RegenerateRecoveryCodesState = FormState<'code'> & { recoveryCodes?: string[] };

type Props = { action: (state: RegenerateRecoveryCodesState, formData: FormData) => Promise<RegenerateRecoveryCodesState> };

/** **Regenerate recovery codes**: a current authenticator code first; the new codes are shown once. */
export function RegenerateRecoveryCodesForm({ action }: Props) {
  const t = useTranslations('securityPage.regenerate');
  const tForm = useTranslations('form');
  const [state, formAction] = useActionState(action, idleFormState as RegenerateRecoveryCodesState);
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
      <TotpCodeField label={t('codeLabel')} help={t('codeHelp')} errors={errors} />
      <div className="form__actions">
        <SubmitButton pendingLabel={tForm('checking')}>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
