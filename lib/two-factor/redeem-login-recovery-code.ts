import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { clearThrottles, reserveAttempt, twoFactorThrottleKey } from '@/lib/auth/login-throttle';
import { advancePendingLogin, claimCodeAttempt, findPendingLogin } from '@/lib/auth/pending-login';
import { recordTwoFactorLockout } from '@/lib/auth/verify-two-factor-step';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { isLocale } from '@/lib/i18n/locales';
import { redeemRecoveryCode } from './recovery-codes';

export type RedeemLoginRecoveryCodeResult =
  | { ok: true; remaining: number; nextStep: 'none' | 'two_factor_setup' }
  | { ok: false; code: 'invalid_code' | 'pending_login_expired' };

class PendingLoginGone extends Error {}

/**
 * A recovery code instead of the TOTP code at login. The code is spent, the owner emailed and
 * the pending login moved on in one transaction: to `none` (the login can finish), or, for the
 * last code, to `two_factor_setup`, so the person enrolls a new authenticator right away. (We do
 * not clear two_factor_enabled_at: that would let the next password-only login enroll.)
 */
export async function redeemLoginRecoveryCode(input: {
  pendingLoginToken: string;
  code: string;
  clientAddress: string;
  userAgent: string | null;
}): Promise<RedeemLoginRecoveryCodeResult> {
  const pending = await findPendingLogin(input.pendingLoginToken);
  if (!pending || pending.nextStep !== 'two_factor_code') return { ok: false, code: 'pending_login_expired' };
  const audit = {
    tenantId: pending.tenant.id,
    actorUserId: pending.user.id,
    actorTenantId: pending.tenant.id,
    actorLabel: `${pending.user.username}@${pending.tenant.tenantDomain}`,
    ipAddress: input.clientAddress,
    userAgent: input.userAgent,
  };
  if (!(await claimCodeAttempt(pending.id))) return { ok: false, code: 'pending_login_expired' };
  // Counted before the check, like a TOTP code; the same ten attempts (issue 14.1).
  const throttleKey = twoFactorThrottleKey(pending.user.id);
  const reservation = await reserveAttempt(throttleKey);
  const isLocked = !reservation.granted;

  try {
    const outcome = await getDb().transaction(async (tx) => {
      const redeemed = isLocked ? { ok: false as const } : await redeemRecoveryCode({ userId: pending.user.id, code: input.code }, tx);
      if (!redeemed.ok) return null;
      const nextStep = redeemed.remaining > 0 ? ('none' as const) : ('two_factor_setup' as const);
      if (!(await advancePendingLogin({ pendingLoginId: pending.id, from: 'two_factor_code', to: nextStep }, tx))) throw new PendingLoginGone();
      const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, pending.user.id));
      await enqueueEmail(tx, {
        template: 'recovery_code_used',
        tenantId: pending.tenant.id,
        userId: pending.user.id,
        to: user!.email,
        locale: isLocale(user!.locale) ? user!.locale : 'en',
        payload: { username: pending.user.username, tenantDomain: pending.tenant.tenantDomain, remainingCodes: redeemed.remaining },
      });
      await recordAuditEvent({ ...audit, action: 'two_factor.recovery_code_used', result: 'success', details: { remaining: redeemed.remaining } }, tx);
      return { remaining: redeemed.remaining, nextStep };
    });
    if (outcome) {
      await clearThrottles([throttleKey]);
      return { ok: true, ...outcome };
    }
  } catch (error) {
    if (error instanceof PendingLoginGone) return { ok: false, code: 'pending_login_expired' };
    throw error;
  }
  const reason = isLocked ? 'account_locked' : 'invalid_code';
  await recordAuditEvent({ ...audit, action: 'two_factor.recovery_code_used', result: 'failure', details: { reason } });
  if (reservation.granted && reservation.startedLock) {
    await recordTwoFactorLockout(pending, { reason, lockedUntil: reservation.lockedUntil, client: { ipAddress: input.clientAddress, userAgent: input.userAgent } });
  }
  return { ok: false, code: 'invalid_code' };
}
