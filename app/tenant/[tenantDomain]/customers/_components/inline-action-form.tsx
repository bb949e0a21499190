'use client';

import { useActionState, type ReactNode } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

type InlineActionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Identifies the object; the server re-reads it together with the acting reseller. */
  hiddenFields: Record<string, string>;
  submitLabel: string;
  /** The form's visible fields (labelled inputs). */
  children: ReactNode;
  className?: string;
};

/** A small form (extend a license, edit a customer) whose result is announced next to it. */
export function InlineActionForm({ action, hiddenFields, submitLabel, children, className }: InlineActionFormProps) {
  const [state, formAction, isPending] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className={className ?? 'inline-form'}>
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className="button button--secondary" disabled={isPending} aria-busy={isPending}>
        {submitLabel}
      </button>
      <FormMessage status={state.status} message={state.status === 'error' && state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] ?? state.message : state.message} />
    </form>
  );
}
