import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { getEnv } from '@/lib/env';
import { computeTwoFactorDeadline, resolveTwoFactorEnforcement } from '@/lib/two-factor/two-factor-deadline';

export type TenantUserRow = {
  id: string;
  username: string;
  email: string;
  role: Role;
  isRspLinked: boolean;
  twoFactor: 'active' | 'not_yet';
  /** Administrators without two-factor: when the login starts to demand it (ISO, UTC). */
  twoFactorDeadline: string | null;
  isTwoFactorDeadlinePassed: boolean;
  /** Invited, password not set yet. */
  isActivationPending: boolean;
  lastLoginAt: string | null;
  isDisabled: boolean;
  isSelf: boolean;
};

/** The users page's data: the acting tenant's users only, never hashes or secrets. */
export async function listUsers(access: TenantAccess, now: Date = new Date()): Promise<TenantUserRow[]> {
  requirePermission(access, 'users.view');
  const rows = await getDb()
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      role: users.role,
      isRspLinked: users.isRspLinked,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.tenantId, access.actingTenant.id))
    .orderBy(asc(sql`lower(${users.username})`));
  const env = getEnv();
  const enforcement = resolveTwoFactorEnforcement({ enforcedFrom: env.TWO_FACTOR_ENFORCED_FROM, graceDays: env.TWO_FACTOR_GRACE_DAYS });
  const deadlineOf = (row: { twoFactorEnabledAt: Date | null; role: string; createdAt: Date }) =>
    !row.twoFactorEnabledAt && row.role === 'admin' ? computeTwoFactorDeadline(enforcement, row.createdAt) : null;
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    email: row.email,
    role: row.role,
    isRspLinked: row.isRspLinked,
    twoFactor: row.twoFactorEnabledAt ? 'active' : 'not_yet',
    twoFactorDeadline: deadlineOf(row)?.toISOString() ?? null,
    isTwoFactorDeadlinePassed: (deadlineOf(row)?.getTime() ?? Number.POSITIVE_INFINITY) <= now.getTime(),
    isActivationPending: !row.hasPassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    isDisabled: row.disabledAt !== null,
    isSelf: row.id === access.session.user.id,
  }));
}
