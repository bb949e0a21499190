import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/app/_components/login-form';
import { LAST_TENANT_COOKIE } from '@/app/login/login-cookies';
import { submitPasswordStep } from '@/app/login/actions';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('login.title')} · ${t('app.name')}` };
}

const NOTICES: Record<string, string> = {
  session: 'login.errors.sessionEnded',
  expired: 'login.errors.pendingLoginExpired',
  license: 'login.errors.noValidLicense',
  passwordChanged: 'accountLink.passwordChangedNotice',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations();
  const { reason } = await searchParams;
  const notice = typeof reason === 'string' ? NOTICES[reason] : undefined;
  const lastTenant = (await cookies()).get(LAST_TENANT_COOKIE)?.value;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-product">{t('app.name')}</p>
        <h1>{t('login.heading')}</h1>
        {notice ? (
          <p className="notice" role="alert">
            {t(notice)}
          </p>
        ) : null}
        <LoginForm
          action={submitPasswordStep}
          defaultTenantDomain={lastTenant ? (parseTenantDomain(lastTenant) ?? undefined) : undefined}
          passwordForgottenHref="/password-forgotten"
        />
      </div>
    </main>
  );
}
