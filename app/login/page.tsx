import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/app/_components/login-form';
import { LAST_TENANT_COOKIE } from '@/app/login/login-cookies';
import { submitPasswordStep } from '@/app/login/actions';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';
import { pageTitle } from '@/app/_server/page-title';
import { AuthCard } from '@/app/_components/auth-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('login.title') };
}

// Why the login page is shown: problems interrupt (alert), confirmations wait their turn (status).
const NOTICES: Record<string, { message: string; role: 'alert' | 'status' }> = {
  session: { message: 'login.errors.sessionEnded', role: 'alert' },
  expired: { message: 'login.errors.pendingLoginExpired', role: 'alert' },
  license: { message: 'login.errors.noValidLicense', role: 'alert' },
  passwordChanged: { message: 'accountLink.passwordChangedNotice', role: 'status' },
  reported: { message: 'reportLink.done', role: 'status' },
  loggedOut: { message: 'login.loggedOut', role: 'status' },
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations();
  const { reason } = await searchParams;
  const notice = typeof reason === 'string' ? NOTICES[reason] : undefined;
  const lastTenant = (await cookies()).get(LAST_TENANT_COOKIE)?.value;
  return (
    <AuthCard title={t('login.heading')} product={t('app.name')} returnTo="/login">
      {notice ? (
        <p className="notice" role={notice.role}>
          {t(notice.message)}
        </p>
      ) : null}
      <LoginForm
        action={submitPasswordStep}
        defaultTenantDomain={lastTenant ? (parseTenantDomain(lastTenant) ?? undefined) : undefined}
        passwordForgottenHref="/password-forgotten"
      />
    </AuthCard>
  );
}
