import { and, eq } from 'drizzle-orm';
import { auditEvents, licenses } from '@/db/schema';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { resolveTenantAccess, TenantAccessDeniedError } from '@/lib/access/tenant-access';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { checkSession, createSession, type SessionContext } from '@/lib/auth/sessions';
import { enterCustomerTenant } from '@/lib/customer-selection/enter-customer-tenant';
import { listSwitchableCustomers } from '@/lib/customer-selection/list-switchable-customers';
import { decodeCursor } from '@/lib/customer-selection/selection-cursor';
import { escapeLikePattern } from '@/lib/tenants/tenant-search';
import { createLicense, createTenant, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

async function sessionFor(tenantId: string): Promise<SessionContext> {
  const user = await createUser({ tenantId, withTwoFactor: false });
  const { sessionId } = await createSession({ userId: user.id, tenantId, ipAddress: '127.0.0.1', userAgent: null });
  const check = await checkSession({ sessionId, sessionVersion: 1 });
  if (!check.ok) throw new Error(`session not valid: ${check.reason}`);
  return check.context;
}

async function world() {
  const reseller = await createTenant({ kind: 'reseller' }, 'Switch Reseller');
  const other = await createTenant({ kind: 'reseller' }, 'Other Reseller');
  const alpha = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Alpha 100%_Sicher');
  const beta = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Beta Retail');
  const expired = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Gamma Expired');
  const revoked = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Revoked Co');
  const future = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Future Co');
  const none = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'No License Co');
  const foreign = await createTenant({ kind: 'customer', resellerId: other.id }, 'Alpha Foreign');
  await createLicense({ tenantId: alpha.id, resellerTenantId: reseller.id });
  await createLicense({ tenantId: beta.id, resellerTenantId: reseller.id, type: 'mobile_security' });
  await createLicense({ tenantId: beta.id, resellerTenantId: reseller.id, type: 'mdm' });
  await createLicense({ tenantId: expired.id, resellerTenantId: reseller.id, validFromDays: -40, validUntilDays: -1 });
  await createLicense({ tenantId: revoked.id, resellerTenantId: reseller.id, revoked: true });
  await createLicense({ tenantId: future.id, resellerTenantId: reseller.id, validFromDays: 1, validUntilDays: 40 });
  await createLicense({ tenantId: foreign.id, resellerTenantId: other.id });
  return { reseller, other, alpha, beta, expired, revoked, future, none, foreign };
}

const names = (page: { customers: Array<{ name: string }> }) => page.customers.map((customer) => customer.name);

describe('customer selection list', () => {
  test('reseller sees only its own customers with a license valid now, with badges', async () => {
    const w = await world();
    const session = await sessionFor(w.reseller.id);
    const page = await listSwitchableCustomers(session);
    expect(names(page)).toEqual(['Alpha 100%_Sicher', 'Beta Retail']);
    expect(page.customers[1]).toMatchObject({ tenantDomain: w.beta.tenantDomain, licenseTypes: ['mdm', 'mobile_security'] });
    expect(page.customers[0]!.validUntil).toMatch(/^\d{4}-/);
    expect(page.nextCursor).toBeNull();
  });

  test('search matches name or tenant domain, case-insensitively, and never another reseller\'s customer', async () => {
    const w = await world();
    const session = await sessionFor(w.reseller.id);
    expect(names(await listSwitchableCustomers(session, { search: 'alpha' }))).toEqual(['Alpha 100%_Sicher']);
    expect(names(await listSwitchableCustomers(session, { search: w.beta.tenantDomain.slice(0, 5) }))).toContain('Beta Retail');
    expect(names(await listSwitchableCustomers(session, { search: 'gamma' }))).toEqual([]);
    expect(names(await listSwitchableCustomers(session, { search: 'foreign' }))).toEqual([]);
  });

  test('% and _ in the search are literal characters, not wildcards', async () => {
    const w = await world();
    const session = await sessionFor(w.reseller.id);
    expect(escapeLikePattern('a%b_c\\')).toBe('a\\%b\\_c\\\\');
    expect(names(await listSwitchableCustomers(session, { search: '%_' }))).toEqual(['Alpha 100%_Sicher']);
    expect(names(await listSwitchableCustomers(session, { search: '%' }))).toEqual(['Alpha 100%_Sicher']);
    expect(names(await listSwitchableCustomers(session, { search: 'B_ta' }))).toEqual([]);
  });

  test('keyset pages neither overlap nor skip, also with equal names', async () => {
    const reseller = await createTenant({ kind: 'reseller' }, 'Paging Reseller');
    for (let index = 0; index < 23; index += 1) {
      const name = index % 4 === 0 ? 'Same Name' : `Customer ${String(index).padStart(2, '0')}`;
      const customer = await createTenant({ kind: 'customer', resellerId: reseller.id }, name);
      await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id });
    }
    const session = await sessionFor(reseller.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listSwitchableCustomers(session, { pageSize: 5, cursor: decodeCursor(cursor) });
      seen.push(...page.customers.map((customer) => customer.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });

  test('a customer\'s session has no customer selection', async () => {
    const w = await world();
    await expect(listSwitchableCustomers(await sessionFor(w.alpha.id))).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  test('a forged cursor is ignored (first page), never an error', async () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify(['x', "1' OR 1=1"])).toString('base64url'))).toBeNull();
  });
});

describe('customer selection and access layer agree', () => {
  test('every listed customer can be entered; every unlisted one is refused', async () => {
    const w = await world();
    const session = await sessionFor(w.reseller.id);
    const listed = new Set((await listSwitchableCustomers(session)).customers.map((c) => c.tenantDomain));
    for (const tenant of [w.alpha, w.beta, w.expired, w.revoked, w.future, w.none, w.foreign]) {
      const allowed = await resolveTenantAccess(session, tenant.tenantDomain, '127.0.0.1').then(
        () => true,
        (error: unknown) => {
          if (error instanceof TenantAccessDeniedError) return false;
          throw error;
        },
      );
      expect({ domain: tenant.tenantDomain, allowed }).toEqual({ domain: tenant.tenantDomain, allowed: listed.has(tenant.tenantDomain) });
    }
  });

  test('after the license is revoked the customer leaves the list and the next request is refused', async () => {
    const w = await world();
    const session = await sessionFor(w.reseller.id);
    await resolveTenantAccess(session, w.alpha.tenantDomain, '127.0.0.1');
    await db().update(licenses).set({ revokedAt: new Date() }).where(eq(licenses.tenantId, w.alpha.id));
    expect(names(await listSwitchableCustomers(session))).toEqual(['Beta Retail']);
    await expect(resolveTenantAccess(session, w.alpha.tenantDomain, '127.0.0.1')).rejects.toBeInstanceOf(TenantAccessDeniedError);
  });
});

describe('entering a customer tenant', () => {
  test('records tenant.switched in the reseller and the customer tenant', async () => {
    const w = await world();
    const session = await sessionFor(w.reseller.id);
    const access = await enterCustomerTenant(session, { tenantDomain: w.alpha.tenantDomain, clientAddress: '127.0.0.1' });
    expect(access.actingTenant.id).toBe(w.alpha.id);
    const events = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'tenant.switched'), eq(auditEvents.actorUserId, session.user.id)));
    expect(events.map((event) => event.tenantId).sort()).toEqual([w.reseller.id, w.alpha.id].sort());
    expect(events[0]).toMatchObject({ result: 'success', details: { actingFor: w.alpha.tenantDomain } });
  });

  test("another reseller's customer is refused, audited as authz_denied, with no switch event", async () => {
    const w = await world();
    const session = await sessionFor(w.reseller.id);
    await expect(enterCustomerTenant(session, { tenantDomain: w.foreign.tenantDomain, clientAddress: '127.0.0.1' })).rejects.toBeInstanceOf(TenantAccessDeniedError);
    await expect(enterCustomerTenant(session, { tenantDomain: w.expired.tenantDomain, clientAddress: '127.0.0.1' })).rejects.toBeInstanceOf(TenantAccessDeniedError);
    const byUser = await db().select().from(auditEvents).where(eq(auditEvents.actorUserId, session.user.id));
    expect(byUser.filter((event) => event.action === 'tenant.switched')).toHaveLength(0);
    expect(byUser.filter((event) => event.action === 'authz_denied')).toHaveLength(2);
  });

  test('a customer user cannot switch, not even into its own tenant', async () => {
    const w = await world();
    const session = await sessionFor(w.alpha.id);
    await expect(enterCustomerTenant(session, { tenantDomain: w.alpha.tenantDomain, clientAddress: '127.0.0.1' })).rejects.toBeInstanceOf(TenantAccessDeniedError);
    await expect(enterCustomerTenant(session, { tenantDomain: w.beta.tenantDomain, clientAddress: '127.0.0.1' })).rejects.toBeInstanceOf(TenantAccessDeniedError);
  });
});
