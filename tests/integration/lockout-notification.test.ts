import { and, eq } from 'drizzle-orm';
import { auditEvents, emailOutbox } from '@/db/schema';
import { LOCKOUT_THRESHOLD } from '@/lib/auth/login-throttle';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { generateTotpCode } from '@/lib/auth/totp';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { TEST_PASSWORD, createCustomerWithAdmin, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// Issue 14.5: a lock is no longer silent. The owner gets one email per lock period, with the
// time and the address, written to the outbox with the lock's audit event.
jest.mock('@/lib/auth/totp', () => {
  const actual = jest.requireActual('@/lib/auth/totp');
  return { ...actual, findTotpTimeStep: jest.fn(actual.findTotpTimeStep) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findTotpTimeStep } = require('@/lib/auth/totp') as { findTotpTimeStep: jest.Mock };

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

async function lockEmailsOf(userId: string) {
  const rows = await db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.template, 'account_locked')));
  return rows.map((row) => ({ to: row.toAddress, payload: JSON.parse(decryptSecret(row.payloadEncrypted!, `email:${row.id}`)) as Record<string, string> }));
}

const guess = (tenantDomain: string, username: string, password: string, clientAddress = '198.51.100.20') =>
  verifyPasswordStep({ tenantDomain, username, password, clientAddress, userAgent: 'Mozilla/5.0 (jest)' });

test('ten wrong passwords: one email to the owner with the time and the address; more attempts while locked send none', async () => {
  const { customer, admin } = await createCustomerWithAdmin();
  const before = Date.now();
  for (let attempt = 0; attempt < LOCKOUT_THRESHOLD + 5; attempt += 1) await guess(customer.tenantDomain, 'admin', `Wrong-${attempt}`);

  const emails = await lockEmailsOf(admin.id);
  expect(emails).toHaveLength(1);
  expect(emails[0]!.to).toBe('admin@example.test');
  expect(emails[0]!.payload).toMatchObject({ username: 'admin', tenantDomain: customer.tenantDomain, cause: 'password', ipAddress: '198.51.100.20' });
  expect(new Date(emails[0]!.payload.lockedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
  expect(new Date(emails[0]!.payload.lockedUntil!).getTime()).toBeGreaterThan(new Date(emails[0]!.payload.lockedAt!).getTime());

  const [lockout] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'login.lockout'), eq(auditEvents.tenantId, customer.id)));
  expect(lockout).toMatchObject({ userAgent: 'Mozilla/5.0 (jest)', ipAddress: '198.51.100.20', details: expect.objectContaining({ notified: true }) });
});

test('a burst of 50 concurrent guesses locks once and sends one email', async () => {
  const { customer, admin } = await createCustomerWithAdmin();
  await Promise.all(Array.from({ length: 50 }, (_, index) => guess(customer.tenantDomain, 'admin', `Wrong-${index}`, `198.51.100.${index}`)));
  expect(await lockEmailsOf(admin.id)).toHaveLength(1);
});

test('a guessed username that names no account locks too (nothing to tell), and mails nobody', async () => {
  const { customer } = await createCustomerWithAdmin();
  for (let attempt = 0; attempt < LOCKOUT_THRESHOLD; attempt += 1) await guess(customer.tenantDomain, 'nobody', 'x');
  const outbox = await db().select().from(emailOutbox).where(eq(emailOutbox.template, 'account_locked'));
  expect(outbox.filter((row) => row.tenantId === customer.id)).toEqual([]);
  const lockouts = await db().select().from(auditEvents).where(eq(auditEvents.action, 'login.lockout'));
  expect(lockouts.some((row) => row.actorLabel === `nobody@${customer.tenantDomain}` && row.details?.notified === false)).toBe(true);
});

test(`50 concurrent wrong codes over ten pending logins: at most ${LOCKOUT_THRESHOLD} are checked, one lock email about codes`, async () => {
  const { customer } = await createCustomerWithAdmin();
  const user = await createUser({ tenantId: customer.id, username: 'coder' });
  const tokens: string[] = [];
  for (let index = 0; index < 10; index += 1) {
    const step = await guess(customer.tenantDomain, 'coder', TEST_PASSWORD);
    if (!step.ok) throw new Error('expected the password step to succeed');
    tokens.push(step.pendingLoginToken);
  }
  const right = generateTotpCode({ secret: user.twoFactorSecret! });
  const wrong = right === '000000' ? '111111' : '000000';
  findTotpTimeStep.mockClear();
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, index) =>
      verifyTwoFactorStep({ pendingLoginToken: tokens[index % 10]!, code: wrong, clientAddress: '198.51.100.30', userAgent: 'jest' }),
    ),
  );
  expect(results.every((result) => !result.ok)).toBe(true);
  expect(findTotpTimeStep.mock.calls.length).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
  const emails = await lockEmailsOf(user.id);
  expect(emails).toHaveLength(1);
  expect(emails[0]!.payload).toMatchObject({ cause: 'two_factor_code', ipAddress: '198.51.100.30' });
});

test('sign-in audit events carry the browser user agent', async () => {
  const { customer, admin } = await createCustomerWithAdmin();
  const step = await guess(customer.tenantDomain, 'admin', TEST_PASSWORD);
  if (!step.ok) throw new Error('expected the password step to succeed');
  await verifyTwoFactorStep({ pendingLoginToken: step.pendingLoginToken, code: generateTotpCode({ secret: admin.twoFactorSecret! }), clientAddress: '198.51.100.20', userAgent: 'Mozilla/5.0 (jest)' });
  const rows = await db().select().from(auditEvents).where(eq(auditEvents.actorUserId, admin.id));
  expect(rows.map((row) => [row.action, row.userAgent])).toEqual(
    expect.arrayContaining([
      ['login.password', 'Mozilla/5.0 (jest)'],
      ['login.two_factor', 'Mozilla/5.0 (jest)'],
      ['login.completed', 'Mozilla/5.0 (jest)'],
    ]),
  );
});
