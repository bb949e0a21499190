'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { idleFormState, type FormState } from '@/lib/forms/form-state';
import { FormMessage } from './form-message';

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export type TwoFactorRequiredDialogProps = {
  isRspLinked: boolean;
  resellerPortalUrl?: string;
  /** ISO date: set while the login may still continue (warning), absent once it is blocked. */
  deadline?: string;
  enableAction: () => Promise<void>;
  remindLaterAction: () => Promise<void>;
  sendActivationEmailAction: FormAction;
  backHref: string;
};

/**
 * The 2FA-required info dialog after a correct password. A native modal <dialog>: showModal()
 * makes the rest of the page inert (focus stays inside) and Escape closes it, back to the login.
 */
export function TwoFactorRequiredDialog(props: TwoFactorRequiredDialogProps) {
  const t = useTranslations('twoFactorDialog');
  const format = useFormatter();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [emailState, emailAction, isSending] = useActionState(props.sendActivationEmailAction, idleFormState);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const deadline = props.deadline ? new Date(props.deadline) : null;
  return (
    <dialog
      ref={dialogRef}
      className="modal-dialog"
      aria-labelledby="two-factor-dialog-title"
      aria-describedby="two-factor-dialog-why"
      onClose={() => router.push(props.backHref)}
    >
      <h1 id="two-factor-dialog-title">{t('title')}</h1>
      <p id="two-factor-dialog-why">{t('why')}</p>
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
        </>
      ) : (
        <>
          <p>{t('portalOnlyHow')}</p>
          <form action={props.enableAction} className="form__actions">
            <button type="submit" className="button button--primary" autoFocus>
              {t('enable')}
            </button>
          </form>
          <form action={emailAction} className="form">
            <p>{t('emailHow')}</p>
            <FormMessage status={emailState.status} message={emailState.message} />
            <div className="form__actions">
              <button type="submit" className="button button--secondary" disabled={isSending} aria-busy={isSending}>
                {t('sendEmail')}
              </button>
            </div>
          </form>
        </>
      )}
      <div className="form__actions">
        {deadline ? (
          <form action={props.remindLaterAction}>
            <button type="submit" className="button button--secondary">
              {t('remindLater')}
            </button>
          </form>
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
          {t('back')}
        </button>
      </div>
    </dialog>
  );
}
