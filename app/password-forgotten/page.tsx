import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { PasswordForgottenForm } from '@/app/_components/password-forgotten-form';
import { LAST_TENANT_COOKIE } from '@/app/login/login-cookies';
import { requestPasswordResetAction } from '@/app/password-forgotten/actions';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('passwordForgotten.title')} · ${t('app.name')}` };
}

export default async function PasswordForgottenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations();
  const { reason } = await searchParams;
  const lastTenant = (await cookies()).get(LAST_TENANT_COOKIE)?.value;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-product">{t('app.name')}</p>
        <h1>{t('passwordForgotten.title')}</h1>
        {reason === 'link' ? (
          <p className="notice" role="alert">
            {t('accountLink.invalid')}
          </p>
        ) : null}
        <p>{t('passwordForgotten.intro')}</p>
        <PasswordForgottenForm action={requestPasswordResetAction} defaultTenantDomain={lastTenant ? (parseTenantDomain(lastTenant) ?? undefined) : undefined} />
      </div>
    </main>
  );
}
