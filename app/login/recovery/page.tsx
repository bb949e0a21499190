import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RecoveryCodeForm } from '@/app/_components/recovery-code-form';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { submitRecoveryCode } from '@/app/login/recovery/actions';
import { continueLogin } from '@/app/login/setup/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('recoveryLogin.title')} · ${t('app.name')}` };
}

export default async function RecoveryCodePage() {
  await requirePendingLogin('two_factor_code');
  const t = await getTranslations();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-product">{t('app.name')}</p>
        <h1>{t('recoveryLogin.title')}</h1>
        <p>{t('recoveryLogin.intro')}</p>
        <RecoveryCodeForm action={submitRecoveryCode} continueAction={continueLogin} cancelHref="/login/code" />
      </div>
    </main>
  );
}
