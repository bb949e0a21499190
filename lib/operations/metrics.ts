import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { readDbPoolState } from '@/db/client';
import { observePasswordHashRefusals, observePasswordHashWaits, readPasswordHashPoolState } from '@/lib/crypto/password-hash-pool';
import { checkHealth, type Health } from './check-health';

// Prometheus metrics of this instance (README, "Metrics"), served by app/api/metrics/route.ts to
// whoever holds METRICS_TOKEN. Login figures are counted where every login step is recorded (the
// audit event), the outbox figures are read from the shared database at each scrape, the pools'
// from this process.

export type Metrics = {
  registry: Registry;
  auditEvents: Counter<'action' | 'result'>;
  logins: Counter;
  loginFailures: Counter<'step'>;
  lockouts: Counter;
};

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'msp_' });

  const auditEvents = new Counter({
    name: 'msp_audit_events_total',
    help: 'Audit events recorded by this instance, by action and result',
    labelNames: ['action', 'result'] as const,
    registers: [registry],
  });
  const logins = new Counter({ name: 'msp_logins_total', help: 'Completed sign-ins (a session was created)', registers: [registry] });
  const loginFailures = new Counter({
    name: 'msp_login_failures_total',
    help: 'Refused login steps, by step: password, two_factor, completed (license), lockout',
    labelNames: ['step'] as const,
    registers: [registry],
  });
  const lockouts = new Counter({ name: 'msp_login_lockouts_total', help: 'Accounts locked after too many failures', registers: [registry] });

  // The three gauges of one scrape share one query (a scrape collects all metrics at once).
  let pending: Promise<Health> | undefined;
  const readHealth = () =>
    (pending ??= checkHealth().finally(() => {
      pending = undefined;
    }));
  new Gauge({
    name: 'msp_database_up',
    help: '1 when PostgreSQL answered the scrape',
    registers: [registry],
    async collect() {
      this.set((await readHealth()).database === 'up' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'msp_email_outbox_backlog',
    help: 'Emails pending or being sent in the shared outbox (all instances)',
    registers: [registry],
    async collect() {
      this.set((await readHealth()).outboxBacklog ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'msp_email_outbox_oldest_pending_seconds',
    help: 'Age of the oldest email waiting in the shared outbox (0 when none waits)',
    registers: [registry],
    async collect() {
      const health = await readHealth();
      this.set(health.database === 'up' ? (health.oldestPendingEmailSeconds ?? 0) : Number.NaN);
    },
  });

  new Gauge({
    name: 'msp_password_hash_queue_length',
    help: 'Password hashes waiting for a worker thread',
    registers: [registry],
    collect() {
      this.set(readPasswordHashPoolState().queued);
    },
  });
  new Gauge({
    name: 'msp_password_hash_workers_busy',
    help: 'Worker threads hashing right now (of msp_password_hash_workers)',
    registers: [registry],
    collect() {
      this.set(readPasswordHashPoolState().busy);
    },
  });
  new Gauge({
    name: 'msp_password_hash_workers',
    help: 'Size of the password hash worker pool',
    registers: [registry],
    collect() {
      this.set(readPasswordHashPoolState().size);
    },
  });
  const hashWait = new Histogram({
    name: 'msp_password_hash_wait_seconds',
    help: 'Time a password hash waited for a free worker thread',
    buckets: [0.001, 0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  observePasswordHashWaits((seconds) => hashWait.observe(seconds));
  const hashRefusals = new Counter({
    name: 'msp_password_hash_refused_total',
    help: 'Password hashes refused because msp_password_hash_queue_length reached its limit (the login answers "try again later")',
    registers: [registry],
  });
  observePasswordHashRefusals(() => hashRefusals.inc());

  new Gauge({
    name: 'msp_database_pool_connections',
    help: 'Connections of this instance to PostgreSQL, by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = readDbPoolState();
      this.set({ state: 'idle' }, pool?.idle ?? 0);
      this.set({ state: 'busy' }, pool ? pool.total - pool.idle : 0);
    },
  });
  new Gauge({
    name: 'msp_database_pool_waiting',
    help: 'Queries waiting for a free connection of this instance',
    registers: [registry],
    collect() {
      this.set(readDbPoolState()?.waiting ?? 0);
    },
  });

  return { registry, auditEvents, logins, loginFailures, lockouts };
}

// One registry per process, also across hot reloads in development.
const globalForMetrics = globalThis as unknown as { __mspMetrics?: Metrics };

export function getMetrics(): Metrics {
  return (globalForMetrics.__mspMetrics ??= createMetrics());
}

/** Counts one recorded audit event (lib/audit/record-audit-event.ts); login steps also by themselves. */
export function countAuditEvent(event: { action: string; result: 'success' | 'failure' | 'denied' }): void {
  const metrics = getMetrics();
  metrics.auditEvents.inc({ action: event.action, result: event.result });
  if (!event.action.startsWith('login.')) return;
  const step = event.action.slice('login.'.length);
  if (step === 'lockout') metrics.lockouts.inc();
  if (event.result !== 'success') metrics.loginFailures.inc({ step });
  else if (step === 'completed') metrics.logins.inc();
}
