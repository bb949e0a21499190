import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TwoFactorRequiredNotice } from '@/app/_components/two-factor-required-notice';
import { PENDING_LOGIN_COOKIE } from '@/app/login/login-cookies';
import { findPendingLogin } from '@/lib/auth/pending-login';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('twoFactorRequired.title')} · ${t('app.name')}` };
}

// Administrators without two-factor stop here: the pending login never becomes a session.
export default async function TwoFactorRequiredPage() {
  const token = (await cookies()).get(PENDING_LOGIN_COOKIE)?.value;
  const pending = token ? await findPendingLogin(token) : null;
  if (!pending || pending.nextStep !== 'two_factor_setup') redirect('/login?reason=expired');
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <TwoFactorRequiredNotice isRspLinked={pending.user.isRspLinked} backHref="/login" />
      </div>
    </main>
  );
}
