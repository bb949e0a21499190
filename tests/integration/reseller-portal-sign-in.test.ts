import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditEvents, licenses, resellerPortalLinks, sessions, users } from '@/db/schema';
import { findPendingLogin } from '@/lib/auth/pending-login';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { checkSession, revokeSession } from '@/lib/auth/sessions';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { findLicenseContact } from '@/lib/auth/find-license-contact';
import { getSignInTwoFactorRequirement } from '@/lib/two-factor/sign-in-two-factor-requirement';
import { signInWithResellerPortal } from '@/lib/reseller-portal/sign-in-with-reseller-portal';
import type { ResellerPortalIdentity } from '@/lib/reseller-portal/verify-reseller-portal-id-token';
import { startLoginTwoFactorSetup } from '@/lib/two-factor/login-two-factor-setup';
import { remindTwoFactorLater } from '@/lib/two-factor/remind-two-factor-later';
import { createLicense, createTenant, createUser } from '../support/factories';
import { withEnv } from '../support/environment';
import { useTestDatabase } from '../support/test-database';

// Sign-in through the reseller portal once its ID token is verified (issue 15): linking by claims
// on the first sign-in, the subject afterwards, the second factor, and the same session rules.

const { db } = useTestDatabase();
afterAll(() => closePasswordHashPool());

const ISSUER = 'https://rsp.example.test';
const address = '203.0.113.9';

beforeAll(() => withEnv({ RESELLER_PORTAL_ISSUER: ISSUER, RESELLER_PORTAL_CLIENT_ID: 'mobile-security-portal', RESELLER_PORTAL_CLIENT_SECRET: 'a-client-secret-of-some-length' }));
afterEach(() => withEnv({ TWO_FACTOR_ENFORCED_FROM: undefined }));

function identityFor(account: { tenantDomain: string; username: string }, overrides: Partial<ResellerPortalIdentity> = {}): ResellerPortalIdentity {
  return { issuer: ISSUER, subject: randomUUID(), tenantDomain: account.tenantDomain, username: account.username, amr: ['pwd', 'otp'], acr: null, ...overrides };
}

function signIn(identity: ResellerPortalIdentity, acceptedAcrValues: string[] = []) {
  return signInWithResellerPortal({ identity, acceptedAcrValues, clientAddress: address, userAgent: 'jest' });
}

async function rspLinkedUser(options: { kind?: 'reseller' | 'customer'; role?: 'admin' | 'helpdesk'; withTwoFactor?: boolean; licenseUntilDays?: number } = {}) {
  const reseller = await createTenant({ kind: 'reseller' });
  let tenant = reseller;
  if (options.kind === 'customer') {
    tenant = await createTenant({ kind: 'customer', resellerId: reseller.id });
    await createLicense({ tenantId: tenant.id, resellerTenantId: reseller.id, validFromDays: -60, validUntilDays: options.licenseUntilDays ?? 30 });
  }
  const user = await createUser({ tenantId: tenant.id, role: options.role ?? 'admin', isRspLinked: true, withTwoFactor: options.withTwoFactor ?? false });
  return { tenant, reseller, user, account: { tenantDomain: tenant.tenantDomain, username: user.username } };
}

async function auditOf(action: string, userId?: string) {
  const rows = await db().select().from(auditEvents).where(eq(auditEvents.action, action));
  return rows.filter((row) => userId === undefined || row.actorUserId === userId);
}

describe('reseller portal sign-in: linking', () => {
  test('an RSP-linked reseller administrator with a second factor is linked on the first sign-in and gets a session row', async () => {
    const { user, account, tenant } = await rspLinkedUser();
    const identity = identityFor(account);
    const result = await signIn(identity);
    expect(result).toMatchObject({ ok: true, userId: user.id, tenantDomain: tenant.tenantDomain });
    if (!result.ok) throw new Error('expected a session');
    expect((await checkSession({ sessionId: result.sessionId, sessionVersion: result.sessionVersion })).ok).toBe(true);
    expect(await db().select().from(resellerPortalLinks).where(eq(resellerPortalLinks.userId, user.id))).toEqual([
      expect.objectContaining({ issuer: ISSUER, subject: identity.subject, tenantId: tenant.id, lastSignInAt: expect.any(Date) }),
    ]);
    expect(await auditOf('reseller_portal.linked', user.id)).toHaveLength(1);
    expect((await auditOf('login.reseller_portal', user.id)).map((row) => [row.result, row.details])).toEqual([
      ['success', { issuer: ISSUER, subject: identity.subject, secondFactor: true, linkedNow: true }],
    ]);
    expect((await auditOf('login.completed', user.id)).map((row) => row.result)).toEqual(['success']);
  });

  test('afterwards the subject decides: a renamed account in the reseller portal still reaches its own user only', async () => {
    const { user, account } = await rspLinkedUser();
    const other = await rspLinkedUser();
    const identity = identityFor(account);
    expect(await signIn(identity)).toMatchObject({ ok: true, userId: user.id });
    // The same subject now claims another user's name: still its own user, never the other.
    expect(await signIn({ ...identity, ...other.account })).toMatchObject({ ok: true, userId: user.id });
    expect(await auditOf('reseller_portal.linked', other.user.id)).toHaveLength(0);
  });

  test('a local account is never taken over by a token that claims its username', async () => {
    const tenant = await createTenant({ kind: 'reseller' });
    const local = await createUser({ tenantId: tenant.id, username: 'admin' });
    const identity = identityFor({ tenantDomain: tenant.tenantDomain, username: 'ADMIN' });
    expect(await signIn(identity)).toEqual({ ok: false, code: 'not_linkable' });
    expect(await db().select().from(resellerPortalLinks).where(eq(resellerPortalLinks.userId, local.id))).toHaveLength(0);
    expect(await db().select().from(sessions).where(eq(sessions.userId, local.id))).toHaveLength(0);
    expect((await auditOf('login.reseller_portal', local.id)).map((row) => [row.result, row.details?.reason])).toEqual([['denied', 'not_rsp_linked']]);
  });

  test('an RSP-linked user linked to one subject is refused to every other subject that claims it', async () => {
    const { user, account } = await rspLinkedUser();
    const first = identityFor(account);
    expect(await signIn(first)).toMatchObject({ ok: true });
    expect(await signIn(identityFor(account))).toEqual({ ok: false, code: 'not_linkable' });
    expect((await auditOf('login.reseller_portal', user.id)).map((row) => row.details?.reason ?? 'ok')).toEqual(['ok', 'linked_to_other_subject']);
    expect(await signIn(first)).toMatchObject({ ok: true, userId: user.id });
  });

  test('two first sign-ins of different subjects at once: exactly one is linked', async () => {
    const { user, account } = await rspLinkedUser();
    const results = await Promise.all([signIn(identityFor(account)), signIn(identityFor(account)), signIn(identityFor(account))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db().select().from(resellerPortalLinks).where(eq(resellerPortalLinks.userId, user.id))).toHaveLength(1);
  });

  test('links belong to their issuer: the same subject string of another issuer is another account', async () => {
    const first = await rspLinkedUser();
    const second = await rspLinkedUser();
    const identity = identityFor(first.account);
    expect(await signIn(identity)).toMatchObject({ ok: true, userId: first.user.id });
    expect(await signIn({ ...identity, issuer: 'https://other-rsp.example.test', ...second.account })).toMatchObject({ ok: true, userId: second.user.id });
  });

  test('unknown accounts and missing or malformed claims are refused and audited', async () => {
    const { tenant } = await rspLinkedUser();
    const cases: Array<[Partial<ResellerPortalIdentity>, string]> = [
      [{ tenantDomain: '999999.sms', username: 'nobody' }, 'unknown_account'],
      [{ tenantDomain: tenant.tenantDomain, username: 'nobody' }, 'unknown_account'],
      [{ tenantDomain: null }, 'claims_invalid'],
      [{ username: '   ' }, 'claims_invalid'],
      [{ tenantDomain: 'not-a-tenant' }, 'claims_invalid'],
    ];
    for (const [overrides, reason] of cases) {
      const identity = identityFor({ tenantDomain: tenant.tenantDomain, username: 'x' }, overrides);
      expect(await signIn(identity)).toEqual({ ok: false, code: 'not_linkable' });
      const [event] = (await auditOf('login.reseller_portal')).filter((row) => row.details?.subject === identity.subject);
      expect({ result: event?.result, reason: event?.details?.reason, ip: event?.ipAddress }).toEqual({ result: 'denied', reason, ip: address });
    }
  });

  test('a disabled user, or one no longer RSP-linked, is refused even through its link', async () => {
    const { user, account } = await rspLinkedUser();
    const identity = identityFor(account);
    expect(await signIn(identity)).toMatchObject({ ok: true });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await signIn(identity)).toEqual({ ok: false, code: 'not_linkable' });
    await db().update(users).set({ disabledAt: null, isRspLinked: false }).where(eq(users.id, user.id));
    expect(await signIn(identity)).toEqual({ ok: false, code: 'not_linkable' });
    expect((await auditOf('login.reseller_portal', user.id)).map((row) => row.details?.reason ?? 'ok')).toEqual(['ok', 'user_disabled', 'not_rsp_linked']);
  });
});

describe('reseller portal sign-in: second factor and sessions', () => {
  test('an administrator whose token names no second factor gets no session, but the RSP dialog', async () => {
    // A TOTP of ours (from before the link) changes nothing: the reseller portal's word counts.
    const { user, account } = await rspLinkedUser({ withTwoFactor: true });
    const result = await signIn(identityFor(account, { amr: ['pwd'] }));
    expect(result).toMatchObject({ ok: false, code: 'second_factor_required' });
    if (result.ok || !('pendingLoginToken' in result)) throw new Error('expected a pending login');
    const pending = await findPendingLogin(result.pendingLoginToken);
    expect(pending).toMatchObject({ nextStep: 'two_factor_setup', method: 'reseller_portal', user: { id: user.id } });
    expect(await getSignInTwoFactorRequirement(pending!)).toMatchObject({ isRspLinked: true, hasTwoFactor: false, canRemindLater: false });
    // Neither the code step nor an enrollment of our own TOTP can turn it into a session.
    expect(await verifyTwoFactorStep({ pendingLoginToken: result.pendingLoginToken, code: '', clientAddress: address, userAgent: 'jest' })).toEqual({
      ok: false,
      code: 'two_factor_required',
    });
    expect(await startLoginTwoFactorSetup(result.pendingLoginToken)).toBeNull();
    expect(await remindTwoFactorLater({ pendingLoginToken: result.pendingLoginToken, clientAddress: address })).toEqual({ ok: false, code: 'blocked' });
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await auditOf('login.reseller_portal', user.id)).map((row) => [row.result, row.details?.reason])).toEqual([['denied', 'second_factor_missing']]);
  });

  test('after activating two-factor there, the same person signs in', async () => {
    const { user, account } = await rspLinkedUser();
    const identity = identityFor(account, { amr: ['pwd'] });
    expect(await signIn(identity)).toMatchObject({ code: 'second_factor_required' });
    expect(await signIn({ ...identity, amr: ['pwd', 'otp'] })).toMatchObject({ ok: true, userId: user.id });
  });

  test('an acr agreed in RESELLER_PORTAL_TWO_FACTOR_ACR counts as a second factor; another does not', async () => {
    const { account } = await rspLinkedUser();
    const identity = identityFor(account, { amr: ['pwd'], acr: 'urn:rsp:loa:2fa' });
    expect(await signIn(identity, ['urn:rsp:loa:2fa'])).toMatchObject({ ok: true });
    expect(await signIn(identity, ['urn:rsp:loa:3fa'])).toMatchObject({ code: 'second_factor_required' });
  });

  test('a helpdesk user needs no second factor, unless an administrator reset its two-factor', async () => {
    const { user, account } = await rspLinkedUser({ role: 'helpdesk' });
    const identity = identityFor(account, { amr: ['pwd'] });
    expect(await signIn(identity)).toMatchObject({ ok: true });
    await db().update(users).set({ twoFactorResetAt: new Date() }).where(eq(users.id, user.id));
    expect(await signIn(identity)).toMatchObject({ code: 'second_factor_required' });
  });

  test('before the enforcement deadline, "Remind me later" lets the sign-in continue once', async () => {
    withEnv({ TWO_FACTOR_ENFORCED_FROM: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const { user, account } = await rspLinkedUser({ withTwoFactor: true });
    const result = await signIn(identityFor(account, { amr: ['pwd'] }));
    if (result.ok || !('pendingLoginToken' in result)) throw new Error('expected a pending login');
    expect(await remindTwoFactorLater({ pendingLoginToken: result.pendingLoginToken, clientAddress: address })).toEqual({ ok: true });
    expect(await verifyTwoFactorStep({ pendingLoginToken: result.pendingLoginToken, code: '', clientAddress: address, userAgent: 'jest' })).toMatchObject({
      ok: true,
      userId: user.id,
    });
  });

  test('a customer without a valid license gets no session; the login page can name its reseller', async () => {
    const { user, account, reseller } = await rspLinkedUser({ kind: 'customer', licenseUntilDays: -1 });
    const result = await signIn(identityFor(account));
    expect(result).toMatchObject({ ok: false, code: 'no_valid_license' });
    if (result.ok || !('pendingLoginToken' in result)) throw new Error('expected a pending login');
    expect(await findLicenseContact(result.pendingLoginToken)).toMatchObject({ resellerName: reseller.name });
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  test('the session ends by logout, disabling or a lost license, like any other', async () => {
    const { user, account, tenant } = await rspLinkedUser({ kind: 'customer' });
    const identity = identityFor(account);
    const claimsOf = async () => {
      const result = await signIn(identity);
      if (!result.ok) throw new Error(`expected a session, got ${result.code}`);
      return { sessionId: result.sessionId, sessionVersion: result.sessionVersion };
    };
    const loggedOut = await claimsOf();
    await revokeSession(loggedOut.sessionId, 'logout');
    expect(await checkSession(loggedOut)).toEqual({ ok: false, reason: 'revoked' });

    const disabled = await claimsOf();
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await checkSession(disabled)).toEqual({ ok: false, reason: 'user_disabled' });
    await db().update(users).set({ disabledAt: null }).where(eq(users.id, user.id));

    const unlicensed = await claimsOf();
    await db().update(licenses).set({ revokedAt: new Date() }).where(and(eq(licenses.tenantId, tenant.id)));
    expect(await checkSession(unlicensed)).toEqual({ ok: false, reason: 'no_valid_license' });
  });
});
