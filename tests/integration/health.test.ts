import { emailOutbox } from '@/db/schema';
import { closeDb } from '@/db/client';
import { resetEnvCache } from '@/lib/env';
import { checkHealth } from '@/lib/operations/check-health';
import { createTenant } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const { db } = useTestDatabase();

describe('health check', () => {
  test('reports the database up and the outbox backlog', async () => {
    expect(await checkHealth()).toEqual({ status: 'ok', database: 'up', outboxBacklog: 0, oldestPendingEmailSeconds: null });
    const tenant = await createTenant({ kind: 'reseller' });
    await db().insert(emailOutbox).values([
      { tenantId: tenant.id, toAddress: 'a@example.test', template: 'password_changed', createdAt: new Date(Date.now() - 120_000) },
      { tenantId: tenant.id, toAddress: 'b@example.test', template: 'password_changed', status: 'sent' },
    ]);
    const health = await checkHealth();
    expect(health).toMatchObject({ status: 'ok', outboxBacklog: 1 });
    expect(health.oldestPendingEmailSeconds).toBeGreaterThanOrEqual(119);
  });

  test('reports the database down instead of failing when it cannot be reached', async () => {
    const working = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none';
    resetEnvCache();
    try {
      expect(await checkHealth()).toEqual({ status: 'unavailable', database: 'down', outboxBacklog: null, oldestPendingEmailSeconds: null });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = working;
      resetEnvCache();
    }
  });
});
