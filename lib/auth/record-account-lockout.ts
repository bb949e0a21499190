import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueEmail, recipientOf } from '@/lib/email/enqueue-email';

export type LockoutCause = 'password' | 'two_factor_code';

export type SignInClient = { ipAddress: string; userAgent: string | null };

/**
 * The attempt that started a lock (reserveAttempt's `startedLock`): one `login.lockout` audit
 * event and, for an existing active account, one email to its owner with the time and the
 * address, in one transaction through the outbox (issue 14.5). Only the attempt that crossed
 * the threshold gets here, so there is one email per lock period, never one per attempt.
 */
export async function recordAccountLockout(input: {
  cause: LockoutCause;
  /** Null for a tenant domain and username that name no account: audited, nobody to tell. */
  userId: string | null;
  tenantId: string | null;
  actorLabel: string | null;
  reason: string;
  lockedUntil: Date | null;
  client: SignInClient;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [owner] = input.userId
      ? await tx
          .select({ username: users.username, email: users.email, locale: users.locale, tenantDomain: tenants.tenantDomain })
          .from(users)
          .innerJoin(tenants, eq(tenants.id, users.tenantId))
          .where(and(eq(users.id, input.userId), isNull(users.disabledAt)))
      : [];
    if (owner && input.tenantId) {
      await enqueueEmail(tx, {
        template: 'account_locked',
        tenantId: input.tenantId,
        userId: input.userId,
        ...recipientOf(owner),
        payload: {
          username: owner.username,
          tenantDomain: owner.tenantDomain,
          cause: input.cause,
          lockedAt: new Date().toISOString(),
          lockedUntil: (input.lockedUntil ?? new Date()).toISOString(),
          ipAddress: input.client.ipAddress,
        },
      });
    }
    await recordAuditEvent(
      {
        action: 'login.lockout',
        result: 'failure',
        tenantId: input.tenantId,
        actorUserId: input.userId,
        actorLabel: input.actorLabel,
        ipAddress: input.client.ipAddress,
        userAgent: input.client.userAgent,
        details: { reason: input.reason, cause: input.cause, lockedUntil: input.lockedUntil?.toISOString() ?? null, notified: Boolean(owner) },
      },
      tx,
    );
  });
}
