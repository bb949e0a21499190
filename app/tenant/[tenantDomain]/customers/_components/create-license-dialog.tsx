'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { describedBy, FieldError } from '@/app/_components/field-error';
import { FormMessage } from '@/app/_components/form-message';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

export type CreateLicenseField = 'customerMode' | 'customerId' | 'customerName' | 'contactEmail' | 'type' | 'deviceCount' | 'validFrom' | 'validUntil';

type CreateLicenseDialogProps = {
  action: (state: FormState<CreateLicenseField>, formData: FormData) => Promise<FormState<CreateLicenseField>>;
  /** The reseller's customers to choose from (this page's list). */
  customers: ReadonlyArray<{ id: string; name: string; tenantDomain: string }>;
  /** YYYY-MM-DD, from the server, so the defaults do not depend on the browser clock. */
  today: string;
  defaultValidUntil: string;
};

const FIELD_ORDER: readonly CreateLicenseField[] = ['customerId', 'customerName', 'contactEmail', 'type', 'deviceCount', 'validFrom', 'validUntil'];

/** "Create license" for an existing or a new customer, in a non-modal dialog (Escape closes it). */
export function CreateLicenseDialog({ action, customers, today, defaultValidUntil }: CreateLicenseDialogProps) {
  const t = useTranslations('customers');
  const [state, formAction, isPending] = useActionState(action, idleFormState as FormState<CreateLicenseField>);
  const [isOpen, setIsOpen] = useState(false);
  const [mode, setMode] = useState<'existing' | 'new'>(customers.length > 0 ? 'existing' : 'new');
  const [closedAfter, setClosedAfter] = useState<FormState<CreateLicenseField> | null>(null);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  // A success closes the dialog; the confirmation stays readable next to the button.
  const isShown = isOpen && !(state.status === 'success' && closedAfter !== state);
  const errorsOf = (field: CreateLicenseField) => state.fieldErrors?.[field];
  const errorId = (field: CreateLicenseField) => `${id}-${field}-error`;
  const kept = state.status === 'error' ? state.values : undefined;

  useEffect(() => {
    if (state.status !== 'error') return;
    const firstInvalid = FIELD_ORDER.find((field) => errorsOf(field)?.length);
    const target = firstInvalid && formRef.current?.elements.namedItem(firstInvalid);
    if (target instanceof HTMLElement) target.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const open = () => {
    setIsOpen(true);
    setClosedAfter(state);
    setTimeout(() => headingRef.current?.focus(), 0);
  };
  const close = () => {
    setIsOpen(false);
    setTimeout(() => openerRef.current?.focus(), 0);
  };
  const fieldProps = (field: CreateLicenseField) => ({
    id: `${id}-${field}`,
    name: field,
    'aria-invalid': errorsOf(field)?.length ? true : undefined,
    'aria-describedby': describedBy(errorsOf(field)?.length && errorId(field)),
  });
  const label = (field: CreateLicenseField, text: string) => (
    <>
      <label htmlFor={`${id}-${field}`} className="field__label">{text}</label>
      <FieldError id={errorId(field)} errors={errorsOf(field)} />
    </>
  );

  return (
    <div className="create-license">
      <button ref={openerRef} type="button" className="button button--primary" onClick={open} aria-expanded={isShown} aria-controls={`${id}-dialog`}>
        {t('create.open')}
      </button>
      {!isShown ? <FormMessage status={state.status} message={state.status === 'success' ? state.message : undefined} /> : null}
      {isShown ? (
        <div id={`${id}-dialog`} role="dialog" aria-labelledby={`${id}-title`} className="card create-license__dialog" onKeyDown={(event) => event.key === 'Escape' && close()}>
          <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>{t('create.title')}</h2>
          <form ref={formRef} action={formAction} className="form">
            <FormMessage status={state.status} message={state.message} />
            <fieldset className="field">
              <legend className="field__label">{t('create.customer')}</legend>
              {(['existing', 'new'] as const).map((value) => (
                <label key={value} className="create-license__choice">
                  <input type="radio" name="customerMode" value={value} checked={mode === value} onChange={() => setMode(value)} disabled={value === 'existing' && customers.length === 0} />{' '}
                  {t(`create.mode.${value}`)}
                </label>
              ))}
            </fieldset>
            {mode === 'existing' ? (
              <div className="field">
                {label('customerId', t('create.existingCustomer'))}
                <select {...fieldProps('customerId')} className="select" defaultValue={kept?.customerId ?? ''} required>
                  <option value="">{t('create.chooseCustomer')}</option>
                  {customers.map((customer) => (
                    <option key={customer.id} value={customer.id}>{`${customer.name} (${customer.tenantDomain})`}</option>
                  ))}
                </select>
              </div>
            ) : (
              <>
                <div className="field">
                  {label('customerName', t('create.customerName'))}
                  <input {...fieldProps('customerName')} type="text" className="input" required maxLength={200} defaultValue={kept?.customerName ?? ''} />
                </div>
                <div className="field">
                  {label('contactEmail', t('create.contactEmail'))}
                  <input {...fieldProps('contactEmail')} type="email" className="input" required defaultValue={kept?.contactEmail ?? ''} />
                </div>
                <p className="field__help">{t('create.domainHelp')}</p>
              </>
            )}
            <div className="field">
              {label('type', t('create.type'))}
              <select {...fieldProps('type')} className="select" defaultValue={kept?.type ?? 'mdm'}>
                <option value="mdm">{t('licenseType.mdm')}</option>
                <option value="mobile_security">{t('licenseType.mobile_security')}</option>
              </select>
            </div>
            <div className="field">
              {label('deviceCount', t('create.deviceCount'))}
              <input {...fieldProps('deviceCount')} type="number" inputMode="numeric" min={1} max={100000} className="input" required defaultValue={kept?.deviceCount ?? '10'} />
            </div>
            <div className="field">
              {label('validFrom', t('create.validFrom'))}
              <input {...fieldProps('validFrom')} type="date" className="input" required defaultValue={kept?.validFrom ?? today} />
            </div>
            <div className="field">
              {label('validUntil', t('create.validUntil'))}
              <input {...fieldProps('validUntil')} type="date" className="input" required defaultValue={kept?.validUntil ?? defaultValidUntil} />
            </div>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={isPending} aria-busy={isPending}>{t('create.submit')}</button>
              <button type="button" className="button button--secondary" onClick={close}>{t('actions.cancel')}</button>
            </div>
          </form>
        </div>
      ) : null}
    </div>
  );
}
