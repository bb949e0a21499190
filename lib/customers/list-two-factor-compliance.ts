import 'server-only';
import { and, eq, exists, isNull, or, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { licenses, tenants, users } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { getEnv } from '@/lib/env';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { computeTwoFactorDeadline, resolveTwoFactorEnforcement } from '@/lib/two-factor/two-factor-deadline';
import { requireResellerScope } from './reseller-scope';
import { isUuid } from '@/lib/uuid';
import { finishKeysetPage, keysetClauses, mapPage, type KeysetPage, type PageRequest } from '@/lib/pagination/keyset';

export const COMPLIANCE_PAGE_SIZE = 50;

export type NonCompliantAdmin = {
  userId: string;
  username: string;
  email: string;
  isRspLinked: boolean;
  tenantName: string;
  tenantDomain: string;
  isOwnTenant: boolean;
  /** ISO; at this moment the login is blocked until two-factor is activated. */
  deadline: string;
  isOverdue: boolean;
};

/**
 * The tenants a reseller answers for here: its own and each customer it may enter now (the
 * access layer's rule: its customer with a license valid now).
 */
export function reachableTenantCondition(resellerTenantId: string, executor: DbExecutor) {
  return or(
    eq(tenants.id, resellerTenantId),
    and(
      eq(tenants.resellerId, resellerTenantId),
      eq(tenants.kind, 'customer'),
      exists(executor.select({ one: sql`1` }).from(licenses).where(and(eq(licenses.tenantId, tenants.id), licenseIsValidNow()))),
    ),
  )!;
}

/**
 * Active administrators without two-factor, with the deadline from TWO_FACTOR_ENFORCED_FROM /
 * TWO_FACTOR_GRACE_DAYS: one page, by tenant name, username and id (no silent cut-off). The
 * cursor (a user id) is re-read among the tenants this reseller answers for.
 */
export async function listNonCompliantAdmins(
  access: TenantAccess,
  options: { page?: PageRequest } = {},
  executor: DbExecutor = getDb(),
  now = new Date(),
): Promise<KeysetPage<NonCompliantAdmin>> {
  const { resellerTenantId } = requireResellerScope(access, 'compliance.view');
  const request = options.page ?? { cursor: null, towards: 'after', limit: COMPLIANCE_PAGE_SIZE };
  const keys = [sql`${tenants.name}`, sql`${users.username}`, sql`${users.id}`];
  const page = keysetClauses({
    keys,
    direction: 'asc',
    request,
    // Inside the subquery `users` and `tenants` are its own FROM items: they read the cursor's row.
    position: (cursor) => sql`(select ${sql.join(keys, sql`, `)} from ${users} inner join ${tenants} on ${tenants.id} = ${users.tenantId}
      where ${users.id} = ${cursor} and ${reachableTenantCondition(resellerTenantId, executor)})`,
  });
  const rows = await executor
    .select({
      userId: users.id,
      username: users.username,
      email: users.email,
      isRspLinked: users.isRspLinked,
      createdAt: users.createdAt,
      tenantId: tenants.id,
      tenantName: tenants.name,
      tenantDomain: tenants.tenantDomain,
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.role, 'admin'), isNull(users.twoFactorEnabledAt), isNull(users.disabledAt), reachableTenantCondition(resellerTenantId, executor), page.where))
    .orderBy(page.orderBy)
    .limit(page.limit);
  const env = getEnv();
  const enforcement = resolveTwoFactorEnforcement({ enforcedFrom: env.TWO_FACTOR_ENFORCED_FROM, graceDays: env.TWO_FACTOR_GRACE_DAYS });
  return mapPage(finishKeysetPage(rows, request, (row) => row.userId), ({ createdAt, tenantId, ...row }) => {
    const deadline = computeTwoFactorDeadline(enforcement, createdAt);
    return { ...row, isOwnTenant: tenantId === resellerTenantId, deadline: deadline.toISOString(), isOverdue: deadline.getTime() <= now.getTime() };
  });
}

/** The username of a user in a tenant this reseller answers for (the outcome line of a row action), or null. */
export async function findReachableUsername(access: TenantAccess, userId: string, executor: DbExecutor = getDb()): Promise<string | null> {
  const { resellerTenantId } = requireResellerScope(access, 'compliance.view');
  if (!isUuid(userId)) return null;
  const [row] = await executor
    .select({ username: users.username })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.id, userId), reachableTenantCondition(resellerTenantId, executor)));
  return row?.username ?? null;
}
