import { and, eq } from 'drizzle-orm';
import { accountTokens, auditEvents, emailOutbox, licenses, tenants, users } from '@/db/schema';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { resolveTenantAccess, TenantAccessDeniedError } from '@/lib/access/tenant-access';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { CustomerManagementError } from '@/lib/customers/customer-errors';
import { listCustomerLicenses } from '@/lib/customers/list-customer-licenses';
import { listExpiringLicenses } from '@/lib/customers/list-expiring-licenses';
import { findResellerCustomerRow, listResellerCustomers } from '@/lib/customers/list-reseller-customers';
import { createUser as createTenantUser } from '@/lib/users/create-user';
import { updateCustomer } from '@/lib/customers/update-customer';
import { extendLicense, revokeLicense } from '@/lib/customers/change-license';
import { createLicense } from '@/lib/customers/create-license';
import { createLicenseSchema } from '@/lib/customers/license-input';
import { describeLicenseState, hasValidLicense } from '@/lib/licenses/license-validity';
import { createLicense as createTestLicense, createTenant } from '../support/factories';
import { accessOfNewUser } from '../support/sessions';
import { useTestDatabase } from '../support/test-database';
import { createWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());
const IP = '127.0.0.1';
const DAY = 86_400_000;

async function world() {
  const tenants = await createWorld({
    resellers: { reseller: 'Licensing Reseller', other: 'Foreign Reseller' },
    customers: { customer: { of: 'reseller', name: 'Own Customer' }, foreign: { of: 'other', name: 'Foreign Customer' } },
  });
  const foreignLicense = await createTestLicense({ tenantId: tenants.foreign.id, resellerTenantId: tenants.other.id });
  return { ...tenants, foreignLicense, access: await accessOfNewUser(tenants.reseller, { withTwoFactor: false }) };
}

const day = (offset: number) => new Date(Math.floor(Date.now() / DAY) * DAY + offset * DAY).toISOString().slice(0, 10);
const form = (values: Record<string, string>) => createLicenseSchema.safeParse({ customerMode: 'existing', type: 'mdm', deviceCount: '25', validFrom: day(-1), validUntil: day(365), ...values });
const auditOf = (tenantId: string, action: string) => db().select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, action)));

describe('create license input', () => {
  test('valid until must be after valid from; device count 1..100000; new customers need name and email', () => {
    expect(form({ customerId: 'x', validUntil: day(-1) }).success).toBe(false);
    expect(form({ customerId: 'x', deviceCount: '0' }).success).toBe(false);
    expect(form({ customerId: 'x', deviceCount: '100001' }).success).toBe(false);
    expect(form({ customerId: 'x', deviceCount: '100000' }).success).toBe(true);
    expect(form({ customerMode: 'new', customerName: 'N', contactEmail: 'not-an-email' }).success).toBe(false);
    expect(form({ customerId: 'x', tenantId: 'y' }).success).toBe(false);
  });
});

describe('licenses of a reseller', () => {
  test('reseller creates a license for its customer: both owners set, a key, audited in both tenants', async () => {
    const w = await world();
    const parsed = form({ customerId: w.customer.id });
    if (!parsed.success) throw parsed.error;
    const created = await createLicense(w.access, { ...parsed.data, clientAddress: IP });
    const [row] = await db().select().from(licenses).where(eq(licenses.id, created.licenseId));
    expect(row).toMatchObject({ tenantId: w.customer.id, resellerTenantId: w.reseller.id, deviceCount: 25, type: 'mdm' });
    expect(row!.licenseKey).toMatch(/^MSP-[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(await auditOf(w.reseller.id, 'license.created')).toHaveLength(1);
    expect(await auditOf(w.customer.id, 'license.created')).toHaveLength(1);
    expect(await hasValidLicense(w.customer.id)).toBe(true);
  });

  test('a new customer gets a new six-digit .sms domain, the contact email and the license in one go', async () => {
    const w = await world();
    const parsed = form({ customerMode: 'new', customerName: 'Neu Kunde GmbH', contactEmail: 'it@neu.example' });
    if (!parsed.success) throw parsed.error;
    const created = await createLicense(w.access, { ...parsed.data, clientAddress: IP });
    expect(created.isNewCustomer).toBe(true);
    expect(created.customerTenantDomain).toMatch(/^\d{6}\.sms$/);
    const [tenant] = await db().select().from(tenants).where(eq(tenants.id, created.customerId));
    expect(tenant).toMatchObject({ kind: 'customer', resellerId: w.reseller.id, name: 'Neu Kunde GmbH', contactEmail: 'it@neu.example' });
    expect(await auditOf(w.reseller.id, 'customer.created')).toHaveLength(1);
  });

  test('a new customer has no one who can sign in until its reseller, acting in the new tenant, invites the first administrator', async () => {
    const w = await world();
    const parsed = form({ customerMode: 'new', customerName: 'Erster Admin GmbH', contactEmail: 'it@erster.example', validFrom: day(0) });
    if (!parsed.success) throw parsed.error;
    const created = await createLicense(w.access, { ...parsed.data, clientAddress: IP });
    expect(await db().select().from(users).where(eq(users.tenantId, created.customerId))).toHaveLength(0);
    expect((await findResellerCustomerRow(w.access, created.customerId))?.tenantDomain).toBe(created.customerTenantDomain);

    // The access layer lets the reseller act in the new tenant (its customer, license valid now).
    const inNewTenant = await resolveTenantAccess(w.access.session, created.customerTenantDomain, IP);
    expect(inNewTenant).toMatchObject({ isResellerActingForCustomer: true, actingTenant: { id: created.customerId } });
    const { userId } = await createTenantUser(inNewTenant, { username: 'it.admin', email: 'it@erster.example', role: 'admin', locale: 'de', clientAddress: IP });

    const [admin] = await db().select().from(users).where(eq(users.id, userId));
    expect(admin).toMatchObject({ tenantId: created.customerId, role: 'admin', passwordHash: null });
    const [link] = await db().select().from(accountTokens).where(eq(accountTokens.userId, userId));
    expect(link).toMatchObject({ purpose: 'activation', usedAt: null });
    const [email] = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
    expect(email).toMatchObject({ template: 'user_invitation', toAddress: 'it@erster.example', locale: 'de' });
    expect(await auditOf(created.customerId, 'user.created')).toHaveLength(1);

    // Another reseller never reaches the new tenant.
    const stranger = await accessOfNewUser(w.other, { withTwoFactor: false });
    await expect(resolveTenantAccess(stranger.session, created.customerTenantDomain, IP)).rejects.toBeInstanceOf(TenantAccessDeniedError);
    expect(await findResellerCustomerRow(stranger, created.customerId)).toBeNull();
  });

  test("another reseller's customer: not found, authz_denied, no license written", async () => {
    const w = await world();
    const parsed = form({ customerId: w.foreign.id });
    if (!parsed.success) throw parsed.error;
    await expect(createLicense(w.access, { ...parsed.data, clientAddress: IP })).rejects.toMatchObject({ code: 'customer_not_found' });
    expect(await db().select().from(licenses).where(eq(licenses.tenantId, w.foreign.id))).toHaveLength(1);
    expect(await auditOf(w.reseller.id, 'authz_denied')).toHaveLength(1);
    expect(await auditOf(w.reseller.id, 'license.created')).toHaveLength(0);
  });

  test("extend and revoke: own license changes and is audited; another reseller's license is denied untouched", async () => {
    const w = await world();
    const own = await createTestLicense({ tenantId: w.customer.id, resellerTenantId: w.reseller.id, validUntilDays: 10 });
    const later = new Date(Date.now() + 100 * DAY);
    await extendLicense(w.access, { licenseId: own.id, validUntil: later, clientAddress: IP });
    await expect(extendLicense(w.access, { licenseId: own.id, validUntil: new Date(Date.now() + 5 * DAY), clientAddress: IP })).rejects.toMatchObject({ code: 'not_later' });
    await revokeLicense(w.access, { licenseId: own.id, clientAddress: IP });
    const [row] = await db().select().from(licenses).where(eq(licenses.id, own.id));
    expect(row!.validUntil.getTime()).toBe(later.getTime());
    expect(row!.revokedAt).not.toBeNull();
    expect(await hasValidLicense(w.customer.id)).toBe(false);
    await expect(extendLicense(w.access, { licenseId: own.id, validUntil: new Date(Date.now() + 200 * DAY), clientAddress: IP })).rejects.toMatchObject({ code: 'license_revoked' });
    expect(await auditOf(w.customer.id, 'license.revoked')).toHaveLength(1);
    expect(await auditOf(w.reseller.id, 'license.extended')).toHaveLength(1);
    // Both tenants' audit logs name the customer, so the sentence reads "… revoked the license of Own Customer".
    const [revokedInCustomer] = await auditOf(w.customer.id, 'license.revoked');
    const [extendedInReseller] = await auditOf(w.reseller.id, 'license.extended');
    expect(revokedInCustomer!.details).toMatchObject({ customer: w.customer.tenantDomain, customerName: 'Own Customer', actingFor: w.customer.tenantDomain });
    expect(extendedInReseller!.details).toMatchObject({ customer: w.customer.tenantDomain, customerName: 'Own Customer' });

    await expect(revokeLicense(w.access, { licenseId: w.foreignLicense.id, clientAddress: IP })).rejects.toBeInstanceOf(CustomerManagementError);
    await expect(extendLicense(w.access, { licenseId: w.foreignLicense.id, validUntil: later, clientAddress: IP })).rejects.toMatchObject({ code: 'license_not_found' });
    const [foreignRow] = await db().select().from(licenses).where(eq(licenses.id, w.foreignLicense.id));
    expect(foreignRow).toMatchObject({ revokedAt: null, validUntil: w.foreignLicense.validUntil });
    expect(await auditOf(w.reseller.id, 'authz_denied')).toHaveLength(2);
  });

  test("edit customer: own customer renamed and audited; another reseller's customer denied untouched", async () => {
    const w = await world();
    await updateCustomer(w.access, { customerId: w.customer.id, name: 'Renamed AG', contactEmail: 'new@x.example', clientAddress: IP });
    const [row] = await db().select().from(tenants).where(eq(tenants.id, w.customer.id));
    expect(row).toMatchObject({ name: 'Renamed AG', contactEmail: 'new@x.example' });
    expect(await auditOf(w.customer.id, 'customer.updated')).toHaveLength(1);
    await expect(updateCustomer(w.access, { customerId: w.foreign.id, name: 'Pwned', contactEmail: 'a@b.example', clientAddress: IP })).rejects.toMatchObject({ code: 'customer_not_found' });
    const [foreignRow] = await db().select().from(tenants).where(eq(tenants.id, w.foreign.id));
    expect(foreignRow!.name).toBe('Foreign Customer');
  });

  test('a helpdesk user of the reseller and a reseller acting inside a customer cannot manage licenses', async () => {
    const w = await world();
    await createTestLicense({ tenantId: w.customer.id, resellerTenantId: w.reseller.id });
    const helpdesk = await accessOfNewUser(w.reseller, { role: 'helpdesk', withTwoFactor: false });
    const parsed = form({ customerId: w.customer.id });
    if (!parsed.success) throw parsed.error;
    await expect(createLicense(helpdesk, { ...parsed.data, clientAddress: IP })).rejects.toBeInstanceOf(PermissionDeniedError);
    const inCustomer = await accessOfNewUser(w.reseller, { withTwoFactor: false, actIn: w.customer.tenantDomain });
    expect(inCustomer.isResellerActingForCustomer).toBe(true);
    await expect(createLicense(inCustomer, { ...parsed.data, clientAddress: IP })).rejects.toBeInstanceOf(Error);
    expect(await db().select().from(licenses).where(eq(licenses.tenantId, w.customer.id))).toHaveLength(1);
  });

  test('the Customers pages\' reads take the access object: the reseller\'s own tenant only, never a customer\'s', async () => {
    const w = await world();
    await createTestLicense({ tenantId: w.customer.id, resellerTenantId: w.reseller.id, validUntilDays: 10 });
    expect((await listResellerCustomers(w.access)).customers.map((c) => c.name)).toEqual(['Own Customer']);
    expect(await findResellerCustomerRow(w.access, w.customer.id)).toMatchObject({ name: 'Own Customer' });
    expect((await listCustomerLicenses(w.access, [w.customer.id, w.foreign.id])).rows).toHaveLength(1);
    expect((await listExpiringLicenses(w.access)).rows.map((license) => license.customerName)).toEqual(['Own Customer']);

    const inCustomer = await accessOfNewUser(w.reseller, { withTwoFactor: false, actIn: w.customer.tenantDomain });
    await expect(listResellerCustomers(inCustomer)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(findResellerCustomerRow(inCustomer, w.customer.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listCustomerLicenses(inCustomer, [w.customer.id])).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listExpiringLicenses(inCustomer)).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('license validity edges', () => {
  test('starts tomorrow, ended yesterday and revoked are not valid; the list shows each state', async () => {
    const reseller = await createTenant({ kind: 'reseller' }, 'Edges Reseller');
    const make = async (name: string, license?: Parameters<typeof createTestLicense>[0] extends infer T ? Partial<T> : never) => {
      const tenant = await createTenant({ kind: 'customer', resellerId: reseller.id }, name);
      if (license) await createTestLicense({ tenantId: tenant.id, resellerTenantId: reseller.id, ...license });
      return tenant;
    };
    const tomorrow = await make('A Tomorrow', { validFromDays: 1, validUntilDays: 60 });
    const yesterday = await make('B Yesterday', { validFromDays: -60, validUntilDays: -1 });
    const revoked = await make('C Revoked', { revoked: true, validUntilDays: 60 });
    const soon = await make('D Soon', { validUntilDays: 5 });
    await make('E Long', { validUntilDays: 200 });
    await make('F None');
    for (const tenant of [tomorrow, yesterday, revoked]) expect(await hasValidLicense(tenant.id)).toBe(false);
    expect(await hasValidLicense(soon.id)).toBe(true);
    const now = new Date();
    expect(describeLicenseState({ validFrom: new Date(now.getTime() + DAY), validUntil: new Date(now.getTime() + 9 * DAY), revokedAt: null }, now).state).toBe('not_yet_valid');
    expect(describeLicenseState({ validFrom: new Date(now.getTime() - 9 * DAY), validUntil: now, revokedAt: null }, now).state).toBe('expired');

    const access = await accessOfNewUser(reseller, { withTwoFactor: false });
    const { customers } = await listResellerCustomers(access);
    expect(customers.map((c) => [c.name, c.state])).toEqual([
      ['A Tomorrow', 'expired'],
      ['B Yesterday', 'expired'],
      ['C Revoked', 'expired'],
      ['D Soon', 'expiring'],
      ['E Long', 'valid'],
      ['F None', 'none'],
    ]);
    expect(customers[3]).toMatchObject({ daysRemaining: 5, licenseTypes: ['mdm'], deviceCount: 10 });
    expect((await listResellerCustomers(access, { state: 'expiring' })).customers.map((c) => c.name)).toEqual(['D Soon']);
    expect((await listResellerCustomers(access, { search: 'long' })).customers.map((c) => c.name)).toEqual(['E Long']);
  });
});
