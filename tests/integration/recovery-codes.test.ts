import { and, eq } from 'drizzle-orm';
import { auditEvents, emailOutbox, pendingLogins, recoveryCodes, users } from '@/db/schema';
import { getDb } from '@/db/client';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { startLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { countRemainingRecoveryCodes, replaceRecoveryCodes, redeemRecoveryCode } from '@/lib/two-factor/recovery-codes';
import { redeemLoginRecoveryCode } from '@/lib/two-factor/redeem-login-recovery-code';
import { TEST_PASSWORD, createCustomerWithAdmin } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const address = '203.0.113.11';

async function adminWithCodes() {
  const { customer, admin } = await createCustomerWithAdmin();
  const codes = await replaceRecoveryCodes(getDb(), { userId: admin.id, tenantId: customer.id });
  return { customer, admin, codes };
}

async function pendingCodeLogin(tenantDomain: string, username: string) {
  const result = await verifyPasswordStep({ tenantDomain, username, password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
  if (!result.ok || result.nextStep !== 'two_factor_code') throw new Error('expected a pending code step');
  return result.pendingLoginToken;
}

describe('recovery codes', () => {
  test('a code works once, in any spelling; the count goes down', async () => {
    const { admin, codes } = await adminWithCodes();
    expect(await countRemainingRecoveryCodes(admin.id)).toBe(10);
    expect(await redeemRecoveryCode({ userId: admin.id, code: ` ${codes[0]!.toUpperCase().replace(/-/g, ' ')} ` })).toEqual({ ok: true, remaining: 9 });
    expect(await redeemRecoveryCode({ userId: admin.id, code: codes[0]! })).toEqual({ ok: false });
    expect(await countRemainingRecoveryCodes(admin.id)).toBe(9);
  });

  test("another user's code does not work", async () => {
    const first = await adminWithCodes();
    const second = await adminWithCodes();
    expect(await redeemRecoveryCode({ userId: second.admin.id, code: first.codes[0]! })).toEqual({ ok: false });
  });

  test('the same code used concurrently: exactly one request succeeds', async () => {
    const { admin, codes } = await adminWithCodes();
    const results = await Promise.all(Array.from({ length: 8 }, () => redeemRecoveryCode({ userId: admin.id, code: codes[3]! })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  test('regenerating replaces every old code', async () => {
    const { customer, admin, codes } = await adminWithCodes();
    await replaceRecoveryCodes(getDb(), { userId: admin.id, tenantId: customer.id });
    expect(await redeemRecoveryCode({ userId: admin.id, code: codes[1]! })).toEqual({ ok: false });
    expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, admin.id))).toHaveLength(10);
  });
});

describe('login with a recovery code', () => {
  test('signs in, tells how many remain, emails the owner and writes an audit event', async () => {
    const { customer, admin, codes } = await adminWithCodes();
    const token = await pendingCodeLogin(customer.tenantDomain, admin.username);
    expect(await redeemLoginRecoveryCode({ pendingLoginToken: token, code: codes[0]!, clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: true,
      remaining: 9,
      nextStep: 'none',
    });
    expect(await verifyTwoFactorStep({ pendingLoginToken: token, code: '', clientAddress: address, userAgent: 'jest' })).toMatchObject({ ok: true });
    const mail = await db().select().from(emailOutbox).where(and(eq(emailOutbox.userId, admin.id), eq(emailOutbox.template, 'recovery_code_used')));
    expect(mail).toHaveLength(1);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.actorUserId, admin.id), eq(auditEvents.action, 'two_factor.recovery_code_used')));
    expect(audit.map((event) => event.result)).toEqual(['success']);
  });

  test('a used or wrong recovery code is refused and the pending login still needs a factor', async () => {
    const { customer, admin, codes } = await adminWithCodes();
    await redeemRecoveryCode({ userId: admin.id, code: codes[0]! });
    const token = await pendingCodeLogin(customer.tenantDomain, admin.username);
    expect(await redeemLoginRecoveryCode({ pendingLoginToken: token, code: codes[0]!, clientAddress: address, userAgent: 'jest' })).toEqual({ ok: false, code: 'invalid_code' });
    expect(await redeemLoginRecoveryCode({ pendingLoginToken: token, code: 'aaaa-bbbb-cccc-dddd', clientAddress: address, userAgent: 'jest' })).toEqual({ ok: false, code: 'invalid_code' });
    expect(await verifyTwoFactorStep({ pendingLoginToken: token, code: '', clientAddress: address, userAgent: 'jest' })).toEqual({ ok: false, code: 'invalid_code' });
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.userId, admin.id))).toHaveLength(0);
  });

  test('the last code leads into a new enrollment inside the same login, not into a session', async () => {
    const { customer, admin, codes } = await adminWithCodes();
    for (const code of codes.slice(0, 9)) await redeemRecoveryCode({ userId: admin.id, code });
    const token = await pendingCodeLogin(customer.tenantDomain, admin.username);
    expect(await redeemLoginRecoveryCode({ pendingLoginToken: token, code: codes[9]!, clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: true,
      remaining: 0,
      nextStep: 'two_factor_setup',
    });
    expect(await verifyTwoFactorStep({ pendingLoginToken: token, code: '', clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: false,
      code: 'two_factor_required',
    });
    expect(await startLoginTwoFactorSetup(token)).not.toBeNull();
    // Two-factor stays on: a later password-only login cannot enroll a new authenticator.
    const [row] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(row!.twoFactorEnabledAt).not.toBeNull();
  });

  test('a pending login that is used up accepts no recovery code', async () => {
    const { customer, admin, codes } = await adminWithCodes();
    const token = await pendingCodeLogin(customer.tenantDomain, admin.username);
    await db().update(pendingLogins).set({ codeAttempts: 5 }).where(eq(pendingLogins.userId, admin.id));
    expect(await redeemLoginRecoveryCode({ pendingLoginToken: token, code: codes[0]!, clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: false,
      code: 'pending_login_expired',
    });
    expect(await countRemainingRecoveryCodes(admin.id)).toBe(10);
  });
});
