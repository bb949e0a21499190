import { takeWindowQuota } from '@/lib/auth/login-throttle';
import { confirmTwoFactorSetup, TwoFactorSetupExpiredError } from '@/lib/two-factor/confirm-two-factor-setup';
import { applyLinkPassword } from './apply-link-password';
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
      if (!(await applyLinkPassword(tx, { link, passwordHash: pendingPasswordHash, clientAddress: input.clientAddress }))) {
        throw new TwoFactorSetupExpiredError();
      }
    },
  });
  if (result.ok) return result;
  return { ok: false, code: result.code === 'setup_expired' ? 'link_used' : 'invalid_code' };
}
