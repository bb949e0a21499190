'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { InputField, SelectField, useFormFields } from '@/app/_components/form-fields';
import { FormMessage } from '@/app/_components/form-message';
import { SubmitButton } from '@/app/_components/submit-button';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

export type CreateLicenseField = 'customerMode' | 'customerId' | 'customerName' | 'contactEmail' | 'type' | 'deviceCount' | 'validFrom' | 'validUntil';

type CreateLicenseFormProps = {
  action: (state: FormState<CreateLicenseField>, formData: FormData) => Promise<FormState<CreateLicenseField>>;
  /** An existing customer (from its row of the list), or none: a new customer with a new tenant. */
  customer: { id: string; name: string; tenantDomain: string } | null;
  /** YYYY-MM-DD, from the server, so the defaults do not depend on the browser clock. */
  today: string;
  defaultValidUntil: string;
};

const FIELD_ORDER: readonly CreateLicenseField[] = ['customerId', 'customerName', 'contactEmail', 'type', 'deviceCount', 'validFrom', 'validUntil'];

/** "Create license": a plain form on its own page; on success the action opens the customer's page. */
export function CreateLicenseForm({ action, customer, today, defaultValidUntil }: CreateLicenseFormProps) {
  const t = useTranslations('customers');
  const [state, formAction] = useActionState(action, idleFormState as FormState<CreateLicenseField>);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormFields(state, FIELD_ORDER, formRef);
  return (
    <form ref={formRef} action={formAction} className="form create-license-form">
      <FormMessage status={state.status} message={state.message} />
      {customer ? (
        <>
          <input type="hidden" name="customerMode" value="existing" />
          <input type="hidden" name="customerId" value={customer.id} />
          <p className="create-license-form__customer">{t('create.forCustomer', { name: customer.name, tenantDomain: customer.tenantDomain })}</p>
        </>
      ) : (
        <>
          <input type="hidden" name="customerMode" value="new" />
          <InputField form={form} name="customerName" label={t('create.customerName')} type="text" required maxLength={200} />
          <InputField form={form} name="contactEmail" label={t('create.contactEmail')} help={t('create.domainHelp')} type="email" required />
        </>
      )}
      <SelectField form={form} name="type" label={t('create.type')} defaultValue="mdm">
        <option value="mdm">{t('licenseType.mdm')}</option>
        <option value="mobile_security">{t('licenseType.mobile_security')}</option>
      </SelectField>
      <InputField form={form} name="deviceCount" label={t('create.deviceCount')} type="number" inputMode="numeric" min={1} max={100000} required defaultValue="10" />
      <InputField form={form} name="validFrom" label={t('create.validFrom')} type="date" required defaultValue={today} />
      <InputField form={form} name="validUntil" label={t('create.validUntil')} type="date" required defaultValue={defaultValidUntil} />
      <div className="form__actions">
        <SubmitButton pendingLabel={t('create.pending')}>{t('create.submit')}</SubmitButton>
      </div>
    </form>
  );
}
