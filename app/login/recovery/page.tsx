import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RecoveryCodeForm } from '@/app/_components/recovery-code-form';
import { PENDING_LOGIN_COOKIE } from '@/app/login/login-cookies';
import { submitRecoveryCode } from '@/app/login/recovery/actions';
import { continueLogin } from '@/app/login/setup/actions';
import { findPendingLogin } from '@/lib/auth/pending-login';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('recoveryLogin.title')} · ${t('app.name')}` };
}

export default async function RecoveryCodePage() {
  const token = (await cookies()).get(PENDING_LOGIN_COOKIE)?.value;
  const pending = token ? await findPendingLogin(token) : null;
  if (!pending || pending.nextStep !== 'two_factor_code') redirect('/login?reason=expired');
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
