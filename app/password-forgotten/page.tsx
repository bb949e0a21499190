import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('passwordForgotten.title')} · ${t('app.name')}` };
}

// The reset flow (email, link, new password, two-factor) is the two-factor issue's work.
export default async function PasswordForgottenPage() {
  const t = await getTranslations();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>{t('passwordForgotten.title')}</h1>
        <p>{t('passwordForgotten.unavailable')}</p>
        <Link href="/login">{t('twoFactorRequired.back')}</Link>
      </div>
    </main>
  );
}
