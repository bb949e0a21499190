import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { generateTotpCode } from '@/lib/auth/totp';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { getTwoFactorRequirement } from '@/lib/two-factor/get-two-factor-requirement';
import { confirmLoginTwoFactorSetup, startLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { resetUserTwoFactor } from '@/lib/users/reset-user-two-factor';
import { TEST_PASSWORD, createCustomerWithAdmin } from '../support/factories';
import { useTestDatabase } from '../support/test-database';
import { CLIENT_ADDRESS, accessAs } from '../support/sessions';
import { addUser } from '../support/world';

// Issue 14.4: after an administrator's two-factor reset a helpdesk user signed in with the
// password alone, although the email said "You will set it up again at your next sign-in".
// A reset now means enrollment before any session, for every role.

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const passwordStep = (tenantDomain: string, username: string) =>
  verifyPasswordStep({ tenantDomain, username, password: TEST_PASSWORD, clientAddress: CLIENT_ADDRESS, userAgent: 'jest' });

describe.each(['helpdesk', 'auditor', 'admin'] as const)('a %s whose two-factor an administrator reset', (role) => {
  async function resetAccount() {
    const { customer, admin } = await createCustomerWithAdmin();
    const target = await addUser({ tenantId: customer.id, username: `${role}.user`, role });
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    await resetUserTwoFactor(access, { userId: target.id, clientAddress: CLIENT_ADDRESS });
    return { customer, target };
  }

  test('must enroll at the next sign-in: no session from the password alone, no "Remind me later"', async () => {
    const { customer, target } = await resetAccount();
    const step = await passwordStep(customer.tenantDomain, target.username);
    expect(step).toMatchObject({ ok: true, nextStep: 'two_factor_setup' });
    if (!step.ok) throw new Error('expected the password step to succeed');
    expect(await verifyTwoFactorStep({ pendingLoginToken: step.pendingLoginToken, code: '', clientAddress: CLIENT_ADDRESS, userAgent: 'jest' })).toEqual({
      ok: false,
      code: 'two_factor_required',
    });
    expect(await getTwoFactorRequirement(target.id)).toMatchObject({ hasTwoFactor: false, isReset: true, canRemindLater: false });
  });

  test('enrolls from the login screen; afterwards the code is asked again and the reset is over', async () => {
    const { customer, target } = await resetAccount();
    const step = await passwordStep(customer.tenantDomain, target.username);
    if (!step.ok) throw new Error('expected the password step to succeed');
    const setup = await startLoginTwoFactorSetup(step.pendingLoginToken);
    expect(setup).not.toBeNull();
    const confirmed = await confirmLoginTwoFactorSetup({
      pendingLoginToken: step.pendingLoginToken,
      code: generateTotpCode({ secret: setup!.secret }),
      clientAddress: CLIENT_ADDRESS,
      userAgent: 'jest',
    });
    expect(confirmed.ok).toBe(true);
    const [row] = await db().select({ resetAt: users.twoFactorResetAt }).from(users).where(eq(users.id, target.id));
    expect(row!.resetAt).toBeNull();
    expect(await passwordStep(customer.tenantDomain, target.username)).toMatchObject({ ok: true, nextStep: 'two_factor_code' });
  });
});

test('a helpdesk user who never had two-factor still signs in with the password (nothing was reset)', async () => {
  const { customer } = await createCustomerWithAdmin();
  const user = await addUser({ tenantId: customer.id, username: 'plain.helpdesk', role: 'helpdesk', withTwoFactor: false });
  expect(await passwordStep(customer.tenantDomain, user.username)).toMatchObject({ ok: true, nextStep: 'none' });
});
