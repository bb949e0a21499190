import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { ACCOUNT_TOKEN_TTL_MS, issueAccountToken } from '@/lib/auth/account-tokens';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { takeWindowQuota } from '@/lib/auth/login-throttle';
import { findPendingLogin } from '@/lib/auth/pending-login';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { isLocale } from '@/lib/i18n/locales';

// Three activation emails per account and hour are plenty; more would let anyone with the password flood the inbox.
export const ACTIVATION_EMAIL_QUOTA = { limit: 3, windowMinutes: 60 };

/**
 * "Send activation email" in the 2FA-required dialog (portal-only accounts without two-factor):
 * a 24-hour activation link and its email are written in one transaction. The caller always
 * shows the same neutral confirmation.
 */
export async function sendTwoFactorActivationEmail(input: { pendingLoginToken: string; clientAddress: string }): Promise<{ sent: boolean }> {
  const pending = await findPendingLogin(input.pendingLoginToken);
  if (!pending || pending.nextStep !== 'two_factor_setup' || pending.user.isRspLinked) return { sent: false };
  const [user] = await getDb()
    .select({ email: users.email, locale: users.locale, enabledAt: users.twoFactorEnabledAt })
    .from(users)
    .where(eq(users.id, pending.user.id));
  // Email links may enroll a first factor only (SECURITY.md).
  if (!user || user.enabledAt) return { sent: false };
  const audit = {
    action: 'two_factor.activation_email_requested' as const,
    tenantId: pending.tenant.id,
    actorUserId: pending.user.id,
    actorLabel: `${pending.user.username}@${pending.tenant.tenantDomain}`,
    ipAddress: input.clientAddress,
  };
  if (!(await takeWindowQuota(`activation-email:${pending.user.id}`, ACTIVATION_EMAIL_QUOTA))) {
    await recordAuditEvent({ ...audit, result: 'denied', details: { reason: 'rate_limited' } });
    return { sent: false };
  }
  await getDb().transaction(async (tx) => {
    const link = await issueAccountToken(tx, {
      userId: pending.user.id,
      tenantId: pending.tenant.id,
      purpose: 'activation',
      requestedFromIp: input.clientAddress,
    });
    await enqueueEmail(tx, {
      template: 'two_factor_activation',
      tenantId: pending.tenant.id,
      userId: pending.user.id,
      to: user.email,
      locale: isLocale(user.locale) ? user.locale : 'en',
      expiresAt: link.expiresAt,
      payload: {
        username: pending.user.username,
        tenantDomain: pending.tenant.tenantDomain,
        activationUrl: link.url,
        expiresInHours: ACCOUNT_TOKEN_TTL_MS.activation / 3_600_000,
      },
    });
    await recordAuditEvent({ ...audit, result: 'success' }, tx);
  });
  return { sent: true };
}
