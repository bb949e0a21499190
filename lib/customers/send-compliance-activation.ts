import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants, users } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { ACCOUNT_TOKEN_TTL_MS, issueAccountToken } from '@/lib/auth/account-tokens';
import { recordObjectAccessDenied } from '@/lib/access/audit-actor';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { isLocale } from '@/lib/i18n/locales';
import { CustomerManagementError } from './customer-errors';
import { isUuid } from '@/lib/uuid';
import { auditInBothTenants } from './reseller-scope';
import { listNonCompliantAdmins, reachableTenantCondition } from './list-two-factor-compliance';
import { MAX_PAGE_SIZE } from '@/lib/pagination/keyset';

/**
 * "Send activation email" on the compliance page: a 24-hour activation link and its email in
 * one transaction. Only admins without two-factor in tenants the reseller may enter now;
 * RSP-linked accounts activate through the reseller portal, so they get no link here.
 */
export async function sendComplianceActivation(access: TenantAccess, input: { userId: string; clientAddress: string }): Promise<void> {
  requirePermission(access, 'compliance.manage');
  const resellerTenantId = access.actingTenant.id;
  // A malformed id from the form is just another unknown user, not a database error.
  if (!isUuid(input.userId)) {
    await recordObjectAccessDenied(access, input.clientAddress, 'user', input.userId);
    throw new CustomerManagementError('admin_not_found');
  }
  const sent = await getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, username: users.username, email: users.email, locale: users.locale, tenantId: tenants.id, tenantDomain: tenants.tenantDomain, tenantName: tenants.name })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(
        and(
          eq(users.id, input.userId),
          eq(users.role, 'admin'),
          eq(users.isRspLinked, false),
          isNull(users.twoFactorEnabledAt),
          isNull(users.disabledAt),
          reachableTenantCondition(resellerTenantId, tx),
        ),
      )
      .for('update', { of: users });
    if (!user) return false;
    const link = await issueAccountToken(tx, { userId: user.id, tenantId: user.tenantId, purpose: 'activation', requestedFromIp: input.clientAddress });
    await enqueueEmail(tx, {
      template: 'two_factor_activation',
      tenantId: user.tenantId,
      userId: user.id,
      to: user.email,
      locale: isLocale(user.locale) ? user.locale : 'en',
      expiresAt: link.expiresAt,
      payload: { username: user.username, tenantDomain: user.tenantDomain, activationUrl: link.url, expiresInHours: ACCOUNT_TOKEN_TTL_MS.activation / 3_600_000 },
    });
    await auditInBothTenants(tx, access, input.clientAddress, {
      action: 'two_factor.activation_email_sent',
      customerTenantId: user.tenantId,
      customerTenantDomain: user.tenantDomain,
      customerName: user.tenantName,
      details: { userId: user.id, username: user.username },
    });
    return true;
  });
  if (!sent) {
    await recordObjectAccessDenied(access, input.clientAddress, 'user', input.userId);
    throw new CustomerManagementError('admin_not_found');
  }
}

/** "Send activation email to all": one link per listed portal-only admin; returns how many were queued. */
export async function sendComplianceActivationToAll(access: TenantAccess, input: { clientAddress: string }): Promise<number> {
  requirePermission(access, 'compliance.manage');
  let count = 0;
  // Every page, not just the first: sending a link changes nobody's place in the list.
  let cursor: string | null = null;
  do {
    const page = await listNonCompliantAdmins(access, { page: { cursor, towards: 'after', limit: MAX_PAGE_SIZE } });
    for (const admin of page.rows.filter((entry) => !entry.isRspLinked)) {
      await sendComplianceActivation(access, { userId: admin.userId, clientAddress: input.clientAddress });
      count += 1;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return count;
}
