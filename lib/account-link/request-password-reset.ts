import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { accountThrottleKey, takeWindowQuota } from '@/lib/auth/login-throttle';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';
import { sendPasswordResetEmail } from './send-password-reset-email';

// "Password forgotten?" answers the same for every input (SECURITY.md 6.4): the caller shows
// one neutral message whatever happens here, and pads the response time (see the action).
const PER_ACCOUNT = { limit: 3, windowMinutes: 60 };
const PER_ADDRESS = { limit: 20, windowMinutes: 60 };

export async function requestPasswordReset(input: { tenantDomain: string; username: string; clientAddress: string }): Promise<void> {
  const tenantDomain = parseTenantDomain(input.tenantDomain);
  const username = input.username.trim();
  const withinAddressQuota = await takeWindowQuota(`reset-ip:${input.clientAddress}`, PER_ADDRESS);
  const withinAccountQuota = await takeWindowQuota(`reset-${accountThrottleKey(tenantDomain ?? input.tenantDomain, username)}`, PER_ACCOUNT);
  const [account] = tenantDomain
    ? await getDb()
        .select({ id: users.id, tenantId: users.tenantId, username: users.username, email: users.email, locale: users.locale })
        .from(users)
        .innerJoin(tenants, eq(tenants.id, users.tenantId))
        .where(and(eq(tenants.tenantDomain, tenantDomain), eq(sql`lower(${users.username})`, username.toLowerCase()), isNull(users.disabledAt)))
    : [];

  const refusal = !withinAddressQuota ? 'address_rate_limited' : !withinAccountQuota ? 'account_rate_limited' : !account ? 'unknown_account' : null;
  if (refusal || !account) {
    await recordAuditEvent({
      action: 'password_reset.requested',
      result: 'denied',
      tenantId: account?.tenantId ?? null,
      actorUserId: account?.id ?? null,
      ipAddress: input.clientAddress,
      details: { reason: refusal ?? 'unknown_account' },
    });
    return;
  }

  await getDb().transaction(async (tx) => {
    await sendPasswordResetEmail(tx, { user: account, tenantDomain: tenantDomain!, requestedFromIp: input.clientAddress });
    await recordAuditEvent(
      {
        action: 'password_reset.requested',
        result: 'success',
        tenantId: account.tenantId,
        actorUserId: account.id,
        actorLabel: `${account.username}@${tenantDomain}`,
        ipAddress: input.clientAddress,
      },
      tx,
    );
  });
}
