import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TwoFactorCodeForm } from '@/app/_components/two-factor-code-form';
import { submitTwoFactorCode } from '@/app/login/code/actions';
import { PENDING_LOGIN_COOKIE } from '@/app/login/login-cookies';
import { findPendingLogin } from '@/lib/auth/pending-login';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('twoFactor.title')} · ${t('app.name')}` };
}

export default async function TwoFactorCodePage() {
  const token = (await cookies()).get(PENDING_LOGIN_COOKIE)?.value;
  const pending = token ? await findPendingLogin(token) : null;
  if (!pending || pending.nextStep !== 'two_factor_code') redirect('/login?reason=expired');
  const t = await getTranslations();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-product">{t('app.name')}</p>
        <h1>{t('twoFactor.title')}</h1>
        <p>{t('twoFactor.intro')}</p>
        <TwoFactorCodeForm action={submitTwoFactorCode} cancelHref="/login" />
        <p>
          <Link href="/login/recovery">{t('recoveryLogin.link')}</Link>
        </p>
      </div>
    </main>
  );
}
