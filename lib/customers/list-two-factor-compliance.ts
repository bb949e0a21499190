import 'server-only';
import { and, asc, eq, exists, isNull, or, sql } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { licenses, tenants, users } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { getEnv } from '@/lib/env';
import { licenseIsValidNow } from '@/lib/licenses/license-validity';
import { computeTwoFactorDeadline, resolveTwoFactorEnforcement } from '@/lib/two-factor/two-factor-deadline';
import { requireResellerScope } from './reseller-scope';

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

/** Active administrators without two-factor, with the deadline from TWO_FACTOR_ENFORCED_FROM / TWO_FACTOR_GRACE_DAYS. */
export async function listNonCompliantAdmins(access: TenantAccess, executor: DbExecutor = getDb(), now = new Date()): Promise<NonCompliantAdmin[]> {
  const { resellerTenantId } = requireResellerScope(access, 'compliance.view');
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
    .where(and(eq(users.role, 'admin'), isNull(users.twoFactorEnabledAt), isNull(users.disabledAt), reachableTenantCondition(resellerTenantId, executor)))
    .orderBy(asc(tenants.name), asc(users.username))
    .limit(1000);
  const env = getEnv();
  const enforcement = resolveTwoFactorEnforcement({ enforcedFrom: env.TWO_FACTOR_ENFORCED_FROM, graceDays: env.TWO_FACTOR_GRACE_DAYS });
  return rows.map(({ createdAt, tenantId, ...row }) => {
    const deadline = computeTwoFactorDeadline(enforcement, createdAt);
    return { ...row, isOwnTenant: tenantId === resellerTenantId, deadline: deadline.toISOString(), isOverdue: deadline.getTime() <= now.getTime() };
  });
}
