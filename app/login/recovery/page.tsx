import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { RecoveryCodeForm } from '@/app/_components/recovery-code-form';
import { pageTitle } from '@/app/_server/page-title';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { submitRecoveryCode } from '@/app/login/recovery/actions';
import { continueLogin } from '@/app/login/setup/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('recoveryLogin.title') };
}

// Also at step `none` (a code was accepted): a browser without JavaScript gets the answer to its
// post (how many codes remain, Continue) in the page rendered after it, from the same form.
export default async function RecoveryCodePage() {
  const pending = await requirePendingLogin('two_factor_code', 'none');
  const t = await getTranslations();
  return (
    <AuthCard title={t('recoveryLogin.title')} returnTo="/login/recovery">
      <p>{t('recoveryLogin.intro')}</p>
      <RecoveryCodeForm action={submitRecoveryCode} continueAction={continueLogin} cancelHref="/login/code" isAccepted={pending.nextStep === 'none'} />
    </AuthCard>
  );
}
