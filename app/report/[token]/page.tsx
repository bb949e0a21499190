import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { SubmitButton } from '@/app/_components/submit-button';
import { pageTitle } from '@/app/_server/page-title';
import { reportTwoFactorChangeAction } from '@/app/report/actions';
import { loadReportLink } from '@/lib/two-factor/report-two-factor-change';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('reportLink.title'), referrer: 'same-origin' };
}

// The "This was not me" link of a two-factor email. A GET changes nothing (mail scanners open
// links); only the button, a POST, reports.
export default async function ReportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, account] = await Promise.all([getTranslations('reportLink'), loadReportLink(token)]);
  if (!account) {
    return (
      <AuthCard title={t('title')} returnTo={`/report/${token}`}>
        <p role="alert">{t('invalid')}</p>
        <a href="/login">{t('toLogin')}</a>
      </AuthCard>
    );
  }
  const label = `${account.username}@${account.tenantDomain}`;
  return (
    <AuthCard title={t('title')} account={label} returnTo={`/report/${token}`}>
      <p>{t('intro', { account: label })}</p>
      <p>{t('effects')}</p>
      <ul>
        <li>{t('effectSessions')}</li>
        <li>{t('effectPassword')}</li>
        <li>{t('effectAdmins')}</li>
      </ul>
      <form action={reportTwoFactorChangeAction.bind(null, token)} className="form__actions">
        <SubmitButton variant="danger">{t('submit')}</SubmitButton>
      </form>
    </AuthCard>
  );
}
