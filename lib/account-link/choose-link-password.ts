import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accountTokens } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password-hash';
import { checkPasswordPolicy, type PasswordPolicyIssue } from '@/lib/auth/password-policy';
import { revokeAllSessionsOfUser } from '@/lib/auth/sessions';
import { createTwoFactorSetup } from '@/lib/two-factor/start-two-factor-setup';
import { applyLinkPassword } from './apply-link-password';
import type { AccountLink } from './load-account-link';

export type ChoosePasswordResult =
  | { ok: true; completed: boolean }
  | { ok: false; code: 'password_policy'; issues: PasswordPolicyIssue[] }
  | { ok: false; code: 'mismatch' | 'wrong_step' | 'link_used' };

/**
 * The new password of a reset or activation link. Every account leaves this flow with
 * two-factor, so the two-factor minimum length applies. With two-factor already proven by a
 * current code, the reset completes here, unless the holder asked to move to another device;
 * otherwise the password waits for the setup of a new secret.
 */
export async function chooseLinkPassword(input: {
  link: AccountLink;
  password: string;
  confirmation: string;
  /** "Set up a new authenticator app" (another device), offered after a current code only. */
  newAuthenticator?: boolean;
  clientAddress: string;
}): Promise<ChoosePasswordResult> {
  const { link } = input;
  if (link.step !== 'choose_password') return { ok: false, code: 'wrong_step' };
  if (input.password !== input.confirmation) return { ok: false, code: 'mismatch' };
  const issues = checkPasswordPolicy({
    password: input.password,
    hasTwoFactor: true,
    context: { tenantDomain: link.tenant.tenantDomain, username: link.user.username, email: link.user.email },
  });
  if (issues.length > 0) return { ok: false, code: 'password_policy', issues };
  const passwordHash = await hashPassword(input.password);

  const replacesAuthenticator = Boolean(input.newAuthenticator) && link.mayReplaceAuthenticator;
  if (link.user.hasTwoFactor && !link.enrollsNewAuthenticator && !replacesAuthenticator) {
    const completed = await getDb().transaction(async (tx) => {
      if (!(await applyLinkPassword(tx, { link, passwordHash, clientAddress: input.clientAddress }))) return false;
      await revokeAllSessionsOfUser(link.user.id, 'revoked', tx);
      return true;
    });
    return completed ? { ok: true, completed: true } : { ok: false, code: 'link_used' };
  }

  const setup = await createTwoFactorSetup({ userId: link.user.id, username: link.user.username, tenantDomain: link.tenant.tenantDomain });
  const stored = await getDb()
    .update(accountTokens)
    .set({ pendingPasswordHash: passwordHash, passwordSetAt: sql`now()`, twoFactorSetupSecretEncrypted: setup.secretEncrypted })
    .where(and(eq(accountTokens.id, link.token.id), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)))
    .returning({ id: accountTokens.id });
  return stored.length > 0 ? { ok: true, completed: false } : { ok: false, code: 'link_used' };
}
