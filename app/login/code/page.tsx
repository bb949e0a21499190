import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TwoFactorCodeForm } from '@/app/_components/two-factor-code-form';
import { submitTwoFactorCode } from '@/app/login/code/actions';
import { requirePendingLogin } from '@/app/login/pending-login-context';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('twoFactor.title')} · ${t('app.name')}` };
}

export default async function TwoFactorCodePage() {
  await requirePendingLogin('two_factor_code');
  const t = await getTranslations();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-product">{t('app.name')}</p>
        <h1>{t('twoFactor.title')}</h1>
        <p>{t('twoFactor.intro')}</p>
        <TwoFactorCodeForm action={submitTwoFactorCode} cancelHref="/login" />
        <p>
          <Link href="/login/recovery" className="form__secondary-link">
            {t('recoveryLogin.link')}
          </Link>
        </p>
      </div>
    </main>
  );
}
