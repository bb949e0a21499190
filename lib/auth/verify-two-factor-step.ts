import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { clearThrottles, reserveAttempt, twoFactorThrottleKey } from '@/lib/auth/login-throttle';
import { claimCodeAttempt, closePendingLoginAfterFactors, consumePendingLogin, findPendingLogin, type PendingLogin } from '@/lib/auth/pending-login';
import { recordAccountLockout, type SignInClient } from '@/lib/auth/record-account-lockout';
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
  | { ok: true; sessionId: string; userId: string; sessionVersion: number; tenantDomain: string; role: PendingLogin['user']['role']; tenantKind: PendingLogin['tenant']['kind'] }
  | { ok: false; code: TwoFactorStepError };

/**
 * The second step of the login: turns a pending login into a session. Each TOTP time step
 * is accepted once per user (one atomic update), so a replayed code fails like a wrong one.
 */
export async function verifyTwoFactorStep(input: TwoFactorStepInput): Promise<TwoFactorStepResult> {
  const pending = await findPendingLogin(input.pendingLoginToken);
  if (!pending) return { ok: false, code: 'pending_login_expired' };
  const client = { ipAddress: input.clientAddress, userAgent: input.userAgent };
  const audit = auditFor(pending, client);

  if (pending.nextStep === 'two_factor_setup') return { ok: false, code: 'two_factor_required' };
  if (pending.nextStep === 'two_factor_code') {
    const { failure: codeFailure, lockedUntil } = await checkCode(pending, input.code);
    if (codeFailure) {
      await audit('login.two_factor', 'failure', { reason: codeFailure });
      if (lockedUntil) await recordTwoFactorLockout(pending, { reason: codeFailure, lockedUntil, client });
      return { ok: false, code: codeFailure === 'attempts_exhausted' ? 'pending_login_expired' : 'invalid_code' };
    }
    await audit('login.two_factor', 'success');
  }

  if (pending.tenant.kind === 'customer' && !(await hasValidLicense(pending.tenant.id))) {
    await closePendingLoginAfterFactors(pending.id);
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
        ...client,
        details: { sessionId: created.sessionId },
      },
      tx,
    );
    return { sessionId: created.sessionId, sessionVersion: user!.sessionVersion };
  });
  if (!session) return { ok: false, code: 'pending_login_expired' };
  await clearThrottles([twoFactorThrottleKey(pending.user.id)]);
  return { ok: true, userId: pending.user.id, tenantDomain: pending.tenant.tenantDomain, role: pending.user.role, tenantKind: pending.tenant.kind, ...session };
}

type CodeFailure = 'attempts_exhausted' | 'account_locked' | 'wrong_code' | 'replayed_code';

/**
 * Checks the code once the attempt is reserved (counted first, cleared by the login's success),
 * so concurrent pending logins of one account share its ten attempts (issue 14.1). `lockedUntil`
 * is set when this failure started the account's two-factor lock.
 */
async function checkCode(pending: PendingLogin, code: string): Promise<{ failure: CodeFailure | null; lockedUntil: Date | null }> {
  if (!(await claimCodeAttempt(pending.id))) return { failure: 'attempts_exhausted', lockedUntil: null };
  const reservation = await reserveAttempt(twoFactorThrottleKey(pending.user.id));
  if (!reservation.granted) return { failure: 'account_locked', lockedUntil: null };
  const failed = (failure: CodeFailure) => ({ failure, lockedUntil: reservation.startedLock ? reservation.lockedUntil : null });

  const db = getDb();
  const [user] = await db
    .select({ secret: users.twoFactorSecretEncrypted })
    .from(users)
    .where(eq(users.id, pending.user.id));
  const step = user?.secret ? findTotpTimeStep({ secret: decryptSecret(user.secret, pending.user.id), code }) : null;
  if (step === null) return failed('wrong_code');
  // Accept this time step only if it is later than the last accepted one (RFC 6238 §5.2).
  const accepted = await db
    .update(users)
    .set({ twoFactorLastStep: step })
    .where(and(eq(users.id, pending.user.id), or(isNull(users.twoFactorLastStep), lt(users.twoFactorLastStep, step))))
    .returning({ id: users.id });
  if (accepted.length === 0) return failed('replayed_code');
  return { failure: null, lockedUntil: null };
}

/** Ten wrong codes (or recovery codes) in a row lock the account's second factor; its owner is told once. */
export function recordTwoFactorLockout(pending: PendingLogin, input: { reason: string; lockedUntil: Date | null; client: SignInClient }): Promise<void> {
  return recordAccountLockout({
    cause: 'two_factor_code',
    userId: pending.user.id,
    tenantId: pending.tenant.id,
    actorLabel: `${pending.user.username}@${pending.tenant.tenantDomain}`,
    ...input,
  });
}

function auditFor(pending: PendingLogin, client: SignInClient) {
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
      ...client,
      details,
    });
}
