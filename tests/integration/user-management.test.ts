import { and, eq, isNull } from 'drizzle-orm';
import { accountTokens, auditEvents, emailOutbox, recoveryCodes, sessions, users } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { changeUserRole } from '@/lib/users/change-user-role';
import { createUser as inviteUser } from '@/lib/users/create-user';
import { listUsers } from '@/lib/users/list-users';
import { resetUserTwoFactor } from '@/lib/users/reset-user-two-factor';
import { sendUserPasswordReset } from '@/lib/users/send-user-password-reset';
import { setUserDisabled } from '@/lib/users/set-user-disabled';
import { PermissionDeniedError } from '@/lib/access/permissions';
import { createCustomerWithAdmin } from '../support/factories';
import { useTestDatabase } from '../support/test-database';
import { CLIENT_ADDRESS, accessAs, sessionOf } from '../support/sessions';
import { addUser, tenantWorld } from '../support/world';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const ip = CLIENT_ADDRESS;

async function userRow(id: string) {
  const [row] = await db().select().from(users).where(eq(users.id, id));
  return row!;
}

describe('user management', () => {
  test('users list shows only the acting tenant users, without secrets', async () => {
    const { alpha, alphaAdmin, betaAdmin } = await tenantWorld();
    const helpdesk = await addUser({ tenantId: alpha.id, role: 'helpdesk', withTwoFactor: false });
    const { rows } = await listUsers(await accessAs(alphaAdmin, alpha.tenantDomain));
    expect(rows.map((row) => row.id).sort()).toEqual([alphaAdmin.id, helpdesk.id].sort());
    expect(rows.find((row) => row.id === helpdesk.id)).toMatchObject({ twoFactor: 'not_yet', role: 'helpdesk' });
    expect(rows.find((row) => row.id === alphaAdmin.id)).toMatchObject({ twoFactor: 'active', isSelf: true });
    expect(JSON.stringify(rows)).not.toMatch(/passwordHash|Secret/);
    expect(rows.some((row) => row.id === betaAdmin.id)).toBe(false);
  });

  test('an administrator without two-factor shows a deadline; other roles and enrolled admins do not', async () => {
    const { alpha, alphaAdmin } = await tenantWorld();
    const newAdmin = await addUser({ tenantId: alpha.id, role: 'admin', withTwoFactor: false });
    const helpdesk = await addUser({ tenantId: alpha.id, role: 'helpdesk', withTwoFactor: false });
    const { rows } = await listUsers(await accessAs(alphaAdmin, alpha.tenantDomain));
    expect(rows.find((row) => row.id === newAdmin.id)!.twoFactorDeadline).toEqual(expect.any(String));
    expect(rows.find((row) => row.id === helpdesk.id)!.twoFactorDeadline).toBeNull();
    expect(rows.find((row) => row.id === alphaAdmin.id)!.twoFactorDeadline).toBeNull();
  });

  test('admin creates a user: user, activation token, invitation email and audit event in one go', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    const { userId } = await inviteUser(access, { username: 'New.Person', email: 'new.person@example.test', role: 'helpdesk', locale: 'de', clientAddress: ip });
    const created = await userRow(userId);
    expect(created).toMatchObject({ tenantId: customer.id, role: 'helpdesk', passwordHash: null, twoFactorSecretEncrypted: null, locale: 'de' });
    const tokens = await db().select().from(accountTokens).where(eq(accountTokens.userId, userId));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'activation', usedAt: null, revokedAt: null });
    expect(tokens[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, userId));
    expect(mails).toEqual([expect.objectContaining({ template: 'user_invitation', toAddress: 'new.person@example.test', locale: 'de' })]);
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'user.created'), eq(auditEvents.result, 'success')));
    expect(event).toMatchObject({ tenantId: customer.id, actorUserId: admin.id });
  });

  test('username is unique per tenant, case-insensitive; a refused create writes nothing', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    const before = await db().select().from(emailOutbox);
    await expect(inviteUser(access, { username: 'ADMIN', email: 'x@example.test', role: 'auditor', locale: 'en', clientAddress: ip })).rejects.toMatchObject({ code: 'username_taken' });
    expect(await db().select().from(users).where(eq(users.tenantId, customer.id))).toHaveLength(1);
    expect(await db().select().from(emailOutbox)).toHaveLength(before.length);
  });

  test('helpdesk cannot create users or change roles', async () => {
    const { customer } = await createCustomerWithAdmin();
    const helpdesk = await addUser({ tenantId: customer.id, role: 'helpdesk' });
    const access = await accessAs(helpdesk, customer.tenantDomain);
    await expect(inviteUser(access, { username: 'sneaky', email: 's@example.test', role: 'admin', locale: 'en', clientAddress: ip })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(changeUserRole(access, { userId: helpdesk.id, role: 'admin', clientAddress: ip })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await userRow(helpdesk.id)).role).toBe('helpdesk');
  });

  test('an actor cannot grant a role with permissions it does not have', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    // A forged access context standing for a narrower actor: helpdesk lacks audit.view, which auditor has.
    const narrowed = { ...access, session: { ...access.session, user: { ...access.session.user, role: 'helpdesk' as const } } };
    const { canGrantRole } = await import('@/lib/users/role-grants');
    expect(canGrantRole(narrowed, 'auditor')).toBe(false);
    expect(canGrantRole(narrowed, 'helpdesk')).toBe(true);
    expect(canGrantRole(access, 'admin')).toBe(true);
  });

  test('an admin cannot disable themselves', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    await addUser({ tenantId: customer.id, role: 'admin' });
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    await expect(setUserDisabled(access, { userId: admin.id, disabled: true, clientAddress: ip })).rejects.toMatchObject({ code: 'cannot_disable_self' });
    expect((await userRow(admin.id)).disabledAt).toBeNull();
  });

  test('disabling ends the user sessions and kills live links; enabling brings the account back', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const target = await addUser({ tenantId: customer.id, role: 'helpdesk' });
    const { sessionId } = await sessionOf(target);
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    await sendUserPasswordReset(access, { userId: target.id, clientAddress: ip });
    await setUserDisabled(access, { userId: target.id, disabled: true, clientAddress: ip });
    expect((await userRow(target.id)).disabledAt).not.toBeNull();
    const [session] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session!.revokedAt).not.toBeNull();
    const live = await db().select().from(accountTokens).where(and(eq(accountTokens.userId, target.id), isNull(accountTokens.revokedAt)));
    expect(live).toHaveLength(0);
    await expect(sendUserPasswordReset(access, { userId: target.id, clientAddress: ip })).rejects.toMatchObject({ code: 'user_disabled' });
    await setUserDisabled(access, { userId: target.id, disabled: false, clientAddress: ip });
    expect((await userRow(target.id)).disabledAt).toBeNull();
  });

  test('the last active admin cannot be demoted or disabled (a reseller acting for the customer neither)', async () => {
    const { reseller, customer, admin } = await createCustomerWithAdmin();
    const resellerAdmin = await addUser({ tenantId: reseller.id });
    const access = await accessAs(resellerAdmin, customer.tenantDomain);
    await expect(changeUserRole(access, { userId: admin.id, role: 'auditor', clientAddress: ip })).rejects.toMatchObject({ code: 'last_admin' });
    await expect(setUserDisabled(access, { userId: admin.id, disabled: true, clientAddress: ip })).rejects.toMatchObject({ code: 'last_admin' });
    expect(await userRow(admin.id)).toMatchObject({ role: 'admin', disabledAt: null });
    const failures = await db().select().from(auditEvents).where(and(eq(auditEvents.tenantId, customer.id), eq(auditEvents.result, 'failure')));
    expect(failures.length).toBe(2);
    expect(failures[0]!.details).toMatchObject({ reason: 'last_admin', actingFor: customer.tenantDomain });
  });

  test('a disabled second admin does not count: the only active admin stays admin', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const other = await addUser({ tenantId: customer.id, role: 'admin', disabled: true });
    const access = await accessAs(await addUser({ tenantId: customer.id, role: 'admin' }), customer.tenantDomain);
    await setUserDisabled(access, { userId: admin.id, disabled: true, clientAddress: ip });
    await expect(changeUserRole(access, { userId: access.session.user.id, role: 'helpdesk', clientAddress: ip })).rejects.toMatchObject({ code: 'last_admin' });
    expect((await userRow(other.id)).role).toBe('admin');
  });

  test('two concurrent demotions of the two last admins leave at least one admin', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { reseller, customer, admin } = await createCustomerWithAdmin();
      const second = await addUser({ tenantId: customer.id, role: 'admin' });
      // Two reseller admins acting for the customer: no row of theirs is shared with the targets,
      // so only the lock on the tenant's admin rows can serialise the two demotions.
      const accessA = await accessAs(await addUser({ tenantId: reseller.id }), customer.tenantDomain);
      const accessB = await accessAs(await addUser({ tenantId: reseller.id }), customer.tenantDomain);
      const results = await Promise.allSettled([
        changeUserRole(accessA, { userId: second.id, role: 'helpdesk', clientAddress: ip }),
        changeUserRole(accessB, { userId: admin.id, role: 'auditor', clientAddress: ip }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const admins = await db().select().from(users).where(and(eq(users.tenantId, customer.id), eq(users.role, 'admin')));
      expect(admins).toHaveLength(1);
    }
  });

  test('changing a role ends the user sessions', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const target = await addUser({ tenantId: customer.id, role: 'helpdesk' });
    const { sessionId } = await sessionOf(target);
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    await changeUserRole(access, { userId: target.id, role: 'auditor', clientAddress: ip });
    expect(await userRow(target.id)).toMatchObject({ role: 'auditor', sessionVersion: 2 });
    const [session] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session!.revokedAt).not.toBeNull();
  });

  test('reset two-factor clears secret, step and recovery codes, ends sessions and emails the user', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const target = await addUser({ tenantId: customer.id, role: 'helpdesk' });
    await db().update(users).set({ twoFactorLastStep: 123 }).where(eq(users.id, target.id));
    await db().insert(recoveryCodes).values({ tenantId: customer.id, userId: target.id, codeHash: 'hash-1' });
    const { sessionId } = await sessionOf(target);
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    await resetUserTwoFactor(access, { userId: target.id, clientAddress: ip });
    expect(await userRow(target.id)).toMatchObject({ twoFactorSecretEncrypted: null, twoFactorEnabledAt: null, twoFactorLastStep: null });
    expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, target.id))).toHaveLength(0);
    const [session] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session!.revokedAt).not.toBeNull();
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, target.id));
    expect(mails.map((mail) => mail.template)).toEqual(['two_factor_reset_by_admin']);
    const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'user.two_factor_reset'));
    expect(events).toHaveLength(1);
  });

  test('send password reset writes a 60-minute token and the email together; a newer link kills the older', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const target = await addUser({ tenantId: customer.id, role: 'auditor' });
    const access = await accessAs({ id: admin.id, tenantId: customer.id }, customer.tenantDomain);
    await sendUserPasswordReset(access, { userId: target.id, clientAddress: ip });
    await sendUserPasswordReset(access, { userId: target.id, clientAddress: ip });
    const tokens = await db().select().from(accountTokens).where(eq(accountTokens.userId, target.id));
    expect(tokens).toHaveLength(2);
    expect(tokens.filter((token) => token.revokedAt === null)).toHaveLength(1);
    const live = tokens.find((token) => token.revokedAt === null)!;
    expect(live.purpose).toBe('password_reset');
    expect(live.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, target.id));
    expect(mails.map((mail) => mail.template)).toEqual(['password_reset', 'password_reset']);
  });
});
