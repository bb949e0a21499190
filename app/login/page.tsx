import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/app/_components/auth-card';
import { LoginForm } from '@/app/_components/login-form';
import { ResellerPortalSignInForm } from '@/app/_components/reseller-portal-sign-in-form';
import { pageTitle } from '@/app/_server/page-title';
import { submitPasswordStep } from '@/app/login/actions';
import { LAST_TENANT_COOKIE, LOGIN_USERNAME_COOKIE, PENDING_LOGIN_COOKIE } from '@/app/login/login-cookies';
import { startResellerPortalSignIn } from '@/app/login/reseller-portal/actions';
import { signInReturnPath } from '@/lib/http/return-to';
import { findLicenseContact } from '@/lib/auth/find-license-contact';
import { getResellerPortalSettings } from '@/lib/reseller-portal-settings';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

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
  resellerPortalRefused: { message: 'login.errors.resellerPortalRefused', role: 'alert' },
  resellerPortalFailed: { message: 'login.errors.resellerPortalFailed', role: 'alert' },
  resellerPortalUnavailable: { message: 'login.errors.resellerPortalUnavailable', role: 'alert' },
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [t, query, cookieJar] = await Promise.all([getTranslations(), searchParams, cookies()]);
  // Without the reseller-portal settings the page is the portal's own form only (issue 15).
  const hasResellerPortal = getResellerPortalSettings() !== null;
  // Auth.js sends a refused reseller-portal callback here with `?error=<type>` (its error page).
  const notice = typeof query.reason === 'string' ? NOTICES[query.reason] : query.error && hasResellerPortal ? NOTICES.resellerPortalFailed : undefined;
  // A deep link (proxy.ts and requireSession send anonymous visitors here with it): same-origin paths only.
  const returnTo = signInReturnPath(query.returnTo);
  const lastTenant = cookieJar.get(LAST_TENANT_COOKIE)?.value;
  const contact = query.reason === 'license' ? await findLicenseContact(cookieJar.get(PENDING_LOGIN_COOKIE)?.value) : null;
  return (
    <AuthCard title={t(hasResellerPortal ? 'login.title' : 'login.heading')} returnTo={returnTo ? `/login?returnTo=${encodeURIComponent(returnTo)}` : '/login'}>
      {notice ? (
        <p className="notice" role={notice.role}>
          {contact
            ? t(contact.contactEmail ? 'login.errors.noValidLicenseContactEmail' : 'login.errors.noValidLicenseContact', {
                resellerName: contact.resellerName,
                contactEmail: contact.contactEmail ?? '',
              })
            : t(notice.message)}
        </p>
      ) : null}
      {hasResellerPortal ? <h2>{t('login.heading')}</h2> : null}
      <LoginForm
        action={submitPasswordStep}
        defaultTenantDomain={lastTenant ? (parseTenantDomain(lastTenant) ?? undefined) : undefined}
        defaultUsername={cookieJar.get(LOGIN_USERNAME_COOKIE)?.value?.slice(0, 256)}
        returnTo={returnTo ?? undefined}
        passwordForgottenHref="/password-forgotten"
      />
      {hasResellerPortal ? (
        <section className="auth-alternative" aria-labelledby="reseller-portal-sign-in">
          <h2 id="reseller-portal-sign-in">{t('login.resellerPortal.heading')}</h2>
          <p>{t('login.resellerPortal.intro')}</p>
          <ResellerPortalSignInForm action={startResellerPortalSignIn} label={t('login.resellerPortal.submit')} returnTo={returnTo ?? undefined} variant="secondary" />
        </section>
      ) : null}
    </AuthCard>
  );
}
