'use client';

import { useEffect, useId, type InputHTMLAttributes, type ReactNode, type RefObject, type SelectHTMLAttributes } from 'react';
import type { FormState } from '@/lib/forms/form-state';
import { describedBy, FieldError } from './field-error';

export type FormFields<Field extends string> = ReturnType<typeof useFormFields<Field>>;

const NO_FIELDS: readonly never[] = [];

/**
 * The wiring every form with typed input shares: ids, errors linked to their fields, what the
 * person typed kept after an error, and focus on the first invalid field after a failed submit
 * (only given the form's ref and field order; without them focus stays where it is). A form whose
 * one field is retyped after any error (a code: "Invalid code." is the form's message, not the
 * field's) names it as `retypedField`, and that field gets the focus when no field has an error.
 */
export function useFormFields<Field extends string>(
  state: FormState<Field>,
  fieldOrder: readonly Field[] = NO_FIELDS,
  formRef?: RefObject<HTMLFormElement | null>,
  retypedField?: Field,
) {
  const id = useId();
  const errorsOf = (field: Field) => state.fieldErrors?.[field];

  useEffect(() => {
    if (state.status !== 'error') return;
    const focused = fieldOrder.find((field) => state.fieldErrors?.[field]?.length) ?? retypedField;
    const target = focused && formRef?.current?.elements.namedItem(focused);
    if (target instanceof HTMLElement) target.focus();
  }, [state, fieldOrder, formRef, retypedField]);

  return {
    errorsOf,
    inputId: (field: Field) => `${id}-${field}`,
    helpId: (field: Field) => `${id}-${field}-help`,
    errorId: (field: Field) => `${id}-${field}-error`,
    /** After an error the form keeps what was typed (never passwords: actions do not return them). */
    kept: state.status === 'error' ? state.values : undefined,
  };
}

type FieldFrameProps<Field extends string> = { form: FormFields<Field>; name: Field; label: string; help?: string };

function fieldAttributes<Field extends string>({ form, name, help }: FieldFrameProps<Field>) {
  const errors = form.errorsOf(name);
  return {
    id: form.inputId(name),
    name,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy(help && form.helpId(name), errors?.length && form.errorId(name)),
  } as const;
}

function FieldFrame<Field extends string>({ form, name, label, help, children }: FieldFrameProps<Field> & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={form.inputId(name)} className="field__label">{label}</label>
      {help ? <p id={form.helpId(name)} className="field__help">{help}</p> : null}
      <FieldError id={form.errorId(name)} errors={form.errorsOf(name)} />
      {children}
    </div>
  );
}

/** A labelled input with its help and error text. */
export function InputField<Field extends string>(props: FieldFrameProps<Field> & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'form'>) {
  const { form, name, label, help, defaultValue, ...input } = props;
  const frame = { form, name, label, help };
  return (
    <FieldFrame {...frame}>
      <input className="input" {...input} {...fieldAttributes(frame)} defaultValue={form.kept?.[name] ?? defaultValue} />
    </FieldFrame>
  );
}

/** A labelled select with its help and error text. */
export function SelectField<Field extends string>(props: FieldFrameProps<Field> & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'form'>) {
  const { form, name, label, help, defaultValue, children, ...select } = props;
  const frame = { form, name, label, help };
  return (
    <FieldFrame {...frame}>
      <select className="select" {...select} {...fieldAttributes(frame)} defaultValue={form.kept?.[name] ?? defaultValue}>
        {children}
      </select>
    </FieldFrame>
  );
}
