'use client';

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FormMessage } from '@/app/_components/form-message';
import { idleFormState, type FormState } from '@/lib/forms/form-state';

type ConfirmActionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Identifies the object (e.g. `userId`); the server re-reads it within the acting tenant. */
  hiddenFields: Record<string, string>;
  triggerLabel: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Fields shown with the trigger, e.g. the new role. */
  children?: ReactNode;
  isDestructive?: boolean;
};

/**
 * A one-button action with a second, explicit confirmation step: the first click only asks,
 * the confirm button submits. Works with the keyboard; focus moves to the question and back.
 */
export function ConfirmActionForm(props: ConfirmActionFormProps) {
  const [state, formAction, isPending] = useActionState(props.action, idleFormState);
  // The question belongs to the result it was asked after: a new result (the submit's answer)
  // closes it without an effect.
  const [askedAfter, setAskedAfter] = useState<FormState | null>(null);
  const isConfirming = askedAfter === state;
  const setConfirming = (value: boolean) => setAskedAfter(value ? state : null);
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  return (
    <form action={formAction} className="confirm-action">
      {Object.entries(props.hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      {isConfirming ? (
        <div role="group" aria-labelledby={questionId} className="confirm-action__question">
          <p id={questionId}>{props.question}</p>
          <button
            ref={confirmRef}
            type="submit"
            className={props.isDestructive ? 'button button--danger' : 'button button--primary'}
            disabled={isPending}
            aria-busy={isPending}
          >
            {props.confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {props.cancelLabel}
          </button>
        </div>
      ) : (
        <button ref={triggerRef} type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {props.triggerLabel}
        </button>
      )}
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
