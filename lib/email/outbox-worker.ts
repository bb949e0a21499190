import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { logger } from '@/lib/logging/logger';
import { claimOutboxEmails, type ClaimedEmail } from './claim-outbox-emails';
import type { EmailMessage } from './email-types';
import type { EmailTransport, SendResult } from './email-transport';
import { chooseRetryDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './outbox-backoff';
import { renderEmail } from './render-email';

export type ProcessOutboxOptions = {
  transport: EmailTransport;
  /** The worker's clock; tests move it forward instead of sleeping. */
  now?: Date;
  batchSize?: number;
  /** How long a claimed row stays reserved; must exceed the transport's timeout. */
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  db?: Db;
};

export type OutboxBatchResult = { claimed: number; sent: number; retried: number; failed: number; skipped: number };

export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 10;

async function prepare(row: ClaimedEmail) {
  if (!row.payloadEncrypted) throw new Error('payload missing');
  // Bound to the row id (enqueue-email.ts): a payload copied to another row does not open.
  const payload: unknown = JSON.parse(decryptSecret(row.payloadEncrypted, `email:${row.id}`));
  const message = { template: row.template, payload } as EmailMessage;
  const rendered = await renderEmail(message, isLocale(row.locale) ? row.locale : DEFAULT_LOCALE);
  return { outboxId: row.id, tenantId: row.tenantId, to: row.toAddress, ...rendered };
}

async function sendOne(row: ClaimedEmail, transport: EmailTransport): Promise<SendResult> {
  let email;
  try {
    email = await prepare(row);
  } catch (error) {
    // A payload that cannot be opened or rendered will not get better by retrying.
    return { outcome: 'reject', error: `cannot render: ${error instanceof Error ? error.name : 'error'}` };
  }
  try {
    return await transport.send(email);
  } catch (error) {
    return { outcome: 'retry', error: `transport error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
  }
}

/**
 * Sends the due emails of the outbox once: claim (short transaction), send outside any
 * transaction, then record the outcome. Updates only touch a row this run still holds
 * (status 'sending' with the attempt number it claimed), so a worker whose lease ran out
 * cannot overwrite the outcome of the worker that took the row over.
 */
export async function processOutboxBatch(options: ProcessOutboxOptions): Promise<OutboxBatchResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const { claimed, skipped } = await claimOutboxEmails(db, {
    now,
    batchSize: options.batchSize ?? 10,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
  });
  const result: OutboxBatchResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, skipped };

  for (const row of claimed) {
    const outcome = await sendOne(row, options.transport);
    const stillOurs = and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'sending'), eq(emailOutbox.attempts, row.attempts));
    if (outcome.outcome === 'sent') {
      result.sent += 1;
      await db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: new Date(), providerMessageId: outcome.providerMessageId, payloadEncrypted: null, lockedUntil: null, lastError: null })
        .where(stillOurs);
      logger.info({ event: 'email.sent', outboxId: row.id, template: row.template, attempt: row.attempts }, 'email sent');
      continue;
    }
    if (outcome.outcome === 'retry' && row.attempts < maxAttempts) {
      result.retried += 1;
      const delayMs = chooseRetryDelayMs({ attempt: row.attempts, retryAfterMs: outcome.retryAfterMs, options: options.backoff ?? DEFAULT_BACKOFF, random: options.random });
      await db
        .update(emailOutbox)
        .set({ status: 'pending', nextAttemptAt: new Date(now.getTime() + delayMs), lockedUntil: null, lastError: outcome.error })
        .where(stillOurs);
      logger.warn({ event: 'email.retry', outboxId: row.id, attempt: row.attempts, delayMs, error: outcome.error }, 'email send failed, will retry');
      continue;
    }
    result.failed += 1;
    await db
      .update(emailOutbox)
      .set({ status: 'failed', payloadEncrypted: null, lockedUntil: null, lastError: outcome.error })
      .where(stillOurs);
    logger.error({ event: 'email.failed', outboxId: row.id, template: row.template, attempt: row.attempts, error: outcome.error }, 'email failed');
  }
  return result;
}
