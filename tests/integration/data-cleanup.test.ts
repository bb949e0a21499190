import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { accountTokens, auditEvents, emailOutbox, loginThrottles, pendingLogins, sessions } from '@/db/schema';
import { getEnv, resetEnvCache } from '@/lib/env';
import { deleteExpiredData } from '@/lib/operations/data-retention';
import { createCustomerWithAdmin } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// Each rule of lib/operations/data-retention.ts with the clock moved forward: rows are written as
// they are today, then the cleanup runs with `now` days later. Each test names its own rows, so
// the demo of one table does not depend on another.

const { db } = useTestDatabase();
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

let tenantId: string;
let userId: string;
let base: Date;

beforeAll(async () => {
  const { customer, admin } = await createCustomerWithAdmin();
  tenantId = customer.id;
  userId = admin.id;
  const [row] = (await db().execute<{ now: Date }>(sql`select now() as now`)).rows;
  base = new Date(row!.now);
});

const token = () => randomBytes(16).toString('hex');

async function remaining<T extends { id: string }>(rows: Promise<T[]>): Promise<string[]> {
  return (await rows).map((row) => row.id).sort();
}

describe('data cleanup', () => {
  test('defaults: audit kept 400 days, the others as documented', () => {
    const env = getEnv();
    expect(env.AUDIT_RETENTION_DAYS).toBe(400);
    expect(env).toMatchObject({
      RETENTION_LOGIN_THROTTLE_DAYS: 30,
      RETENTION_PENDING_LOGIN_DAYS: 1,
      RETENTION_SESSION_DAYS: 30,
      RETENTION_ACCOUNT_LINK_DAYS: 7,
      RETENTION_OUTBOX_DAYS: 30,
      CLEANUP_INTERVAL_MINUTES: 60,
    });
  });

  test('login throttles go once idle for the kept days, never while a lock runs', async () => {
    const idle = `account:cleanup-idle/${token()}`;
    const locked = `account:cleanup-locked/${token()}`;
    const recent = `ip:cleanup-${token()}`;
    await db()
      .insert(loginThrottles)
      .values([
        { key: idle, consecutiveFailures: 3, windowStartedAt: base, updatedAt: base },
        // A lock that runs past the moved clock (a pathological one: locks last at most an hour).
        { key: locked, consecutiveFailures: 10, lockCount: 1, windowStartedAt: base, updatedAt: base, lockedUntil: at(base, 40 * DAY_MS) },
        { key: recent, consecutiveFailures: 1, windowStartedAt: at(base, 20 * DAY_MS), updatedAt: at(base, 20 * DAY_MS) },
      ]);
    const keys = [idle, locked, recent];
    const left = () => db().select({ key: loginThrottles.key }).from(loginThrottles).where(inArray(loginThrottles.key, keys));

    await deleteExpiredData({ now: at(base, 30 * DAY_MS - MINUTE_MS) });
    expect((await left()).map((row) => row.key).sort()).toEqual([...keys].sort());

    const counts = await deleteExpiredData({ now: at(base, 30 * DAY_MS + MINUTE_MS) });
    expect(counts.login_throttles).toBe(1);
    expect((await left()).map((row) => row.key).sort()).toEqual([locked, recent].sort());

    await deleteExpiredData({ now: at(base, 41 * DAY_MS) });
    expect((await left()).map((row) => row.key)).toEqual([recent]);
  });

  test('pending logins go a day after they expired, used or not', async () => {
    const rows = await db()
      .insert(pendingLogins)
      .values([
        { tokenHash: token(), userId, tenantId, nextStep: 'two_factor_code', expiresAt: at(base, 10 * MINUTE_MS) },
        { tokenHash: token(), userId, tenantId, nextStep: 'none', expiresAt: at(base, 10 * MINUTE_MS), consumedAt: base },
        { tokenHash: token(), userId, tenantId, nextStep: 'two_factor_code', expiresAt: at(base, 2 * DAY_MS) },
      ])
      .returning({ id: pendingLogins.id });
    const ids = rows.map((row) => row.id);
    const left = () => remaining(db().select({ id: pendingLogins.id }).from(pendingLogins).where(inArray(pendingLogins.id, ids)));

    await deleteExpiredData({ now: at(base, DAY_MS) });
    expect(await left()).toEqual([...ids].sort());
    await deleteExpiredData({ now: at(base, DAY_MS + 11 * MINUTE_MS) });
    expect(await left()).toEqual([ids[2]]);
  });

  test('sessions go 30 days after they ended; an active one stays', async () => {
    const rows = await db()
      .insert(sessions)
      .values([
        { userId, tenantId, expiresAt: at(base, 12 * 60 * MINUTE_MS), revokedAt: base, revokedReason: 'logout' },
        { userId, tenantId, expiresAt: at(base, 12 * 60 * MINUTE_MS) },
        { userId, tenantId, expiresAt: at(base, 60 * DAY_MS) },
      ])
      .returning({ id: sessions.id });
    const [loggedOut, timedOut, active] = rows.map((row) => row.id);
    const left = () => remaining(db().select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, [loggedOut!, timedOut!, active!])));

    await deleteExpiredData({ now: at(base, 30 * DAY_MS + MINUTE_MS) });
    expect(await left()).toEqual([timedOut, active].sort());
    await deleteExpiredData({ now: at(base, 30 * DAY_MS + 12 * 60 * MINUTE_MS + MINUTE_MS) });
    expect(await left()).toEqual([active]);
  });

  test('reset and activation links go 7 days after they expired, used or not; a live link stays', async () => {
    const rows = await db()
      .insert(accountTokens)
      .values([
        { tenantId, userId, purpose: 'password_reset', tokenHash: token(), expiresAt: at(base, 60 * MINUTE_MS), usedAt: base },
        { tenantId, userId, purpose: 'activation', tokenHash: token(), expiresAt: at(base, DAY_MS) },
        { tenantId, userId, purpose: 'activation', tokenHash: token(), expiresAt: at(base, 30 * DAY_MS) },
      ])
      .returning({ id: accountTokens.id });
    const [used, expired, live] = rows.map((row) => row.id);
    const left = () => remaining(db().select({ id: accountTokens.id }).from(accountTokens).where(inArray(accountTokens.id, [used!, expired!, live!])));

    await deleteExpiredData({ now: at(base, 7 * DAY_MS) });
    expect(await left()).toEqual([used, expired, live].sort());
    await deleteExpiredData({ now: at(base, 7 * DAY_MS + 61 * MINUTE_MS) });
    expect(await left()).toEqual([expired, live].sort());
    await deleteExpiredData({ now: at(base, 8 * DAY_MS + MINUTE_MS) });
    expect(await left()).toEqual([live]);
  });

  test('handled emails go 30 days after they were queued; waiting ones stay', async () => {
    const email = (status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped') => ({
      tenantId,
      toAddress: 'cleanup@example.test',
      template: 'password_changed',
      status,
      createdAt: base,
    });
    const rows = await db()
      .insert(emailOutbox)
      .values([email('sent'), email('failed'), email('skipped'), email('pending'), email('sending')])
      .returning({ id: emailOutbox.id, status: emailOutbox.status });
    const ids = rows.map((row) => row.id);
    const left = () =>
      db()
        .select({ status: emailOutbox.status })
        .from(emailOutbox)
        .where(inArray(emailOutbox.id, ids))
        .then((found) => found.map((row) => row.status).sort());

    await deleteExpiredData({ now: at(base, 30 * DAY_MS - MINUTE_MS) });
    expect(await left()).toEqual(['failed', 'pending', 'sending', 'sent', 'skipped']);
    const counts = await deleteExpiredData({ now: at(base, 30 * DAY_MS + MINUTE_MS) });
    expect(counts.email_outbox).toBe(3);
    expect(await left()).toEqual(['pending', 'sending']);
  });

  test('audit events go after AUDIT_RETENTION_DAYS (400 by default); 0 keeps them for ever', async () => {
    const rows = await db()
      .insert(auditEvents)
      .values([
        { tenantId, action: 'cleanup.old', result: 'success', occurredAt: base },
        { tenantId, action: 'cleanup.newer', result: 'success', occurredAt: at(base, 100 * DAY_MS) },
      ])
      .returning({ id: auditEvents.id });
    const ids = rows.map((row) => row.id);
    const left = () =>
      db()
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(inArray(auditEvents.id, ids))
        .then((found) => found.map((row) => row.action).sort());

    const keepForEver = { ...getEnv(), AUDIT_RETENTION_DAYS: 0 };
    await deleteExpiredData({ now: at(base, 3650 * DAY_MS), env: keepForEver });
    expect(await left()).toEqual(['cleanup.newer', 'cleanup.old']);

    await deleteExpiredData({ now: at(base, 400 * DAY_MS - MINUTE_MS) });
    expect(await left()).toEqual(['cleanup.newer', 'cleanup.old']);
    await deleteExpiredData({ now: at(base, 400 * DAY_MS + MINUTE_MS) });
    expect(await left()).toEqual(['cleanup.newer']);
  });

  test('two instances sweeping at once share the work in batches and delete each row once', async () => {
    const prefix = `account:cleanup-burst-${token()}`;
    const keys = Array.from({ length: 250 }, (_, index) => `${prefix}/${index}`);
    await db()
      .insert(loginThrottles)
      .values(keys.map((key) => ({ key, windowStartedAt: base, updatedAt: base })));
    const now = at(base, 31 * DAY_MS);
    const [first, second] = await Promise.all([deleteExpiredData({ now, batchSize: 20 }), deleteExpiredData({ now, batchSize: 20 })]);
    expect(first.login_throttles! + second.login_throttles!).toBe(keys.length);
    const [left] = (await db().execute<{ n: number }>(sql`select count(*)::int as n from login_throttles where key like ${`${prefix}/%`}`)).rows;
    expect(left!.n).toBe(0);
  });

  test('refuses an audit retention between 1 and 29 days', () => {
    process.env.AUDIT_RETENTION_DAYS = '7';
    resetEnvCache();
    try {
      expect(() => getEnv()).toThrow(/AUDIT_RETENTION_DAYS/);
    } finally {
      delete process.env.AUDIT_RETENTION_DAYS;
      resetEnvCache();
    }
  });
});
