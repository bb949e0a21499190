import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { sendPasswordResetEmail } from '@/lib/account-link/send-password-reset-email';
import { runUserOperation } from './run-user-operation';
import { UserManagementError } from './user-errors';

/**
 * Sends a user a password-reset link (to the address stored for the account only). The token
 * and the outbox row are written in one transaction. Audited as `user.password_reset_sent`.
 */
export async function sendUserPasswordReset(access: TenantAccess, input: { userId: string; clientAddress: string }): Promise<void> {
  await runUserOperation(
    access,
    {
      permission: 'users.send_password_reset',
      userId: input.userId,
      clientAddress: input.clientAddress,
      auditAction: 'user.password_reset_sent',
    },
    async ({ tx, target }) => {
      if (target.disabledAt) throw new UserManagementError('user_disabled');
      await sendPasswordResetEmail(tx, {
        user: target,
        tenantDomain: access.actingTenant.tenantDomain,
        requestedFromIp: input.clientAddress,
      });
      await recordTenantAuditEvent(
        access,
        input.clientAddress,
        { action: 'user.password_reset_sent', result: 'success', details: { targetUserId: target.id, targetUsername: target.username } },
        tx,
      );
    },
  );
}
