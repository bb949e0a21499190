import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { clearThrottles, refundAddressAttempt } from '@/lib/auth/login-throttle';

/**
 * The right password of an RSP-linked account while the reseller-portal sign-in is configured (and
 * RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD is not set): no pending login, and the login form points to
 * the other button (issue 15). Only a correct password learns this, so it tells a guesser nothing;
 * the counters are cleared as after any correct password, and the refusal is audited.
 */
export async function refuseLocalPassword(input: {
  account: { userId: string; tenantId: string; username: string; tenantDomain: string };
  accountKey: string;
  client: { ipAddress: string; userAgent: string | null };
}): Promise<void> {
  await clearThrottles([input.accountKey]);
  await refundAddressAttempt(input.client.ipAddress);
  await recordAuditEvent({
    action: 'login.password',
    result: 'denied',
    tenantId: input.account.tenantId,
    actorUserId: input.account.userId,
    actorLabel: `${input.account.username}@${input.account.tenantDomain}`,
    ...input.client,
    details: { reason: 'reseller_portal_only' },
  });
}
