import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { markAccountTokenUsed, revokeAccountTokens } from '@/lib/account-tokens/issue-account-token';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { takeWindowQuota } from '@/lib/auth/login-throttle';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { isLocale } from '@/lib/i18n/locales';
import { confirmTwoFactorSetup, TwoFactorSetupExpiredError } from '@/lib/two-factor/confirm-two-factor-setup';
import type { AccountLink } from './load-account-link';
import { LINK_CODE_ATTEMPTS } from './verify-link-second-factor';

/**
 * Last step of a reset or activation link without a working authenticator: a code from the
 * newly scanned secret activates two-factor and the waiting password together. The link's
 * use, the password, the end of all other links and the emails commit with the activation.
 */
export async function confirmLinkTwoFactor(input: {
  link: AccountLink;
  code: string;
  clientAddress: string;
}): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; code: 'invalid_code' | 'too_many_attempts' | 'wrong_step' | 'link_used' }> {
  const { link } = input;
  const { pendingPasswordHash, twoFactorSetupSecretEncrypted } = link.token;
  if (link.step !== 'set_up_two_factor' || !pendingPasswordHash || !twoFactorSetupSecretEncrypted) return { ok: false, code: 'wrong_step' };
  if (!(await takeWindowQuota(`link-code:${link.token.id}`, LINK_CODE_ATTEMPTS))) return { ok: false, code: 'too_many_attempts' };

  const actorLabel = `${link.user.username}@${link.tenant.tenantDomain}`;
  const result = await confirmTwoFactorSetup({
    userId: link.user.id,
    tenantId: link.tenant.id,
    secretEncrypted: twoFactorSetupSecretEncrypted,
    code: input.code,
    clientAddress: input.clientAddress,
    actorLabel,
    via: link.token.purpose,
    inTransaction: async (tx) => {
      if (!(await markAccountTokenUsed(tx, link.token.id))) throw new TwoFactorSetupExpiredError();
      await tx.update(users).set({ passwordHash: pendingPasswordHash, updatedAt: sql`now()` }).where(eq(users.id, link.user.id));
      await revokeAccountTokens(tx, link.user.id);
      if (link.token.purpose === 'password_reset') {
        await enqueueEmail(tx, {
          template: 'password_changed',
          payload: { username: link.user.username, tenantDomain: link.tenant.tenantDomain },
          tenantId: link.tenant.id,
          userId: link.user.id,
          to: link.user.email,
          locale: isLocale(link.user.locale) ? link.user.locale : 'en',
        });
      }
      await recordAuditEvent(
        {
          action: link.token.purpose === 'password_reset' ? 'password_reset.completed' : 'account.activated',
          result: 'success',
          tenantId: link.tenant.id,
          actorUserId: link.user.id,
          actorLabel,
          ipAddress: input.clientAddress,
        },
        tx,
      );
    },
  });
  if (result.ok) return result;
  return { ok: false, code: result.code === 'setup_expired' ? 'link_used' : 'invalid_code' };
}
