import 'server-only';
import { getDb } from '@/db/client';
import { resolveTenantAccess, TenantAccessDeniedError, type TenantAccess } from '@/lib/access/tenant-access';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { SessionContext } from '@/lib/auth/sessions';

/**
 * A reseller picks a customer in the customer selection: the access layer decides (own customer,
 * license valid now), then `tenant.switched` is written to both tenants' audit logs in one
 * transaction. Recorded once per selection, not on every page view.
 */
export async function enterCustomerTenant(
  session: SessionContext,
  input: { tenantDomain: string; clientAddress: string },
): Promise<TenantAccess> {
  const access = await resolveTenantAccess(session, input.tenantDomain, input.clientAddress);
  // Only a switch into a customer is a switch; the reseller's own domain is not in the list.
  if (!access.isResellerActingForCustomer) throw new TenantAccessDeniedError();
  const base = {
    action: 'tenant.switched' as const,
    result: 'success' as const,
    actorUserId: session.user.id,
    actorTenantId: session.tenant.id,
    actorLabel: access.actorLabel,
    ipAddress: input.clientAddress,
    details: { actingFor: access.actingTenant.tenantDomain, reseller: session.tenant.tenantDomain },
  };
  await getDb().transaction(async (tx) => {
    await recordAuditEvent({ ...base, tenantId: session.tenant.id }, tx);
    await recordAuditEvent({ ...base, tenantId: access.actingTenant.id }, tx);
  });
  return access;
}
