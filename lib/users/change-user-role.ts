import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Role } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { revokeAllSessionsOfUser } from '@/lib/auth/sessions';
import { canGrantRole } from './role-grants';
import { runUserOperation } from './run-user-operation';
import { UserManagementError } from './user-errors';

/**
 * Changes a user's role. The tenant's active admin rows are locked first, so two concurrent
 * demotions of the last two admins cannot both succeed. The user's sessions end, so the new
 * permissions apply from the next request. Audited as `user.role_changed`.
 */
export async function changeUserRole(access: TenantAccess, input: { userId: string; role: Role; clientAddress: string }): Promise<void> {
  await runUserOperation(
    access,
    { permission: 'users.manage', userId: input.userId, clientAddress: input.clientAddress, auditAction: 'user.role_changed', lockAdmins: true },
    async ({ tx, target, activeAdminIds }) => {
      if (!canGrantRole(access, input.role)) throw new UserManagementError('role_not_grantable');
      if (target.role === input.role) return;
      const isLastActiveAdmin = activeAdminIds.includes(target.id) && activeAdminIds.length <= 1;
      if (isLastActiveAdmin && input.role !== 'admin') throw new UserManagementError('last_admin');
      await tx.update(users).set({ role: input.role, updatedAt: sql`now()` }).where(eq(users.id, target.id));
      await revokeAllSessionsOfUser(target.id, 'session_version', tx);
      await recordTenantAuditEvent(
        access,
        input.clientAddress,
        {
          action: 'user.role_changed',
          result: 'success',
          details: { targetUserId: target.id, targetUsername: target.username, fromRole: target.role, toRole: input.role },
        },
        tx,
      );
    },
  );
}
