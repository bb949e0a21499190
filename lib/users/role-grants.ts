import { userRole, type Role } from '@/db/schema';
import { permissionsFor } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';

export const ROLES: readonly Role[] = userRole.enumValues;

/** An admin cannot grant more than they have: every permission of the role must be the actor's too. */
export function canGrantRole(access: TenantAccess, role: Role): boolean {
  const kind = access.actingTenant.kind;
  const own = permissionsFor(access.session.user.role, kind);
  return [...permissionsFor(role, kind)].every((permission) => own.has(permission));
}
