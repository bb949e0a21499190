'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

/** **Log out other sessions**: a POST (server action); the current session stays signed in. */
export function LogOutOtherSessionsForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const t = useTranslations('securityPage.sessions');
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <div className="form__actions">
        <SubmitButton variant="secondary">{t('logOutOthers')}</SubmitButton>
      </div>
    </form>
  );
}
