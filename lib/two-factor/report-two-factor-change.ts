import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type DbTransaction } from '@/db/client';
import { pendingLogins, tenants, users } from '@/db/schema';
import { findLiveAccountToken, markAccountTokenUsed, revokeAccountTokens } from '@/lib/auth/account-tokens';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { revokeAllSessionsOfUser } from '@/lib/auth/sessions';
import { enqueueEmail, recipientOf } from '@/lib/email/enqueue-email';
import { getEnv } from '@/lib/env';

// "This was not me" in the two-factor-activated (or -replaced) email (issue 14.5). Whoever set
// up that authenticator knows the password, so the report ends every session and pending login,
// stops the password from working and asks the tenant's administrators to reset the account's
// two-factor: an email link alone must never remove a second factor (SECURITY.md, two-factor).
// Once they have, the owner chooses a new password through "Password forgotten?" and enrolls.

export type ReportedAccount = { userId: string; tenantId: string; username: string; tenantDomain: string };

/** The account behind a live report link, or null (unknown, used, expired). */
export async function loadReportLink(token: string): Promise<ReportedAccount | null> {
  const db = getDb();
  const live = await findLiveAccountToken(db, token, 'report');
  if (!live) return null;
  const [row] = await db
    .select({ username: users.username, tenantDomain: tenants.tenantDomain })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.id, live.userId));
  return row ? { userId: live.userId, tenantId: live.tenantId, ...row } : null;
}

/** Carries the report out once (single use, also under concurrent posts); false for a dead link. */
export async function reportTwoFactorChange(input: { token: string; clientAddress: string; userAgent: string | null }): Promise<boolean> {
  const db = getDb();
  const live = await findLiveAccountToken(db, input.token, 'report');
  const account = live ? await loadReportLink(input.token) : null;
  if (!live || !account) return false;
  return db.transaction(async (tx) => {
    if (!(await markAccountTokenUsed(tx, live.id))) return false;
    await revokeAllSessionsOfUser(account.userId, 'revoked', tx);
    await tx.update(users).set({ passwordHash: null, updatedAt: sql`now()` }).where(eq(users.id, account.userId));
    await tx.update(pendingLogins).set({ consumedAt: sql`now()` }).where(and(eq(pendingLogins.userId, account.userId), isNull(pendingLogins.consumedAt)));
    await revokeAccountTokens(tx, account.userId);
    const notified = await askAdministratorsForReset(tx, account);
    await recordAuditEvent(
      {
        action: 'two_factor.change_reported',
        result: 'success',
        tenantId: account.tenantId,
        actorUserId: account.userId,
        actorLabel: `${account.username}@${account.tenantDomain}`,
        ipAddress: input.clientAddress,
        userAgent: input.userAgent,
        details: { administratorsNotified: notified },
      },
      tx,
    );
    return true;
  });
}

/**
 * Emails the active administrators of the account's tenant (never the account itself); a
 * customer tenant without another one gets its reseller's administrators, who act for it.
 */
async function askAdministratorsForReset(tx: DbTransaction, account: ReportedAccount): Promise<number> {
  const adminsOf = (tenantId: string) =>
    tx
      .select({ id: users.id, tenantId: users.tenantId, username: users.username, email: users.email, locale: users.locale, tenantDomain: tenants.tenantDomain })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(users.tenantId, tenantId), eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, account.userId)));
  let recipients = await adminsOf(account.tenantId);
  if (recipients.length === 0) {
    const [tenant] = await tx.select({ resellerId: tenants.resellerId }).from(tenants).where(eq(tenants.id, account.tenantId));
    if (tenant?.resellerId) recipients = await adminsOf(tenant.resellerId);
  }
  const usersUrl = new URL(`/tenant/${account.tenantDomain}/users`, getEnv().PUBLIC_BASE_URL).toString();
  for (const admin of recipients) {
    await enqueueEmail(tx, {
      template: 'two_factor_change_reported',
      tenantId: admin.tenantId,
      userId: admin.id,
      ...recipientOf(admin),
      payload: { username: admin.username, tenantDomain: admin.tenantDomain, reportedAccount: `${account.username}@${account.tenantDomain}`, usersUrl },
    });
  }
  return recipients.length;
}
