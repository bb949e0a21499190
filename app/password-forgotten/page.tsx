import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { PasswordForgottenForm } from '@/app/_components/password-forgotten-form';
import { LAST_TENANT_COOKIE } from '@/app/login/login-cookies';
import { requestPasswordResetAction } from '@/app/password-forgotten/actions';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';
import { pageTitle } from '@/app/_server/page-title';
import { AuthCard } from '@/app/_components/auth-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('passwordForgotten.title') };
}

export default async function PasswordForgottenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations();
  const { reason } = await searchParams;
  const lastTenant = (await cookies()).get(LAST_TENANT_COOKIE)?.value;
  return (
    <AuthCard title={t('passwordForgotten.title')} returnTo="/password-forgotten">
      {reason === 'link' ? (
        <p className="notice" role="alert">
          {t('accountLink.invalid')}
        </p>
      ) : null}
      <p>{t('passwordForgotten.intro')}</p>
      <PasswordForgottenForm action={requestPasswordResetAction} defaultTenantDomain={lastTenant ? (parseTenantDomain(lastTenant) ?? undefined) : undefined} />
    </AuthCard>
  );
}
