import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { resellerPortalLinks } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { createPendingLogin, type PendingLoginStep } from '@/lib/auth/pending-login';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { hasResellerPortalSecondFactor } from './has-reseller-portal-second-factor';
import { resolveResellerPortalAccount, type ResellerPortalAccount } from './resolve-reseller-portal-account';
import type { ResellerPortalIdentity } from './verify-reseller-portal-id-token';

export type ResellerPortalSignInInput = {
  /** From verifyResellerPortalIdToken: signature, issuer, audience and expiry already checked. */
  identity: ResellerPortalIdentity;
  acceptedAcrValues: readonly string[];
  clientAddress: string;
  userAgent: string | null;
};

export type ResellerPortalSignInResult =
  | { ok: true; userId: string; sessionId: string; sessionVersion: number; tenantDomain: string }
  | { ok: false; code: 'second_factor_required' | 'no_valid_license'; pendingLoginToken: string; expiresAt: Date }
  | { ok: false; code: 'not_linkable' | 'pending_login_expired' };

/** Administrators, and accounts whose two-factor an administrator reset, need a second factor (SECURITY.md, two-factor). */
function needsSecondFactor(account: ResellerPortalAccount): boolean {
  return account.role === 'admin' || account.twoFactorResetAt !== null;
}

/**
 * A sign-in through the reseller portal, after its ID token was verified. The same rules as a
 * password sign-in follow: a pending login (the reseller portal proved the first factor, and the
 * second when its token says so), then lib/auth/verify-two-factor-step.ts turns it into a session
 * row (license check, single use, audit), re-checked on every request like any other.
 * An administrator whose token names no second factor gets no session: a pending login at
 * `two_factor_setup` for the RSP variant of the two-factor dialog (or "Remind me later" before
 * the deadline).
 */
export async function signInWithResellerPortal(input: ResellerPortalSignInInput): Promise<ResellerPortalSignInResult> {
  const client = { ipAddress: input.clientAddress, userAgent: input.userAgent };
  const { issuer, subject } = input.identity;
  const resolution = await resolveResellerPortalAccount(input.identity, client);
  const audit = (result: 'success' | 'denied', account: Pick<ResellerPortalAccount, 'userId' | 'tenantId' | 'tenantDomain' | 'username'> | null, details: Record<string, string | boolean>) =>
    recordAuditEvent({
      action: 'login.reseller_portal',
      result,
      tenantId: account?.tenantId ?? null,
      actorUserId: account?.userId ?? null,
      actorTenantId: account?.tenantId ?? null,
      actorLabel: account ? `${account.username}@${account.tenantDomain}` : null,
      ...client,
      details: { issuer, subject, ...details },
    });

  if (!resolution.ok) {
    await audit('denied', resolution.account, { reason: resolution.reason });
    return { ok: false, code: 'not_linkable' };
  }
  const { account } = resolution;
  const secondFactor = hasResellerPortalSecondFactor(input.identity, input.acceptedAcrValues);
  const nextStep: PendingLoginStep = needsSecondFactor(account) && !secondFactor ? 'two_factor_setup' : 'none';
  const pending = await createPendingLogin({ userId: account.userId, tenantId: account.tenantId, nextStep, ipAddress: input.clientAddress, method: 'reseller_portal' });
  await getDb()
    .update(resellerPortalLinks)
    .set({ lastSignInAt: sql`now()` })
    .where(and(eq(resellerPortalLinks.issuer, issuer), eq(resellerPortalLinks.subject, subject)));

  if (nextStep === 'two_factor_setup') {
    await audit('denied', account, { reason: 'second_factor_missing', linkedNow: resolution.linkedNow });
    return { ok: false, code: 'second_factor_required', pendingLoginToken: pending.token, expiresAt: pending.expiresAt };
  }
  await audit('success', account, { secondFactor, linkedNow: resolution.linkedNow });
  const completed = await verifyTwoFactorStep({ pendingLoginToken: pending.token, code: '', clientAddress: input.clientAddress, userAgent: input.userAgent });
  if (completed.ok) return completed;
  if (completed.code === 'no_valid_license') return { ok: false, code: 'no_valid_license', pendingLoginToken: pending.token, expiresAt: pending.expiresAt };
  return { ok: false, code: 'pending_login_expired' };
}
