import { resolveTenantAccess, type TenantAccess } from '@/lib/access/tenant-access';
import { checkSession, createSession, type SessionContext } from '@/lib/auth/sessions';
import { addUser } from './world';

// Signed-in people for tests of lib/: a real session row, checked as every request checks it, and
// the access every page resolves from it.

export const CLIENT_ADDRESS = '192.0.2.10';

/** Signs a user in: the session row and the context requireSession() would get for it. */
export async function sessionOf(user: { id: string; tenantId: string }): Promise<{ sessionId: string; context: SessionContext }> {
  const { sessionId } = await createSession({ userId: user.id, tenantId: user.tenantId, ipAddress: CLIENT_ADDRESS, userAgent: null });
  const check = await checkSession({ sessionId, sessionVersion: 1 });
  if (!check.ok) throw new Error(`session not valid: ${check.reason}`);
  return { sessionId, context: check.context };
}

/** Signs a user in and resolves their access to a tenant, as every page does. */
export async function accessAs(user: { id: string; tenantId: string }, tenantDomain: string): Promise<TenantAccess> {
  return resolveTenantAccess((await sessionOf(user)).context, tenantDomain, CLIENT_ADDRESS);
}

/** A new user of the tenant (an admin unless told otherwise), signed in. */
export async function sessionOfNewUser(tenantId: string, user: Omit<Parameters<typeof addUser>[0], 'tenantId'> = {}): Promise<SessionContext> {
  return (await sessionOf(await addUser({ ...user, tenantId }))).context;
}

/** A new user of the tenant (an admin unless told otherwise), signed in and acting in `actIn` (its own tenant by default). */
export async function accessOfNewUser(
  tenant: { id: string; tenantDomain: string },
  options: Omit<Parameters<typeof addUser>[0], 'tenantId'> & { actIn?: string } = {},
): Promise<TenantAccess> {
  const { actIn = tenant.tenantDomain, ...user } = options;
  return accessAs(await addUser({ ...user, tenantId: tenant.id }), actIn);
}

/**
 * A session context without a session row, for code that only reads it (a route handler whose
 * request context a test stands in for). An admin of the tenant unless told otherwise.
 */
export function unstoredSession(tenant: { id: string; tenantDomain: string; name: string; kind: SessionContext['tenant']['kind'] }, userId = '00000000-0000-4000-8000-000000000001'): SessionContext {
  return {
    sessionId: '00000000-0000-4000-8000-000000000000',
    user: { id: userId, username: 'u', email: 'u@example.test', role: 'admin', isRspLinked: false, hasTwoFactor: true },
    tenant: { id: tenant.id, tenantDomain: tenant.tenantDomain, name: tenant.name, kind: tenant.kind },
  };
}
