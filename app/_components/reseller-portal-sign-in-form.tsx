import { useTranslations } from 'next-intl';
import { SubmitButton } from './submit-button';

type ResellerPortalSignInFormProps = {
  /** Starts the OpenID Connect flow: a plain post whose answer is a 303 to the reseller portal. */
  action: (formData: FormData) => Promise<void>;
  label: string;
  /** The deep link to open after the login, sent along as a hidden field. */
  returnTo?: string;
  variant?: 'primary' | 'secondary';
};

/**
 * "Log in with your reseller portal account": a form, not a link, so that starting the flow is a
 * post our cross-site check covers, and it works without JavaScript (issue 15).
 */
export function ResellerPortalSignInForm({ action, label, returnTo, variant = 'primary' }: ResellerPortalSignInFormProps) {
  const t = useTranslations('login.resellerPortal');
  return (
    <form action={action} className="form__actions">
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <SubmitButton variant={variant} pendingLabel={t('submitting')}>
        {label}
      </SubmitButton>
    </form>
  );
}
