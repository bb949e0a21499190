import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { requirePermission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { getEnv } from '@/lib/env';
import { finishKeysetPage, keysetClauses, mapPage, positionById, type KeysetPage, type PageRequest, type SortDirection } from '@/lib/pagination/keyset';
import { isUuid } from '@/lib/uuid';
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
  createdAt: string;
  isDisabled: boolean;
  isSelf: boolean;
};

export const USER_SORT_KEYS = ['username', 'role', 'created'] as const;
export type UserSort = { key: (typeof USER_SORT_KEYS)[number]; direction: SortDirection };
export const USERS_PAGE_SIZE = 50;

/** Sort expressions per order, each ending with the id so every position is unique. */
const sortKeys = {
  username: [sql`lower(${users.username})`, sql`${users.id}`],
  role: [sql`${users.role}`, sql`lower(${users.username})`, sql`${users.id}`],
  created: [sql`${users.createdAt}`, sql`${users.id}`],
} as const;

/**
 * The users page's data: one page of the acting tenant's users, never hashes or secrets. The
 * cursor's position is re-read with the tenant id, so another tenant's user id yields nothing.
 */
export async function listUsers(
  access: TenantAccess,
  options: { sort?: UserSort; page?: PageRequest; role?: Role } = {},
  now: Date = new Date(),
): Promise<KeysetPage<TenantUserRow>> {
  requirePermission(access, 'users.view');
  const tenantId = access.actingTenant.id;
  const request = options.page ?? { cursor: null, towards: 'after', limit: USERS_PAGE_SIZE };
  const keys = [...sortKeys[options.sort?.key ?? 'username']];
  const page = keysetClauses({
    keys,
    direction: options.sort?.direction ?? 'asc',
    request,
    position: positionById({ keys, table: users, id: users.id, scope: eq(users.tenantId, tenantId) }),
  });
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
    .where(and(eq(users.tenantId, tenantId), options.role ? eq(users.role, options.role) : undefined, page.where))
    .orderBy(page.orderBy)
    .limit(page.limit);
  const env = getEnv();
  const enforcement = resolveTwoFactorEnforcement({ enforcedFrom: env.TWO_FACTOR_ENFORCED_FROM, graceDays: env.TWO_FACTOR_GRACE_DAYS });
  const deadlineOf = (row: { twoFactorEnabledAt: Date | null; role: string; createdAt: Date }) =>
    !row.twoFactorEnabledAt && row.role === 'admin' ? computeTwoFactorDeadline(enforcement, row.createdAt) : null;
  return mapPage(finishKeysetPage(rows, request, (row) => row.id), (row) => ({
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
    createdAt: row.createdAt.toISOString(),
    isDisabled: row.disabledAt !== null,
    isSelf: row.id === access.session.user.id,
  }));
}

/** Username and role of one user of the acting tenant (for the outcome line of a row action), or null. */
export async function findTenantUserLabel(access: TenantAccess, userId: string): Promise<{ username: string; role: Role } | null> {
  requirePermission(access, 'users.view');
  if (!isUuid(userId)) return null;
  const [row] = await getDb()
    .select({ username: users.username, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, access.actingTenant.id)));
  return row ?? null;
}
