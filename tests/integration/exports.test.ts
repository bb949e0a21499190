import { getDbPool } from '@/db/client';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { recordTenantAuditEvent } from '@/lib/access/audit-actor';
import { exportAuditEvents } from '@/lib/audit-log/export-audit-events';
import { listAuditEvents } from '@/lib/audit-log/list-audit-events';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { exportResellerCustomers } from '@/lib/customers/export-reseller-customers';
import { listResellerCustomers } from '@/lib/customers/list-reseller-customers';
import { createLicense, uniqueTenantDomain } from '../support/factories';
import { accessOfNewUser, CLIENT_ADDRESS } from '../support/sessions';
import { useTestDatabase } from '../support/test-database';
import { createWorld } from '../support/world';

useTestDatabase();
afterAll(() => closePasswordHashPool());

async function collect<T>(batches: AsyncIterable<T[]>): Promise<{ rows: T[]; batchCount: number }> {
  const rows: T[] = [];
  let batchCount = 0;
  for await (const batch of batches) {
    batchCount += 1;
    rows.push(...batch);
  }
  return { rows, batchCount };
}

async function resellerWithCustomers() {
  const world = await createWorld({
    resellers: { reseller: 'Export Reseller', other: 'Other Reseller' },
    customers: {
      alpha: { of: 'reseller', name: 'Alpha Export GmbH', licenses: [{}] },
      beta: { of: 'reseller', name: '=HYPERLINK("x") Beta', licenses: [{ validFromDays: -40, validUntilDays: -1 }] },
      foreign: { of: 'other', name: 'Alpha Foreign GmbH', licenses: [{}] },
    },
  });
  // 120 more customers without a license, so that small batches take several rounds.
  await getDbPool().query(
    `INSERT INTO tenants (kind, tenant_domain, name, reseller_id)
     SELECT 'customer', domain, 'Bulk Customer ' || lpad(g::text, 3, '0'), $1 FROM unnest($2::text[]) WITH ORDINALITY AS d(domain, g)`,
    [world.reseller.id, Array.from({ length: 120 }, () => uniqueTenantDomain())],
  );
  await createLicense({ tenantId: world.alpha.id, resellerTenantId: world.reseller.id });
  return { ...world, access: await accessOfNewUser(world.reseller) };
}

describe('customer list export', () => {
  test('reseller exports exactly the filtered list of the page, in its order, in batches', async () => {
    const w = await resellerWithCustomers();
    const all = await collect(exportResellerCustomers(w.access, { sort: { key: 'name', direction: 'asc' } }, 50));
    expect(all.rows).toHaveLength(122);
    expect(all.batchCount).toBe(3);
    const firstPage = await listResellerCustomers(w.access, { sort: { key: 'name', direction: 'asc' } });
    expect(all.rows.slice(0, firstPage.customers.length)).toEqual(firstPage.customers);
    expect(all.rows.map((row) => row.name)).not.toContain('Alpha Foreign GmbH');

    const searched = await collect(exportResellerCustomers(w.access, { search: 'alpha', sort: { key: 'name', direction: 'asc' } }, 50));
    expect(searched.rows.map((row) => row.name)).toEqual(['Alpha Export GmbH']);
    const expired = await collect(exportResellerCustomers(w.access, { state: 'expired', sort: { key: 'valid_until', direction: 'asc' } }, 50));
    expect(expired.rows.map((row) => row.tenantDomain)).toEqual([w.beta.tenantDomain]);
  });

  test('a customer admin, and a reseller inside a customer tenant, are refused', async () => {
    const w = await resellerWithCustomers();
    const customerAdmin = await accessOfNewUser(w.alpha);
    await expect(collect(exportResellerCustomers(customerAdmin, {}))).rejects.toBeInstanceOf(PermissionDeniedError);
    const resellerInCustomer = await accessOfNewUser(w.reseller, { actIn: w.alpha.tenantDomain });
    await expect(collect(exportResellerCustomers(resellerInCustomer, {}))).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  test('a download stopped after the first batch gives its connection back', async () => {
    const w = await resellerWithCustomers();
    const pool = getDbPool();
    const batches = exportResellerCustomers(w.access, {}, 10);
    await batches.next();
    const held = pool.totalCount - pool.idleCount;
    expect(held).toBeGreaterThanOrEqual(1);
    await batches.return();
    expect(pool.totalCount - pool.idleCount).toBe(held - 1);
  });
});

describe('audit log export', () => {
  test('every event of the filters, newest first, only of the acting tenant, across batches', async () => {
    const w = await resellerWithCustomers();
    const otherAccess = await accessOfNewUser(w.other);
    for (let index = 0; index < 25; index += 1) {
      await recordTenantAuditEvent(w.access, CLIENT_ADDRESS, { action: index % 5 === 0 ? 'user.created' : 'configuration.created', result: 'success', details: { profileName: `p${index}` } });
    }
    await recordTenantAuditEvent(otherAccess, CLIENT_ADDRESS, { action: 'user.created', result: 'success' });

    const all = await collect(exportAuditEvents(w.access, {}, 7));
    const page = await listAuditEvents(w.access, { limit: 200 });
    expect(all.rows.map((event) => event.id)).toEqual(page.events.map((event) => event.id));
    expect(all.rows.length).toBeGreaterThanOrEqual(25);
    expect(all.batchCount).toBeGreaterThanOrEqual(4);

    const created = await collect(exportAuditEvents(w.access, { action: 'user.created' }, 2));
    expect(created.rows).toHaveLength(5);
    expect(created.rows.every((event) => event.action === 'user.created')).toBe(true);
    expect(new Set(created.rows.map((event) => event.id)).size).toBe(5);
  });

  test('an auditor of a customer may export it; a helpdesk user may not (no audit.view)', async () => {
    const w = await resellerWithCustomers();
    const helpdesk = await accessOfNewUser(w.alpha, { role: 'helpdesk' });
    await expect(collect(exportAuditEvents(helpdesk, {}))).rejects.toBeInstanceOf(PermissionDeniedError);
    const auditor = await accessOfNewUser(w.alpha, { role: 'auditor' });
    await recordTenantAuditEvent(auditor, CLIENT_ADDRESS, { action: 'audit.exported', result: 'success' });
    const rows = (await collect(exportAuditEvents(auditor, {}))).rows;
    expect(rows.map((event) => event.action)).toContain('audit.exported');
  });
});
