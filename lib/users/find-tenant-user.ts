import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { isUuid } from '@/lib/uuid';

export type LockedTenantUser = {
  id: string;
  tenantId: string;
  username: string;
  email: string;
  locale: string;
  role: Role;
  disabledAt: Date | null;
};

/**
 * Reads and locks a user of the acting tenant. The id comes from the client, so it is only
 * ever looked up together with the tenant id: another tenant's user is simply not found.
 */
export async function lockTenantUser(tx: DbExecutor, tenantId: string, userId: string): Promise<LockedTenantUser | null> {
  if (!isUuid(userId)) return null;
  const [row] = await tx
    .select({
      id: users.id,
      tenantId: users.tenantId,
      username: users.username,
      email: users.email,
      locale: users.locale,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId)))
    .for('update');
  return row ?? null;
}

/**
 * Locks every active admin of a tenant (in id order, so concurrent callers cannot deadlock)
 * and returns their ids. Two concurrent demotions serialise here: the second one sees the
 * first one's result and refuses to remove the last admin.
 */
export async function lockActiveAdminIds(tx: DbExecutor, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((row) => row.id);
}
