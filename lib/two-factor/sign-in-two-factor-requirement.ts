import type { PendingLogin } from '@/lib/auth/pending-login';
import { getTwoFactorRequirement, type TwoFactorRequirement } from '@/lib/two-factor/get-two-factor-requirement';
import { isBeforeTwoFactorDeadline } from '@/lib/two-factor/two-factor-deadline';

/**
 * The two-factor requirement of a pending login. After a password it is the account's own
 * (lib/two-factor/get-two-factor-requirement.ts). After the reseller portal it is the portal's
 * word: its ID token named no second factor, so the account counts as one without two-factor,
 * whatever TOTP it may still have here (unused while it signs in there), and it is activated in
 * the reseller portal. The same deadline applies to both ways in.
 */
export async function getSignInTwoFactorRequirement(pending: Pick<PendingLogin, 'method' | 'user'>, now: Date = new Date()): Promise<TwoFactorRequirement | null> {
  const requirement = await getTwoFactorRequirement(pending.user.id, now);
  if (!requirement || pending.method !== 'reseller_portal') return requirement;
  return {
    ...requirement,
    isRspLinked: true,
    hasTwoFactor: false,
    canRemindLater: !requirement.isReset && isBeforeTwoFactorDeadline(requirement.deadline, now),
  };
}
