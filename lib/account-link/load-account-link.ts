import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants, users, type Role } from '@/db/schema';
import { findLiveAccountToken, type AccountLinkPurpose, type LiveAccountToken } from '@/lib/auth/account-tokens';

// The steps behind a reset or activation link. Accounts with two-factor first prove a current
// code or a recovery code (SECURITY.md: no QR for someone who only holds the link); accounts
// without it choose a password that only takes effect once two-factor is confirmed. No step
// ever shows the active secret again.
export type AccountLinkStep = 'verify_second_factor' | 'choose_password' | 'set_up_two_factor';

export type AccountLink = {
  token: LiveAccountToken;
  user: { id: string; username: string; email: string; locale: string; role: Role; hasTwoFactor: boolean };
  tenant: { id: string; tenantDomain: string };
  step: AccountLinkStep;
  /** After a recovery code (lost phone) the holder enrolls a new authenticator. */
  enrollsNewAuthenticator: boolean;
  /**
   * Proven with a current code: the holder may move to another device. That enrolls a NEW
   * secret, which replaces the active one only after its first valid code; the active secret
   * is never shown again, to anyone (issue 14.2).
   */
  mayReplaceAuthenticator: boolean;
};

export async function loadAccountLink(token: string, purpose: AccountLinkPurpose): Promise<AccountLink | null> {
  const db = getDb();
  const live = await findLiveAccountToken(db, token, purpose);
  if (!live) return null;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      locale: users.locale,
      role: users.role,
      disabledAt: users.disabledAt,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
      tenantId: tenants.id,
      tenantDomain: tenants.tenantDomain,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.id, live.userId));
  if (!row || row.disabledAt) return null;

  const hasTwoFactor = row.twoFactorEnabledAt !== null;
  const enrollsNewAuthenticator = live.secondFactorMethod === 'recovery_code';
  // A password waits on the link only together with a new secret to confirm (chooseLinkPassword).
  const step: AccountLinkStep =
    hasTwoFactor && !live.secondFactorVerifiedAt
      ? 'verify_second_factor'
      : live.pendingPasswordHash && live.twoFactorSetupSecretEncrypted
        ? 'set_up_two_factor'
        : 'choose_password';
  return {
    token: live,
    user: { id: row.id, username: row.username, email: row.email, locale: row.locale, role: row.role, hasTwoFactor },
    tenant: { id: row.tenantId, tenantDomain: row.tenantDomain },
    step,
    enrollsNewAuthenticator,
    mayReplaceAuthenticator: hasTwoFactor && live.secondFactorMethod === 'totp' && live.secondFactorVerifiedAt !== null,
  };
}
