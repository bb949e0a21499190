import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { clearThrottles, isLockedOut, recordLockoutFailure, twoFactorThrottleKey } from '@/lib/auth/login-throttle';
import { claimCodeAttempt, consumePendingLogin, findPendingLogin, type PendingLogin } from '@/lib/auth/pending-login';
import { createSession } from '@/lib/auth/sessions';
import { findTotpTimeStep } from '@/lib/auth/totp';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { hasValidLicense } from '@/lib/licenses/license-validity';

export type TwoFactorStepInput = {
  pendingLoginToken: string;
  /** Six digits; ignored for accounts whose pending login needs no second factor. */
  code: string;
  clientAddress: string;
  userAgent: string | null;
};

export type TwoFactorStepError = 'invalid_code' | 'pending_login_expired' | 'two_factor_required' | 'no_valid_license';

export type TwoFactorStepResult =
  | { ok: true; sessionId: string; userId: string; sessionVersion: number; tenantDomain: string }
  | { ok: false; code: TwoFactorStepError };

/**
 * The second step of the login: turns a pending login into a session. Each TOTP time step
 * is accepted once per user (one atomic update), so a replayed code fails like a wrong one.
 */
export async function verifyTwoFactorStep(input: TwoFactorStepInput): Promise<TwoFactorStepResult> {
  const pending = await findPendingLogin(input.pendingLoginToken);
  if (!pending) return { ok: false, code: 'pending_login_expired' };
  const audit = auditFor(pending, input.clientAddress);

  if (pending.nextStep === 'two_factor_setup') return { ok: false, code: 'two_factor_required' };
  if (pending.nextStep === 'two_factor_code') {
    const codeFailure = await checkCode(pending, input.code);
    if (codeFailure) {
      await audit('login.two_factor', 'failure', { reason: codeFailure });
      return { ok: false, code: codeFailure === 'attempts_exhausted' ? 'pending_login_expired' : 'invalid_code' };
    }
    await audit('login.two_factor', 'success');
  }

  if (pending.tenant.kind === 'customer' && !(await hasValidLicense(pending.tenant.id))) {
    await consumePendingLogin(pending.id);
    await audit('login.completed', 'denied', { reason: 'no_valid_license' });
    return { ok: false, code: 'no_valid_license' };
  }

  const db = getDb();
  const session = await db.transaction(async (tx) => {
    if (!(await consumePendingLogin(pending.id, tx))) return null;
    const created = await createSession(
      { userId: pending.user.id, tenantId: pending.tenant.id, ipAddress: input.clientAddress, userAgent: input.userAgent },
      tx,
    );
    const [user] = await tx
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(eq(users.id, pending.user.id))
      .returning({ sessionVersion: users.sessionVersion });
    await recordAuditEvent(
      {
        action: 'login.completed',
        result: 'success',
        tenantId: pending.tenant.id,
        actorUserId: pending.user.id,
        actorTenantId: pending.tenant.id,
        actorLabel: `${pending.user.username}@${pending.tenant.tenantDomain}`,
        ipAddress: input.clientAddress,
        details: { sessionId: created.sessionId },
      },
      tx,
    );
    return { sessionId: created.sessionId, sessionVersion: user!.sessionVersion };
  });
  if (!session) return { ok: false, code: 'pending_login_expired' };
  await clearThrottles([twoFactorThrottleKey(pending.user.id)]);
  return { ok: true, userId: pending.user.id, tenantDomain: pending.tenant.tenantDomain, ...session };
}

type CodeFailure = 'attempts_exhausted' | 'account_locked' | 'wrong_code' | 'replayed_code';

async function checkCode(pending: PendingLogin, code: string): Promise<CodeFailure | null> {
  if (!(await claimCodeAttempt(pending.id))) return 'attempts_exhausted';
  const throttleKey = twoFactorThrottleKey(pending.user.id);
  if (await isLockedOut(throttleKey)) return 'account_locked';

  const db = getDb();
  const [user] = await db
    .select({ secret: users.twoFactorSecretEncrypted })
    .from(users)
    .where(eq(users.id, pending.user.id));
  const step = user?.secret ? findTotpTimeStep({ secret: decryptSecret(user.secret, pending.user.id), code }) : null;
  if (step === null) {
    await recordLockoutFailure(throttleKey);
    return 'wrong_code';
  }
  // Accept this time step only if it is later than the last accepted one (RFC 6238 §5.2).
  const accepted = await db
    .update(users)
    .set({ twoFactorLastStep: step })
    .where(and(eq(users.id, pending.user.id), or(isNull(users.twoFactorLastStep), lt(users.twoFactorLastStep, step))))
    .returning({ id: users.id });
  if (accepted.length === 0) {
    await recordLockoutFailure(throttleKey);
    return 'replayed_code';
  }
  return null;
}

function auditFor(pending: PendingLogin, clientAddress: string) {
  return (
    action: 'login.two_factor' | 'login.completed',
    result: 'success' | 'failure' | 'denied',
    details?: Record<string, string>,
  ) =>
    recordAuditEvent({
      action,
      result,
      tenantId: pending.tenant.id,
      actorUserId: pending.user.id,
      actorTenantId: pending.tenant.id,
      actorLabel: `${pending.user.username}@${pending.tenant.tenantDomain}`,
      ipAddress: clientAddress,
      details,
    });
}
