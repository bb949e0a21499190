import { resolveTenantAccess, type TenantAccess } from '@/lib/access/tenant-access';
import { checkSession, createSession } from '@/lib/auth/sessions';
import { createLicense, createTenant, createUser } from '../support/factories';

export const CLIENT_ADDRESS = '192.0.2.10';

/** The factory's user, plus its tenant id (sessions and access need both). */
export async function addUser(input: Parameters<typeof createUser>[0]) {
  return { ...(await createUser(input)), tenantId: input.tenantId };
}

/** Signs a user in (a real session row) and resolves their access to a tenant, as every page does. */
export async function accessAs(user: { id: string; tenantId: string }, tenantDomain: string): Promise<TenantAccess> {
  const { sessionId } = await createSession({ userId: user.id, tenantId: user.tenantId, ipAddress: CLIENT_ADDRESS, userAgent: null });
  const check = await checkSession({ sessionId, sessionVersion: 1 });
  if (!check.ok) throw new Error(`session not valid: ${check.reason}`);
  return resolveTenantAccess(check.context, tenantDomain, CLIENT_ADDRESS);
}

export async function sessionOf(user: { id: string; tenantId: string }) {
  const { sessionId } = await createSession({ userId: user.id, tenantId: user.tenantId, ipAddress: CLIENT_ADDRESS, userAgent: null });
  const check = await checkSession({ sessionId, sessionVersion: 1 });
  if (!check.ok) throw new Error(`session not valid: ${check.reason}`);
  return { sessionId, context: check.context };
}

/** Two resellers; Alpha and Beta (valid) and Expired belong to the first, Foreign to the second. */
export async function tenantWorld() {
  const reseller = await createTenant({ kind: 'reseller' }, 'Reseller One');
  const otherReseller = await createTenant({ kind: 'reseller' }, 'Reseller Two');
  const alpha = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Alpha');
  const beta = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Beta');
  const expired = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Expired');
  const foreign = await createTenant({ kind: 'customer', resellerId: otherReseller.id }, 'Foreign');
  await createLicense({ tenantId: alpha.id, resellerTenantId: reseller.id });
  await createLicense({ tenantId: beta.id, resellerTenantId: reseller.id });
  await createLicense({ tenantId: expired.id, resellerTenantId: reseller.id, validFromDays: -40, validUntilDays: -1 });
  await createLicense({ tenantId: foreign.id, resellerTenantId: otherReseller.id });
  const alphaAdmin = await addUser({ tenantId: alpha.id, username: 'admin' });
  const betaAdmin = await addUser({ tenantId: beta.id, username: 'admin' });
  const resellerAdmin = await addUser({ tenantId: reseller.id, username: 'reseller.admin', isRspLinked: true });
  const otherResellerAdmin = await addUser({ tenantId: otherReseller.id, username: 'reseller.admin' });
  return { reseller, otherReseller, alpha, beta, expired, foreign, alphaAdmin, betaAdmin, resellerAdmin, otherResellerAdmin };
}
