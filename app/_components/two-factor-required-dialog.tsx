'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';
import { ResellerPortalSignInForm } from './reseller-portal-sign-in-form';
import { SubmitButton } from './submit-button';

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** Already a modal (React runs the upgrade twice in development)? Engines without `:modal` say no. */
function isModal(dialog: HTMLDialogElement): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return false;
  }
}

export type TwoFactorRequiredDialogProps = {
  isRspLinked: boolean;
  /** An administrator reset this account's two-factor: it must be set up again, whatever the role. */
  isReset?: boolean;
  resellerPortalUrl?: string;
  /** ISO date: set while the login may still continue (warning), absent once it is blocked. */
  deadline?: string;
  enableAction: () => Promise<void>;
  remindLaterAction: () => Promise<void>;
  sendActivationEmailAction: FormAction;
  /** After a sign-in through the reseller portal: log in there again once two-factor is active (issue 15). */
  resellerPortalSignInAction?: () => Promise<void>;
  backHref: string;
  /** The language switch, inside the dialog so that it stays usable while the dialog is modal. */
  languageSwitcher?: ReactNode;
};

/**
 * The 2FA-required info dialog after a correct password. The server renders it open, so it
 * is there and usable without JavaScript (and before hydration on a slow phone); JavaScript
 * only upgrades it to a native modal (showModal): the rest of the page inert, focus inside,
 * Escape back to the login.
 */
export function TwoFactorRequiredDialog(props: TwoFactorRequiredDialogProps) {
  const t = useTranslations('twoFactorDialog');
  const format = useFormatter();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [emailState, emailAction] = useActionState(props.sendActivationEmailAction, idleFormState);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || isModal(dialog) || typeof dialog.showModal !== 'function') return;
    // Taking the attribute away (rather than close()) fires no close event, which would leave the page.
    dialog.removeAttribute('open');
    dialog.showModal();
  }, []);

  const deadline = props.deadline ? new Date(props.deadline) : null;
  return (
    <dialog
      ref={dialogRef}
      open
      className="modal-dialog"
      aria-labelledby="two-factor-dialog-title"
      aria-describedby="two-factor-dialog-why"
      onClose={() => router.push(props.backHref)}
    >
      {props.languageSwitcher}
      <h1 id="two-factor-dialog-title">{t('title')}</h1>
      <p id="two-factor-dialog-why">{t(props.isReset ? 'whyReset' : 'why')}</p>
      <p className="notice" role="status">
        {deadline ? t('warning', { date: format.dateTime(deadline, { dateStyle: 'long', timeStyle: 'short' }) }) : t('blocked')}
      </p>
      {props.isRspLinked ? (
        <>
          <p className="two-factor-notice__account">
            <span className="badge badge--rsp">{t('rspBadge')}</span> <span>{t('rspLinked')}</span>
          </p>
          <p>{t('rspHow')}</p>
          {props.resellerPortalUrl ? (
            <p>
              <a href={props.resellerPortalUrl} className="button button--primary" rel="noopener noreferrer" target="_blank">
                {t('openRsp')}
              </a>
            </p>
          ) : null}
          {props.resellerPortalSignInAction ? (
            <>
              <p>{t('rspSignInAgain')}</p>
              <ResellerPortalSignInForm action={props.resellerPortalSignInAction} label={t('rspSignInAgainButton')} variant="secondary" />
            </>
          ) : null}
        </>
      ) : (
        <>
          <p>{t('portalOnlyHow')}</p>
          <form action={props.enableAction} className="form__actions">
            <SubmitButton autoFocus>{t('enable')}</SubmitButton>
          </form>
          <form action={emailAction} className="form">
            <p>{t('emailHow')}</p>
            <FormMessage status={emailState.status} message={emailState.message} />
            <div className="form__actions">
              <SubmitButton variant="secondary">{t('sendEmail')}</SubmitButton>
            </div>
          </form>
        </>
      )}
      <div className="form__actions">
        {deadline ? (
          <form action={props.remindLaterAction}>
            <SubmitButton variant="secondary">{t('remindLater')}</SubmitButton>
          </form>
        ) : null}
        {/* A link, not a button that closes the dialog: it works without JavaScript too. */}
        <a href={props.backHref} className="button button--secondary">
          {t('back')}
        </a>
      </div>
    </dialog>
  );
}
