import { eq } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import { createDevMailboxTransport } from '@/lib/email/dev-mailbox-transport';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { getDevMailboxMessage, listDevMailbox } from '@/lib/email/list-dev-mailbox';
import { processOutboxBatch } from '@/lib/email/outbox-worker';
import { selectOutboxTransport } from '@/lib/email/start-outbox-worker';
import { getEnv, resetEnvCache } from '@/lib/env';
import { createTenant } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// React Email's render cannot run under jest; see tests/support/react-email-static-render.ts.
jest.mock('@react-email/components', () =>
  jest.requireActual<typeof import('../support/react-email-static-render')>('../support/react-email-static-render').reactEmailWithStaticRender(),
);

const { db } = useTestDatabase();

async function enqueueFor(tenantId: string, to: string, locale: 'en' | 'de') {
  return enqueueEmail(db(), {
    template: 'two_factor_activation',
    payload: { username: 'new.admin', tenantDomain: '123456.sms', activationUrl: 'https://portal.test/activate/xyz', expiresInHours: 24 },
    tenantId,
    to,
    locale,
  });
}

describe('development mailbox', () => {
  test('lists delivered emails newest first with their outbox status, and shows one with text and HTML', async () => {
    const tenant = await createTenant({ kind: 'reseller' });
    await enqueueFor(tenant.id, 'first@example.test', 'en');
    await processOutboxBatch({ transport: createDevMailboxTransport(() => db()), now: new Date(Date.now() + 1000) });
    await enqueueFor(tenant.id, 'second@example.test', 'de');
    await processOutboxBatch({ transport: createDevMailboxTransport(() => db()), now: new Date(Date.now() + 1000) });

    const entries = await listDevMailbox(db());
    expect(entries.map((entry) => entry.to)).toEqual(['second@example.test', 'first@example.test']);
    expect(entries[0]).toMatchObject({ subject: 'Zwei-Faktor-Authentifizierung aktivieren', status: 'sent' });
    expect(entries[1]).toMatchObject({ subject: 'Activate two-factor authentication', status: 'sent' });
    expect(entries[0]).not.toHaveProperty('html');

    const message = await getDevMailboxMessage(db(), entries[1]!.id);
    expect(message!.text).toContain('https://portal.test/activate/xyz');
    expect(message!.html).toContain('href="https://portal.test/activate/xyz"');
    expect(await getDevMailboxMessage(db(), crypto.randomUUID())).toBeNull();
  });

  test('the worker picks Resend with a key, the dev mailbox without one, and nothing in production without one', () => {
    const saved = { ...process.env };
    try {
      delete process.env.RESEND_API_KEY;
      resetEnvCache();
      expect(selectOutboxTransport(getEnv())?.name).toBe('dev-mailbox');
      process.env.RESEND_API_KEY = 're_key';
      resetEnvCache();
      expect(selectOutboxTransport(getEnv())?.name).toBe('resend');
      delete process.env.RESEND_API_KEY;
      expect(selectOutboxTransport({ ...getEnv(), NODE_ENV: 'production', RESEND_API_KEY: undefined })).toBeNull();
    } finally {
      process.env = saved;
      resetEnvCache();
    }
  });

  test('in production without a key, emails stay pending rather than being dropped', async () => {
    const tenant = await createTenant({ kind: 'reseller' });
    const id = await enqueueFor(tenant.id, 'waiting@example.test', 'en');
    const { startOutboxWorker } = await import('@/lib/email/start-outbox-worker');
    const worker = startOutboxWorker({ intervalMs: 20, transport: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row!.payloadEncrypted).not.toBeNull();
  });

  test('the running worker delivers due emails on its own and stops cleanly', async () => {
    const tenant = await createTenant({ kind: 'reseller' });
    const id = await enqueueFor(tenant.id, 'polled@example.test', 'en');
    const { startOutboxWorker } = await import('@/lib/email/start-outbox-worker');
    const worker = startOutboxWorker({ intervalMs: 20, transport: createDevMailboxTransport(() => db()) });
    let status = 'pending';
    for (let waited = 0; status !== 'sent' && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [row] = await db().select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, id));
      status = row!.status;
    }
    await worker.stop();
    expect(status).toBe('sent');
  });
});
