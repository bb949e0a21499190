import { and, eq } from 'drizzle-orm';
import { availableParallelism } from 'node:os';
import { auditEvents, loginThrottles } from '@/db/schema';
import { createCustomerWithAdmin, TEST_PASSWORD } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// Issue 11: when more password steps wait for the hash workers than the pool's queue allows,
// the login answers "try again later" (busy) at once, audits it, and counts no attempt.

process.env.PASSWORD_HASH_QUEUE_LIMIT = '1';
const modules = Promise.all([import('@/lib/crypto/password-hash-pool'), import('@/lib/auth/verify-password-step')]);

const { db } = useTestDatabase();
afterAll(async () => (await modules)[0].closePasswordHashPool());

test('a password step beyond the queue limit is refused as busy, audited, and leaves no throttle count', async () => {
  const [{ hashInWorker }, { verifyPasswordStep }] = await modules;
  const { customer } = await createCustomerWithAdmin();
  const clientAddress = '203.0.113.111';
  // Every worker busy and one job waiting: the pool is full.
  const burst = Array.from({ length: availableParallelism() + 1 }, (_, index) => hashInWorker(`burst ${index}`, 4));
  const refused = verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD, clientAddress, userAgent: 'jest' });
  expect(await refused).toEqual({ ok: false, code: 'busy' });
  await Promise.all(burst);

  const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.ipAddress, clientAddress), eq(auditEvents.action, 'login.password')));
  expect(audit).toEqual([expect.objectContaining({ result: 'denied', details: { reason: 'password_hash_busy' } })]);
  expect(await db().select().from(loginThrottles)).toEqual([]);

  // Once the burst is through, the same login works.
  const result = await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: 'admin', password: TEST_PASSWORD, clientAddress, userAgent: 'jest' });
  expect(result).toMatchObject({ ok: true, nextStep: 'two_factor_code' });
});
