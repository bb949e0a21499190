'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { InputField, useFormFields } from '@/app/_components/form-fields';
import { FormMessage } from '@/app/_components/form-message';
import { SubmitButton } from '@/app/_components/submit-button';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

type CustomerField = 'name' | 'contactEmail';

type CustomerDetailsFormProps = {
  action: (state: FormState<CustomerField>, formData: FormData) => Promise<FormState<CustomerField>>;
  customer: { id: string; name: string; contactEmail: string | null };
};

const FIELD_ORDER: readonly CustomerField[] = ['name', 'contactEmail'];

/** Name and contact email of a customer; a success returns to the customer's page with the outcome. */
export function CustomerDetailsForm({ action, customer }: CustomerDetailsFormProps) {
  const t = useTranslations('customers');
  const [state, formAction] = useActionState(action, idleFormState as FormState<CustomerField>);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormFields(state, FIELD_ORDER, formRef);
  return (
    <form ref={formRef} action={formAction} className="form">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="customerId" value={customer.id} />
      <InputField form={form} name="name" label={t('detail.name')} type="text" required maxLength={200} defaultValue={customer.name} />
      <InputField form={form} name="contactEmail" label={t('detail.contactEmail')} type="email" required defaultValue={customer.contactEmail ?? ''} />
      <div className="form__actions">
        <SubmitButton variant="secondary">{t('detail.save')}</SubmitButton>
      </div>
    </form>
  );
}
