import { and, eq } from 'drizzle-orm';
import { accountTokens, auditEvents, emailOutbox, users } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { resetEnvCache } from '@/lib/env';
import { getTwoFactorRequirement } from '@/lib/two-factor/get-two-factor-requirement';
import { remindTwoFactorLater } from '@/lib/two-factor/remind-two-factor-later';
import { ACTIVATION_EMAIL_QUOTA, sendTwoFactorActivationEmail } from '@/lib/two-factor/send-two-factor-activation-email';
import { TEST_PASSWORD, createCustomerWithAdmin, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const address = '203.0.113.12';
const DAY_MS = 24 * 60 * 60 * 1000;

function configure(settings: { TWO_FACTOR_ENFORCED_FROM?: string; TWO_FACTOR_GRACE_DAYS?: string }) {
  delete process.env.TWO_FACTOR_ENFORCED_FROM;
  delete process.env.TWO_FACTOR_GRACE_DAYS;
  Object.assign(process.env, settings);
  resetEnvCache();
}
afterEach(() => configure({}));

async function newAdmin(options: { createdDaysAgo?: number; isRspLinked?: boolean } = {}) {
  const { customer } = await createCustomerWithAdmin();
  const user = await createUser({ tenantId: customer.id, username: 'new.admin', withTwoFactor: false, isRspLinked: options.isRspLinked });
  if (options.createdDaysAgo) {
    await db().update(users).set({ createdAt: new Date(Date.now() - options.createdDaysAgo * DAY_MS) }).where(eq(users.id, user.id));
  }
  const step = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'new.admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
  if (!step.ok || step.nextStep !== 'two_factor_setup') throw new Error('expected the two-factor setup step');
  return { customer, user, token: step.pendingLoginToken };
}

describe('two-factor enforcement', () => {
  test('default settings: a brand-new administrator without two-factor is blocked, no remind-me-later', async () => {
    const { user, token } = await newAdmin();
    expect((await getTwoFactorRequirement(user.id))!.canRemindLater).toBe(false);
    expect(await remindTwoFactorLater({ pendingLoginToken: token, clientAddress: address })).toEqual({ ok: false, code: 'blocked' });
    expect(await verifyTwoFactorStep({ pendingLoginToken: token, code: '', clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: false,
      code: 'two_factor_required',
    });
  });

  test('before the enforcement date "Remind me later" continues the login without a second factor', async () => {
    configure({ TWO_FACTOR_ENFORCED_FROM: new Date(Date.now() + 30 * DAY_MS).toISOString() });
    const { user, token } = await newAdmin({ createdDaysAgo: 100 });
    const requirement = (await getTwoFactorRequirement(user.id))!;
    expect(requirement.canRemindLater).toBe(true);
    expect(await remindTwoFactorLater({ pendingLoginToken: token, clientAddress: address })).toEqual({ ok: true });
    expect(await verifyTwoFactorStep({ pendingLoginToken: token, code: '', clientAddress: address, userAgent: 'jest' })).toMatchObject({ ok: true });
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'two_factor.reminder_deferred')));
    expect(audit.map((event) => event.result)).toEqual(['success']);
  });

  test('after the enforcement date an old administrator is blocked; a new one still has the grace days', async () => {
    configure({ TWO_FACTOR_ENFORCED_FROM: new Date(Date.now() - 30 * DAY_MS).toISOString() });
    const old = await newAdmin({ createdDaysAgo: 100 });
    expect(await remindTwoFactorLater({ pendingLoginToken: old.token, clientAddress: address })).toEqual({ ok: false, code: 'blocked' });
    const recent = await newAdmin({ createdDaysAgo: 2 });
    expect(await remindTwoFactorLater({ pendingLoginToken: recent.token, clientAddress: address })).toEqual({ ok: true });
  });

  test('the grace ends after TWO_FACTOR_GRACE_DAYS from account creation', async () => {
    configure({ TWO_FACTOR_ENFORCED_FROM: '2020-01-01', TWO_FACTOR_GRACE_DAYS: '3' });
    const inside = await newAdmin({ createdDaysAgo: 2 });
    expect((await getTwoFactorRequirement(inside.user.id))!.canRemindLater).toBe(true);
    const outside = await newAdmin({ createdDaysAgo: 4 });
    expect((await getTwoFactorRequirement(outside.user.id))!.canRemindLater).toBe(false);
  });

  test('"Remind me later" works once per pending login', async () => {
    configure({ TWO_FACTOR_ENFORCED_FROM: new Date(Date.now() + DAY_MS).toISOString() });
    const { token } = await newAdmin();
    expect(await remindTwoFactorLater({ pendingLoginToken: token, clientAddress: address })).toEqual({ ok: true });
    expect(await remindTwoFactorLater({ pendingLoginToken: token, clientAddress: address })).toEqual({ ok: false, code: 'pending_login_expired' });
  });
});

describe('activation email from the dialog', () => {
  test('issues a 24-hour activation link and enqueues its email together; rate limited per account', async () => {
    const { user, token } = await newAdmin();
    for (let sent = 0; sent < ACTIVATION_EMAIL_QUOTA.limit; sent += 1) {
      expect(await sendTwoFactorActivationEmail({ pendingLoginToken: token, clientAddress: address })).toEqual({ sent: true });
    }
    expect(await sendTwoFactorActivationEmail({ pendingLoginToken: token, clientAddress: address })).toEqual({ sent: false });
    const mails = await db().select().from(emailOutbox).where(and(eq(emailOutbox.userId, user.id), eq(emailOutbox.template, 'two_factor_activation')));
    expect(mails).toHaveLength(ACTIVATION_EMAIL_QUOTA.limit);
    const links = await db().select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    // A newer link kills the older ones: only one is live.
    expect(links.filter((link) => !link.revokedAt)).toHaveLength(1);
    expect(links[0]!.purpose).toBe('activation');
  });

  test('an RSP-linked account gets no activation email', async () => {
    const { user, token } = await newAdmin({ isRspLinked: true });
    expect(await sendTwoFactorActivationEmail({ pendingLoginToken: token, clientAddress: address })).toEqual({ sent: false });
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.userId, user.id))).toHaveLength(0);
  });
});
