'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef } from 'react';
import type { DevicePlatform } from '@/db/schema';
import { describedBy, FieldError } from '@/app/_components/field-error';
import { FormMessage } from '@/app/_components/form-message';
import type { ProfileField } from '@/lib/configurations/parse-profile-form';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/app/_components/submit-button';

export type ProfileFormValues = {
  name: string;
  platform: DevicePlatform;
  passcodeMinLength: number;
  screenLockMinutes: number;
  cameraAllowed: boolean;
  wifiNetworks: string[];
  allowUnknownSources: boolean;
  allowAppStore: boolean;
};

type ProfileFormProps = {
  action: (state: FormState<ProfileField>, formData: FormData) => Promise<FormState<ProfileField>>;
  initial?: ProfileFormValues;
  submitLabel: string;
};

const DEFAULTS: ProfileFormValues = {
  name: '',
  platform: 'android',
  passcodeMinLength: 6,
  screenLockMinutes: 5,
  cameraAllowed: true,
  wifiNetworks: [],
  allowUnknownSources: false,
  allowAppStore: true,
};

/** The toggles that belong to one platform only. */
const PLATFORM_OF: Partial<Record<ProfileField, DevicePlatform>> = { allowUnknownSources: 'android', allowAppStore: 'ios' };

const FIELD_ORDER: readonly ProfileField[] = ['name', 'platform', 'passcodeMinLength', 'screenLockMinutes', 'wifiNetworks', 'cameraAllowed', 'allowUnknownSources', 'allowAppStore'];

/**
 * Create and edit form of a configuration profile. Both platforms' own toggles are in the HTML and
 * the stylesheet shows the chosen platform's one (`:has()` on the select), so switching the
 * platform works without JavaScript; the server reads only the chosen platform's toggle.
 */
export function ProfileForm({ action, initial = DEFAULTS, submitLabel }: ProfileFormProps) {
  const t = useTranslations('configurations.form');
  const tForm = useTranslations('form');
  const tp = useTranslations('configurations.platforms');
  const [state, formAction] = useActionState(action, idleFormState as FormState<ProfileField>);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const errorId = (field: ProfileField) => `${id}-${field}-error`;
  const errorsOf = (field: ProfileField) => state.fieldErrors?.[field];
  const kept = state.status === 'error' ? state.values : undefined;

  useEffect(() => {
    if (state.status !== 'error') return;
    const firstInvalid = FIELD_ORDER.find((field) => state.fieldErrors?.[field]?.length);
    const target = firstInvalid && formRef.current?.elements.namedItem(firstInvalid);
    if (target instanceof HTMLElement) target.focus();
  }, [state]);

  const fieldProps = (field: ProfileField, help?: string) => ({
    id: `${id}-${field}`,
    name: field,
    'aria-invalid': errorsOf(field)?.length ? true : undefined,
    'aria-describedby': describedBy(help, errorsOf(field)?.length && errorId(field)),
  });
  const label = (field: ProfileField) => (
    <label htmlFor={`${id}-${field}`} className="field__label">
      {t(field)}
    </label>
  );
  const checked = (field: 'cameraAllowed' | 'allowUnknownSources' | 'allowAppStore') => (kept ? kept[field] === 'on' : initial[field]);

  return (
    <form ref={formRef} action={formAction} className="form profile-form">
      <FormMessage status={state.status} message={state.message} />
      <div className="field">
        {label('name')}
        <FieldError id={errorId('name')} errors={errorsOf('name')} />
        <input {...fieldProps('name')} type="text" className="input" required maxLength={100} defaultValue={kept?.name ?? initial.name} />
      </div>
      <div className="field">
        {label('platform')}
        <FieldError id={errorId('platform')} errors={errorsOf('platform')} />
        <select {...fieldProps('platform')} className="select" defaultValue={kept?.platform ?? initial.platform}>
          <option value="android">{tp('android')}</option>
          <option value="ios">{tp('ios')}</option>
        </select>
      </div>
      {(['passcodeMinLength', 'screenLockMinutes'] as const).map((field) => (
        <div className="field" key={field}>
          {label(field)}
          <p id={`${id}-${field}-help`} className="field__help">{t(`${field}Help`)}</p>
          <FieldError id={errorId(field)} errors={errorsOf(field)} />
          <input
            {...fieldProps(field, `${id}-${field}-help`)}
            type="number"
            inputMode="numeric"
            className="input"
            required
            min={field === 'passcodeMinLength' ? 4 : 1}
            max={field === 'passcodeMinLength' ? 16 : 60}
            defaultValue={kept?.[field] ?? String(initial[field])}
          />
        </div>
      ))}
      <div className="field">
        {label('wifiNetworks')}
        <p id={`${id}-wifiNetworks-help`} className="field__help">{t('wifiNetworksHelp')}</p>
        <FieldError id={errorId('wifiNetworks')} errors={errorsOf('wifiNetworks')} />
        <textarea {...fieldProps('wifiNetworks', `${id}-wifiNetworks-help`)} className="input" rows={4} spellCheck={false} defaultValue={kept?.wifiNetworks ?? initial.wifiNetworks.join('\n')} />
      </div>
      {(['cameraAllowed', 'allowUnknownSources', 'allowAppStore'] as const).map((field) => (
        <div className={`field field--checkbox${PLATFORM_OF[field] ? ` field--platform-${PLATFORM_OF[field]}` : ''}`} key={field}>
          <FieldError id={errorId(field)} errors={errorsOf(field)} />
          <input {...fieldProps(field)} type="checkbox" defaultChecked={checked(field)} />
          {label(field)}
        </div>
      ))}
      <div className="form__actions">
        <SubmitButton pendingLabel={tForm('saving')}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
