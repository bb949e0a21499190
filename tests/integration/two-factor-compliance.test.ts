import { and, eq, sql } from 'drizzle-orm';
import { accountTokens, auditEvents, emailOutbox } from '@/db/schema';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { resolveTenantAccess } from '@/lib/access/tenant-access';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { listNonCompliantAdmins } from '@/lib/customers/list-two-factor-compliance';
import { sendComplianceActivation, sendComplianceActivationToAll } from '@/lib/customers/send-compliance-activation';
import { createUser } from '../support/factories';
import { accessOfNewUser } from '../support/sessions';
import { useTestDatabase } from '../support/test-database';
import { createWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());
const IP = '127.0.0.1';

async function world() {
  const { reseller, valid, expired, foreign } = await createWorld({
    resellers: { reseller: 'Compliance Reseller', other: 'Other Reseller' },
    customers: {
      valid: { of: 'reseller', name: 'Valid Customer', licenses: [{}] },
      expired: { of: 'reseller', name: 'Expired Customer', licenses: [{ validFromDays: -40, validUntilDays: -1 }] },
      foreign: { of: 'other', name: 'Foreign Customer', licenses: [{}] },
    },
  });
  const ownAdmin = await createUser({ tenantId: reseller.id, username: 'own.no2fa', withTwoFactor: false });
  const customerAdmin = await createUser({ tenantId: valid.id, username: 'cust.no2fa', withTwoFactor: false });
  const rspAdmin = await createUser({ tenantId: valid.id, username: 'rsp.no2fa', withTwoFactor: false, isRspLinked: true });
  await createUser({ tenantId: valid.id, username: 'helpdesk.no2fa', role: 'helpdesk', withTwoFactor: false });
  await createUser({ tenantId: valid.id, username: 'admin.with2fa' });
  const expiredAdmin = await createUser({ tenantId: expired.id, username: 'expired.no2fa', withTwoFactor: false });
  const foreignAdmin = await createUser({ tenantId: foreign.id, username: 'foreign.no2fa', withTwoFactor: false });
  const access = await accessOfNewUser(reseller);
  return { reseller, valid, foreign, ownAdmin, customerAdmin, rspAdmin, expiredAdmin, foreignAdmin, access };
}

describe('two-factor compliance of a reseller', () => {
  test('an auditor sees the list but cannot send activation emails', async () => {
    const w = await world();
    const auditor = await accessOfNewUser(w.reseller, { role: 'auditor' });
    await expect(sendComplianceActivation(auditor, { userId: w.customerAdmin.id, clientAddress: IP })).rejects.toThrow();
    await expect(sendComplianceActivationToAll(auditor, { clientAddress: IP })).rejects.toThrow();
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.userId, w.customerAdmin.id))).toHaveLength(0);
  });

  test('lists admins without two-factor of its own tenant and its licensed customers only, with a deadline', async () => {
    const w = await world();
    const { rows: admins } = await listNonCompliantAdmins(w.access);
    expect(admins.map((admin) => admin.username).sort()).toEqual(['cust.no2fa', 'own.no2fa', 'rsp.no2fa']);
    expect(admins.find((admin) => admin.username === 'own.no2fa')).toMatchObject({ isOwnTenant: true });
    for (const admin of admins) expect(Number.isNaN(Date.parse(admin.deadline))).toBe(false);
  });

  test('more than 1,000 admins without two-factor: every one appears once across the pages, none is cut off; a foreign cursor yields nothing', async () => {
    const w = await world();
    await db().execute(sql`
      insert into users (tenant_id, username, email, role)
      select ${w.valid.id}, 'bulk.' || lpad(n::text, 4, '0'), 'bulk' || n || '@example.test', 'admin' from generate_series(1, 1050) as n`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listNonCompliantAdmins(w.access, { page: { cursor, towards: 'after', limit: 200 } });
      expect(page.rows.length).toBeLessThanOrEqual(200);
      seen.push(...page.rows.map((admin) => admin.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(1053);
    expect(new Set(seen).size).toBe(1053);
    // Another reseller's customer, and this reseller's customer whose license ended: not reachable, so no position.
    for (const cursor of [w.foreignAdmin.id, w.expiredAdmin.id]) {
      expect((await listNonCompliantAdmins(w.access, { page: { cursor, towards: 'after', limit: 10 } })).rows).toEqual([]);
    }
  });

  test('the list takes the access object: the reseller\'s own tenant only, never a customer\'s', async () => {
    const w = await world();
    const inCustomer = await resolveTenantAccess(w.access.session, w.valid.tenantDomain, IP);
    expect(inCustomer.isResellerActingForCustomer).toBe(true);
    await expect(listNonCompliantAdmins(inCustomer)).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  test('send activation email: token and outbox row in one go, audited in both tenants', async () => {
    const w = await world();
    await sendComplianceActivation(w.access, { userId: w.customerAdmin.id, clientAddress: IP });
    expect(await db().select().from(accountTokens).where(and(eq(accountTokens.userId, w.customerAdmin.id), eq(accountTokens.purpose, 'activation')))).toHaveLength(1);
    const emails = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, w.customerAdmin.id));
    expect(emails.map((email) => email.template)).toEqual(['two_factor_activation']);
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.action, 'two_factor.activation_email_sent'));
    expect(audits.map((event) => event.tenantId).sort()).toEqual([w.reseller.id, w.valid.id].sort());
  });

  test("another reseller's admin, an expired customer's admin and an RSP-linked admin get nothing (denied)", async () => {
    const w = await world();
    for (const target of [w.foreignAdmin, w.expiredAdmin, w.rspAdmin]) {
      await expect(sendComplianceActivation(w.access, { userId: target.id, clientAddress: IP })).rejects.toMatchObject({ code: 'admin_not_found' });
      expect(await db().select().from(emailOutbox).where(eq(emailOutbox.userId, target.id))).toHaveLength(0);
    }
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.tenantId, w.reseller.id), eq(auditEvents.action, 'authz_denied')))).toHaveLength(3);
  });

  test('send to all queues one email per listed portal-only admin', async () => {
    const w = await world();
    expect(await sendComplianceActivationToAll(w.access, { clientAddress: IP })).toBe(2);
    for (const admin of [w.ownAdmin, w.customerAdmin]) expect(await db().select().from(emailOutbox).where(eq(emailOutbox.userId, admin.id))).toHaveLength(1);
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.userId, w.rspAdmin.id))).toHaveLength(0);
  });
});
