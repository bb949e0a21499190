import 'server-only';
import type { DbExecutor } from '@/db/client';
import { ACCOUNT_TOKEN_TTL_MS, issueAccountToken } from '@/lib/auth/account-tokens';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { isLocale } from '@/lib/i18n/locales';

export type PasswordResetRecipient = { id: string; tenantId: string; username: string; email: string; locale: string };

/**
 * A new reset link (older ones die) and its email, to the address stored for the account
 * only. Call inside the transaction of the request, so both are written or neither.
 */
export async function sendPasswordResetEmail(
  tx: DbExecutor,
  input: { user: PasswordResetRecipient; tenantDomain: string; requestedFromIp: string },
): Promise<void> {
  const { user } = input;
  const link = await issueAccountToken(tx, {
    userId: user.id,
    tenantId: user.tenantId,
    purpose: 'password_reset',
    requestedFromIp: input.requestedFromIp,
  });
  await enqueueEmail(tx, {
    template: 'password_reset',
    payload: {
      username: user.username,
      tenantDomain: input.tenantDomain,
      resetUrl: link.url,
      expiresInMinutes: ACCOUNT_TOKEN_TTL_MS.password_reset / 60_000,
    },
    tenantId: user.tenantId,
    userId: user.id,
    to: user.email,
    locale: isLocale(user.locale) ? user.locale : 'en',
    expiresAt: link.expiresAt,
  });
}
