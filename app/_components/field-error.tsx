import { useTranslations } from 'next-intl';

type FieldErrorProps = {
  /** Referenced by the input's `aria-describedby`. */
  id: string;
  /** Message keys from `FormState.fieldErrors`. */
  errors: string[] | undefined;
};

/** A field's error text, rendered between label and input and announced with the input. */
export function FieldError({ id, errors }: FieldErrorProps) {
  const t = useTranslations();
  if (!errors?.length) return null;
  return (
    <p id={id} className="field__error">
      {/* Colour alone must not carry the meaning (WCAG 1.4.1), so screen readers hear "Error:" too. */}
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {/* A key the message files lack (e.g. a zod default text) must not reach the page verbatim. */}
      {errors.map((key) => (t.has(key) ? t(key) : t('validation.invalid'))).join(' ')}
    </p>
  );
}

/** Joins the ids an input is described by, skipping the ones that are not rendered. */
export function describedBy(...ids: Array<string | false | 0 | null | undefined>): string | undefined {
  const value = ids.filter(Boolean).join(' ');
  return value || undefined;
}
