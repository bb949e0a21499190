import { eq, inArray } from 'drizzle-orm';
import { devMailbox, emailOutbox } from '@/db/schema';
import { claimOutboxEmails } from '@/lib/email/claim-outbox-emails';
import { createDevMailboxTransport } from '@/lib/email/dev-mailbox-transport';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import type { EmailTransport } from '@/lib/email/email-transport';
import { DEFAULT_LEASE_MS, processOutboxBatch } from '@/lib/email/outbox-worker';
import { createResendTransport } from '@/lib/email/resend-transport';
import { createTenant } from '../support/factories';
import { startFakeResendServer, type FakeResendServer } from '../support/fake-resend-server';
import { useTestDatabase } from '../support/test-database';

// React Email's render cannot run under jest; see tests/support/react-email-static-render.ts.
jest.mock('@react-email/components', () =>
  jest.requireActual<typeof import('../support/react-email-static-render')>('../support/react-email-static-render').reactEmailWithStaticRender(),
);

const { db } = useTestDatabase();
let fake: FakeResendServer;
let transport: EmailTransport;
let tenantId: string;

const HOUR_MS = 60 * 60_000;
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

beforeAll(async () => {
  fake = await startFakeResendServer();
  // The real SDK against the fake, through the same variable production would use.
  process.env.RESEND_BASE_URL = fake.url;
  transport = createResendTransport({ apiKey: 're_test_key', from: 'Mobile Security Portal <no-reply@portal.invalid>', timeoutMs: 300 });
  tenantId = (await createTenant({ kind: 'reseller' })).id;
});
afterAll(async () => {
  delete process.env.RESEND_BASE_URL;
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  // Each test looks only at its own emails.
  await db().delete(emailOutbox);
});

async function enqueueReset(options: { to?: string; expiresAt?: Date } = {}): Promise<string> {
  return enqueueEmail(db(), {
    template: 'password_reset',
    payload: { username: 'anna', tenantDomain: '123456.sms', resetUrl: 'https://portal.test/reset-password/tok', expiresInMinutes: 60 },
    tenantId,
    to: options.to ?? 'anna@example.test',
    locale: 'de',
    expiresAt: options.expiresAt,
  });
}

async function rowOf(id: string) {
  const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

function start(): Date {
  return new Date(Date.now() + 1000);
}

describe('email outbox worker', () => {
  test('a sent email is marked sent with the provider id, and its payload is scrubbed', async () => {
    const id = await enqueueReset();
    const result = await processOutboxBatch({ transport, now: start() });
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, payloadEncrypted: null, lockedUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(fake.captured).toHaveLength(1);
    const [email] = fake.captured;
    expect(row.providerMessageId).toBe(email!.id);
    expect(email).toMatchObject({ to: ['anna@example.test'], subject: 'Passwort zurücksetzen', idempotencyKey: `email-outbox/${id}` });
    expect(email!.text).toContain('https://portal.test/reset-password/tok');
    expect(email!.html).toContain('href="https://portal.test/reset-password/tok"');
  });

  test('a 429 is retried no earlier than Retry-After, then delivered once', async () => {
    fake.enqueueBehaviours({ kind: 'rate_limited', retryAfterSeconds: 120 });
    const id = await enqueueReset();
    const t0 = start();
    expect(await processOutboxBatch({ transport, now: t0 })).toMatchObject({ retried: 1, sent: 0 });
    const waiting = await rowOf(id);
    expect(waiting.status).toBe('pending');
    expect(waiting.lastError).toContain('429');
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 120_000);
    expect(await processOutboxBatch({ transport, now: later(t0, 60_000) })).toMatchObject({ claimed: 0 });
    expect(await processOutboxBatch({ transport, now: later(t0, 121_000) })).toMatchObject({ sent: 1 });
    expect(fake.captured).toHaveLength(1);
    expect(fake.requestCount()).toBe(2);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('a 500 is retried with exponential backoff', async () => {
    fake.enqueueBehaviours({ kind: 'server_error' }, { kind: 'server_error' });
    const id = await enqueueReset();
    const backoff = { baseDelayMs: 10_000, maxDelayMs: HOUR_MS };
    const random = () => 0; // the fixed half of each delay
    const t0 = start();
    await processOutboxBatch({ transport, now: t0, backoff, random });
    expect((await rowOf(id)).nextAttemptAt.getTime() - t0.getTime()).toBe(5_000);
    const t1 = later(t0, 5_000);
    await processOutboxBatch({ transport, now: t1, backoff, random });
    expect((await rowOf(id)).nextAttemptAt.getTime() - t1.getTime()).toBe(10_000);
    await processOutboxBatch({ transport, now: later(t1, 10_000), backoff, random });
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(fake.captured).toHaveLength(1);
  });

  test('a provider that does not answer times out and the email is retried', async () => {
    fake.enqueueBehaviours({ kind: 'hang' });
    const id = await enqueueReset();
    const t0 = start();
    expect(await processOutboxBatch({ transport, now: t0 })).toMatchObject({ retried: 1 });
    expect((await rowOf(id)).lastError).toContain('network');
    await processOutboxBatch({ transport, now: later(t0, HOUR_MS) });
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fake.captured).toHaveLength(1);
  });

  test('provider down for a while, then up: every email is delivered exactly once', async () => {
    const ids = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => enqueueReset({ to: `${name}@example.test` })));
    fake.setDefault({ kind: 'server_error' });
    let now = start();
    for (let round = 0; round < 3; round += 1) {
      expect(await processOutboxBatch({ transport, now })).toMatchObject({ retried: 5 });
      now = later(now, HOUR_MS);
    }
    fake.setDefault({ kind: 'ok' });
    expect(await processOutboxBatch({ transport, now })).toMatchObject({ sent: 5 });
    expect(await processOutboxBatch({ transport, now: later(now, HOUR_MS) })).toMatchObject({ claimed: 0 });
    expect(fake.captured.map((email) => email.to[0]).sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map((name) => `${name}@example.test`));
    const rows = await db().select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 4)).toBe(true);
  });

  test('a worker that stops between sending and marking: the email is still delivered exactly once', async () => {
    const id = await enqueueReset();
    const t0 = start();
    // This worker sends, then never gets to record it (the process "dies" while the row is leased).
    const dying: EmailTransport = { name: 'dying', send: async (email) => (await transport.send(email), new Promise(() => undefined)) };
    void processOutboxBatch({ transport: dying, now: t0 });
    for (let waited = 0; fake.captured.length === 0 && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(fake.captured).toHaveLength(1);
    expect((await rowOf(id)).status).toBe('sending');

    // While the lease holds, nobody else takes the row.
    expect(await processOutboxBatch({ transport, now: later(t0, 1_000) })).toMatchObject({ claimed: 0 });
    // After the lease, another worker sends again with the same idempotency key: no second email.
    expect(await processOutboxBatch({ transport, now: later(t0, DEFAULT_LEASE_MS + 1_000) })).toMatchObject({ sent: 1 });
    expect(fake.requestCount()).toBe(2);
    expect(fake.captured).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: fake.captured[0]!.id });
  });

  test('two workers running at the same time never send the same email twice', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, index) => enqueueReset({ to: `user${index}@example.test` })));
    const slow: EmailTransport = { name: 'slow', send: async (email) => (await new Promise((r) => setTimeout(r, 10)), transport.send(email)) };
    const now = start();
    const [first, second] = await Promise.all([
      processOutboxBatch({ transport: slow, now, batchSize: 20 }),
      processOutboxBatch({ transport: slow, now, batchSize: 20 }),
    ]);
    expect(first!.claimed + second!.claimed).toBe(20);
    expect(fake.requestCount()).toBe(20);
    expect(new Set(fake.captured.map((email) => email.idempotencyKey)).size).toBe(20);
  });

  test('an email whose link has expired is skipped, never sent', async () => {
    const t0 = start();
    const id = await enqueueReset({ expiresAt: later(t0, 30 * 60_000) });
    fake.enqueueBehaviours({ kind: 'server_error' });
    await processOutboxBatch({ transport, now: t0 });
    // The provider stays unreachable until the link is dead.
    expect(await processOutboxBatch({ transport, now: later(t0, HOUR_MS) })).toMatchObject({ skipped: 1, claimed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: 'skipped', payloadEncrypted: null });
    expect(fake.captured).toHaveLength(0);
  });

  test('a rejected email (4xx) fails at once, and one that keeps failing fails after the last attempt', async () => {
    fake.enqueueBehaviours({ kind: 'invalid_recipient' });
    const rejected = await enqueueReset({ to: 'not-an-address' });
    await processOutboxBatch({ transport, now: start() });
    expect(await rowOf(rejected)).toMatchObject({ status: 'failed', attempts: 1, payloadEncrypted: null });
    expect((await rowOf(rejected)).lastError).toContain('422');

    fake.setDefault({ kind: 'server_error' });
    const flaky = await enqueueReset();
    const t0 = start();
    await processOutboxBatch({ transport, now: t0, maxAttempts: 2 });
    await processOutboxBatch({ transport, now: later(t0, HOUR_MS), maxAttempts: 2 });
    expect(await rowOf(flaky)).toMatchObject({ status: 'failed', attempts: 2, payloadEncrypted: null });
  });

  test('without a provider key, development writes the rendered email to the dev mailbox once', async () => {
    const id = await enqueueReset();
    const devTransport = createDevMailboxTransport(() => db());
    expect(await processOutboxBatch({ transport: devTransport, now: start() })).toMatchObject({ sent: 1 });
    const [message] = await db().select().from(devMailbox).where(eq(devMailbox.outboxId, id));
    expect(message).toMatchObject({ toAddress: 'anna@example.test', subject: 'Passwort zurücksetzen', tenantId });
    expect(message!.text).toContain('https://portal.test/reset-password/tok');
    // A repeated attempt (after a crash) keeps one message.
    await devTransport.send({ outboxId: id, tenantId, to: 'anna@example.test', subject: 'x', html: 'x', text: 'x' });
    expect(await db().select().from(devMailbox).where(eq(devMailbox.outboxId, id))).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', providerMessageId: `dev-mailbox/${id}` });
  });

  test('an email enqueued in a transaction that rolls back leaves no row', async () => {
    let enqueuedId = '';
    await expect(
      db().transaction(async (tx) => {
        enqueuedId = await enqueueEmail(tx, {
          template: 'password_changed',
          payload: { username: 'anna', tenantDomain: '123456.sms' },
          tenantId,
          to: 'anna@example.test',
          locale: 'en',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(enqueuedId).not.toBe('');
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.id, enqueuedId))).toHaveLength(0);
    const { claimed } = await claimOutboxEmails(db(), { now: start(), batchSize: 10, leaseMs: 1000 });
    expect(claimed).toHaveLength(0);
  });
});
