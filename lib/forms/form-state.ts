// The one state shape every form's server action returns (used with useActionState).
export type FormStatus = 'idle' | 'success' | 'error';

export type FormState<Field extends string = string> = {
  status: FormStatus;
  /** Key into the message files, never a raw string. */
  message?: string;
  /** Per field: keys into the message files. */
  fieldErrors?: Partial<Record<Field, string[]>>;
  /** What the person typed (never passwords or codes), so the form keeps it after an error. */
  values?: Partial<Record<Field, string>>;
};

export const idleFormState: FormState = { status: 'idle' };
