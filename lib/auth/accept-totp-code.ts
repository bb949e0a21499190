import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { findTotpTimeStep } from '@/lib/auth/totp';
import { decryptSecret } from '@/lib/crypto/secret-box';

export type TotpCheck = 'accepted' | 'wrong_code' | 'replayed_code' | 'no_two_factor';

/**
 * Checks a code against the user's active authenticator and accepts its time step once:
 * one atomic UPDATE keeps the last accepted step, so a replay fails on every instance.
 */
export async function acceptTotpCode(userId: string, code: string): Promise<TotpCheck> {
  const db = getDb();
  const [user] = await db
    .select({ secret: users.twoFactorSecretEncrypted, enabledAt: users.twoFactorEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.secret || !user.enabledAt) return 'no_two_factor';
  const step = findTotpTimeStep({ secret: decryptSecret(user.secret, userId), code });
  if (step === null) return 'wrong_code';
  const accepted = await db
    .update(users)
    .set({ twoFactorLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.twoFactorLastStep), lt(users.twoFactorLastStep, step))))
    .returning({ id: users.id });
  return accepted.length > 0 ? 'accepted' : 'replayed_code';
}
