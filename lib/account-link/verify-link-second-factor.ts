import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accountTokens } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { acceptTotpCode } from '@/lib/auth/accept-totp-code';
import { takeWindowQuota } from '@/lib/auth/login-throttle';
import { redeemRecoveryCode } from '@/lib/two-factor/recovery-codes';
import type { AccountLink } from './load-account-link';

/** At most this many code attempts per link, like a pending login. */
export const LINK_CODE_ATTEMPTS = { limit: 5, windowMinutes: 60 * 24 };

export type SecondFactorMethod = 'totp' | 'recovery_code';

/** Someone holding a reset link of an account with two-factor proves a current code or a recovery code. */
export async function verifyLinkSecondFactor(input: {
  link: AccountLink;
  method: SecondFactorMethod;
  code: string;
  clientAddress: string;
}): Promise<{ ok: true } | { ok: false; code: 'invalid_code' | 'too_many_attempts' | 'wrong_step' }> {
  const { link } = input;
  if (link.step !== 'verify_second_factor') return { ok: false, code: 'wrong_step' };
  if (!(await takeWindowQuota(`link-code:${link.token.id}`, LINK_CODE_ATTEMPTS))) return { ok: false, code: 'too_many_attempts' };

  const isValid =
    input.method === 'totp'
      ? (await acceptTotpCode(link.user.id, input.code)) === 'accepted'
      : (await redeemRecoveryCode({ userId: link.user.id, code: input.code })).ok;
  await recordAuditEvent({
    action: 'password_reset.second_factor',
    result: isValid ? 'success' : 'failure',
    tenantId: link.tenant.id,
    actorUserId: link.user.id,
    actorLabel: `${link.user.username}@${link.tenant.tenantDomain}`,
    ipAddress: input.clientAddress,
    details: { method: input.method, purpose: link.token.purpose },
  });
  if (!isValid) return { ok: false, code: 'invalid_code' };

  await getDb()
    .update(accountTokens)
    .set({ secondFactorVerifiedAt: sql`now()`, secondFactorMethod: input.method })
    .where(and(eq(accountTokens.id, link.token.id), isNull(accountTokens.usedAt)));
  return { ok: true };
}
