import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { requirePermission, PermissionDeniedError, type Permission } from '@/lib/access/permissions';
import { resolveTenantAccess, TenantAccessDeniedError, type TenantAccess } from '@/lib/access/tenant-access';
import { checkSession, type SessionContext } from '@/lib/auth/sessions';
import { resolveClientAddress } from '@/lib/http/client-address';
import { signInReturnPath } from '@/lib/http/return-to';

// The glue between Auth.js (the signed JWT cookie) and the access layer in lib/. Every page,
// server action and route handler calls requireSession() or requireTenantAccess().

export const getClientAddress = cache(async (): Promise<string> => resolveClientAddress(await headers()));

/** The browser's User-Agent, for the audit events of sign-ins (issue 14.8). */
export const getUserAgent = cache(async (): Promise<string | null> => (await headers()).get('user-agent'));

type SessionClaims = { sid?: unknown; sv?: unknown };

/** The signed-in person's session, checked against the database; null when there is none. */
export const getSession = cache(async (): Promise<SessionContext | null> => {
  const claims = (await auth()) as SessionClaims | null;
  if (!claims || typeof claims.sid !== 'string' || typeof claims.sv !== 'number') return null;
  const check = await checkSession({ sessionId: claims.sid, sessionVersion: claims.sv });
  return check.ok ? check.context : null;
});

export async function requireSession(): Promise<SessionContext> {
  const session = await getSession();
  if (!session) {
    // Back to this page after the login (proxy.ts names it; the login page keeps same-origin paths only).
    const returnTo = signInReturnPath((await headers()).get('x-request-path'));
    redirect(returnTo ? `/login?reason=session&returnTo=${encodeURIComponent(returnTo)}` : '/login?reason=session');
  }
  return session;
}

/** The acting-tenant context for /tenant/<domain>/…; anything else is a 404 (and audited). */
export const requireTenantAccess = cache(async (tenantDomain: string): Promise<TenantAccess> => {
  const session = await requireSession();
  try {
    return await resolveTenantAccess(session, decodeURIComponent(tenantDomain), await getClientAddress());
  } catch (error) {
    if (error instanceof TenantAccessDeniedError) notFound();
    throw error;
  }
});


/** Tenant access plus one permission of the caller's role; without it the page does not exist. */
export async function requireTenantPermission(tenantDomain: string, permission: Permission): Promise<TenantAccess> {
  const access = await requireTenantAccess(tenantDomain);
  try {
    requirePermission(access, permission);
  } catch (error) {
    if (error instanceof PermissionDeniedError) notFound();
    throw error;
  }
  return access;
}
