import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents, emailOutbox, pendingLogins, recoveryCodes, sessions, users } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { createSession } from '@/lib/auth/sessions';
import { findTotpTimeStep, generateTotpCode } from '@/lib/auth/totp';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { confirmTwoFactorSetup } from '@/lib/two-factor/confirm-two-factor-setup';
import { confirmLoginTwoFactorSetup, readLoginTwoFactorSetup, startLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { hashRecoveryCode } from '@/lib/two-factor/recovery-codes';
import { createTwoFactorSetup, readTwoFactorSetup } from '@/lib/two-factor/start-two-factor-setup';
import { TEST_PASSWORD, createCustomerWithAdmin, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const address = '203.0.113.9';

async function adminWithoutTwoFactor(options: { isRspLinked?: boolean } = {}) {
  const { customer } = await createCustomerWithAdmin();
  const user = await createUser({ tenantId: customer.id, username: 'new.admin', withTwoFactor: false, ...options });
  return { customer, user };
}

async function pendingSetupLogin(tenantDomain: string) {
  const result = await verifyPasswordStep({ tenantDomain, username: 'new.admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
  if (!result.ok || result.nextStep !== 'two_factor_setup') throw new Error('expected a pending two-factor setup');
  return result.pendingLoginToken;
}

function wrongCodeFor(secret: string): string {
  const right = generateTotpCode({ secret });
  return right === '000000' ? '111111' : '000000';
}

describe('two-factor setup core', () => {
  test('the setup shows issuer, label, grouped secret and a server-rendered SVG; a re-read shows the same', async () => {
    const { customer, user } = await adminWithoutTwoFactor();
    const owner = { userId: user.id, username: user.username, tenantDomain: customer.tenantDomain };
    const setup = await createTwoFactorSetup(owner);
    expect(setup.otpauthUri).toContain('issuer=Mobile%20Security%20Portal');
    expect(setup.otpauthUri).toContain(encodeURIComponent(`new.admin@${customer.tenantDomain}`));
    expect(setup.formattedSecret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{4}$/);
    expect(setup.qrCodeSvg).toMatch(/^<svg/);
    expect(setup.secretEncrypted).not.toContain(setup.secret);
    const again = await readTwoFactorSetup({ ...owner, secretEncrypted: setup.secretEncrypted });
    expect(again.secret).toBe(setup.secret);
    expect(again.qrCodeSvg).toBe(setup.qrCodeSvg);
  });

  test('a wrong code activates nothing', async () => {
    const { customer, user } = await adminWithoutTwoFactor();
    const setup = await createTwoFactorSetup({ userId: user.id, username: user.username, tenantDomain: customer.tenantDomain });
    const result = await confirmTwoFactorSetup({
      userId: user.id,
      tenantId: customer.id,
      secretEncrypted: setup.secretEncrypted,
      code: wrongCodeFor(setup.secret),
      clientAddress: address,
      actorLabel: 'new.admin',
    });
    expect(result).toEqual({ ok: false, code: 'invalid_code' });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.twoFactorEnabledAt).toBeNull();
    expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
  });

  test('the right code activates two-factor, stores 10 hashed recovery codes, ends other sessions and enqueues the email', async () => {
    const { customer, user } = await adminWithoutTwoFactor();
    const other = await createSession({ userId: user.id, tenantId: customer.id, ipAddress: address, userAgent: 'other browser' });
    const [before] = await db().select({ version: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    const setup = await createTwoFactorSetup({ userId: user.id, username: user.username, tenantDomain: customer.tenantDomain });
    const code = generateTotpCode({ secret: setup.secret });
    const result = await confirmTwoFactorSetup({ userId: user.id, tenantId: customer.id, secretEncrypted: setup.secretEncrypted, code, clientAddress: address, actorLabel: 'new.admin' });
    if (!result.ok) throw new Error('expected activation');

    expect(result.recoveryCodes).toHaveLength(10);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.twoFactorEnabledAt).not.toBeNull();
    expect(decryptSecret(row!.twoFactorSecretEncrypted!, user.id)).toBe(setup.secret);
    expect(row!.twoFactorLastStep).toBe(findTotpTimeStep({ secret: setup.secret, code }));
    expect(row!.sessionVersion).toBe(before!.version + 1);

    const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((entry) => entry.codeHash).sort()).toEqual(result.recoveryCodes.map(hashRecoveryCode).sort());
    for (const code of result.recoveryCodes) expect(stored.some((entry) => entry.codeHash.includes(code.replace(/-/g, '')))).toBe(false);

    const [otherSession] = await db().select().from(sessions).where(eq(sessions.id, other.sessionId));
    expect(otherSession!.revokedAt).not.toBeNull();
    const mail = await db().select().from(emailOutbox).where(and(eq(emailOutbox.userId, user.id), eq(emailOutbox.template, 'two_factor_activated')));
    expect(mail).toHaveLength(1);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'two_factor.enrolled'), eq(auditEvents.result, 'success')));
    expect(audit).toHaveLength(1);
  });
});

describe('enrollment from the login screen', () => {
  test('setup inside the pending login: same QR on reload, code confirms, login finishes without a second code', async () => {
    const { customer, user } = await adminWithoutTwoFactor();
    const token = await pendingSetupLogin(customer.tenantDomain);
    expect(await readLoginTwoFactorSetup(token)).toBeNull();
    const setup = await startLoginTwoFactorSetup(token);
    if (!setup) throw new Error('expected a setup');
    expect((await startLoginTwoFactorSetup(token))!.secret).toBe(setup.secret);
    expect((await readLoginTwoFactorSetup(token))!.secret).toBe(setup.secret);

    const result = await confirmLoginTwoFactorSetup({ pendingLoginToken: token, code: generateTotpCode({ secret: setup.secret }), clientAddress: address, userAgent: 'jest' });
    expect(result.ok).toBe(true);
    const [pending] = await db().select().from(pendingLogins).where(eq(pendingLogins.userId, user.id));
    expect(pending).toMatchObject({ nextStep: 'none', twoFactorSetupSecretEncrypted: null });

    const login = await verifyTwoFactorStep({ pendingLoginToken: token, code: '', clientAddress: address, userAgent: 'jest' });
    expect(login).toMatchObject({ ok: true, userId: user.id });
    // The secret is gone from every place but the user's row: a second confirmation finds no setup.
    expect(await confirmLoginTwoFactorSetup({ pendingLoginToken: token, code: '123456', clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: false,
      code: 'pending_login_expired',
    });
  });

  test('the enrollment code cannot be replayed at the next login', async () => {
    const { customer } = await adminWithoutTwoFactor();
    const token = await pendingSetupLogin(customer.tenantDomain);
    const setup = (await startLoginTwoFactorSetup(token))!;
    const code = generateTotpCode({ secret: setup.secret });
    expect((await confirmLoginTwoFactorSetup({ pendingLoginToken: token, code, clientAddress: address, userAgent: 'jest' })).ok).toBe(true);

    const next = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'new.admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
    if (!next.ok) throw new Error('expected password success');
    expect(next.nextStep).toBe('two_factor_code');
    expect(await verifyTwoFactorStep({ pendingLoginToken: next.pendingLoginToken, code, clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: false,
      code: 'invalid_code',
    });
  });

  test('five wrong confirmation codes use up the pending login', async () => {
    const { customer, user } = await adminWithoutTwoFactor();
    const token = await pendingSetupLogin(customer.tenantDomain);
    const setup = (await startLoginTwoFactorSetup(token))!;
    const wrong = wrongCodeFor(setup.secret);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await confirmLoginTwoFactorSetup({ pendingLoginToken: token, code: wrong, clientAddress: address, userAgent: 'jest' })).toEqual({ ok: false, code: 'invalid_code' });
    }
    const right = generateTotpCode({ secret: setup.secret });
    expect(await confirmLoginTwoFactorSetup({ pendingLoginToken: token, code: right, clientAddress: address, userAgent: 'jest' })).toEqual({ ok: false, code: 'pending_login_expired' });
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.twoFactorEnabledAt).toBeNull();
  });

  test('an RSP-linked account cannot enroll from the login screen', async () => {
    const { customer } = await adminWithoutTwoFactor({ isRspLinked: true });
    const token = await pendingSetupLogin(customer.tenantDomain);
    expect(await startLoginTwoFactorSetup(token)).toBeNull();
  });

  test('a pending login that waits for a code (two-factor active) cannot start a new setup', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const result = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: admin.username, password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
    if (!result.ok) throw new Error('expected password success');
    expect(await startLoginTwoFactorSetup(result.pendingLoginToken)).toBeNull();
    const rows = await db().select().from(pendingLogins).where(and(eq(pendingLogins.userId, admin.id), isNull(pendingLogins.twoFactorSetupSecretEncrypted)));
    expect(rows).toHaveLength(1);
  });
});
