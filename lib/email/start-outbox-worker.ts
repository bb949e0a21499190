import 'server-only';
import { getDb } from '@/db/client';
import { getEnv, type Env } from '@/lib/env';
import { describeError, logger } from '@/lib/logging/logger';
import { createDevMailboxTransport } from './dev-mailbox-transport';
import type { EmailTransport } from './email-transport';
import { processOutboxBatch } from './outbox-worker';
import { createResendTransport } from './resend-transport';

/** Resend with a key; the dev mailbox without one outside production; none in production without a key. */
export function selectOutboxTransport(env: Env): EmailTransport | null {
  if (env.RESEND_API_KEY) {
    return createResendTransport({ apiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM, baseUrl: env.RESEND_BASE_URL });
  }
  if (env.NODE_ENV !== 'production') return createDevMailboxTransport(() => getDb());
  return null;
}

export type OutboxWorkerHandle = { stop: () => Promise<void> };

type WorkerGlobal = typeof globalThis & { __mspOutboxWorker?: OutboxWorkerHandle };

/**
 * Polls the outbox every EMAIL_WORKER_INTERVAL_MS. One run at a time per process (a slow provider
 * must not stack runs); other instances are kept apart by the database (SKIP LOCKED + leases).
 */
export function startOutboxWorker(options: { intervalMs?: number; transport?: EmailTransport | null } = {}): OutboxWorkerHandle {
  const global = globalThis as WorkerGlobal;
  if (global.__mspOutboxWorker) return global.__mspOutboxWorker;

  const env = getEnv();
  const intervalMs = options.intervalMs ?? env.EMAIL_WORKER_INTERVAL_MS;
  const transport = options.transport === undefined ? selectOutboxTransport(env) : options.transport;
  if (!transport) {
    // Fail loudly once, but keep every email queued: setting the key later delivers them.
    logger.error(
      { event: 'email.no_transport' },
      'RESEND_API_KEY is not set in production: emails stay pending in the outbox and are not sent',
    );
  }

  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running || !transport) return;
    running = processOutboxBatch({ transport })
      .then(() => undefined)
      .catch((error: unknown) => {
        logger.error({ event: 'email.worker_error', err: describeError(error) }, 'outbox run failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  // The worker alone must never keep the process alive.
  timer.unref();

  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    process.off('SIGTERM', onSigterm);
    if (global.__mspOutboxWorker === handle) global.__mspOutboxWorker = undefined;
    await running;
  };
  const onSigterm = () => {
    // Keep the default behaviour (exit) when nobody else, e.g. Next's own server, handles SIGTERM.
    if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM');
    void stop();
  };
  process.once('SIGTERM', onSigterm);

  const handle: OutboxWorkerHandle = { stop };
  global.__mspOutboxWorker = handle;
  logger.info({ event: 'email.worker_started', transport: transport?.name ?? 'none', intervalMs }, 'email outbox worker started');
  return handle;
}
