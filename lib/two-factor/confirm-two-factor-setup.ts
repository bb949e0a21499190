import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type DbTransaction } from '@/db/client';
import { pendingLogins, tenants, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { revokeAllSessionsOfUser } from '@/lib/auth/sessions';
import { findTotpTimeStep } from '@/lib/auth/totp';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secret-box';
import { issueAccountToken } from '@/lib/auth/account-tokens';
import { enqueueEmail, recipientOf } from '@/lib/email/enqueue-email';
import { replaceRecoveryCodes } from './recovery-codes';
import { setupSecretAssociatedData } from './start-two-factor-setup';

export type ConfirmTwoFactorSetupInput = {
  userId: string;
  tenantId: string;
  secretEncrypted: string;
  code: string;
  clientAddress: string;
  /** The browser's User-Agent, when the enrollment is part of a sign-in. */
  userAgent?: string | null;
  actorLabel: string;
  /**
   * Enrollment inside a pending login (the login screen): in the same transaction the pending
   * login moves from `two_factor_setup` to `none`, so only the browser holding it can finish
   * the login, without asking for the enrollment code a second time.
   */
  pendingLoginId?: string;
  /**
   * More writes that must commit with the activation (a reset link's new password and its
   * use); throw TwoFactorSetupExpiredError to abandon the whole activation.
   */
  inTransaction?: (tx: DbTransaction) => Promise<void>;
  /** Recorded in the audit row: where the enrollment happened. */
  via?: string;
};

export type ConfirmTwoFactorSetupResult = { ok: true; recoveryCodes: string[] } | { ok: false; code: 'invalid_code' | 'setup_expired' };

/** The setup's holder (pending login or link) was used up meanwhile: nothing is activated. */
export class TwoFactorSetupExpiredError extends Error {}

/**
 * Second phase of an enrollment: only a valid code from the new authenticator activates it
 * (and only then replaces an active one). Secret, accepted time step (so the code cannot be
 * replayed at login), recovery codes, the end of every other session, the notification email
 * with its "This was not me" link and the audit row commit together.
 */
export async function confirmTwoFactorSetup(input: ConfirmTwoFactorSetupInput): Promise<ConfirmTwoFactorSetupResult> {
  const secret = decryptSecret(input.secretEncrypted, setupSecretAssociatedData(input.userId));
  const step = findTotpTimeStep({ secret, code: input.code });
  const audit = { tenantId: input.tenantId, actorUserId: input.userId, actorLabel: input.actorLabel, ipAddress: input.clientAddress, userAgent: input.userAgent };
  if (step === null) {
    await recordAuditEvent({ ...audit, action: 'two_factor.enrolled', result: 'failure', details: { reason: 'invalid_code' } });
    return { ok: false, code: 'invalid_code' };
  }

  try {
    const recoveryCodes = await getDb().transaction(async (tx) => {
      if (input.pendingLoginId) await finishPendingSetup(tx, input.pendingLoginId, input.userId);
      await input.inTransaction?.(tx);
      const [user] = await tx
        .select({
          username: users.username,
          email: users.email,
          locale: users.locale,
          tenantDomain: tenants.tenantDomain,
          hadTwoFactor: sql<boolean>`${users.twoFactorEnabledAt} is not null`,
        })
        .from(users)
        .innerJoin(tenants, eq(tenants.id, users.tenantId))
        .where(and(eq(users.id, input.userId), eq(users.tenantId, input.tenantId)));
      if (!user) throw new TwoFactorSetupExpiredError();
      // Other sessions end first (this bumps the session version); the login that follows gets the new one.
      await revokeAllSessionsOfUser(input.userId, 'revoked', tx);
      await tx
        .update(users)
        .set({
          twoFactorSecretEncrypted: encryptSecret(secret, input.userId),
          twoFactorEnabledAt: sql`now()`,
          twoFactorLastStep: step,
          twoFactorResetAt: null,
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, input.userId));
      const codes = await replaceRecoveryCodes(tx, { userId: input.userId, tenantId: input.tenantId });
      // Issued after inTransaction, which ends the account's other links (a reset link's use).
      const report = await issueAccountToken(tx, { userId: input.userId, tenantId: input.tenantId, purpose: 'report', requestedFromIp: input.clientAddress });
      await enqueueEmail(tx, {
        template: user.hadTwoFactor ? 'two_factor_replaced' : 'two_factor_activated',
        tenantId: input.tenantId,
        userId: input.userId,
        ...recipientOf(user),
        payload: { username: user.username, tenantDomain: user.tenantDomain, reportUrl: report.url },
      });
      await recordAuditEvent(
        {
          ...audit,
          action: 'two_factor.enrolled',
          result: 'success',
          details: { via: input.via ?? (input.pendingLoginId ? 'login' : 'setup'), replaced: user.hadTwoFactor },
        },
        tx,
      );
      return codes;
    });
    return { ok: true, recoveryCodes };
  } catch (error) {
    if (error instanceof TwoFactorSetupExpiredError) return { ok: false, code: 'setup_expired' };
    throw error;
  }
}

async function finishPendingSetup(tx: DbTransaction, pendingLoginId: string, userId: string): Promise<void> {
  const moved = await tx
    .update(pendingLogins)
    .set({ nextStep: 'none', twoFactorSetupSecretEncrypted: null })
    .where(
      and(
        eq(pendingLogins.id, pendingLoginId),
        eq(pendingLogins.userId, userId),
        eq(pendingLogins.nextStep, 'two_factor_setup'),
        isNull(pendingLogins.consumedAt),
        gt(pendingLogins.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: pendingLogins.id });
  if (moved.length === 0) throw new TwoFactorSetupExpiredError();
}
