import type { Role, TenantKind } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import type { SessionContext } from '@/lib/auth/sessions';
import { DomainError } from '@/lib/errors';

// Permissions follow from the role in code (README, "Roles and permissions"). An admin gets
// every permission of the acting tenant's kind; helpdesk and auditor get fixed subsets.
export const CUSTOMER_PERMISSIONS = [
  'tenant.view',
  'users.view',
  'users.manage',
  'users.send_password_reset',
  'users.reset_two_factor',
  'configurations.view',
  'configurations.manage',
  'audit.view',
] as const;

export const RESELLER_PERMISSIONS = [
  ...CUSTOMER_PERMISSIONS,
  'customers.view',
  'customers.manage',
  'licenses.manage',
  'compliance.view',
  'compliance.manage',
] as const;

export type Permission = (typeof RESELLER_PERMISSIONS)[number];

const ROLE_SUBSETS: Record<Exclude<Role, 'admin'>, readonly Permission[]> = {
  helpdesk: ['tenant.view', 'users.view', 'users.send_password_reset', 'configurations.view', 'configurations.manage', 'customers.view'],
  auditor: ['tenant.view', 'users.view', 'configurations.view', 'audit.view', 'customers.view', 'compliance.view'],
};

export function permissionsFor(role: Role, tenantKind: TenantKind): ReadonlySet<Permission> {
  const ofKind: readonly Permission[] = tenantKind === 'reseller' ? RESELLER_PERMISSIONS : CUSTOMER_PERMISSIONS;
  if (role === 'admin') return new Set(ofKind);
  return new Set(ROLE_SUBSETS[role].filter((permission) => ofKind.includes(permission)));
}

// Reseller permissions follow the ACTING tenant's kind: a reseller user inside a customer tenant
// acts in a customer tenant, and a reseller tenant is only ever acted in by its own members
// (lib/access/tenant-access.ts). So `customers.*`, `licenses.*` and `compliance.*` imply "in
// the caller's own reseller tenant"; pages and lib functions need no check of their own.
export function hasPermission(access: TenantAccess, permission: Permission): boolean {
  return permissionsFor(access.session.user.role, access.actingTenant.kind).has(permission);
}

/** The customer selection (/customer-selection) belongs to reseller users whose role may see customers. */
export function canSelectCustomers(session: Pick<SessionContext, 'user' | 'tenant'> | { user: { role: Role }; tenant: { kind: TenantKind } }): boolean {
  return session.tenant.kind === 'reseller' && permissionsFor(session.user.role, 'reseller').has('customers.view');
}

/**
 * Where a signed-in person starts (`/` redirects there, and the login goes there directly):
 * resellers who may see customers land on the customer selection, everyone else in their own tenant.
 */
export function homePathOf(person: { user: { role: Role }; tenant: { kind: TenantKind; tenantDomain: string } }): string {
  return canSelectCustomers(person) ? '/customer-selection' : `/tenant/${person.tenant.tenantDomain}`;
}

export class PermissionDeniedError extends DomainError<'permission_denied'> {
  constructor() {
    super('permission_denied');
  }
}

/** Guard for pages and actions inside a tenant the caller may already see. */
export function requirePermission(access: TenantAccess, permission: Permission): void {
  if (!hasPermission(access, permission)) throw new PermissionDeniedError();
}
