import { and, eq } from 'drizzle-orm';
import { auditEvents, sessions } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { checkSession, revokeSession } from '@/lib/auth/sessions';
import { generateTotpCode } from '@/lib/auth/totp';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { TEST_PASSWORD, createCustomerWithAdmin, createLicense, createTenant, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const address = '203.0.113.7';

async function passwordStep(tenantDomain: string, username: string, password = TEST_PASSWORD, clientAddress = address) {
  return verifyPasswordStep({ tenantDomain, username, password, clientAddress, userAgent: 'jest' });
}

async function codeStep(pendingLoginToken: string, code: string) {
  return verifyTwoFactorStep({ pendingLoginToken, code, clientAddress: address, userAgent: 'jest' });
}

describe('password step', () => {
  test('customer admin with two-factor gets a pending login that needs a code, and no session', async () => {
    const { customer } = await createCustomerWithAdmin();
    const result = await passwordStep(` ${customer.tenantDomain.toUpperCase()} `, 'ADMIN');
    expect(result).toMatchObject({ ok: true, nextStep: 'two_factor_code', tenantDomain: customer.tenantDomain });
    const rows = await db().select().from(sessions).where(eq(sessions.tenantId, customer.id));
    expect(rows).toHaveLength(0);
  });

  test('a pasted portal URL works as tenant domain', async () => {
    const { customer } = await createCustomerWithAdmin();
    const result = await passwordStep(`https://portal.example.test/x-tenant-${customer.tenantDomain}-y/`, 'admin');
    expect(result.ok).toBe(true);
  });

  test('unknown tenant, unknown user, wrong password and disabled user all get the same answer', async () => {
    const { customer } = await createCustomerWithAdmin();
    await createUser({ tenantId: customer.id, username: 'gone', disabled: true });
    const answers = await Promise.all([
      passwordStep('999999.sms', 'admin'),
      passwordStep(customer.tenantDomain, 'nobody'),
      passwordStep(customer.tenantDomain, 'admin', 'Wrong-Password-Entirely-1'),
      passwordStep(customer.tenantDomain, 'gone'),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, code: 'invalid_credentials' });
  });

  test('administrator without two-factor is sent to two-factor setup, not into a session', async () => {
    const { customer } = await createCustomerWithAdmin();
    await createUser({ tenantId: customer.id, username: 'new.admin', withTwoFactor: false });
    const result = await passwordStep(customer.tenantDomain, 'new.admin');
    expect(result).toMatchObject({ ok: true, nextStep: 'two_factor_setup' });
    if (!result.ok) throw new Error('expected success');
    expect(await codeStep(result.pendingLoginToken, '000000')).toEqual({ ok: false, code: 'two_factor_required' });
  });

  test('ten wrong passwords lock the account: even the right password is then refused, same message', async () => {
    const { customer } = await createCustomerWithAdmin();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await passwordStep(customer.tenantDomain, 'admin', `wrong-${attempt}`, `198.51.100.${attempt}`)).toEqual({
        ok: false,
        code: 'invalid_credentials',
      });
    }
    expect(await passwordStep(customer.tenantDomain, 'admin')).toEqual({ ok: false, code: 'invalid_credentials' });
    const lockouts = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'login.lockout'), eq(auditEvents.tenantId, customer.id)));
    expect(lockouts).toHaveLength(1);
  });

  test('nine failures then a success reset the counter', async () => {
    const { customer } = await createCustomerWithAdmin();
    for (let attempt = 0; attempt < 9; attempt += 1) await passwordStep(customer.tenantDomain, 'admin', 'wrong');
    expect((await passwordStep(customer.tenantDomain, 'admin')).ok).toBe(true);
    for (let attempt = 0; attempt < 9; attempt += 1) await passwordStep(customer.tenantDomain, 'admin', 'wrong');
    expect((await passwordStep(customer.tenantDomain, 'admin')).ok).toBe(true);
  });

  test('one address failing against many accounts is rate limited after 100 failures', async () => {
    const flooder = '192.0.2.99';
    for (let attempt = 0; attempt < 100; attempt += 1) {
      await passwordStep('999999.sms', `someone-${attempt}`, 'x', flooder);
    }
    const { customer } = await createCustomerWithAdmin();
    expect(await passwordStep(customer.tenantDomain, 'admin', TEST_PASSWORD, flooder)).toEqual({ ok: false, code: 'rate_limited' });
    expect((await passwordStep(customer.tenantDomain, 'admin', TEST_PASSWORD, '192.0.2.100')).ok).toBe(true);
  });

  test('no password, code or token is written to the audit log', async () => {
    const { customer } = await createCustomerWithAdmin();
    const result = await passwordStep(customer.tenantDomain, 'admin');
    if (!result.ok) throw new Error('expected success');
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, customer.id));
    const text = JSON.stringify(rows);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(result.pendingLoginToken);
  });
});

describe('two-factor step', () => {
  async function startLogin() {
    const setup = await createCustomerWithAdmin();
    const result = await passwordStep(setup.customer.tenantDomain, 'admin');
    if (!result.ok) throw new Error('expected password step to succeed');
    return { ...setup, token: result.pendingLoginToken };
  }

  test('a current code turns the pending login into a session, once', async () => {
    const { admin, customer, token } = await startLogin();
    const code = generateTotpCode({ secret: admin.twoFactorSecret! });
    const result = await codeStep(token, code);
    // What the start page follows from travels with the result (completeLogin redirects there without reading the pending login again).
    expect(result).toMatchObject({ ok: true, userId: admin.id, role: 'admin', tenantKind: 'customer', tenantDomain: customer.tenantDomain });
    if (!result.ok) throw new Error('expected success');
    const check = await checkSession({ sessionId: result.sessionId, sessionVersion: result.sessionVersion });
    expect(check.ok).toBe(true);
    expect(await codeStep(token, code)).toEqual({ ok: false, code: 'pending_login_expired' });
  });

  test('a code from the previous 30-second step is accepted, one from two steps ago is not', async () => {
    const { admin, token } = await startLogin();
    const twoStepsAgo = generateTotpCode({ secret: admin.twoFactorSecret!, now: Date.now() - 60_000 });
    const oneStepAgo = generateTotpCode({ secret: admin.twoFactorSecret!, now: Date.now() - 30_000 });
    if (twoStepsAgo !== oneStepAgo && twoStepsAgo !== generateTotpCode({ secret: admin.twoFactorSecret! })) {
      expect(await codeStep(token, twoStepsAgo)).toEqual({ ok: false, code: 'invalid_code' });
    }
    expect((await codeStep(token, oneStepAgo)).ok).toBe(true);
  });

  test('a replayed code is refused in a second login with "invalid code"', async () => {
    const { customer, admin, token } = await startLogin();
    const code = generateTotpCode({ secret: admin.twoFactorSecret! });
    expect((await codeStep(token, code)).ok).toBe(true);
    const second = await passwordStep(customer.tenantDomain, 'admin');
    if (!second.ok) throw new Error('expected success');
    expect(await codeStep(second.pendingLoginToken, code)).toEqual({ ok: false, code: 'invalid_code' });
    const replays = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'login.two_factor'), eq(auditEvents.result, 'failure')));
    expect(replays.some((row) => row.details?.reason === 'replayed_code')).toBe(true);
  });

  test('two concurrent submissions of one fresh code: exactly one session', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const first = await passwordStep(customer.tenantDomain, 'admin');
    const second = await passwordStep(customer.tenantDomain, 'admin');
    if (!first.ok || !second.ok) throw new Error('expected success');
    const code = generateTotpCode({ secret: admin.twoFactorSecret! });
    const results = await Promise.all([codeStep(first.pendingLoginToken, code), codeStep(second.pendingLoginToken, code)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, code: 'invalid_code' }]);
  });

  test('five wrong codes use up the pending login', async () => {
    const { admin, token } = await startLogin();
    const wrong = generateTotpCode({ secret: admin.twoFactorSecret! }) === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await codeStep(token, wrong)).toEqual({ ok: false, code: 'invalid_code' });
    }
    const code = generateTotpCode({ secret: admin.twoFactorSecret! });
    expect(await codeStep(token, code)).toEqual({ ok: false, code: 'pending_login_expired' });
  });

  test('a customer whose license expired gets no session after a correct code', async () => {
    const reseller = await createTenant({ kind: 'reseller' });
    const customer = await createTenant({ kind: 'customer', resellerId: reseller.id });
    await createLicense({ tenantId: customer.id, resellerTenantId: reseller.id, validFromDays: -60, validUntilDays: -1 });
    const admin = await createUser({ tenantId: customer.id, username: 'admin' });
    const result = await passwordStep(customer.tenantDomain, 'admin');
    if (!result.ok) throw new Error('expected success');
    const outcome = await codeStep(result.pendingLoginToken, generateTotpCode({ secret: admin.twoFactorSecret! }));
    expect(outcome).toEqual({ ok: false, code: 'no_valid_license' });
    expect(await db().select().from(sessions).where(eq(sessions.userId, admin.id))).toHaveLength(0);
  });

  test('a reseller administrator signs in without a license of its own', async () => {
    const reseller = await createTenant({ kind: 'reseller' });
    const user = await createUser({ tenantId: reseller.id, username: 'reseller.admin', isRspLinked: true });
    const result = await passwordStep(reseller.tenantDomain, 'reseller.admin');
    if (!result.ok) throw new Error('expected success');
    expect((await codeStep(result.pendingLoginToken, generateTotpCode({ secret: user.twoFactorSecret! }))).ok).toBe(true);
  });
});

describe('sessions', () => {
  async function signIn() {
    const setup = await createCustomerWithAdmin();
    const password = await passwordStep(setup.customer.tenantDomain, 'admin');
    if (!password.ok) throw new Error('expected success');
    const result = await codeStep(password.pendingLoginToken, generateTotpCode({ secret: setup.admin.twoFactorSecret! }));
    if (!result.ok) throw new Error('expected success');
    return { ...setup, claims: { sessionId: result.sessionId, sessionVersion: result.sessionVersion } };
  }

  test('logout ends the session at once, also for a copied cookie', async () => {
    const { claims } = await signIn();
    expect((await checkSession(claims)).ok).toBe(true);
    await revokeSession(claims.sessionId, 'logout');
    expect(await checkSession(claims)).toEqual({ ok: false, reason: 'revoked' });
  });

  test('an idle session ends after the idle timeout', async () => {
    const { claims } = await signIn();
    await db().update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.id, claims.sessionId));
    expect(await checkSession(claims)).toEqual({ ok: false, reason: 'idle_timeout' });
  });

  test('a session ends at its absolute lifetime even when active', async () => {
    const { claims } = await signIn();
    await db().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, claims.sessionId));
    expect(await checkSession(claims)).toEqual({ ok: false, reason: 'absolute_timeout' });
  });

  test('a token with an old session version is refused', async () => {
    const { claims } = await signIn();
    expect(await checkSession({ ...claims, sessionVersion: claims.sessionVersion - 1 })).toMatchObject({ ok: false });
  });

  test('a customer session ends when the license is revoked', async () => {
    const { claims, customer } = await signIn();
    const { licenses } = await import('@/db/schema');
    await db().update(licenses).set({ revokedAt: new Date() }).where(eq(licenses.tenantId, customer.id));
    expect(await checkSession(claims)).toEqual({ ok: false, reason: 'no_valid_license' });
  });

  test('garbage session ids are refused without touching the database types', async () => {
    expect(await checkSession({ sessionId: "x' OR 1=1 --", sessionVersion: 1 })).toEqual({ ok: false, reason: 'unknown_session' });
  });
});
