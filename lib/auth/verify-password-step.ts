import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import {
  accountThrottleKey,
  clearThrottles,
  isAddressBlocked,
  isLockedOut,
  recordAddressFailure,
  recordLockoutFailure,
} from '@/lib/auth/login-throttle';
import { getDummyPasswordHash, verifyPassword } from '@/lib/auth/password-hash';
import { createPendingLogin, type PendingLoginStep } from '@/lib/auth/pending-login';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';

export type PasswordStepInput = {
  tenantDomain: string;
  username: string;
  password: string;
  clientAddress: string;
};

export type PasswordStepResult =
  | { ok: true; pendingLoginToken: string; nextStep: PendingLoginStep; tenantDomain: string; expiresAt: Date }
  | { ok: false; code: 'invalid_credentials' | 'rate_limited' };

/**
 * The password step of the login. It never creates a session: success yields a pending
 * login that the second step turns into one. Unknown tenant, unknown user, wrong password,
 * disabled or locked account all answer `invalid_credentials` after the same bcrypt work.
 */
export async function verifyPasswordStep(input: PasswordStepInput): Promise<PasswordStepResult> {
  const { clientAddress } = input;
  // Blocking a flooding address reveals nothing about any account, so it may answer early.
  if (await isAddressBlocked(clientAddress)) {
    await recordAuditEvent({ action: 'login.password', result: 'denied', ipAddress: clientAddress, details: { reason: 'address_rate_limited' } });
    return { ok: false, code: 'rate_limited' };
  }

  const tenantDomain = parseTenantDomain(input.tenantDomain);
  const username = input.username.trim();
  const accountKey = accountThrottleKey(tenantDomain ?? input.tenantDomain, username);
  const account = tenantDomain ? await findAccount(tenantDomain, username) : null;
  const isLocked = await isLockedOut(accountKey);

  // Always pay for one bcrypt comparison so timing does not tell which case we are in.
  const hashToCheck = account?.passwordHash ?? (await getDummyPasswordHash());
  const isPasswordCorrect = await verifyPassword(input.password, hashToCheck);

  const failure = !account
    ? 'unknown_account'
    : !account.passwordHash
      ? 'no_password_set'
      : account.disabledAt
        ? 'user_disabled'
        : isLocked
          ? 'account_locked'
          : !isPasswordCorrect
            ? 'wrong_password'
            : null;

  if (failure) {
    const startedLock = failure === 'account_locked' ? false : await recordLockoutFailure(accountKey);
    await recordAddressFailure(clientAddress);
    await recordAuditEvent({
      action: startedLock ? 'login.lockout' : 'login.password',
      result: 'failure',
      tenantId: account?.tenantId ?? null,
      actorUserId: account?.userId ?? null,
      actorLabel: tenantDomain ? `${username.toLowerCase()}@${tenantDomain}` : null,
      ipAddress: clientAddress,
      details: { reason: failure },
    });
    return { ok: false, code: 'invalid_credentials' };
  }

  const nextStep: PendingLoginStep = account!.twoFactorEnabledAt
    ? 'two_factor_code'
    : account!.role === 'admin'
      ? 'two_factor_setup'
      : 'none';
  await clearThrottles([accountKey]);
  const pending = await createPendingLogin({
    userId: account!.userId,
    tenantId: account!.tenantId,
    nextStep,
    ipAddress: clientAddress,
  });
  await recordAuditEvent({
    action: 'login.password',
    result: 'success',
    tenantId: account!.tenantId,
    actorUserId: account!.userId,
    actorLabel: `${account!.username}@${tenantDomain}`,
    ipAddress: clientAddress,
    details: { nextStep },
  });
  return { ok: true, pendingLoginToken: pending.token, nextStep, tenantDomain: tenantDomain!, expiresAt: pending.expiresAt };
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
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(tenants.tenantDomain, tenantDomain), eq(sql`lower(${users.username})`, username.toLowerCase())));
  return row ?? null;
}
