import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RecoveryCodeForm } from '@/app/_components/recovery-code-form';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { submitRecoveryCode } from '@/app/login/recovery/actions';
import { continueLogin } from '@/app/login/setup/actions';
import { pageTitle } from '@/app/_server/page-title';
import { AuthCard } from '@/app/_components/auth-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('recoveryLogin.title') };
}

export default async function RecoveryCodePage() {
  await requirePendingLogin('two_factor_code');
  const t = await getTranslations();
  return (
    <AuthCard title={t('recoveryLogin.title')} product={t('app.name')}>
      <p>{t('recoveryLogin.intro')}</p>
      <RecoveryCodeForm action={submitRecoveryCode} continueAction={continueLogin} cancelHref="/login/code" />
    </AuthCard>
  );
}
