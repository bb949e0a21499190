'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { TotpCodeField } from './totp-code-field';
import { SubmitButton } from './submit-button';

export type TwoFactorCodeFormState = FormState<'code'>;

type TwoFactorCodeFormProps = {
  action: (state: TwoFactorCodeFormState, formData: FormData) => Promise<TwoFactorCodeFormState>;
  cancelHref: string;
};

export function TwoFactorCodeForm({ action, cancelHref }: TwoFactorCodeFormProps) {
  const t = useTranslations('twoFactor');
  const tForm = useTranslations('form');
  const [state, formAction] = useActionState(action, idleFormState);
  const errors = state.fieldErrors?.code;
  const inputRef = useRef<HTMLInputElement>(null);

  // A wrong code is retyped at once: give the (now empty) field its focus back.
  useEffect(() => {
    if (state.status === 'error') inputRef.current?.focus();
  }, [state]);

  return (
    <form action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />

      <TotpCodeField label={t('code.label')} help={t('code.help')} errors={errors} inputRef={inputRef} autoFocus />

      <div className="form__actions">
        <SubmitButton pendingLabel={tForm('checking')}>{t('submit')}</SubmitButton>
        <Link href={cancelHref} className="form__secondary-link">
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}
