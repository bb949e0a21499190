import { useId, type Ref } from 'react';
import { describedBy, FieldError } from './field-error';

type TotpCodeFieldProps = {
  label: string;
  help?: string;
  /** Message keys from `FormState.fieldErrors.code`. */
  errors: string[] | undefined;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
};

/**
 * The one six-digit authenticator code field (`name="code"`), never pre-filled: a one-time
 * code is a secret, and a used one is worthless anyway.
 */
export function TotpCodeField({ label, help, errors, inputRef, autoFocus }: TotpCodeFieldProps) {
  const id = useId();
  const hasErrors = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={`${id}-code`} className="field__label">
        {label}
      </label>
      {help ? (
        <p id={`${id}-help`} className="field__help">
          {help}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
      <input
        ref={inputRef}
        id={`${id}-code`}
        name="code"
        type="text"
        className="input input--code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        autoFocus={autoFocus}
        spellCheck={false}
        aria-invalid={hasErrors ? true : undefined}
        aria-describedby={describedBy(help && `${id}-help`, hasErrors && `${id}-error`)}
      />
    </div>
  );
}
