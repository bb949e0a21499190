import 'server-only';
import { getDb, type DbTransaction } from '@/db/client';
import { requirePermission, type Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordObjectAccessDenied, recordTenantAuditEvent } from '@/lib/access/audit-actor';
import type { AuditAction } from '@/lib/audit/record-audit-event';
import { lockActiveAdminIds, lockTenantUser, type LockedTenantUser } from './find-tenant-user';
import { UserManagementError } from './user-errors';

export type UserOperationContext = {
  tx: DbTransaction;
  target: LockedTenantUser;
  /** Active admins of the tenant, locked for this transaction (only with `lockAdmins`). */
  activeAdminIds: string[];
};

const NOT_FOUND = Symbol('not_found');

/**
 * The frame of every operation on one user of the acting tenant: permission check, one
 * transaction, the target re-read together with the acting tenant id. An unknown or foreign
 * id is `authz_denied` with no side effect; a refused rule is audited as a failure.
 */
export async function runUserOperation<T>(
  access: TenantAccess,
  options: { permission: Permission; userId: string; clientAddress: string; auditAction: AuditAction; lockAdmins?: boolean },
  operation: (context: UserOperationContext) => Promise<T>,
): Promise<T> {
  requirePermission(access, options.permission);
  const tenantId = access.actingTenant.id;
  let outcome: { value: T } | typeof NOT_FOUND;
  try {
    outcome = await getDb().transaction(async (tx) => {
      const activeAdminIds = options.lockAdmins ? await lockActiveAdminIds(tx, tenantId) : [];
      const target = await lockTenantUser(tx, tenantId, options.userId);
      if (!target) return NOT_FOUND;
      return { value: await operation({ tx, target, activeAdminIds }) };
    });
  } catch (error) {
    if (error instanceof UserManagementError) {
      await recordTenantAuditEvent(access, options.clientAddress, {
        action: options.auditAction,
        result: 'failure',
        details: { targetUserId: options.userId, reason: error.code },
      });
    }
    throw error;
  }
  if (outcome === NOT_FOUND) {
    await recordObjectAccessDenied(access, options.clientAddress, 'user', options.userId);
    throw new UserManagementError('user_not_found');
  }
  return outcome.value;
}
