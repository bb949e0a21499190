import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { resolveTenantAccess, TenantAccessDeniedError } from '@/lib/access/tenant-access';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { createSession, checkSession, type SessionContext } from '@/lib/auth/sessions';
import { createLicense, createTenant, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

async function sessionFor(tenantId: string): Promise<SessionContext> {
  const user = await createUser({ tenantId });
  const { sessionId } = await createSession({ userId: user.id, tenantId, ipAddress: '127.0.0.1', userAgent: null });
  const check = await checkSession({ sessionId, sessionVersion: 1 });
  if (!check.ok) throw new Error(`session not valid: ${check.reason}`);
  return check.context;
}

async function world() {
  const reseller = await createTenant({ kind: 'reseller' }, 'Reseller One');
  const otherReseller = await createTenant({ kind: 'reseller' }, 'Reseller Two');
  const alpha = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Alpha');
  const beta = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Beta');
  const expired = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Expired');
  const foreign = await createTenant({ kind: 'customer', resellerId: otherReseller.id }, 'Foreign');
  await createLicense({ tenantId: alpha.id, resellerTenantId: reseller.id });
  await createLicense({ tenantId: beta.id, resellerTenantId: reseller.id, type: 'mobile_security' });
  await createLicense({ tenantId: expired.id, resellerTenantId: reseller.id, validFromDays: -40, validUntilDays: -1 });
  await createLicense({ tenantId: foreign.id, resellerTenantId: otherReseller.id });
  return { reseller, otherReseller, alpha, beta, expired, foreign };
}

async function expectDenied(session: SessionContext, tenantDomain: string) {
  const before = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'authz_denied'), eq(auditEvents.actorUserId, session.user.id)));
  await expect(resolveTenantAccess(session, tenantDomain, '127.0.0.1')).rejects.toBeInstanceOf(TenantAccessDeniedError);
  const after = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'authz_denied'), eq(auditEvents.actorUserId, session.user.id)));
  expect(after).toHaveLength(before.length + 1);
}

describe('tenant access', () => {
  test('customer admin opens its own tenant', async () => {
    const { alpha } = await world();
    const session = await sessionFor(alpha.id);
    const access = await resolveTenantAccess(session, alpha.tenantDomain, '127.0.0.1');
    expect(access).toMatchObject({ actingTenant: { id: alpha.id }, isResellerActingForCustomer: false });
  });

  test("customer admin cannot open another customer's tenant of the same reseller", async () => {
    const { alpha, beta } = await world();
    await expectDenied(await sessionFor(alpha.id), beta.tenantDomain);
  });

  test('customer admin cannot open its reseller tenant', async () => {
    const { alpha, reseller } = await world();
    await expectDenied(await sessionFor(alpha.id), reseller.tenantDomain);
  });

  test('reseller acts for its own customer with a valid license', async () => {
    const { reseller, alpha } = await world();
    const access = await resolveTenantAccess(await sessionFor(reseller.id), alpha.tenantDomain, '127.0.0.1');
    expect(access).toMatchObject({ actingTenant: { id: alpha.id, kind: 'customer' }, isResellerActingForCustomer: true });
  });

  test("reseller cannot open another reseller's customer", async () => {
    const { reseller, foreign } = await world();
    await expectDenied(await sessionFor(reseller.id), foreign.tenantDomain);
  });

  test('reseller cannot open its own customer whose license expired', async () => {
    const { reseller, expired } = await world();
    await expectDenied(await sessionFor(reseller.id), expired.tenantDomain);
  });

  test('reseller loses access as soon as the license is revoked', async () => {
    const { reseller, alpha } = await world();
    const session = await sessionFor(reseller.id);
    await resolveTenantAccess(session, alpha.tenantDomain, '127.0.0.1');
    const { licenses } = await import('@/db/schema');
    await db().update(licenses).set({ revokedAt: new Date() }).where(eq(licenses.tenantId, alpha.id));
    await expectDenied(session, alpha.tenantDomain);
  });

  test('reseller cannot open another reseller tenant', async () => {
    const { reseller, otherReseller } = await world();
    await expectDenied(await sessionFor(reseller.id), otherReseller.tenantDomain);
  });

  test('malformed tenant domains are denied', async () => {
    const { alpha } = await world();
    const session = await sessionFor(alpha.id);
    for (const value of ['', '../123456.sms', "123456.sms' OR '1'='1", 'x'.repeat(5000)]) {
      await expectDenied(session, value);
    }
  });
});
