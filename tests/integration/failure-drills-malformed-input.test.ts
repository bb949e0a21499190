import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { auditEvents } from '@/db/schema';
import { submitPasswordStep } from '@/app/login/actions';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { resolveTenantAccess, TenantAccessDeniedError } from '@/lib/access/tenant-access';
import type { SessionContext } from '@/lib/auth/sessions';
import { listResellerCustomers } from '@/lib/customers/list-reseller-customers';
import { sendComplianceActivation } from '@/lib/customers/send-compliance-activation';
import { normalizeSearchTerm } from '@/lib/tenants/tenant-search';
import { createCustomerWithAdmin, createLicense, createTenant, createUser, TEST_PASSWORD } from '../support/factories';
import { accessOfNewUser, unstoredSession } from '../support/sessions';
import { useTestDatabase } from '../support/test-database';

// The lib-level half of the malformed-input drill (tests/e2e/malformed-input.e2e.ts found these
// as 500s): a NUL byte from a client reaches PostgreSQL, which refuses U+0000 in text and jsonb.

let currentSession: SessionContext | null = null;
jest.mock('@/app/_server/request-context', () => ({
  getSession: async () => currentSession,
  getClientAddress: async () => '203.0.113.77',
  getUserAgent: async () => 'jest',
}));
// Reached only after a successful password step without two-factor (it loads Auth.js, which jest cannot import).
jest.mock('@/app/login/complete-login', () => ({
  completeLogin: () => {
    throw new Error('completeLogin is not expected here');
  },
}));

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

describe('a NUL byte in client input', () => {
  test('an audit event keeps what the client sent, with the NUL replaced, instead of failing', async () => {
    const tenant = await createTenant({ kind: 'reseller' });
    await recordAuditEvent({
      action: 'authz_denied',
      result: 'denied',
      tenantId: tenant.id,
      actorLabel: 'eve\u0000@x',
      details: { requestedTenantDomain: 'a\u0000b', attempts: 1 },
    });
    const [row] = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, tenant.id));
    expect(row).toMatchObject({ actorLabel: 'eve\uFFFD@x', details: { requestedTenantDomain: 'a\uFFFDb', attempts: 1 } });
  });

  test("a reseller opening a tenant whose domain carries a NUL gets the normal 'not found', and it is audited", async () => {
    const reseller = await createTenant({ kind: 'reseller' });
    const user = await createUser({ tenantId: reseller.id });
    const session = unstoredSession(reseller, user.id);
    await expect(resolveTenantAccess(session, '123456.sms\u0000', '203.0.113.9')).rejects.toBeInstanceOf(TenantAccessDeniedError);
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, reseller.id));
    expect(rows).toEqual([expect.objectContaining({ action: 'authz_denied', details: { requestedTenantDomain: '123456.sms\uFFFD' } })]);
  });

  test('customer search with a NUL finds as if it were not there: customer selection route and customers list', async () => {
    const reseller = await createTenant({ kind: 'reseller' }, 'Nul Reseller');
    const customer = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Nul Customer');
    await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id });
    expect(normalizeSearchTerm('Nul\u0000 Cust')).toBe('Nul Cust');

    currentSession = unstoredSession(reseller);
    const { GET } = await import('@/app/customer-selection/search/route');
    const response = await GET(new NextRequest('http://portal.test/customer-selection/search?q=%00Nul%00'));
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('Nul Customer');

    const access = await resolveTenantAccess(unstoredSession(reseller), reseller.tenantDomain, '203.0.113.9');
    const listed = await listResellerCustomers(access, { search: normalizeSearchTerm('\u0000Nul') });
    expect(JSON.stringify(listed)).toContain('Nul Customer');
  });

  test('a login with a NUL in the username is an ordinary wrong login, not "logging in is not possible"', async () => {
    const { customer } = await createCustomerWithAdmin();
    const form = new FormData();
    form.append('tenantDomain', customer.tenantDomain);
    form.append('username', 'admin\u0000');
    form.append('password', TEST_PASSWORD);
    expect(await submitPasswordStep({ status: 'idle' }, form)).toMatchObject({ status: 'error', message: 'login.errors.invalidCredentials' });
  });

  test('"Send activation email" with a malformed user id answers "not found" and audits it, with no database error', async () => {
    const reseller = await createTenant({ kind: 'reseller' });
    const access = await accessOfNewUser(reseller);
    for (const userId of ['', 'not-a-uuid', '{"$ne":null}', '\u0000']) {
      await expect(sendComplianceActivation(access, { userId, clientAddress: '203.0.113.9' })).rejects.toMatchObject({ code: 'admin_not_found' });
    }
    const denied = await db().select().from(auditEvents).where(eq(auditEvents.actorUserId, access.session.user.id));
    expect(denied.filter((row) => row.action === 'authz_denied')).toHaveLength(4);
  });
});
