import { PortalHeader } from '@/app/_components/portal-header';
import { canSelectCustomers } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import type { SessionContext } from '@/lib/auth/sessions';
import { switchToCustomerAction } from '../actions';
import { CustomerSelectionMenu } from './customer-selection-menu';

type SessionHeaderProps = {
  /** What the page's access check returned: the session, or inside a tenant its access. */
  signedIn: SessionContext | TenantAccess;
  /** Where the language switch returns to; default: the current page. */
  returnTo?: string;
  /** False on the customer selection itself; otherwise shown to whoever may select customers. */
  hasCustomerSwitcher?: boolean;
};

/**
 * The header of every signed-in page, its props derived from the access check's result. It only
 * renders: the page has already decided who may see it, and lib/access who may switch customers.
 * (It lives here, not in app/_components, because it renders the customer switcher.)
 */
export function SessionHeader({ signedIn, returnTo, hasCustomerSwitcher = true }: SessionHeaderProps) {
  // A page outside any tenant acts in the person's own tenant.
  const { session, actingTenant, isResellerActingForCustomer }: Omit<TenantAccess, 'actorLabel'> =
    'actingTenant' in signedIn ? signedIn : { session: signedIn, actingTenant: signedIn.tenant, isResellerActingForCustomer: false };
  return (
    <PortalHeader
      username={session.user.username}
      tenantName={actingTenant.name}
      tenantDomain={actingTenant.tenantDomain}
      resellerName={isResellerActingForCustomer ? session.tenant.name : undefined}
      returnTo={returnTo}
      customerSwitcher={
        hasCustomerSwitcher && canSelectCustomers(session) ? (
          <CustomerSelectionMenu searchUrl="/customer-selection/search" pageUrl="/customer-selection" selectAction={switchToCustomerAction} />
        ) : undefined
      }
    />
  );
}
