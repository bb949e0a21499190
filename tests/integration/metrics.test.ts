import { GET } from '@/app/api/metrics/route';
import { emailOutbox } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hashPassword } from '@/lib/auth/password-hash';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { resetEnvCache } from '@/lib/env';
import { createTenant } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// GET /api/metrics as Prometheus scrapes it: only with METRICS_TOKEN, and then the login figures
// (counted where each login step is recorded), the shared outbox, the hash and database pools.

const { db } = useTestDatabase();
const TOKEN = 'metrics-token-for-the-tests-0123456789';

function scrape(authorization?: string): Promise<Response> {
  return GET(new Request('http://portal.test/api/metrics', { headers: authorization ? { authorization } : {} }));
}

/** The value of one sample line, e.g. `msp_login_failures_total{step="password"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

async function scrapeText(): Promise<string> {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(() => {
  process.env.METRICS_TOKEN = TOKEN;
  resetEnvCache();
});
afterAll(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvCache();
});

describe('metrics', () => {
  test('do not exist without the token, with a wrong one, or when no token is configured', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, TOKEN]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('msp_');
    }
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    try {
      expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
      resetEnvCache();
    }
  });

  test('count logins, failures per step and lockouts from the audit events', async () => {
    const before = await scrapeText();
    const login = (action: 'login.password' | 'login.two_factor' | 'login.completed' | 'login.lockout', result: 'success' | 'failure' | 'denied') =>
      recordAuditEvent({ action, result, actorLabel: 'metrics@123456.sms', details: { reason: 'test' } });
    await login('login.password', 'success');
    await login('login.password', 'failure');
    await login('login.password', 'failure');
    await login('login.lockout', 'failure');
    await login('login.two_factor', 'failure');
    await login('login.two_factor', 'success');
    await login('login.completed', 'success');
    await login('login.completed', 'denied');

    const after = await scrapeText();
    const delta = (series: string) => sample(after, series) - (before.includes(`${series} `) ? sample(before, series) : 0);
    expect(delta('msp_logins_total')).toBe(1);
    expect(delta('msp_login_lockouts_total')).toBe(1);
    expect(delta('msp_login_failures_total{step="password"}')).toBe(2);
    expect(delta('msp_login_failures_total{step="lockout"}')).toBe(1);
    expect(delta('msp_login_failures_total{step="two_factor"}')).toBe(1);
    expect(delta('msp_login_failures_total{step="completed"}')).toBe(1);
    expect(delta('msp_audit_events_total{action="login.password",result="failure"}')).toBe(2);
  });

  test('show the shared outbox backlog and the age of its oldest email', async () => {
    await db().delete(emailOutbox);
    expect(sample(await scrapeText(), 'msp_email_outbox_backlog')).toBe(0);
    const tenant = await createTenant({ kind: 'reseller' });
    for (let index = 0; index < 3; index += 1) {
      await enqueueEmail(db(), { tenantId: tenant.id, to: `m${index}@example.test`, locale: 'en', template: 'password_changed', payload: { username: 'a', tenantDomain: tenant.tenantDomain } });
    }
    await db().update(emailOutbox).set({ createdAt: new Date(Date.now() - 600_000) });
    const text = await scrapeText();
    expect(sample(text, 'msp_email_outbox_backlog')).toBe(3);
    expect(sample(text, 'msp_email_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(599);
    expect(sample(text, 'msp_database_up')).toBe(1);
  });

  test('show the password hash pool and the database pool', async () => {
    await hashPassword('Plenty-Long-Metrics-Passphrase-1');
    const text = await scrapeText();
    expect(sample(text, 'msp_password_hash_wait_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'msp_password_hash_queue_length')).toBe(0);
    expect(sample(text, 'msp_password_hash_refused_total')).toBe(0);
    expect(sample(text, 'msp_password_hash_workers')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'msp_database_pool_connections{state="idle"}') + sample(text, 'msp_database_pool_connections{state="busy"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'msp_database_pool_waiting')).toBe(0);
    expect(text).toContain('msp_process_cpu_seconds_total');
  });
});
