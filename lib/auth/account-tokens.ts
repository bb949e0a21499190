import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { accountTokens } from '@/db/schema';
import { createOpaqueToken, hashOpaqueToken } from '@/lib/auth/opaque-token';
import { getEnv } from '@/lib/env';

export type AccountTokenPurpose = 'password_reset' | 'activation' | 'report';
/** The links that lead to a new password (and two-factor setup): /reset-password and /activate. */
export type AccountLinkPurpose = Exclude<AccountTokenPurpose, 'report'>;

// SECURITY.md 6.4: reset links live 60 minutes, activation links for new accounts 24 hours. A
// report link ("This was not me" in a two-factor email) may be read days later; it can only
// end sessions and disable the password, never sign anyone in.
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  password_reset: 60 * 60 * 1000,
  activation: 24 * 60 * 60 * 1000,
  report: 7 * 24 * 60 * 60 * 1000,
};

/** The page of each kind of link; the token follows as the last path segment. */
export const ACCOUNT_LINK_PATHS: Record<AccountTokenPurpose, string> = {
  password_reset: '/reset-password',
  activation: '/activate',
  report: '/report',
};

/**
 * Issues a single-use link for a user. A newer link kills the older live ones of the same
 * purpose. Call inside the transaction that also enqueues the email carrying the link.
 */
export async function issueAccountToken(
  executor: DbExecutor,
  input: { userId: string; tenantId: string; purpose: AccountTokenPurpose; requestedFromIp?: string | null },
): Promise<{ token: string; url: string; expiresAt: Date }> {
  await revokeAccountTokens(executor, input.userId, input.purpose);
  const { token, tokenHash } = createOpaqueToken();
  const expiresAt = new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[input.purpose]);
  await executor.insert(accountTokens).values({
    tenantId: input.tenantId,
    userId: input.userId,
    purpose: input.purpose,
    tokenHash,
    expiresAt,
    requestedFromIp: input.requestedFromIp ?? null,
  });
  // Built from the configured public address, never from the request's Host header.
  const url = new URL(`${ACCOUNT_LINK_PATHS[input.purpose]}/${token}`, getEnv().PUBLIC_BASE_URL).toString();
  return { token, url, expiresAt };
}

/** Kills every live link of a user (of one purpose, or all): password change, disable, newer link. */
export async function revokeAccountTokens(executor: DbExecutor, userId: string, purpose?: AccountTokenPurpose): Promise<void> {
  await executor
    .update(accountTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.userId, userId),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        purpose ? eq(accountTokens.purpose, purpose) : undefined,
      ),
    );
}

export type LiveAccountToken = {
  id: string;
  userId: string;
  tenantId: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  passwordSetAt: Date | null;
  pendingPasswordHash: string | null;
  secondFactorVerifiedAt: Date | null;
  secondFactorMethod: string | null;
  twoFactorSetupSecretEncrypted: string | null;
};

/** The live (unexpired, unused, not revoked) token behind a link, or null. */
export async function findLiveAccountToken(executor: DbExecutor, token: string, purpose: AccountTokenPurpose): Promise<LiveAccountToken | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await executor
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      tenantId: accountTokens.tenantId,
      purpose: accountTokens.purpose,
      expiresAt: accountTokens.expiresAt,
      passwordSetAt: accountTokens.passwordSetAt,
      pendingPasswordHash: accountTokens.pendingPasswordHash,
      secondFactorVerifiedAt: accountTokens.secondFactorVerifiedAt,
      secondFactorMethod: accountTokens.secondFactorMethod,
      twoFactorSetupSecretEncrypted: accountTokens.twoFactorSetupSecretEncrypted,
    })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashOpaqueToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/** Single use, also under concurrent submissions: true only for the one caller that used it. */
export async function markAccountTokenUsed(executor: DbExecutor, tokenId: string): Promise<boolean> {
  const used = await executor
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)))
    .returning({ id: accountTokens.id });
  return used.length > 0;
}
