import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { computeTwoFactorDeadline, isBeforeTwoFactorDeadline, resolveTwoFactorEnforcement } from './two-factor-deadline';

export type TwoFactorRequirement = {
  isRspLinked: boolean;
  /** Re-enrollment of an account whose two-factor is active (after its last recovery code). */
  hasTwoFactor: boolean;
  /** An administrator reset the account's two-factor: it enrolls again now, whatever its role or deadline. */
  isReset: boolean;
  deadline: Date;
  /** Before the deadline an administrator without two-factor may continue once more. */
  canRemindLater: boolean;
};

/** Decided on the server from the account and the configuration, never from the request. */
export async function getTwoFactorRequirement(userId: string, now: Date = new Date()): Promise<TwoFactorRequirement | null> {
  const [user] = await getDb()
    .select({
      createdAt: users.createdAt,
      enabledAt: users.twoFactorEnabledAt,
      resetAt: users.twoFactorResetAt,
      isRspLinked: users.isRspLinked,
      role: users.role,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const env = getEnv();
  const enforcement = resolveTwoFactorEnforcement({ enforcedFrom: env.TWO_FACTOR_ENFORCED_FROM, graceDays: env.TWO_FACTOR_GRACE_DAYS });
  const deadline = computeTwoFactorDeadline(enforcement, user.createdAt);
  const hasTwoFactor = user.enabledAt !== null;
  const isReset = user.resetAt !== null;
  return {
    isRspLinked: user.isRspLinked,
    hasTwoFactor,
    isReset,
    deadline,
    canRemindLater: !hasTwoFactor && !isReset && isBeforeTwoFactorDeadline(deadline, now),
  };
}
