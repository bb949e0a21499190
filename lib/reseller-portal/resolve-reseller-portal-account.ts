import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { resellerPortalLinks, tenants, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { parseTenantDomain } from '@/lib/tenants/tenant-domain';
import type { ResellerPortalIdentity } from './verify-reseller-portal-id-token';

export type ResellerPortalAccount = {
  userId: string;
  tenantId: string;
  tenantDomain: string;
  username: string;
  role: 'admin' | 'helpdesk' | 'auditor';
  twoFactorResetAt: Date | null;
};

export type LinkRefusal = 'claims_invalid' | 'unknown_account' | 'not_rsp_linked' | 'linked_to_other_subject' | 'user_disabled';

export type AccountResolution =
  | { ok: true; account: ResellerPortalAccount; linkedNow: boolean }
  | { ok: false; reason: LinkRefusal; account: Pick<ResellerPortalAccount, 'userId' | 'tenantId' | 'tenantDomain' | 'username'> | null };

const accountColumns = {
  userId: users.id,
  tenantId: tenants.id,
  tenantDomain: tenants.tenantDomain,
  username: users.username,
  role: users.role,
  twoFactorResetAt: users.twoFactorResetAt,
  isRspLinked: users.isRspLinked,
  disabledAt: users.disabledAt,
};

type AccountRow = ResellerPortalAccount & { isRspLinked: boolean; disabledAt: Date | null };

async function findLinkedAccount(identity: ResellerPortalIdentity, executor: DbExecutor): Promise<AccountRow | null> {
  const [row] = await executor
    .select(accountColumns)
    .from(resellerPortalLinks)
    .innerJoin(users, eq(users.id, resellerPortalLinks.userId))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(resellerPortalLinks.issuer, identity.issuer), eq(resellerPortalLinks.subject, identity.subject)));
  return row ?? null;
}

async function findClaimedAccount(tenantDomain: string, username: string): Promise<AccountRow | null> {
  const [row] = await getDb()
    .select(accountColumns)
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(tenants.tenantDomain, tenantDomain), eq(sql`lower(${users.username})`, username.toLowerCase())));
  return row ?? null;
}

/** Only an RSP-linked, enabled account may be reached through the reseller portal, linked or not. */
function refusalFor(row: AccountRow): LinkRefusal | null {
  if (!row.isRspLinked) return 'not_rsp_linked';
  if (row.disabledAt) return 'user_disabled';
  return null;
}

function resolved(row: AccountRow, linkedNow: boolean): AccountResolution {
  const refusal = refusalFor(row);
  if (refusal) return { ok: false, reason: refusal, account: row };
  const { isRspLinked: _isRspLinked, disabledAt: _disabledAt, ...account } = row;
  return { ok: true, account, linkedNow };
}

/**
 * Which portal user the reseller portal's account is. A known subject is its linked user, whatever
 * the claims say now. An unknown subject is linked on its first sign-in by the tenant-domain and
 * username claims, and only to an RSP-linked user that no other subject of this issuer holds: a
 * local account is never taken over by a token that claims its username. Two first sign-ins at
 * once cannot both win (the unique (issuer, user) index decides).
 */
export async function resolveResellerPortalAccount(identity: ResellerPortalIdentity, client: { ipAddress: string; userAgent: string | null }): Promise<AccountResolution> {
  const linked = await findLinkedAccount(identity, getDb());
  if (linked) return resolved(linked, false);

  const tenantDomain = identity.tenantDomain ? parseTenantDomain(identity.tenantDomain) : null;
  const username = identity.username?.trim();
  if (!tenantDomain || !username) return { ok: false, reason: 'claims_invalid', account: null };
  const claimed = await findClaimedAccount(tenantDomain, username);
  if (!claimed) return { ok: false, reason: 'unknown_account', account: null };
  if (refusalFor(claimed)) return resolved(claimed, false);

  const linkedNow = await getDb().transaction(async (tx) => {
    const inserted = await tx
      .insert(resellerPortalLinks)
      .values({ issuer: identity.issuer, subject: identity.subject, userId: claimed.userId, tenantId: claimed.tenantId })
      .onConflictDoNothing()
      .returning({ userId: resellerPortalLinks.userId });
    if (inserted.length === 0) return false;
    await recordAuditEvent(
      {
        action: 'reseller_portal.linked',
        result: 'success',
        tenantId: claimed.tenantId,
        actorUserId: claimed.userId,
        actorTenantId: claimed.tenantId,
        actorLabel: `${claimed.username}@${claimed.tenantDomain}`,
        ipAddress: client.ipAddress,
        userAgent: client.userAgent,
        details: { issuer: identity.issuer, subject: identity.subject },
      },
      tx,
    );
    return true;
  });
  if (linkedNow) return resolved(claimed, true);
  // Nothing inserted: this subject was linked a moment ago (a second tab), or the user already
  // belongs to another subject of this issuer.
  const winner = await findLinkedAccount(identity, getDb());
  if (winner?.userId === claimed.userId) return resolved(winner, false);
  return { ok: false, reason: 'linked_to_other_subject', account: claimed };
}
