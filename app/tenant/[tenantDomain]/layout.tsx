import type { ReactNode } from 'react';
import { PortalMessagesProvider } from '@/app/_components/portal-messages-provider';
import { PortalHeader } from '@/app/_components/portal-header';
import { TenantNav } from '@/app/_components/tenant-nav';
import { requireTenantAccess } from '@/app/_server/request-context';
import { switchToCustomerAction } from '@/app/customer-selection/actions';
import { CustomerSelectionMenu } from '@/app/customer-selection/_components/customer-selection-menu';

// The layout only renders the header; every page under it calls requireTenantAccess itself
// (layouts do not re-run on client navigation, so they must never be the access check).
export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenantDomain: string }> }) {
  const { tenantDomain } = await params;
  const access = await requireTenantAccess(tenantDomain);
  const isReseller = access.session.tenant.kind === 'reseller';
  // The messages the tenant pages' client components look up (the root layout sends the sign-in pages' own).
  return (
    <PortalMessagesProvider>
      <PortalHeader
        username={access.session.user.username}
        tenantName={access.actingTenant.name}
        tenantDomain={access.actingTenant.tenantDomain}
        resellerName={access.isResellerActingForCustomer ? access.session.tenant.name : undefined}
        customerSwitcher={isReseller ? <CustomerSelectionMenu searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={switchToCustomerAction} /> : undefined}
      />
      <TenantNav access={access} />
      {children}
    </PortalMessagesProvider>
  );
}
