import type { ReactNode } from 'react';
import { PortalMessagesProvider } from '@/app/_components/portal-messages-provider';
import { TenantNav } from '@/app/_components/tenant-nav';
import { requireTenantAccess } from '@/app/_server/request-context';
import { SessionHeader } from '@/app/customer-selection/_components/session-header';

// The layout only renders the header; every page under it calls requireTenantAccess itself
// (layouts do not re-run on client navigation, so they must never be the access check).
export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantAccess(tenantDomain);
  // The messages the tenant pages' client components look up (the root layout sends the sign-in pages' own).
  return (
    <PortalMessagesProvider>
      <SessionHeader signedIn={access} />
      <TenantNav access={access} />
      {children}
    </PortalMessagesProvider>
  );
}
