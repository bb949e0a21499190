import { and, eq } from 'drizzle-orm';
import { auditEvents, users } from '@/db/schema';
import { getDb } from '@/db/client';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { checkSession, createSession } from '@/lib/auth/sessions';
import { generateTotpCode } from '@/lib/auth/totp';
import { listUserSessions } from '@/lib/sessions/list-user-sessions';
import { revokeOtherSessions } from '@/lib/sessions/revoke-other-sessions';
import { regenerateRecoveryCodes } from '@/lib/two-factor/regenerate-recovery-codes';
import { replaceRecoveryCodes, redeemRecoveryCode } from '@/lib/two-factor/recovery-codes';
import { createCustomerWithAdmin } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const address = '203.0.113.13';

async function sessionVersion(userId: string) {
  const [row] = await db().select({ version: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row!.version;
}

describe('security page', () => {
  test('regenerating recovery codes needs a current code; a wrong or replayed code changes nothing', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const oldCodes = await replaceRecoveryCodes(getDb(), { userId: admin.id, tenantId: customer.id });
    const base = { userId: admin.id, tenantId: customer.id, actorLabel: 'admin', clientAddress: address };
    const code = generateTotpCode({ secret: admin.twoFactorSecret! });
    const wrong = code === '000000' ? '111111' : '000000';

    expect(await regenerateRecoveryCodes({ ...base, code: wrong })).toEqual({ ok: false, code: 'invalid_code' });
    expect(await redeemRecoveryCode({ userId: admin.id, code: oldCodes[0]! })).toMatchObject({ ok: true });

    const result = await regenerateRecoveryCodes({ ...base, code });
    if (!result.ok) throw new Error('expected new codes');
    expect(result.recoveryCodes).toHaveLength(10);
    expect(await redeemRecoveryCode({ userId: admin.id, code: oldCodes[1]! })).toEqual({ ok: false });
    expect(await redeemRecoveryCode({ userId: admin.id, code: result.recoveryCodes[0]! })).toMatchObject({ ok: true, remaining: 9 });

    expect(await regenerateRecoveryCodes({ ...base, code })).toEqual({ ok: false, code: 'invalid_code' });
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, admin.id), eq(auditEvents.action, 'two_factor.recovery_codes_regenerated')));
    expect(audit.map((event) => event.result).sort()).toEqual(['failure', 'failure', 'success']);
  });

  test('"Log out other sessions" ends the others and keeps the current one signed in', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const version = await sessionVersion(admin.id);
    const current = await createSession({ userId: admin.id, tenantId: customer.id, ipAddress: address, userAgent: 'current' });
    const other = await createSession({ userId: admin.id, tenantId: customer.id, ipAddress: '198.51.100.2', userAgent: 'other' });

    const listed = await listUserSessions({ userId: admin.id, currentSessionId: current.sessionId });
    expect(listed.map((entry) => [entry.userAgent, entry.isCurrent]).sort()).toEqual([
      ['current', true],
      ['other', false],
    ]);

    expect(await revokeOtherSessions({ userId: admin.id, tenantId: customer.id, currentSessionId: current.sessionId, actorLabel: 'admin', clientAddress: address })).toEqual({
      revoked: 1,
    });
    expect(await checkSession({ sessionId: current.sessionId, sessionVersion: version })).toMatchObject({ ok: true });
    expect(await checkSession({ sessionId: other.sessionId, sessionVersion: version })).toEqual({ ok: false, reason: 'revoked' });
    expect(await sessionVersion(admin.id)).toBe(version);
    expect((await listUserSessions({ userId: admin.id, currentSessionId: current.sessionId })).map((entry) => entry.id)).toEqual([current.sessionId]);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.actorUserId, admin.id), eq(auditEvents.action, 'session.others_revoked')));
    expect(audit).toHaveLength(1);
  });

  test("another user's sessions are untouched", async () => {
    const first = await createCustomerWithAdmin();
    const second = await createCustomerWithAdmin();
    const mine = await createSession({ userId: first.admin.id, tenantId: first.customer.id, ipAddress: address, userAgent: 'mine' });
    const theirs = await createSession({ userId: second.admin.id, tenantId: second.customer.id, ipAddress: address, userAgent: 'theirs' });
    await revokeOtherSessions({ userId: first.admin.id, tenantId: first.customer.id, currentSessionId: mine.sessionId, actorLabel: 'admin', clientAddress: address });
    expect(await checkSession({ sessionId: theirs.sessionId, sessionVersion: await sessionVersion(second.admin.id) })).toMatchObject({ ok: true });
  });
});
