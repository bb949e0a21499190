import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { SessionContext, SessionTenant } from '@/lib/auth/sessions';
import { DomainError } from '@/lib/errors';
import { hasValidLicense } from '@/lib/licenses/license-validity';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

export type TenantAccess = {
  session: SessionContext;
  /** The tenant whose data the request reads or changes. */
  actingTenant: SessionTenant;
  /** A reseller user working inside one of its customers' tenants. */
  isResellerActingForCustomer: boolean;
  /** `username@home-tenant`, for audit lines such as "… acting for 123456.sms". */
  actorLabel: string;
};

/** Another tenant's data: callers answer 404 and reveal nothing (SECURITY.md, tenants). */
export class TenantAccessDeniedError extends DomainError<'tenant_not_found'> {
  constructor() {
    super('tenant_not_found');
  }
}

/**
 * The one decision of who may act in which tenant, re-checked in the database on every
 * request: members of the tenant, or the reseller of a customer whose license is valid now.
 */
export async function resolveTenantAccess(
  session: SessionContext,
  requestedTenantDomain: string,
  clientAddress: string,
): Promise<TenantAccess> {
  const actorLabel = `${session.user.username}@${session.tenant.tenantDomain}`;
  const tenantDomain = parseTenantDomain(requestedTenantDomain);
  if (tenantDomain === session.tenant.tenantDomain) {
    return { session, actingTenant: session.tenant, isResellerActingForCustomer: false, actorLabel };
  }

  if (tenantDomain && session.tenant.kind === 'reseller') {
    const [customer] = await getDb()
      .select({ id: tenants.id, tenantDomain: tenants.tenantDomain, name: tenants.name, kind: tenants.kind })
      .from(tenants)
      .where(
        and(eq(tenants.tenantDomain, tenantDomain), eq(tenants.kind, 'customer'), eq(tenants.resellerId, session.tenant.id)),
      );
    if (customer && (await hasValidLicense(customer.id))) {
      return { session, actingTenant: customer, isResellerActingForCustomer: true, actorLabel };
    }
  }

  await recordAuditEvent({
    action: 'authz_denied',
    result: 'denied',
    tenantId: session.tenant.id,
    actorUserId: session.user.id,
    actorTenantId: session.tenant.id,
    actorLabel,
    ipAddress: clientAddress,
    details: { requestedTenantDomain: requestedTenantDomain.slice(0, 64) },
  });
  throw new TenantAccessDeniedError();
}
