import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { recoveryCodes, users } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { revokeAllSessionsOfUser } from '@/lib/auth/sessions';
import { enqueueEmail, recipientOf } from '@/lib/email/enqueue-email';
import { runUserOperation } from './run-user-operation';

/**
 * An admin's reset of a lost authenticator (SECURITY.md, two-factor): the secret, its last
 * accepted step and the recovery codes go, every session ends, the user is notified and must
 * enroll again at the next login, before any session, whatever the role (two_factor_reset_at,
 * issue 14.4). Audited as `user.two_factor_reset`.
 */
export async function resetUserTwoFactor(access: TenantAccess, input: { userId: string; clientAddress: string }): Promise<void> {
  await runUserOperation(
    access,
    { permission: 'users.reset_two_factor', userId: input.userId, clientAddress: input.clientAddress, auditAction: 'user.two_factor_reset' },
    async ({ tx, target }) => {
      await tx
        .update(users)
        .set({
          twoFactorSecretEncrypted: null,
          twoFactorEnabledAt: null,
          twoFactorLastStep: null,
          twoFactorResetAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, target.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, target.id));
      await revokeAllSessionsOfUser(target.id, 'revoked', tx);
      await enqueueEmail(tx, {
        template: 'two_factor_reset_by_admin',
        payload: { username: target.username, tenantDomain: access.actingTenant.tenantDomain, resetBy: access.actorLabel },
        tenantId: target.tenantId,
        userId: target.id,
        ...recipientOf(target),
      });
      await recordTenantAuditEvent(
        access,
        input.clientAddress,
        { action: 'user.two_factor_reset', result: 'success', details: { targetUserId: target.id, targetUsername: target.username } },
        tx,
      );
    },
  );
}
