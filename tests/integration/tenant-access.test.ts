import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import { resolveTenantAccess, TenantAccessDeniedError } from '@/lib/access/tenant-access';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import type { SessionContext } from '@/lib/auth/sessions';
import { sessionOfNewUser } from '../support/sessions';
import { useTestDatabase } from '../support/test-database';
import { createWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const world = () =>
  createWorld({
    resellers: { reseller: 'Reseller One', otherReseller: 'Reseller Two' },
    customers: {
      alpha: { of: 'reseller', name: 'Alpha', licenses: [{}] },
      beta: { of: 'reseller', name: 'Beta', licenses: [{ type: 'mobile_security' }] },
      expired: { of: 'reseller', name: 'Expired', licenses: [{ validFromDays: -40, validUntilDays: -1 }] },
      foreign: { of: 'otherReseller', name: 'Foreign', licenses: [{}] },
    },
  });

async function expectDenied(session: SessionContext, tenantDomain: string) {
  const before = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'authz_denied'), eq(auditEvents.actorUserId, session.user.id)));
  await expect(resolveTenantAccess(session, tenantDomain, '127.0.0.1')).rejects.toBeInstanceOf(TenantAccessDeniedError);
  const after = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'authz_denied'), eq(auditEvents.actorUserId, session.user.id)));
  expect(after).toHaveLength(before.length + 1);
}

describe('tenant access', () => {
  test('customer admin opens its own tenant', async () => {
    const { alpha } = await world();
    const session = await sessionOfNewUser(alpha.id);
    const access = await resolveTenantAccess(session, alpha.tenantDomain, '127.0.0.1');
    expect(access).toMatchObject({ actingTenant: { id: alpha.id }, isResellerActingForCustomer: false });
  });

  test("customer admin cannot open another customer's tenant of the same reseller", async () => {
    const { alpha, beta } = await world();
    await expectDenied(await sessionOfNewUser(alpha.id), beta.tenantDomain);
  });

  test('customer admin cannot open its reseller tenant', async () => {
    const { alpha, reseller } = await world();
    await expectDenied(await sessionOfNewUser(alpha.id), reseller.tenantDomain);
  });

  test('reseller acts for its own customer with a valid license', async () => {
    const { reseller, alpha } = await world();
    const access = await resolveTenantAccess(await sessionOfNewUser(reseller.id), alpha.tenantDomain, '127.0.0.1');
    expect(access).toMatchObject({ actingTenant: { id: alpha.id, kind: 'customer' }, isResellerActingForCustomer: true });
  });

  test("reseller cannot open another reseller's customer", async () => {
    const { reseller, foreign } = await world();
    await expectDenied(await sessionOfNewUser(reseller.id), foreign.tenantDomain);
  });

  test('reseller cannot open its own customer whose license expired', async () => {
    const { reseller, expired } = await world();
    await expectDenied(await sessionOfNewUser(reseller.id), expired.tenantDomain);
  });

  test('reseller loses access as soon as the license is revoked', async () => {
    const { reseller, alpha } = await world();
    const session = await sessionOfNewUser(reseller.id);
    await resolveTenantAccess(session, alpha.tenantDomain, '127.0.0.1');
    const { licenses } = await import('@/db/schema');
    await db().update(licenses).set({ revokedAt: new Date() }).where(eq(licenses.tenantId, alpha.id));
    await expectDenied(session, alpha.tenantDomain);
  });

  test('reseller cannot open another reseller tenant', async () => {
    const { reseller, otherReseller } = await world();
    await expectDenied(await sessionOfNewUser(reseller.id), otherReseller.tenantDomain);
  });

  test('malformed tenant domains are denied', async () => {
    const { alpha } = await world();
    const session = await sessionOfNewUser(alpha.id);
    for (const value of ['', '../123456.sms', "123456.sms' OR '1'='1", 'x'.repeat(5000)]) {
      await expectDenied(session, value);
    }
  });
});
