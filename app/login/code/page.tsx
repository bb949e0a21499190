import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TwoFactorCodeForm } from '@/app/_components/two-factor-code-form';
import { submitTwoFactorCode } from '@/app/login/code/actions';
import { requirePendingLogin } from '@/app/login/pending-login-context';
import { pageTitle } from '@/app/_server/page-title';
import { AuthCard } from '@/app/_components/auth-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('twoFactor.title') };
}

export default async function TwoFactorCodePage() {
  await requirePendingLogin('two_factor_code');
  const t = await getTranslations();
  return (
    <AuthCard title={t('twoFactor.title')} returnTo="/login/code">
      <p>{t('twoFactor.intro')}</p>
      <TwoFactorCodeForm action={submitTwoFactorCode} cancelHref="/login" />
      <p>
        <Link href="/login/recovery" className="form__secondary-link">
          {t('recoveryLogin.link')}
        </Link>
      </p>
    </AuthCard>
  );
}
