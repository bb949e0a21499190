import { eq } from 'drizzle-orm';
import { Client } from 'pg';
import { closeDb } from '@/db/client';
import { emailOutbox, loginThrottles, pendingLogins, sessions, users } from '@/db/schema';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { generateTotpCode } from '@/lib/auth/totp';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { verifyTwoFactorStep } from '@/lib/auth/verify-two-factor-step';
import { processOutboxBatch } from '@/lib/email/outbox-worker';
import { createResendTransport } from '@/lib/email/resend-transport';
import { resetEnvCache } from '@/lib/env';
import { checkHealth } from '@/lib/operations/check-health';
import { loadAccountLink } from '@/lib/account-link/load-account-link';
import { requestPasswordResetAction } from '@/app/password-forgotten/actions';
import { submitPasswordStep } from '@/app/login/actions';
import { createCustomerWithAdmin, TEST_PASSWORD } from '../support/factories';
import { startCuttableTcpProxy, throughProxy, type CuttableTcpProxy } from '../support/cuttable-tcp-proxy';
import { startFakeResendServer, type FakeResendServer } from '../support/fake-resend-server';
import { useTestDatabase } from '../support/test-database';

// Failure drills (issue 5): a part of the system fails while people use it. Each drill checks
// what the person sees, that nothing is half written, and that it works again afterwards.

// React Email's render cannot run under jest; see tests/support/react-email-static-render.ts.
jest.mock('@react-email/components', () =>
  jest.requireActual<typeof import('../support/react-email-static-render')>('../support/react-email-static-render').reactEmailWithStaticRender(),
);
// The server actions read the client address from the request headers; here there is no request.
const address = '203.0.113.91';
jest.mock('@/app/_server/request-context', () => ({ getClientAddress: async () => '203.0.113.91', getUserAgent: async () => 'jest' }));
// Only reached after a successful password step of an account without two-factor (it loads Auth.js,
// which jest cannot import); the drills never get there, and this would say so.
jest.mock('@/app/login/complete-login', () => ({
  completeLogin: () => {
    throw new Error('completeLogin is not expected in the drills');
  },
}));

const { db } = useTestDatabase();
let databaseUrl: string;

beforeAll(() => {
  databaseUrl = process.env.DATABASE_URL!;
  process.env.PUBLIC_BASE_URL = 'https://portal.example.test';
  resetEnvCache();
});
afterAll(() => closePasswordHashPool());

/** Points the app's pool at another URL (a fresh pool, as a restarted process would build it). */
async function useAppDatabaseUrl(url: string): Promise<void> {
  await closeDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Drizzle wraps the driver's error ("Failed query: …"); the database's own message is its cause. */
async function expectDatabaseRefusal(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  const cause = (error as Error).cause;
  expect(cause instanceof Error ? cause.message : (error as Error).message).toMatch(pattern);
}

async function rowsOf(userId: string) {
  const [user] = await db().select({ twoFactorLastStep: users.twoFactorLastStep }).from(users).where(eq(users.id, userId));
  return {
    sessions: await db().select().from(sessions).where(eq(sessions.userId, userId)),
    pendingLogins: await db().select().from(pendingLogins).where(eq(pendingLogins.userId, userId)),
    twoFactorLastStep: user!.twoFactorLastStep,
    throttles: await db().select().from(loginThrottles).orderBy(loginThrottles.key),
  };
}

describe('drill: the email provider fails for a while', () => {
  let fake: FakeResendServer;
  beforeAll(async () => {
    fake = await startFakeResendServer();
  });
  afterAll(() => fake.close());

  test('"Password forgotten?" answers as usual, the email waits in the outbox and arrives once after recovery', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const transport = createResendTransport({ apiKey: 're_test_key', from: 'Portal <no-reply@portal.invalid>', baseUrl: fake.url, timeoutMs: 300 });
    fake.setDefault({ kind: 'server_error' });

    const answer = await requestPasswordResetAction({ status: 'idle' }, formData({ tenantDomain: customer.tenantDomain, username: 'admin' }));
    const unknownAnswer = await requestPasswordResetAction({ status: 'idle' }, formData({ tenantDomain: customer.tenantDomain, username: 'nobody' }));
    expect(answer).toMatchObject({ status: 'success', message: 'passwordForgotten.sent' });
    expect(unknownAnswer).toMatchObject({ status: 'success', message: 'passwordForgotten.sent' });

    // Twenty minutes of outage: 500s, then a provider that does not answer at all.
    let now = new Date(Date.now() + 1000);
    const outage = [{ kind: 'server_error' }, { kind: 'server_error' }, { kind: 'hang' }, { kind: 'hang' }] as const;
    for (const behaviour of outage) {
      fake.setDefault(behaviour);
      expect(await processOutboxBatch({ transport, now })).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
      now = new Date(now.getTime() + 5 * 60_000);
    }
    const [waiting] = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, admin.id));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 4, template: 'password_reset' });
    expect(fake.captured).toHaveLength(0);
    expect(fake.requestCount()).toBe(4);

    fake.setDefault({ kind: 'ok' });
    expect(await processOutboxBatch({ transport, now })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await processOutboxBatch({ transport, now: new Date(now.getTime() + 60 * 60_000) })).toMatchObject({ claimed: 0 });
    expect(fake.captured).toHaveLength(1);
    expect(fake.captured[0]!.to).toEqual([`admin@example.test`]);

    // The delivered link still works: the outage did not cost the person their reset.
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(fake.captured[0]!.text)?.[1];
    expect(token).toBeDefined();
    expect(await loadAccountLink(token!, 'password_reset')).toMatchObject({ user: { id: admin.id } });
  });
});

describe('drill: the rate-limit store fails', () => {
  test('while the throttle table is locked the password step is refused, and works again afterwards', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    // The app waits at most 300 ms for a lock, like a production setting would bound it.
    await useAppDatabaseUrl(`${databaseUrl}?options=${encodeURIComponent('-c lock_timeout=300')}`);
    const locker = new Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE login_throttles IN ACCESS EXCLUSIVE MODE');

      await expectDatabaseRefusal(
        verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' }),
        /lock timeout/,
      );
      // What the person sees: the generic "unavailable" message, not a way in.
      const answer = await submitPasswordStep(
        { status: 'idle' },
        formData({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD }),
      );
      expect(answer).toEqual({ status: 'error', message: 'login.errors.unavailable', values: { tenantDomain: customer.tenantDomain, username: 'admin' } });
      // Wrong passwords are refused too: an attacker gets no unthrottled guesses.
      await expectDatabaseRefusal(
        verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: 'Wrong-Guess-Number-1', clientAddress: address, userAgent: 'jest' }),
        /lock timeout/,
      );
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    const after = await rowsOf(admin.id);
    expect(after.pendingLogins).toHaveLength(0);
    expect(after.sessions).toHaveLength(0);

    const recovered = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
    expect(recovered).toMatchObject({ ok: true, nextStep: 'two_factor_code' });
    await useAppDatabaseUrl(databaseUrl);
  });

  test('when the app may no longer write the throttle table, right and wrong passwords are both refused', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    // A role like the app's own, which then loses write access to the counters only.
    const role = `drill_app_${Date.now().toString(36)}`;
    const superuser = new Client({ connectionString: databaseUrl });
    await superuser.connect();
    try {
      await superuser.query(`CREATE ROLE ${role} NOLOGIN`);
      await superuser.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await superuser.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}`);
      await superuser.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      await superuser.query(`REVOKE INSERT, UPDATE, DELETE ON login_throttles FROM ${role}`);
      // The app's connections act as that role (SET ROLE at connect), whatever the server's login rules.
      await useAppDatabaseUrl(`${databaseUrl}?options=${encodeURIComponent(`-c role=${role}`)}`);

      const step = (password: string) => verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password, clientAddress: address, userAgent: 'jest' });
      await expectDatabaseRefusal(step(TEST_PASSWORD), /permission denied/);
      await expectDatabaseRefusal(step('Wrong-Guess-Number-2'), /permission denied/);
      const after = await rowsOf(admin.id);
      expect(after.pendingLogins).toHaveLength(0);
      expect(after.sessions).toHaveLength(0);

      await superuser.query(`GRANT INSERT, UPDATE, DELETE ON login_throttles TO ${role}`);
      expect(await step(TEST_PASSWORD)).toMatchObject({ ok: true });
    } finally {
      await useAppDatabaseUrl(databaseUrl);
      await superuser.query(`DROP OWNED BY ${role}`);
      await superuser.query(`DROP ROLE ${role}`);
      await superuser.end();
    }
  });
});

describe('drill: the browser never comes back after the password step', () => {
  test('the pending login expires; the code step is then refused and nothing is half written', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const password = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
    if (!password.ok) throw new Error('expected the password step to succeed');
    expect(password.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    // Eleven minutes later (the pending login lives ten).
    await db().update(pendingLogins).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(pendingLogins.userId, admin.id));
    const before = await rowsOf(admin.id);
    const code = generateTotpCode({ secret: admin.twoFactorSecret! });
    const outcome = await verifyTwoFactorStep({ pendingLoginToken: password.pendingLoginToken, code, clientAddress: address, userAgent: 'jest' });
    expect(outcome).toEqual({ ok: false, code: 'pending_login_expired' });

    const after = await rowsOf(admin.id);
    expect(after.sessions).toHaveLength(0);
    expect(after.twoFactorLastStep).toBe(before.twoFactorLastStep);
    expect(after.throttles).toEqual(before.throttles);
    expect(after.pendingLogins).toEqual(before.pendingLogins);

    // The refused attempt did not use up the code: a new login with it goes through.
    const again = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });
    if (!again.ok) throw new Error('expected the password step to succeed');
    expect(await verifyTwoFactorStep({ pendingLoginToken: again.pendingLoginToken, code, clientAddress: address, userAgent: 'jest' })).toMatchObject({
      ok: true,
    });
  });
});

describe('drill: PostgreSQL goes away during login', () => {
  let proxy: CuttableTcpProxy;
  beforeAll(async () => {
    const target = new URL(databaseUrl);
    proxy = await startCuttableTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await useAppDatabaseUrl(throughProxy(databaseUrl, proxy));
  });
  afterAll(async () => {
    await useAppDatabaseUrl(databaseUrl);
    await proxy.close();
  });

  const passwordStep = (tenantDomain: string) =>
    verifyPasswordStep({ tenantDomain, username: 'admin', password: TEST_PASSWORD, clientAddress: address, userAgent: 'jest' });

  test('the password step fails cleanly, health reports down, and both recover without a restart', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    expect(await checkHealth()).toMatchObject({ status: 'ok', database: 'up' });
    const connectionsBefore = proxy.forwardedConnections();

    proxy.cut();
    await expect(passwordStep(customer.tenantDomain)).rejects.toThrow();
    const answer = await submitPasswordStep({ status: 'idle' }, formData({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD }));
    expect(answer).toMatchObject({ status: 'error', message: 'login.errors.unavailable' });
    expect(await checkHealth()).toEqual({ status: 'unavailable', database: 'down', outboxBacklog: null, oldestPendingEmailSeconds: null });

    proxy.restore();
    // The same pool, not a new one: it drops the dead connections and opens fresh ones.
    expect(await checkHealth()).toMatchObject({ status: 'ok', database: 'up' });
    expect(await passwordStep(customer.tenantDomain)).toMatchObject({ ok: true, nextStep: 'two_factor_code' });
    expect(proxy.forwardedConnections()).toBeGreaterThan(connectionsBefore);
    expect((await rowsOf(admin.id)).pendingLogins).toHaveLength(1);
  });

  test('a database that stops answering (no reset, no reply): login and health give up in bounded time, then recover', async () => {
    const { customer } = await createCustomerWithAdmin();
    // Short limits for the drill; the defaults are in lib/env.ts.
    process.env.DATABASE_CONNECT_TIMEOUT_MS = '500';
    process.env.DATABASE_QUERY_TIMEOUT_MS = '1000';
    await useAppDatabaseUrl(throughProxy(databaseUrl, proxy));
    try {
      expect(await checkHealth()).toMatchObject({ database: 'up' });
      proxy.silence();
      const startedAt = Date.now();
      expect(await checkHealth()).toMatchObject({ status: 'unavailable', database: 'down' });
      await expect(passwordStep(customer.tenantDomain)).rejects.toThrow();
      // Both answered through the pool's own timeouts, not the test's (30 s).
      expect(Date.now() - startedAt).toBeLessThan(5_000);

      proxy.restore();
      expect(await checkHealth()).toMatchObject({ status: 'ok', database: 'up' });
      expect(await passwordStep(customer.tenantDomain)).toMatchObject({ ok: true });
    } finally {
      proxy.restore();
      delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
      delete process.env.DATABASE_QUERY_TIMEOUT_MS;
      await useAppDatabaseUrl(throughProxy(databaseUrl, proxy));
    }
  });

  test('lost in the middle of the code step: no session, the pending login stays usable with the next code', async () => {
    const { customer, admin } = await createCustomerWithAdmin();
    const password = await passwordStep(customer.tenantDomain);
    if (!password.ok) throw new Error('expected the password step to succeed');
    const code = generateTotpCode({ secret: admin.twoFactorSecret! });

    // The database disappears exactly when the session row is being written (inside the transaction).
    const wasCut = proxy.cutWhenClientSends('insert into "sessions"');
    await expect(
      verifyTwoFactorStep({ pendingLoginToken: password.pendingLoginToken, code, clientAddress: address, userAgent: 'jest' }),
    ).rejects.toThrow();
    await wasCut;
    proxy.restore();

    const after = await rowsOf(admin.id);
    expect(after.sessions).toHaveLength(0);
    // The transaction was rolled back as a whole: the pending login is not consumed.
    expect(after.pendingLogins).toEqual([expect.objectContaining({ consumedAt: null, codeAttempts: 1 })]);
    const [user] = await db().select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, admin.id));
    expect(user!.lastLoginAt).toBeNull();

    // The code itself was accepted once (replay protection holds), so the person uses the next one.
    const nextCode = generateTotpCode({ secret: admin.twoFactorSecret!, now: Date.now() + 30_000 });
    expect(
      await verifyTwoFactorStep({ pendingLoginToken: password.pendingLoginToken, code: nextCode, clientAddress: address, userAgent: 'jest' }),
    ).toMatchObject({ ok: true });
  });
});
