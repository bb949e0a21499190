import { and, eq } from 'drizzle-orm';
import { auditEvents, emailOutbox, pendingLogins, sessions, users } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { createSession } from '@/lib/auth/sessions';
import { generateTotpCode } from '@/lib/auth/totp';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { resetEnvCache } from '@/lib/env';
import { confirmLoginTwoFactorSetup, startLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { loadReportLink, reportTwoFactorChange } from '@/lib/two-factor/report-two-factor-change';
import { TEST_PASSWORD, createCustomerWithAdmin, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// Issue 14.5: "This was not me" in the two-factor-activated email used to lead to the login page.
// Now it ends every session, stops the password and asks the administrators for a reset.

const { db } = useTestDatabase();
beforeAll(() => {
  process.env.PUBLIC_BASE_URL = 'https://portal.example.test';
  resetEnvCache();
});
afterAll(() => closePasswordHashPool());

const client = { clientAddress: '203.0.113.120', userAgent: 'jest' };

async function emailsTo(userId: string, template: string) {
  const rows = await db().select().from(emailOutbox).where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.template, template)));
  return rows.map((row) => JSON.parse(decryptSecret(row.payloadEncrypted!, `email:${row.id}`)) as Record<string, string>);
}

/** An administrator without two-factor enrolls from the login screen; returns the email's report token. */
async function enrollAndReadReportToken(tenantDomain: string, user: { id: string; username: string }): Promise<string> {
  const step = await verifyPasswordStep({ tenantDomain, username: user.username, password: TEST_PASSWORD, ...client });
  if (!step.ok) throw new Error('expected the password step to succeed');
  const setup = await startLoginTwoFactorSetup(step.pendingLoginToken);
  const confirmed = await confirmLoginTwoFactorSetup({ pendingLoginToken: step.pendingLoginToken, code: generateTotpCode({ secret: setup!.secret }), ...client });
  if (!confirmed.ok) throw new Error('expected the enrollment to succeed');
  const [activated] = await emailsTo(user.id, 'two_factor_activated');
  expect(activated!.reportUrl).toMatch(/^https:\/\/portal\.example\.test\/report\/[A-Za-z0-9_-]{43}$/);
  return activated!.reportUrl!.split('/report/')[1]!;
}

test('the report ends every session and pending login, stops the password and asks the other administrators, once', async () => {
  const { customer, admin } = await createCustomerWithAdmin();
  const victim = await createUser({ tenantId: customer.id, username: 'victim', withTwoFactor: false });
  const token = await enrollAndReadReportToken(customer.tenantDomain, victim);
  expect(await loadReportLink(token)).toMatchObject({ userId: victim.id, username: 'victim', tenantDomain: customer.tenantDomain });

  const { sessionId } = await createSession({ userId: victim.id, tenantId: customer.id, ipAddress: client.clientAddress, userAgent: null });
  const midLogin = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'victim', password: TEST_PASSWORD, ...client });
  expect(midLogin.ok).toBe(true);

  expect(await reportTwoFactorChange({ token, ...client })).toBe(true);

  const [session] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
  expect(session!.revokedAt).not.toBeNull();
  const open = await db().select().from(pendingLogins).where(eq(pendingLogins.userId, victim.id));
  expect(open.every((row) => row.consumedAt !== null)).toBe(true);
  const [row] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, victim.id));
  expect(row!.passwordHash).toBeNull();
  // Whoever set up the authenticator knew the password; it no longer opens anything.
  expect(await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'victim', password: TEST_PASSWORD, ...client })).toEqual({
    ok: false,
    code: 'invalid_credentials',
  });

  const asked = await emailsTo(admin.id, 'two_factor_change_reported');
  expect(asked).toEqual([
    { username: 'admin', tenantDomain: customer.tenantDomain, reportedAccount: `victim@${customer.tenantDomain}`, usersUrl: `https://portal.example.test/tenant/${customer.tenantDomain}/users` },
  ]);
  const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'two_factor.change_reported'));
  expect(event).toMatchObject({ tenantId: customer.id, actorUserId: victim.id, result: 'success', details: { administratorsNotified: 1 } });

  expect(await reportTwoFactorChange({ token, ...client })).toBe(false);
  expect(await loadReportLink(token)).toBeNull();
});

test("a customer's only administrator reports: the reseller's administrators are asked", async () => {
  const { reseller, customer } = await createCustomerWithAdmin();
  await db().delete(users).where(eq(users.tenantId, customer.id));
  const resellerAdmin = await createUser({ tenantId: reseller.id, username: 'reseller.admin' });
  const only = await createUser({ tenantId: customer.id, username: 'only.admin', withTwoFactor: false });
  const token = await enrollAndReadReportToken(customer.tenantDomain, only);
  expect(await reportTwoFactorChange({ token, ...client })).toBe(true);
  expect(await emailsTo(resellerAdmin.id, 'two_factor_change_reported')).toHaveLength(1);
});

test('an unknown or garbage report token changes nothing', async () => {
  expect(await reportTwoFactorChange({ token: 'A'.repeat(43), ...client })).toBe(false);
  expect(await reportTwoFactorChange({ token: "x' OR 1=1 --", ...client })).toBe(false);
});
