import type { ReactNode } from 'react';
import { LanguageSwitcher } from '@/app/_components/language-switcher';
import { PortalHeader } from '@/app/_components/portal-header';
import { TenantNav } from '@/app/_components/tenant-nav';
import { requireTenantAccess } from '@/app/_server/request-context';
import { logOut } from '@/app/logout/actions';

// The layout only renders the header; every page under it calls requireTenantAccess itself
// (layouts do not re-run on client navigation, so they must never be the access check).
export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantAccess(tenantDomain);
  return (
    <>
      <PortalHeader
        username={access.session.user.username}
        tenantName={access.actingTenant.name}
        tenantDomain={access.actingTenant.tenantDomain}
        logoutAction={logOut}
        localeSwitcher={<LanguageSwitcher returnTo={`/tenant/${access.actingTenant.tenantDomain}`} />}
      />
      <TenantNav access={access} />
      {children}
    </>
  );
}
