import { eq } from 'drizzle-orm';
import { accountTokens, emailOutbox, sessions, users } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { verifyPassword } from '@/lib/auth/password-hash';
import { createSession } from '@/lib/auth/sessions';
import { generateTotpCode } from '@/lib/auth/totp';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { resetEnvCache } from '@/lib/env';
import { chooseLinkPassword } from '@/lib/account-link/choose-link-password';
import { confirmLinkTwoFactor } from '@/lib/account-link/confirm-link-two-factor';
import { loadAccountLink } from '@/lib/account-link/load-account-link';
import { requestPasswordReset } from '@/lib/account-link/request-password-reset';
import { verifyLinkSecondFactor } from '@/lib/account-link/verify-link-second-factor';
import { replaceRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { TEST_PASSWORD, createCustomerWithAdmin, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
beforeAll(() => {
  process.env.PUBLIC_BASE_URL = 'https://portal.example.test';
  resetEnvCache();
});
afterAll(() => closePasswordHashPool());

const address = '203.0.113.50';
const NEW_PASSWORD = 'Brand-New-Quiet-Harbour-77';

async function resetEmailsFor(userId: string) {
  const rows = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, userId)).orderBy(emailOutbox.createdAt);
  return rows.map((row) => ({ ...row, payload: JSON.parse(decryptSecret(row.payloadEncrypted!, `email:${row.id}`)) as Record<string, string> }));
}

async function requestLink(tenantDomain: string, user: { id: string; username: string }, clientAddress = address): Promise<string> {
  await requestPasswordReset({ tenantDomain, username: user.username, clientAddress });
  const emails = (await resetEmailsFor(user.id)).filter((email) => email.template === 'password_reset');
  const url = emails.at(-1)!.payload.resetUrl!;
  return url.split('/reset-password/')[1]!;
}

describe('Password forgotten?', () => {
  test('an existing account gets one link by email, built from the configured public address', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    await requestPasswordReset({ tenantDomain: customer.tenantDomain, username: 'admin', clientAddress: address });
    const emails = await resetEmailsFor(admin.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.payload.resetUrl).toMatch(/^https:\/\/portal\.example\.test\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const tokens = await db().select().from(accountTokens).where(eq(accountTokens.userId, admin.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).not.toContain(emails[0]!.payload.resetUrl!.split('/').at(-1));
  });

  test('an unknown account gets the same (empty) answer and no email', async () => {
    const before = await db().select().from(emailOutbox);
    await expect(requestPasswordReset({ tenantDomain: '999999.sms', username: 'nobody', clientAddress: address })).resolves.toBeUndefined();
    expect(await db().select().from(emailOutbox)).toHaveLength(before.length);
  });

  test('a newer link kills the older one', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const first = await requestLink(customer.tenantDomain, admin, '203.0.113.51');
    const second = await requestLink(customer.tenantDomain, admin, '203.0.113.51');
    expect(await loadAccountLink(first, 'password_reset')).toBeNull();
    expect(await loadAccountLink(second, 'password_reset')).not.toBeNull();
  });

  test('at most three reset emails per account and hour', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await requestPasswordReset({ tenantDomain: customer.tenantDomain, username: 'admin', clientAddress: `198.51.100.${attempt}` });
    }
    expect(await resetEmailsFor(admin.id)).toHaveLength(3);
  });
});

describe('reset of an account with two-factor', () => {
  test('nothing changes before a current code; then the password changes and every session ends', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const { sessionId } = await createSession({ userId: admin.id, tenantId: customer.id, ipAddress: address, userAgent: null });
    const token = await requestLink(customer.tenantDomain, admin, '203.0.113.60');

    let link = (await loadAccountLink(token, 'password_reset'))!;
    expect(link.step).toBe('verify_second_factor');
    expect(await chooseLinkPassword({ link, password: NEW_PASSWORD, confirmation: NEW_PASSWORD, clientAddress: address })).toEqual({
      ok: false,
      code: 'wrong_step',
    });
    expect(await verifyLinkSecondFactor({ link, method: 'totp', code: '000000', clientAddress: address })).toMatchObject({ ok: false });

    const code = generateTotpCode({ secret: admin.twoFactorSecret! });
    expect(await verifyLinkSecondFactor({ link, method: 'totp', code, clientAddress: address })).toEqual({ ok: true });
    link = (await loadAccountLink(token, 'password_reset'))!;
    expect(link.step).toBe('choose_password');
    expect(await chooseLinkPassword({ link, password: 'short', confirmation: 'short', clientAddress: address })).toMatchObject({
      ok: false,
      code: 'password_policy',
    });
    expect(await chooseLinkPassword({ link, password: NEW_PASSWORD, confirmation: NEW_PASSWORD, clientAddress: address })).toEqual({
      ok: true,
      completed: true,
    });

    const [user] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(await verifyPassword(NEW_PASSWORD, user!.passwordHash!)).toBe(true);
    expect(await verifyPassword(TEST_PASSWORD, user!.passwordHash!)).toBe(false);
    const [session] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session!.revokedAt).not.toBeNull();
    expect(await loadAccountLink(token, 'password_reset')).toBeNull();
    expect((await resetEmailsFor(admin.id)).map((email) => email.template)).toContain('password_changed');
  });

  test('a recovery code (lost phone) leads to a new authenticator instead of the old QR', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const codes = await db().transaction((tx) => replaceRecoveryCodes(tx, { userId: admin.id, tenantId: customer.id }));
    const token = await requestLink(customer.tenantDomain, admin, '203.0.113.61');
    let link = (await loadAccountLink(token, 'password_reset'))!;
    expect(await verifyLinkSecondFactor({ link, method: 'recovery_code', code: codes[0]!, clientAddress: address })).toEqual({ ok: true });
    link = (await loadAccountLink(token, 'password_reset'))!;
    expect(await chooseLinkPassword({ link, password: NEW_PASSWORD, confirmation: NEW_PASSWORD, clientAddress: address })).toEqual({
      ok: true,
      completed: false,
    });
    link = (await loadAccountLink(token, 'password_reset'))!;
    expect(link.step).toBe('set_up_two_factor');
    const newSecret = decryptSecret(link.token.twoFactorSetupSecretEncrypted!, `two-factor-setup:${admin.id}`);
    expect(newSecret).not.toBe(admin.twoFactorSecret);
    const result = await confirmLinkTwoFactor({ link, code: generateTotpCode({ secret: newSecret }), clientAddress: address });
    expect(result).toMatchObject({ ok: true });
    const [user] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(decryptSecret(user!.twoFactorSecretEncrypted!, admin.id)).toBe(newSecret);
  });
});

describe('another device after a current code (issue 14.2)', () => {
  async function provenLink() {
    const { customer, admin } = await createCustomerWithAdmin();
    const token = await requestLink(customer.tenantDomain, admin, '203.0.113.91');
    const link = (await loadAccountLink(token, 'password_reset'))!;
    expect(link.mayReplaceAuthenticator).toBe(false);
    await verifyLinkSecondFactor({ link, method: 'totp', code: generateTotpCode({ secret: admin.twoFactorSecret! }), clientAddress: address });
    return { customer, admin, token, link: (await loadAccountLink(token, 'password_reset'))! };
  }

  test('is a NEW secret: the active one keeps working until the new one confirms, then it is replaced and the owner told', async () => {
    const { admin, token, link } = await provenLink();
    expect(link).toMatchObject({ step: 'choose_password', mayReplaceAuthenticator: true });
    const { sessionId } = await createSession({ userId: admin.id, tenantId: link.tenant.id, ipAddress: address, userAgent: null });

    expect(
      await chooseLinkPassword({ link, password: NEW_PASSWORD, confirmation: NEW_PASSWORD, newAuthenticator: true, clientAddress: address }),
    ).toEqual({ ok: true, completed: false });
    const setupLink = (await loadAccountLink(token, 'password_reset'))!;
    expect(setupLink.step).toBe('set_up_two_factor');
    const newSecret = decryptSecret(setupLink.token.twoFactorSetupSecretEncrypted!, `two-factor-setup:${admin.id}`);
    expect(newSecret).not.toBe(admin.twoFactorSecret);
    // Nothing changed yet: the old secret and the old password are still the account's.
    let [user] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(decryptSecret(user!.twoFactorSecretEncrypted!, admin.id)).toBe(admin.twoFactorSecret);
    expect(await verifyPassword(TEST_PASSWORD, user!.passwordHash!)).toBe(true);

    const result = await confirmLinkTwoFactor({ link: setupLink, code: generateTotpCode({ secret: newSecret }), clientAddress: address });
    expect(result).toMatchObject({ ok: true });
    [user] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(decryptSecret(user!.twoFactorSecretEncrypted!, admin.id)).toBe(newSecret);
    expect(await verifyPassword(NEW_PASSWORD, user!.passwordHash!)).toBe(true);
    const [session] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session!.revokedAt).not.toBeNull();
    const replaced = (await resetEmailsFor(admin.id)).filter((email) => email.template === 'two_factor_replaced');
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.payload.reportUrl).toMatch(/^https:\/\/portal\.example\.test\/report\/[A-Za-z0-9_-]{43}$/);
  });

  test('without asking for it the reset completes with the active secret, and nothing about it is in the link', async () => {
    const { admin, link } = await provenLink();
    expect(JSON.stringify(link)).not.toContain(admin.twoFactorSecret!);
    expect(await chooseLinkPassword({ link, password: NEW_PASSWORD, confirmation: NEW_PASSWORD, clientAddress: address })).toEqual({
      ok: true,
      completed: true,
    });
  });

  test('a recovery code does not offer it (that path always enrolls a new authenticator)', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const codes = await db().transaction((tx) => replaceRecoveryCodes(tx, { userId: admin.id, tenantId: customer.id }));
    const token = await requestLink(customer.tenantDomain, admin, '203.0.113.92');
    await verifyLinkSecondFactor({ link: (await loadAccountLink(token, 'password_reset'))!, method: 'recovery_code', code: codes[0]!, clientAddress: address });
    expect((await loadAccountLink(token, 'password_reset'))!.mayReplaceAuthenticator).toBe(false);
  });
});

describe('reset or activation of an account without two-factor', () => {
  async function accountWithoutTwoFactor() {
    const { customer } = await createCustomerWithAdmin();
    const user = await createUser({ tenantId: customer.id, username: 'no.factor', withTwoFactor: false });
    const token = await requestLink(customer.tenantDomain, user, `203.0.113.${70 + Math.floor(Math.random() * 100)}`);
    return { customer, user, token };
  }

  test('the new password takes effect only together with two-factor', async () => {
    const { user, token } = await accountWithoutTwoFactor();
    let link = (await loadAccountLink(token, 'password_reset'))!;
    expect(link.step).toBe('choose_password');
    await chooseLinkPassword({ link, password: NEW_PASSWORD, confirmation: NEW_PASSWORD, clientAddress: address });
    let [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(TEST_PASSWORD, row!.passwordHash!)).toBe(true);

    link = (await loadAccountLink(token, 'password_reset'))!;
    const secret = decryptSecret(link.token.twoFactorSetupSecretEncrypted!, `two-factor-setup:${user.id}`);
    expect(await confirmLinkTwoFactor({ link, code: '000000', clientAddress: address })).toMatchObject({ ok: false });
    const result = await confirmLinkTwoFactor({ link, code: generateTotpCode({ secret }), clientAddress: address });
    if (!result.ok) throw new Error(`expected success, got ${result.code}`);
    expect(result.recoveryCodes).toHaveLength(10);

    [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(NEW_PASSWORD, row!.passwordHash!)).toBe(true);
    expect(row!.twoFactorEnabledAt).not.toBeNull();
    expect(await loadAccountLink(token, 'password_reset')).toBeNull();
  });

  test('two concurrent confirmations of one link: exactly one succeeds', async () => {
    const { user, token } = await accountWithoutTwoFactor();
    let link = (await loadAccountLink(token, 'password_reset'))!;
    await chooseLinkPassword({ link, password: NEW_PASSWORD, confirmation: NEW_PASSWORD, clientAddress: address });
    link = (await loadAccountLink(token, 'password_reset'))!;
    const secret = decryptSecret(link.token.twoFactorSetupSecretEncrypted!, `two-factor-setup:${user.id}`);
    const code = generateTotpCode({ secret });
    const results = await Promise.all([
      confirmLinkTwoFactor({ link, code, clientAddress: address }),
      confirmLinkTwoFactor({ link, code, clientAddress: address }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  test('an expired link is refused', async () => {
    const { token, user } = await accountWithoutTwoFactor();
    await db().update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.userId, user.id));
    expect(await loadAccountLink(token, 'password_reset')).toBeNull();
  });
});
