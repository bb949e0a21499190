import { useTranslations } from 'next-intl';
import type { FormStatus } from '@/lib/forms/form-state';

type FormMessageProps = {
  status: FormStatus;
  /** Message key from `FormState.message`. */
  message: string | undefined;
};

/**
 * The form-level message. The live regions are always in the DOM, so assistive technology is
 * already listening when the text arrives after a submit; errors interrupt (`role="alert"`),
 * confirmations wait their turn (`role="status"`, polite).
 */
export function FormMessage({ status, message }: FormMessageProps) {
  const t = useTranslations();
  const text = message ? (t.has(message) ? t(message) : t('form.genericError')) : null;
  return (
    <div className="form-messages">
      <div role="alert" aria-atomic="true" className="form-message form-message--error">
        {status === 'error' && text ? text : null}
      </div>
      <div role="status" aria-atomic="true" className="form-message form-message--success">
        {status === 'success' && text ? text : null}
      </div>
    </div>
  );
}
