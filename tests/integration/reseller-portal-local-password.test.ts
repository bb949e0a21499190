import { and, eq } from 'drizzle-orm';
import { auditEvents, loginThrottles, pendingLogins } from '@/db/schema';
import { accountThrottleKey } from '@/lib/auth/login-throttle';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { TEST_PASSWORD, createTenant, createUser } from '../support/factories';
import { withEnv } from '../support/environment';
import { useTestDatabase } from '../support/test-database';

// The password here for RSP-linked accounts (issue 15): unused while the reseller-portal sign-in is
// configured (unless allowed), as before when it is not. Local accounts are not affected.

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const RESELLER_PORTAL = { RESELLER_PORTAL_ISSUER: 'https://rsp.example.test', RESELLER_PORTAL_CLIENT_ID: 'mobile-security-portal', RESELLER_PORTAL_CLIENT_SECRET: 'a-client-secret-of-some-length' };


afterEach(() => withEnv({ RESELLER_PORTAL_ISSUER: undefined, RESELLER_PORTAL_CLIENT_ID: undefined, RESELLER_PORTAL_CLIENT_SECRET: undefined, RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD: undefined }));

const passwordStep = (tenantDomain: string, username: string, password = TEST_PASSWORD) =>
  verifyPasswordStep({ tenantDomain, username, password, clientAddress: '198.51.100.20', userAgent: 'jest' });

async function accounts() {
  const tenant = await createTenant({ kind: 'reseller' });
  const rsp = await createUser({ tenantId: tenant.id, username: 'reseller.admin', isRspLinked: true });
  const local = await createUser({ tenantId: tenant.id, username: 'local.admin' });
  return { tenant, rsp, local };
}

describe('local password of RSP-linked accounts', () => {
  test('configured: the right password is refused with a pointer to the other button, and audited; no pending login', async () => {
    withEnv(RESELLER_PORTAL);
    const { tenant, rsp } = await accounts();
    // Nine wrong guesses first: the right password then clears the account's counter as usual.
    for (let attempt = 0; attempt < 9; attempt += 1) expect(await passwordStep(tenant.tenantDomain, 'reseller.admin', `wrong-${attempt}`)).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(await passwordStep(tenant.tenantDomain, 'reseller.admin')).toEqual({ ok: false, code: 'reseller_portal_only' });
    expect(await db().select().from(pendingLogins).where(eq(pendingLogins.userId, rsp.id))).toHaveLength(0);
    const [counter] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, accountThrottleKey(tenant.tenantDomain, 'reseller.admin')));
    expect(counter?.consecutiveFailures ?? 0).toBe(0);
    const denied = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'login.password'), eq(auditEvents.actorUserId, rsp.id), eq(auditEvents.result, 'denied')));
    expect(denied.map((row) => row.details)).toEqual([{ reason: 'reseller_portal_only' }]);
  });

  test('configured: a wrong password of an RSP-linked account gets the same answer as any other (nothing to learn)', async () => {
    withEnv(RESELLER_PORTAL);
    const { tenant } = await accounts();
    expect(await passwordStep(tenant.tenantDomain, 'reseller.admin', 'Wrong-Password-Entirely-1')).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(await passwordStep(tenant.tenantDomain, 'nobody', 'Wrong-Password-Entirely-1')).toEqual({ ok: false, code: 'invalid_credentials' });
  });

  test('configured: local accounts sign in with their password as before', async () => {
    withEnv(RESELLER_PORTAL);
    const { tenant } = await accounts();
    expect(await passwordStep(tenant.tenantDomain, 'local.admin')).toMatchObject({ ok: true, nextStep: 'two_factor_code' });
  });

  test('RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD=true: RSP-linked accounts may still use the password here', async () => {
    withEnv({ ...RESELLER_PORTAL, RESELLER_PORTAL_ALLOW_LOCAL_PASSWORD: 'true' });
    const { tenant } = await accounts();
    expect(await passwordStep(tenant.tenantDomain, 'reseller.admin')).toMatchObject({ ok: true, nextStep: 'two_factor_code' });
  });

  test('not configured: RSP-linked accounts keep their password, so nobody is locked out', async () => {
    const { tenant } = await accounts();
    expect(await passwordStep(tenant.tenantDomain, 'reseller.admin')).toMatchObject({ ok: true, nextStep: 'two_factor_code' });
  });
});
