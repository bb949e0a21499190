import { z } from 'zod';
import type { FormState } from './form-state';

/**
 * FormData → plain object for a strict zod schema. React adds `$ACTION_…` bookkeeping fields
 * to progressively enhanced forms; those are dropped, every other unexpected field is
 * rejected by the strict schema (SECURITY.md: extra fields such as `role` are refused).
 */
export function formDataToObject(formData: FormData): Record<string, string> {
  const entries: Record<string, string> = {};
  // A forged action call can pass anything in the form data's place (issue 14.7): no fields then.
  if (typeof (formData as Partial<FormData> | null | undefined)?.entries !== 'function') return entries;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    // No form field can hold U+0000 (PostgreSQL refuses it in text): one from a crafted post
    // becomes U+FFFD, so the input is judged like any other instead of failing in the database.
    entries[key] = typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : '';
  }
  return entries;
}

/** A parsed form: the data, or the form state that tells the person what to correct. */
export type ParsedForm<Data, Field extends string> = { ok: true; data: Data } | { ok: false; state: FormState<Field> };

/** Parses a form; on failure returns the form state with field errors (message keys). */
export function parseForm<Schema extends z.ZodType, Field extends string>(
  schema: Schema,
  formData: FormData,
  keepValues: readonly Field[],
): ParsedForm<z.infer<Schema>, Field> {
  const raw = formDataToObject(formData);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const flattened = z.flattenError(parsed.error);
  const hasUnknownField = parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys');
  return {
    ok: false,
    state: {
      status: 'error',
      message: hasUnknownField ? 'validation.unexpectedField' : 'validation.checkFields',
      fieldErrors: flattened.fieldErrors as unknown as FormState<Field>["fieldErrors"],
      values: pickValues(raw, keepValues),
    },
  };
}

export function pickValues<Field extends string>(raw: Record<string, string>, fields: readonly Field[]): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = raw[field];
    if (typeof value === 'string') values[field] = value.slice(0, 256);
  }
  return values;
}
