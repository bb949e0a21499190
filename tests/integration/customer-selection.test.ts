import { and, eq } from 'drizzle-orm';
import { auditEvents, licenses } from '@/db/schema';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { resolveTenantAccess, TenantAccessDeniedError } from '@/lib/access/tenant-access';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { enterCustomerTenant } from '@/lib/customer-selection/enter-customer-tenant';
import { listSwitchableCustomers } from '@/lib/customer-selection/list-switchable-customers';
import { decodeCursor } from '@/lib/customer-selection/selection-cursor';
import { escapeLikePattern } from '@/lib/tenants/tenant-search';
import { createLicense, createTenant } from '../support/factories';
import { sessionOfNewUser } from '../support/sessions';
import { useTestDatabase } from '../support/test-database';
import { createWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const sessionFor = (tenantId: string) => sessionOfNewUser(tenantId, { withTwoFactor: false });

const world = () =>
  createWorld({
    resellers: { reseller: 'Switch Reseller', other: 'Other Reseller' },
    customers: {
      alpha: { of: 'reseller', name: 'Alpha 100%_Sicher', licenses: [{}] },
      beta: { of: 'reseller', name: 'Beta Retail', licenses: [{ type: 'mobile_security' }, { type: 'mdm' }] },
      expired: { of: 'reseller', name: 'Gamma Expired', licenses: [{ validFromDays: -40, validUntilDays: -1 }] },
      revoked: { of: 'reseller', name: 'Revoked Co', licenses: [{ revoked: true }] },
      future: { of: 'reseller', name: 'Future Co', licenses: [{ validFromDays: 1, validUntilDays: 40 }] },
      none: { of: 'reseller', name: 'No License Co' },
      foreign: { of: 'other', name: 'Alpha Foreign', licenses: [{}] },
    },
  });

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
