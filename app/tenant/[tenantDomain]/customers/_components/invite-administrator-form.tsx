'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { InputField, useFormFields } from '@/app/_components/form-fields';
import { FormMessage } from '@/app/_components/form-message';
import { SubmitButton } from '@/app/_components/submit-button';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

type InviteField = 'username' | 'email';

type InviteAdministratorFormProps = {
  action: (state: FormState<InviteField>, formData: FormData) => Promise<FormState<InviteField>>;
  /** The customer's contact email: usually the first administrator's. */
  defaultEmail: string;
};

const FIELD_ORDER: readonly InviteField[] = ['username', 'email'];

/** Invites an administrator into the customer's tenant (activation email: password, then two-factor). */
export function InviteAdministratorForm({ action, defaultEmail }: InviteAdministratorFormProps) {
  const t = useTranslations('customers.invite');
  const [state, formAction] = useActionState(action, idleFormState as FormState<InviteField>);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormFields(state, FIELD_ORDER, formRef);
  return (
    <form ref={formRef} action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <InputField form={form} name="username" label={t('username')} help={t('usernameHelp')} type="text" required autoComplete="off" spellCheck={false} autoCapitalize="none" />
      <InputField form={form} name="email" label={t('email')} type="email" required autoComplete="off" defaultValue={defaultEmail} />
      <div className="form__actions">
        <SubmitButton>{t('submit')}</SubmitButton>
      </div>
    </form>
  );
}
