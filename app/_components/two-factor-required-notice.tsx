import Link from 'next/link';
import { useTranslations } from 'next-intl';

type TwoFactorRequiredNoticeProps = {
  isRspLinked: boolean;
  /** Where an RSP-linked account activates two-factor authentication; the link is left out without it. */
  resellerPortalUrl?: string;
  backHref: string;
};

/** Full-page notice for an administrator who may not log in until two-factor authentication is on. */
export function TwoFactorRequiredNotice({ isRspLinked, resellerPortalUrl, backHref }: TwoFactorRequiredNoticeProps) {
  const t = useTranslations('twoFactorRequired');
  return (
    <section className="two-factor-notice" aria-labelledby="two-factor-required-title">
      <h1 id="two-factor-required-title">{t('title')}</h1>
      <p>{t('body')}</p>
      {isRspLinked ? (
        <>
          <p className="two-factor-notice__account">
            <span className="badge badge--rsp">{t('rspBadge')}</span> <span>{t('rspLinked')}</span>
          </p>
          <p>{t('rsp')}</p>
          {resellerPortalUrl ? (
            <p>
              <a href={resellerPortalUrl} className="button button--secondary" rel="noopener noreferrer">
                {t('openRsp')}
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <p>{t('portalOnly')}</p>
      )}
      <p>
        <Link href={backHref}>{t('back')}</Link>
      </p>
    </section>
  );
}
