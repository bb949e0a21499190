import 'server-only';
import type { DbExecutor } from '@/db/client';
import { requirePermission, type Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordObjectAccessDenied, recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { recordAuditEvent, type AuditAction } from '@/lib/audit/record-audit-event';
import { CustomerManagementError } from './customer-errors';

type Details = Record<string, string | number | boolean | null>;

/**
 * Customer and license management happens in the reseller's own tenant only, which the
 * reseller permissions imply (lib/access/permissions.ts).
 */
export function requireResellerScope(access: TenantAccess, permission: Permission): { resellerTenantId: string } {
  requirePermission(access, permission);
  return { resellerTenantId: access.actingTenant.id };
}

/** One change, audited in the reseller's tenant and in the customer's (its audit page shows what the reseller did). */
export async function auditInBothTenants(
  executor: DbExecutor,
  access: TenantAccess,
  clientAddress: string,
  event: { action: AuditAction; customerTenantId: string; customerTenantDomain: string; customerName: string; details?: Details },
): Promise<void> {
  // The name makes the audit sentence readable ("… created a license for Alpha Logistik GmbH").
  const details = { customer: event.customerTenantDomain, customerName: event.customerName, ...event.details };
  await recordTenantAuditEvent(access, clientAddress, { action: event.action, result: 'success', details }, executor);
  await recordAuditEvent(
    {
      action: event.action,
      result: 'success',
      tenantId: event.customerTenantId,
      actorUserId: access.session.user.id,
      actorTenantId: access.session.tenant.id,
      actorLabel: access.actorLabel,
      ipAddress: clientAddress,
      details: { ...details, actingFor: event.customerTenantDomain },
    },
    executor,
  );
}

/** A foreign or unknown id: `authz_denied` (outside the rolled-back transaction), then the not-found refusal. */
export async function denyForeignObject(access: TenantAccess, clientAddress: string, objectType: string, objectId: string, code: 'customer_not_found' | 'license_not_found'): Promise<never> {
  await recordObjectAccessDenied(access, clientAddress, objectType, objectId);
  throw new CustomerManagementError(code);
}
