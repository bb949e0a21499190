import { z } from 'zod';

/** A six-digit authenticator code; spaces people type or paste are dropped first. */
export const totpCodeField = z
  .string()
  .max(32, 'validation.codeFormat')
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[0-9]{6}$/, 'validation.codeFormat'));

/** The form with one field, `code`. */
export const totpCodeForm = z.strictObject({ code: totpCodeField });
