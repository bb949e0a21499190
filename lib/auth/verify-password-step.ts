import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { accountThrottleKey, clearThrottles, refundAddressAttempt, reserveAddressAttempt, reserveAttempt } from '@/lib/auth/login-throttle';
import { getDummyPasswordHash, verifyPassword } from '@/lib/auth/password-hash';
import { isPasswordHashPoolFull, PasswordHashPoolBusyError } from '@/lib/crypto/password-hash-pool';
import { createPendingLogin, type PendingLoginStep } from '@/lib/auth/pending-login';
import { recordAccountLockout } from '@/lib/auth/record-account-lockout';
import { refuseLocalPassword } from '@/lib/auth/refuse-local-password';
import { mayUseLocalPassword } from '@/lib/reseller-portal-settings';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

export type PasswordStepInput = {
  tenantDomain: string;
  username: string;
  password: string;
  clientAddress: string;
  userAgent: string | null;
};

export type PasswordStepResult =
  | { ok: true; pendingLoginToken: string; nextStep: PendingLoginStep; tenantDomain: string; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' | 'rate_limited' | 'reseller_portal_only' | 'busy' };

/**
 * The password step of the login. It never creates a session: success yields a pending
 * login that the second step turns into one. Unknown tenant, unknown user, wrong password,
 * disabled or locked account all answer `invalid_credentials` after the same bcrypt work.
 * Each attempt is counted before bcrypt (per address, then per account) and given back only on
 * success, so no burst, on any number of instances, gets more guesses than the limits (issue 14.1).
 */
export async function verifyPasswordStep(input: PasswordStepInput): Promise<PasswordStepResult> {
  const client = { ipAddress: input.clientAddress, userAgent: input.userAgent };
  // A burst beyond the hash pool's queue limit is refused before any account is looked at or any
  // attempt counted: "try again later", which reveals nothing about the account (issue 11).
  if (isPasswordHashPoolFull()) return refuseBusy(client);
  // Blocking a flooding address reveals nothing about any account, so it may answer early.
  if (!(await reserveAddressAttempt(input.clientAddress))) {
    await recordAuditEvent({ action: 'login.password', result: 'denied', ...client, details: { reason: 'address_rate_limited' } });
    return { ok: false, code: 'rate_limited' };
  }

  const tenantDomain = parseTenantDomain(input.tenantDomain);
  const username = input.username.trim();
  const accountKey = accountThrottleKey(tenantDomain ?? input.tenantDomain, username);
  const reservation = await reserveAttempt(accountKey);
  const account = tenantDomain ? await findAccount(tenantDomain, username) : null;

  // Always pay for one bcrypt comparison so timing does not tell which case we are in. A guess
  // without a reservation (locked account) is compared with the dummy hash, never the real one.
  const realHash = reservation.granted ? account?.passwordHash : null;
  let isPasswordCorrect: boolean;
  try {
    isPasswordCorrect = await verifyPassword(input.password, realHash ?? (await getDummyPasswordHash()));
  } catch (error) {
    if (!(error instanceof PasswordHashPoolBusyError)) throw error;
    // The queue filled up since the check above. The account's attempt stays counted (it cannot
    // be told apart from a guess here); the address gets its attempt back.
    await refundAddressAttempt(input.clientAddress);
    return refuseBusy(client);
  }

  const failure = !account
    ? 'unknown_account'
    : !account.passwordHash
      ? 'no_password_set'
      : account.disabledAt
        ? 'user_disabled'
        : !reservation.granted
          ? 'account_locked'
          : !isPasswordCorrect
            ? 'wrong_password'
            : null;

  if (failure) {
    const actorLabel = tenantDomain ? `${username.toLowerCase()}@${tenantDomain}` : null;
    if (reservation.granted && reservation.startedLock) {
      await recordAccountLockout({
        cause: 'password',
        userId: account?.userId ?? null,
        tenantId: account?.tenantId ?? null,
        actorLabel,
        reason: failure,
        lockedUntil: reservation.lockedUntil,
        client,
      });
    } else {
      await recordAuditEvent({
        action: 'login.password',
        result: 'failure',
        tenantId: account?.tenantId ?? null,
        actorUserId: account?.userId ?? null,
        actorLabel,
        ...client,
        details: { reason: failure },
      });
    }
    return { ok: false, code: 'invalid_credentials' };
  }

  if (!mayUseLocalPassword(account!)) {
    await refuseLocalPassword({ account: { ...account!, tenantDomain: tenantDomain! }, accountKey, client });
    return { ok: false, code: 'reseller_portal_only' };
  }

  // Administrators, and anyone whose two-factor an administrator reset, set it up before any session (issue 14.4).
  const nextStep: PendingLoginStep = account!.twoFactorEnabledAt
    ? 'two_factor_code'
    : account!.role === 'admin' || account!.twoFactorResetAt
      ? 'two_factor_setup'
      : 'none';
  await clearThrottles([accountKey]);
  await refundAddressAttempt(input.clientAddress);
  const pending = await createPendingLogin({
    userId: account!.userId,
    tenantId: account!.tenantId,
    nextStep,
    ipAddress: input.clientAddress,
  });
  await recordAuditEvent({
    action: 'login.password',
    result: 'success',
    tenantId: account!.tenantId,
    actorUserId: account!.userId,
    actorLabel: `${account!.username}@${tenantDomain}`,
    ...client,
    details: { nextStep },
  });
  return { ok: true, pendingLoginToken: pending.token, nextStep, tenantDomain: tenantDomain!, expiresAt: pending.expiresAt };
}

async function refuseBusy(client: { ipAddress: string; userAgent: string | null }): Promise<PasswordStepResult> {
  await recordAuditEvent({ action: 'login.password', result: 'denied', ...client, details: { reason: 'password_hash_busy' } });
  return { ok: false, code: 'busy' };
}

async function findAccount(tenantDomain: string, username: string) {
  const [row] = await getDb()
    .select({
      userId: users.id,
      tenantId: tenants.id,
      username: users.username,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
      twoFactorResetAt: users.twoFactorResetAt,
      isRspLinked: users.isRspLinked,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(tenants.tenantDomain, tenantDomain), eq(sql`lower(${users.username})`, username.toLowerCase())));
  return row ?? null;
}
