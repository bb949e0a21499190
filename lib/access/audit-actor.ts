import 'server-only';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordAuditEvent, type AuditAction, type AuditEventInput } from '@/lib/audit/record-audit-event';
import type { DbExecutor } from '@/db/client';
import { getDb } from '@/db/client';

type Details = Record<string, string | number | boolean | null>;

/**
 * The audit fields of an action inside the acting tenant. The event belongs to the acting
 * tenant, so a customer's audit page also shows what its reseller did there
 * ("reseller.admin@100001.sms acting for 123456.sms").
 */
export function auditActorFields(access: TenantAccess, clientAddress: string): Omit<AuditEventInput, 'action' | 'result'> {
  return {
    tenantId: access.actingTenant.id,
    actorUserId: access.session.user.id,
    actorTenantId: access.session.tenant.id,
    actorLabel: access.actorLabel,
    ipAddress: clientAddress,
    details: access.isResellerActingForCustomer ? { actingFor: access.actingTenant.tenantDomain } : {},
  };
}

/** Records one event of the acting tenant (inside the caller's transaction when given). */
export async function recordTenantAuditEvent(
  access: TenantAccess,
  clientAddress: string,
  event: { action: AuditAction; result: 'success' | 'failure' | 'denied'; details?: Details },
  executor: DbExecutor = getDb(),
): Promise<void> {
  const actor = auditActorFields(access, clientAddress);
  await recordAuditEvent({ ...actor, action: event.action, result: event.result, details: { ...actor.details, ...event.details } }, executor);
}

/** Another tenant's (or an unknown) object id: audited as `authz_denied`, outside any rolled-back transaction. */
export async function recordObjectAccessDenied(access: TenantAccess, clientAddress: string, objectType: string, objectId: string): Promise<void> {
  await recordTenantAuditEvent(access, clientAddress, {
    action: 'authz_denied',
    result: 'denied',
    details: { objectType, objectId: objectId.slice(0, 64) },
  });
}
