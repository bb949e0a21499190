import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { revokeAccountTokens } from '@/lib/auth/account-tokens';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { revokeAllSessionsOfUser } from '@/lib/auth/sessions';
import { runUserOperation } from './run-user-operation';
import { UserManagementError } from './user-errors';

/**
 * Disables or enables a user of the acting tenant. Disabling ends every session and kills
 * every live link at once; nobody disables themselves or the tenant's last active admin.
 * Audited as `user.disabled` / `user.enabled`.
 */
export async function setUserDisabled(
  access: TenantAccess,
  input: { userId: string; disabled: boolean; clientAddress: string },
): Promise<void> {
  const auditAction = input.disabled ? 'user.disabled' : 'user.enabled';
  await runUserOperation(
    access,
    { permission: 'users.manage', userId: input.userId, clientAddress: input.clientAddress, auditAction, lockAdmins: input.disabled },
    async ({ tx, target, activeAdminIds }) => {
      if (input.disabled) {
        if (target.id === access.session.user.id) throw new UserManagementError('cannot_disable_self');
        if (activeAdminIds.includes(target.id) && activeAdminIds.length <= 1) throw new UserManagementError('last_admin');
        if (target.disabledAt) return;
        await tx.update(users).set({ disabledAt: sql`now()`, updatedAt: sql`now()` }).where(eq(users.id, target.id));
        await revokeAllSessionsOfUser(target.id, 'user_disabled', tx);
        await revokeAccountTokens(tx, target.id);
      } else {
        if (!target.disabledAt) return;
        await tx.update(users).set({ disabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, target.id));
      }
      await recordTenantAuditEvent(
        access,
        input.clientAddress,
        { action: auditAction, result: 'success', details: { targetUserId: target.id, targetUsername: target.username } },
        tx,
      );
    },
  );
}
